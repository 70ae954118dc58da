// Tables of every kind: a Word table with merged cells and a two-row header, a Word 分工表 with group rows, a
// workbook holding a 分工表 (merged 重点任务, 主要预期目标 rows) and an indicator sheet as one plan; deadlines as
// written; the lines the parser could not place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { docxOf, wordPara } from '../helpers/files';
import { parseDocument } from '../../core/import/parse/index';
import { readDeadline } from '../../core/import/parse/text/deadlines';

const p = (text: string) => wordPara(text);
/** A cell: text, then gridSpan, then 'r' (vMerge restart) or 'c' (vMerge continue). */
const tc = (text: string, span = 1, merge = '') =>
  `<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${merge === 'r' ? '<w:vMerge w:val="restart"/>' : merge === 'c' ? '<w:vMerge/>' : ''}</w:tcPr>${p(text)}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;

const docx = docxOf;

test('a Word table with merged cells and a header of two rows', async () => {
  const table = `<w:tbl>${[
    tr(tc('序号', 1, 'r'), tc('指标类别', 1, 'r'), tc('指标名称', 1, 'r'), tc('单位', 1, 'r'), tc('2020年基准值', 1, 'r'), tc('目标值', 2), tc('属性', 1, 'r')),
    tr(tc('', 1, 'c'), tc('', 1, 'c'), tc('', 1, 'c'), tc('', 1, 'c'), tc('', 1, 'c'), tc('2023年'), tc('2025年'), tc('', 1, 'c')),
    tr(tc('1'), tc('环境质量', 1, 'r'), tc('细颗粒物（PM2.5）年均浓度'), tc('微克/立方米'), tc('24'), tc('23'), tc('22以内'), tc('约束性')),
    tr(tc('2'), tc('', 1, 'c'), tc('耕地保有量'), tc('万亩'), tc('—'), tc('完成市下达目标', 2), tc('约束性')),
  ].join('')}</w:tbl>`;
  const data = await docx(p('某区“十四五”生态环境保护规划') + p('一、主要指标') + p('表1 主要指标') + table + p('二、重点任务') + p('1.推进大气污染防治。开展扬尘整治。'));
  const [plan] = (await parseDocument('规划.docx', data)).plans;
  const t = plan!.targets.filter((g) => g.scope === 'table');
  assert.deepEqual(t.map((g) => [g.category, g.name, g.unit, g.baseline.value, g.milestones.map((m) => `${m.year}:${m.value}`).join(' '), g.attribute]), [
    ['环境质量', '细颗粒物（PM2.5）年均浓度', '微克/立方米', '24', '2023:23 2025:22以内', '约束性'],
    ['环境质量', '耕地保有量', '万亩', null, '2023:完成市下达目标 2025:完成市下达目标', '约束性'],
  ]);
  assert.equal(t[0]!.milestones[1]!.qualifier, '以内');
  assert.equal(t[1]!.milestones[0]!.qualifier, '', 'a phrase value has no qualifier');
});

test('a 专栏 box holding its title, a nested indicator table and its 注 gives the table as a table', async () => {
  const inner = `<w:tbl>${[tr(tc('类别'), tc('指标'), tc('单位'), tc('2020年'), tc('2025年'), tc('属性')), tr(tc('产业规模', 1, 'r'), tc('软件业务收入'), tc('亿元'), tc('320'), tc('800'), tc('预期性')),
    tr(tc('', 1, 'c'), tc('规模以上软件企业数'), tc('家'), tc('180'), tc('400'), tc('预期性'))].join('')}</w:tbl>`;
  const box = `<w:tbl><w:tr><w:tc><w:tcPr/>${p('专栏1 软件和信息服务业发展主要指标')}${inner}${p('注：[ ]内为累计数。')}</w:tc></w:tr></w:tbl>`;
  const data = await docx(p('某市软件和信息服务业发展“十四五”规划') + p('一、发展目标') + box + p('二、重点任务') + p('1.培育龙头企业。支持企业做大做强。（责任单位：市工信局）'));
  const [plan] = (await parseDocument('规划.docx', data)).plans;
  assert.deepEqual(plan!.targets.map((g) => [g.scope, g.category, g.name, g.unit, g.milestones.map((m) => m.value).join(' ')]), [
    ['table', '产业规模', '软件业务收入', '亿元', '800'], ['table', '产业规模', '规模以上软件企业数', '家', '400'],
  ]);
});

test('a Word 分工表: group rows are headings, each row a task with its units and deadline', async () => {
  const table = `<w:tbl>${[
    tr(tc('序号'), tc('重点任务'), tc('牵头单位'), tc('责任单位'), tc('完成时限')),
    tr(tc('一、强化基础设施', 5)),
    tr(tc('1'), tc('建设政务云平台，推动部门业务系统全部上云。'), tc('市数据局'), tc('市财政局、市委网信办'), tc('2023年12月底前')),
    tr(tc('2'), tc('健全数据共享机制，年度数据共享需求满足率达到95%以上。'), tc('市数据局'), tc('市直各部门'), tc('长期坚持')),
    tr(tc('二、提升服务效能', 5)),
    tr(tc('3'), tc('推行高频事项“免证办”，实现100项以上事项免提交证照。'), tc('市数据局'), tc('市公安局'), tc('2024年12月')),
  ].join('')}</w:tbl>`;
  const [plan] = (await parseDocument('分工.docx', await docx(p('某市数字政府建设三年行动重点任务分工方案（2023—2025年）') + p('二、重点任务分工') + table))).plans;
  assert.deepEqual(plan!.tasks.map((t) => [t.code, t.title, t.path.at(-1), t.leadUnits, t.responsibleUnits, t.deadline]), [
    ['1', '建设政务云平台', '一、强化基础设施', ['市数据局'], ['市财政局', '市委网信办'], '2023-12-31'],
    ['2', '健全数据共享机制', '一、强化基础设施', ['市数据局'], ['市直各部门'], '长期'],
    ['3', '推行高频事项“免证办”', '二、提升服务效能', ['市数据局'], ['市公安局'], '2024-12-31'],
  ]);
  const rate = plan!.targets.find((g) => g.name.includes('满足率'))!;
  assert.deepEqual([rate.scope, rate.taskId, rate.milestones.map((m) => m.year)], ['in_task', plan!.tasks[1]!.id, [2023, 2024, 2025]]);
});

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const tasks = wb.addWorksheet('任务分工');
  tasks.addRow(['某县2024年重点工作任务分工表']);
  tasks.mergeCells('A1:F1');
  tasks.addRow(['序号', '重点任务', '工作内容', '牵头单位', '配合单位', '完成时限']);
  tasks.addRow([1, '主要预期目标', '地区生产总值增长6%左右。', '县发改局', '县统计局', '全年']);
  tasks.addRow([2, '主要预期目标', '城镇新增就业3000人以上。', '县人社局', '各乡镇', '全年']);
  tasks.addRow([3, '扩大有效投资', '谋划储备重大项目80个以上。', '县发改局', '各有关部门', new Date(Date.UTC(2024, 5, 30))]);
  tasks.addRow([4, '扩大有效投资', '开工建设第二水厂。', '县水利局', '县住建局\n县财政局', '2024年10月底前']);
  tasks.mergeCells('B3:B4');
  tasks.mergeCells('B5:B6');
  const ind = wb.addWorksheet('主要指标');
  ind.addRow(['序号', '指标名称', '单位', '2023年', '2024年目标', '属性']);
  ind.addRow([1, '森林覆盖率', '%', 60.5, 61, '约束性']);
  for (let k = 0; k < 3; k++) ind.addRow([]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('a workbook with a 分工表 and an indicator sheet is one plan: tasks, deadlines, target rows and table targets', async () => {
  const { plans } = await parseDocument('分工表.xlsx', await workbook());
  assert.equal(plans.length, 1);
  const [plan] = plans;
  assert.deepEqual([plan!.title, plan!.periodStart, plan!.periodEnd, plan!.kind], ['某县2024年重点工作任务分工表', 2024, 2024, 'action_plan']);
  assert.deepEqual(plan!.tasks.map((t) => [t.title, t.path.at(-1), t.leadUnits, t.responsibleUnits, t.deadline]), [
    ['谋划储备重大项目80个以上', '扩大有效投资', ['县发改局'], ['各有关部门'], '2024-06-30'],
    ['开工建设第二水厂', '扩大有效投资', ['县水利局'], ['县住建局', '县财政局'], '2024-10-31'],
  ]);
  const table = plan!.targets.filter((g) => g.scope === 'table');
  assert.deepEqual(table.map((g) => [g.name, g.category, g.milestones.map((m) => `${m.year}:${m.value}${m.qualifier}`).join(' '), g.responsibleUnits.join('、')]), [
    ['森林覆盖率', '', '2024:61', ''], ['地区生产总值增长', '主要预期目标', '2024:6左右', '县发改局、县统计局'], ['城镇新增就业', '主要预期目标', '2024:3000以上', '县人社局、各乡镇'],
  ]);
  assert.deepEqual(table[0]!.baseline, { year: 2023, value: '60.5' });
  assert.deepEqual(plan!.targets.filter((g) => g.scope === 'in_task').map((g) => [g.name, g.milestones[0]!.value, g.taskId]), [['谋划储备重大项目', '80', plan!.tasks[0]!.id]]);
});

test('deadlines as written', () => {
  const cases: [string, string | null][] = [
    ['2022年6月底前', '2022-06-30'], ['2023年底前', '2023-12-31'], ['2023年底', '2023-12-31'], ['2024年12月', '2024-12-31'], ['2024年2月底', '2024-02-29'],
    ['2025年', '2025'], ['2021—2023年', '2023'], ['长期坚持', '长期'], ['持续推进', '长期'], ['每年12月底前', '长期'], ['2022年6月30日前', '2022-06-30'],
    ['2024年上半年', '2024-06-30'], ['完成时限：2024年9月底前', '2024-09-30'], ['加强领导', null],
    ['2022年起持续推进', '长期'], ['自2023年起每年', '长期'], ['分年度推进', '长期'], ['“十四五”期间', '2025'], ['十三五末', '2020'],
  ];
  for (const [s, want] of cases) assert.equal(readDeadline(s), want, s);
  assert.equal(readDeadline('全年', 2024), '2024-12-31');
});

test('lines the parser could not place are listed with their line numbers', async () => {
  const text = `某区招商引资行动方案(2024—2026年)\n一、重点任务\n全区招商引资到位资金完成情况另行通报,上年约120亿元。\n1.开展产业链招商。引进重点项目20个。(责任单位:区投促局)\n二、保障措施\n(一)加强组织领导。成立工作专班。\n`;
  const [plan] = (await parseDocument('方案.txt', Buffer.from(text))).plans;
  assert.deepEqual(plan!.unplaced, [{ line: 3, text: '全区招商引资到位资金完成情况另行通报,上年约120亿元。' }]);
  assert.deepEqual(plan!.tasks.map((t) => t.title), ['开展产业链招商', '加强组织领导']);
});

test('a tab-separated table whose groups stand in rows of their own: each row takes its group as its category', async () => {
  const text = [
    '某市“十四五”新型基础设施建设规划', '第一章 发展目标', '表1 主要指标',
    '序号\t指标名称\t单位\t2020年\t2025年\t属性',
    '一、信息基础设施',
    '1\t5G基站数量\t个\t1850\t9000\t预期性',
    '2\t千兆光网覆盖家庭比例\t%\t35\t＞90\t预期性',
    '二、创新基础设施',
    '3\t新型研发机构\t家\t6\t[15]\t预期性',
    '注：[]内为五年累计数。',
    '第二章 重点任务', '一、推进5G基站集约建设。将基站站址纳入国土空间规划，推动公共建筑向基站建设开放。',
  ].join('\n');
  const [plan] = (await parseDocument('规划.txt', Buffer.from(text))).plans;
  const t = plan!.targets.filter((g) => g.scope === 'table');
  assert.deepEqual(t.map((g) => [g.category, g.name, g.unit, g.baseline.value, g.milestones.map((m) => `${m.year}:${m.value}:${m.qualifier}:${m.cumulative}`).join(' ')]), [
    ['信息基础设施', '5G基站数量', '个', '1850', '2025:9000::false'],
    ['信息基础设施', '千兆光网覆盖家庭比例', '%', '35', '2025:＞90:>:false'],
    ['创新基础设施', '新型研发机构', '家', '6', '2025:[15]::true'],
  ]);
  assert.ok(!plan!.tasks.some((k) => /信息基础设施|创新基础设施/.test(k.title)), 'a group row is no task');
});

test('a 分工表 sheet whose header is two rows (责任单位 over 牵头单位 | 配合单位, 进度安排 over the quarters) gives lead and other units apart', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分工');
  ws.addRow(['某区2024年重点工作任务分工表']);
  ws.mergeCells('A1:I1');
  ws.addRow(['序号', '重点任务', '具体工作内容', '责任单位', '', '完成时限', '进度安排', '', '']);
  ws.addRow(['', '', '', '牵头单位', '配合单位', '', '一季度', '二季度', '三至四季度']);
  for (const r of ['A', 'B', 'C', 'F']) ws.mergeCells(`${r}2:${r}3`);
  ws.mergeCells('D2:E2');
  ws.mergeCells('G2:I2');
  ws.addRow(['一、扎实推进项目建设']);
  ws.mergeCells('A4:I4');
  ws.addRow([1, '扩大有效投资', '新开工亿元以上项目50个', '区发改局', '区重点项目服务中心、各街道办事处', '2024年12月底前', '开工15个', '开工20个', '开工15个']);
  ws.addRow([2, '争取债券资金', '争取地方政府专项债券资金15亿元', '区财政局', '区发改局', '全年', '申报', '发行', '使用']);
  ws.addRow(['二、优化营商环境']);
  ws.mergeCells('A7:I7');
  ws.addRow([3, '深化审批改革', '推行“一枚印章管审批”', '区行政审批局', '区市场监管局', '2024年6月底前', '', '', '']);
  const { plans } = await parseDocument('分工表.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  assert.deepEqual(plans[0]!.tasks.map((t) => [t.leadUnits, t.responsibleUnits, t.deadline]), [
    [['区发改局'], ['区重点项目服务中心', '各街道办事处'], '2024-12-31'],
    [['区财政局'], ['区发改局'], '2024-12-31'],
    [['区行政审批局'], ['区市场监管局'], '2024-06-30'],
  ]);
  // The quarterly steps are no targets.
  assert.deepEqual(plans[0]!.targets.map((g) => [g.name, g.milestones.map((m) => m.value).join('/')]), [['新开工亿元以上项目', '50'], ['地方政府专项债券资金', '15']]);
});

test('a project table: 工程名称 titles each project, 总投资（亿元） is its target for the end of its years, a 合计 row is no project', async () => {
  const [p] = (await parseDocument('规划.txt', Buffer.from(['某市智慧城市建设“十四五”规划', '第四章 重点工程', '专栏2 城市大脑重点工程',
    '序号\t工程名称\t主要建设内容\t总投资（亿元）\t建设期限\t责任单位', '1\t城市大脑中枢平台工程\t建设城市数据中台，汇聚各类数据资源50亿条以上\t6.2\t2021—2023年\t市数据资源局',
    '2\t智慧交通管控工程\t改造智能信号控制路口400个\t5.1\t2021—2025年\t市公安局、市交通运输局', '合计\t\t\t11.3\t\t'].join('\n'), 'utf8'))).plans;
  assert.deepEqual(p!.tasks.map((t) => [t.title, t.kind, t.deadline, t.responsibleUnits.join('、')]), [
    ['城市大脑中枢平台工程', 'project', '2023', '市数据资源局'], ['智慧交通管控工程', 'project', '2025', '市公安局、市交通运输局'],
  ]);
  assert.deepEqual(p!.targets.map((g) => [g.name, g.unit, g.milestones.map((m) => `${m.year}:${m.value}`).join(' '), p!.tasks.findIndex((t) => t.id === g.taskId)]), [
    ['汇聚各类数据资源', '亿条', '2023:50', 0], ['总投资', '亿元', '2023:6.2', 0], ['改造智能信号控制路口', '个', '2025:400', 1], ['总投资', '亿元', '2025:5.1', 1],
  ]);
});

test('an indicator table with 年均增速/累计: a total alone in it is the row’s figure, a marked baseline takes the year its note gives; goal text adds a year, rounds a rate, and restates', async () => {
  const [p] = (await parseDocument('规划.txt', Buffer.from(['某市智慧城市建设“十四五”规划', '一、发展目标',
    '到2025年，5G基站2023年达到4000个、2025年达到6000个以上，数字经济核心产业增加值达到400亿元、年均增长17%左右。',
    '表1 主要指标', '类别\t序号\t指标\t2020年（基期）\t2025年（目标）\t年均增速/累计\t指标属性',
    '数字底座\t1\t5G基站数（个）\t1850\t≥6000\t26.5%\t预期性', '\t2\t新建智慧社区（个）\t—\t—\t[50]\t预期性',
    '\t3\t政务服务事项“一网通办”率（%）\t85*\t≥98\t—\t约束性', '\t4\t数字经济核心产业增加值（亿元）\t182\t400\t17.1%\t预期性',
    '注：1.[ ]内为“十四五”期间累计数。2.标*的为2019年数据。', '二、重点任务',
    '（一）推进千兆光网建设。2020年全市10G-PON端口数达到1.2万个。每年新增10G-PON端口1.4万个以上。（责任单位：市通信发展管理办公室）'].join('\n'), 'utf8'))).plans;
  const show = (g: (typeof p)['targets'][number]) => [g.scope, g.name, g.baseline?.value ? `${g.baseline.year}:${g.baseline.value}` : '', g.milestones.map((m) => `${m.year}:${m.value}${m.cumulative ? '累计' : ''}`).join(' ')];
  assert.deepEqual(p!.targets.map(show), [
    ['table', '5G基站数', '2020:1850', '2023:4000 2025:≥6000'], ['table', '新建智慧社区', '', '2025:[50]累计'],
    ['table', '政务服务事项“一网通办”率', '2019:85', '2025:≥98'], ['table', '数字经济核心产业增加值', '2020:182', '2025:400'],
    ['in_task', '新增10G-PON端口', '', '2021:1.4 2022:1.4 2023:1.4 2024:1.4 2025:1.4'],
  ]);
});

test('a table flattened one cell per line under a header of two rows (2020年 and 2025年 under 指标值), 类别 before 序号 on its group’s first row only, a merged 属性 left out', async () => {
  const table = ['表1 某市科技创新主要指标', '类别', '序号', '指标名称', '单位', '指标值', '指标属性', '2020年', '2025年',
    '创新投入', '1', '全社会研发经费投入强度', '%', '2.15', '2.8', '预期性', '2', '全社会研发经费支出', '亿元', '38.6', '70', '预期性',
    '创新平台', '3', '省级以上重点实验室', '个', '58', '90', '4', '国家级科技企业孵化器', '个', '6', '12',
    '创新产出', '5', '技术合同成交额', '亿元', '12.5', '40', '预期性', '6', '区域创新能力全省排名', '位', '9', '进入前6', '预期性',
    '备注：“创新平台”类指标属性均为预期性。'];
  const [p] = (await parseDocument('规划.txt', Buffer.from(['某市“十四五”科技创新规划', '一、主要指标', ...table, '二、重点任务',
    '（一）建设创新平台。推动重点实验室提质扩量。（牵头单位：市科技局）'].join('\n'), 'utf8'))).plans;
  assert.deepEqual(p!.targets.map((g) => [g.category, g.name, g.unit, g.baseline?.value ?? '', g.milestones.map((m) => m.value).join(' ')]), [
    ['创新投入', '全社会研发经费投入强度', '%', '2.15', '2.8'], ['创新投入', '全社会研发经费支出', '亿元', '38.6', '70'],
    ['创新平台', '省级以上重点实验室', '个', '58', '90'], ['创新平台', '国家级科技企业孵化器', '个', '6', '12'],
    ['创新产出', '技术合同成交额', '亿元', '12.5', '40'], ['创新产出', '区域创新能力全省排名', '位', '9', '进入前6'],
  ]);
});

test('goal text gives a table row its other years (1.2万个 in the row’s 个), one goal its two years; a second table of 年度目标 adds its years to the first’s rows; a table’s 注 and 全覆盖 of a 覆盖率 row restate nothing new', async () => {
  const [p] = (await parseDocument('方案.txt', Buffer.from(['某县新型基础设施建设实施方案（2022—2025年）', '一、工作目标',
    '到2023年，公共充电桩达到1.2万个，数据中心标准机架数达到0.8万架；千兆宽带用户数2023年达到20万户、2025年达到45万户。',
    '到2025年，智能算力规模由2020年的120PFlops提高到800PFlops，村级视频监控实现全覆盖，“十四五”期间累计完成投资650亿元。',
    '每年滚动谋划新型基础设施项目100个以上，设立规模20亿元的新型基础设施产业投资基金。',
    '表1 主要指标', '序号\t指标\t单位\t2021年\t2025年\t属性', '1\t公共充电桩数量\t个\t4800\t2.3万\t预期性', '2\t数据中心标准机架数\t万架\t0.32\t1.2\t预期性',
    '3\t智能算力规模\tPFlops\t120\t800\t预期性', '4\t村级视频监控覆盖率\t%\t80\t100\t预期性', '5\t新型基础设施投资\t亿元\t—\t[650]\t预期性',
    '注：1.[ ]内为期间累计数；2.第4项指标2023年、2025年均保持100%。',
    '表2 重点指标年度目标', '序号\t指标\t单位\t2022年\t2023年\t2024年\t2025年', '1\t公共充电桩数量\t个\t0.8万\t1.2万\t1.8万\t2.3万', '2\t5G行业虚拟专网\t个\t10\t20\t40\t60',
    '二、重点任务', '（一）建设充电设施。新建公共充电桩1.8万个。（牵头单位：县发改局）'].join('\n'), 'utf8'))).plans;
  assert.deepEqual(p!.targets.map((g) => [g.scope, g.name, g.milestones.map((m) => `${m.year}:${m.value}`).join(' ')]), [
    ['table', '公共充电桩数量', '2022:0.8万 2023:1.2万 2024:1.8万 2025:2.3万'], ['table', '数据中心标准机架数', '2023:0.8 2025:1.2'],
    ['table', '智能算力规模', '2025:800'], ['table', '村级视频监控覆盖率', '2025:100'], ['table', '新型基础设施投资', '2025:[650]'],
    ['table', '5G行业虚拟专网', '2022:10 2023:20 2024:40 2025:60'],
    ['goal_text', '千兆宽带用户数', '2023:20 2025:45'], ['goal_text', '滚动谋划新型基础设施项目', '2022:100 2023:100 2024:100 2025:100'],
    ['goal_text', '新型基础设施产业投资基金规模', '2025:20'],
    ['in_task', '新建公共充电桩', '2025:1.8'],
  ]);
});

test('text copied out of a PDF: a table aligned with spaces keeps its rows, a name wrapped under its column joins its row, the part after a page break and its repeated header goes on', async () => {
  const body = '　　一、发展目标\n' + '到2025年，全县电子信息产业营业收入达到200亿元，营业收入超10亿元企业6家，“十四五”期间引进投资亿元以上电子信息项目30个。这一段文字很长很长很长很长很长很长很长很长，\n'.repeat(1);
  const wrap = Array.from({ length: 14 }, (_, k) => `这是第${k + 1}行被硬换行的正文，它一直写到页面的右边缘才换到下一行继续写`).join('\n');
  const table = [
    '表 1  某县电子信息产业主要指标',
    '类别      序号  指标名称                      单位      2020 年  2025 年         属性',
    '产业规模  1     电子信息产业营业收入          亿元      86       200             预期性',
    '          2     营业收入超10亿元电子信息      家        2        6               预期性',
    '                企业数',
    '          3     规模以上电子信息制造业增加    %         18.5     30左右          预期性',
    '                值占规模以上工业增加值比重',
    '',
    '                         — 3 —',
    '某县电子信息产业发展“十四五”规划',
    '类别      序号  指标名称                      单位      2020 年  2025 年         属性',
    '          4     新增标准厂房面积              万平方米  —        [60]            预期性',
    '融合支撑  5     5G基站数                      个        620      2000            预期性',
  ].join('\n');
  const text = ['某县电子信息产业发展“十四五”规划', wrap, body, table, '二、重点任务', '1.培育龙头企业。支持企业做大做强。（牵头单位：县工信局；责任单位：各区、县（市）人民政府）'].join('\n');
  const [p] = (await parseDocument('规划.txt', Buffer.from(text, 'utf8'))).plans;
  assert.deepEqual(p!.targets.filter((g) => g.scope !== 'in_task').map((g) => [g.scope, g.category, g.name, g.unit, g.milestones.map((m) => m.value).join(' ')]), [
    ['table', '产业规模', '电子信息产业营业收入', '亿元', '200'], ['table', '产业规模', '营业收入超10亿元电子信息企业数', '家', '6'],
    ['table', '产业规模', '规模以上电子信息制造业增加值占规模以上工业增加值比重', '%', '30左右'], ['table', '产业规模', '新增标准厂房面积', '万平方米', '[60]'],
    ['table', '融合支撑', '5G基站数', '个', '2000'], ['goal_text', '', '引进投资亿元以上电子信息项目', '个', '30'],
  ]);
  assert.deepEqual(p!.tasks[0]!.responsibleUnits, ['各区、县（市）人民政府']);
});

test('a Word table whose first rows are its title and its 单位 line across it: the header is the row under them', async () => {
  const table = `<w:tbl>${[tr(tc('表1 某市数字经济发展主要指标', 6)), tr(tc('单位：亿元', 6)), tr(tc('序号'), tc('指标'), tc('单位'), tc('2020年'), tc('2025年'), tc('属性')),
    tr(tc('1'), tc('数字经济核心产业增加值'), tc('亿元'), tc('320'), tc('800'), tc('预期性')), tr(tc('2'), tc('软件业务收入'), tc('亿元'), tc('120'), tc('300'), tc('预期性'))].join('')}</w:tbl>`;
  const [plan] = (await parseDocument('规划.docx', await docx(p('某市数字经济发展“十四五”规划') + p('一、主要指标') + table + p('二、重点任务') + p('1.培育龙头企业。支持企业做大做强。（责任单位：市工信局）')))).plans;
  assert.deepEqual(plan!.targets.map((g) => [g.name, g.unit, g.baseline.value, g.milestones.map((m) => m.value).join(' ')]), [['数字经济核心产业增加值', '亿元', '320', '800'], ['软件业务收入', '亿元', '120', '300']]);
});

test('a note’s mark after a name or its unit (①) is part of neither; rows set apart by spaces that do not line up are read cell by cell when they have the header’s cells', async () => {
  const rows = [['序号', '指标名称', '2020年基期值', '2025年目标值', '年均增速（%）', '指标属性'], ['1', '数字经济增加值（亿元）', '1650', '3000', '12.7', '预期性'],
    ['2', '每万人拥有5G基站数（个）①', '4.5', '20', '—', '预期性'], ['3', 'IPv6活跃用户占比②（%）', '45', '75', '—', '预期性']];
  for (const sep of ['\t', '    ']) {
    const text = ['某市数字经济发展“十四五”规划', '一、发展目标', '表1 “十四五”时期数字经济发展主要指标', ...rows.map((r) => r.join(sep)), '注：①按常住人口计算。',
      '二、重点任务', '（一）建设新型基础设施。推进5G网络建设。（责任单位：市通信管理办）'].join('\n');
    const [plan] = (await parseDocument('规划.txt', Buffer.from(text, 'utf8'))).plans;
    assert.deepEqual(plan!.targets.map((g) => [g.name, g.unit, g.baseline?.value, g.milestones.map((m) => `${m.year}:${m.value}`).join(' ')]), [
      ['数字经济增加值', '亿元', '1650', '2025:3000'], ['每万人拥有5G基站数', '个', '4.5', '2025:20'], ['IPv6活跃用户占比', '%', '45', '2025:75'],
    ], JSON.stringify(sep));
  }
});
