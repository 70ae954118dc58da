// A small database for the report and returns tests: two plans with chapters, units, targets with milestones, 专栏 projects and a round.
import type { InterchangePlan, InterchangeTask, InterchangeTarget } from '../../contract/interchange';
import { databaseWith, type TestDb } from './db';

export const ROUND = '2023年中期评估';
export const CUTOFF = '2023-06-30';
const GX = '市工业和信息化局', FG = '市发展改革委', KJ = '市科技局', TJ = '市统计局';

const ev = (status: string, progress: number | null, evidence = '', problems = '', nextSteps = '') =>
  ({ [ROUND]: { cutoff: CUTOFF, status, progress, evidence, problems, nextSteps, note: '', reporter: '', reportedOn: '' } });
const actual = (value: string, dataSource = '市统计局年报') =>
  ({ [ROUND]: { cutoff: CUTOFF, actual: value, dataSource, note: '', verdictOverride: '', overrideReason: '', reporter: '', reportedOn: '' } });

function task(id: string, path: string[], title: string, lead: string[], resp: string[], more: Partial<InterchangeTask> = {}): InterchangeTask {
  return { id, code: '', path, title, body: title, kind: 'task', leadUnits: lead, responsibleUnits: resp, subpoints: [], ...more };
}
function target(id: string, name: string, unit: string, base: string | null, ms: [number, string, string?, boolean?][], resp: string[], more: Partial<InterchangeTarget> = {}): InterchangeTarget {
  return {
    id, code: '', name, unit, category: '经济发展', attribute: '预期性', baseline: { year: 2020, value: base },
    milestones: ms.map(([year, value, qualifier, cumulative]) => ({ year, value, qualifier: qualifier ?? '', cumulative: !!cumulative })),
    scope: 'table', taskId: null, responsibleUnits: resp, ...more,
  };
}

const LONG = '推动重点企业开展智能化改造和数字化转型,全市累计建成智能工厂12家、数字化车间86个,规模以上工业企业关键工序数控化率达到58.6%,较2020年提高9.2个百分点;工业互联网标识解析二级节点上线运行,接入企业超过300家。';

export const PLANS: InterchangePlan[] = [{
  id: 'p-zz', title: '某市“十四五”制造业高质量发展规划', docNumber: '某政发〔2021〕12号', issuer: '某市人民政府', issued: '2021-09-01',
  periodStart: 2021, periodEnd: 2025, kind: 'plan', source: { file: null, line: null },
  targets: [
    target('g-zjz', '规模以上工业增加值', '亿元', '1000', [[2022, '1200'], [2025, '1500']], [TJ, GX], { evaluation: actual('1180') }),
    target('g-nh', '单位工业增加值能耗下降', '%', null, [[2025, '13.5', '', true]], [GX], { attribute: '约束性', evaluation: actual('6.2') }),
    target('g-yf', '研发经费投入强度', '%', '2.5', [[2025, '3.0', '以上']], [KJ, TJ], { evaluation: actual('2.71') }),
    target('g-qy', '规模以上工业企业数量', '家', '1850', [[2025, '2300']], [GX]),
  ],
  tasks: [
    task('t-1', ['第三章 发展重点', '一、壮大先进制造业集群'], '培育新能源汽车和智能网联汽车产业集群', [GX], [FG, KJ], { evaluation: ev('序时推进', 55, LONG, '关键零部件本地配套率偏低。', '加快引进动力电池配套项目。') }),
    task('t-2', ['第三章 发展重点', '一、壮大先进制造业集群'], '建设集成电路特色工艺生产线', [GX, FG], [KJ], { evaluation: ev('滞后', 20, '=SUM(A1:A9) 项目前期手续办理中', '-土地指标未落实', '@市自然资源局协调') }),
    task('t-3', ['第三章 发展重点', '二、推动数字化转型'], '实施智能制造“十百千”工程', [GX], [], { evaluation: ev('已完成', 100, '已完成全部年度目标。') }),
    task('t-4', ['第四章 保障措施'], '完善制造业高质量发展政策体系', [FG], [GX], { kind: 'safeguard' }),
    task('t-5', ['专栏1 重大项目'], '年产10GWh动力电池项目', [GX], [FG], { kind: 'project', body: '总投资120亿元,建设动力电池电芯及模组生产线。', evaluation: ev('超序时', 70, '一期厂房主体完工,设备进场调试。') }),
    task('t-6', ['专栏1 重大项目'], '12英寸特色工艺晶圆生产线', [FG], [GX, KJ], { kind: 'project', body: '建设月产3万片12英寸晶圆生产线。' }),
  ],
}, {
  id: 'p-kj', title: '某市科技创新“十四五”规划', docNumber: null, issuer: '某市人民政府', issued: '2021-10-01',
  periodStart: 2021, periodEnd: 2025, kind: 'plan', source: { file: null, line: null },
  targets: [target('g-gq', '高新技术企业数', '家', '900', [[2025, '1500']], [KJ], { evaluation: actual('1210', '市科技局') })],
  tasks: [task('k-1', ['第二章 主要任务'], '建设综合性科学中心', [KJ], [FG], { evaluation: ev('未启动', 0) })],
}];

/** The report fixture's database: both plans with their evaluations in the round 2023年中期评估. */
export const makeFixture = (): TestDb => databaseWith(PLANS, { name: ROUND, cutoff: CUTOFF });

export const UNITS = { GX, FG, KJ, TJ };
