// A small, realistic plan used by the service and end-to-end tests: two plans, chapters, units, targets with milestones.
import type { InterchangePlan } from '../../contract/interchange';

export function fixturePlans(): InterchangePlan[] {
  return [
    {
      id: 'fx-plan-a', title: '某区建设智造强区"十四五"规划', docNumber: '某府发〔2021〕18号', issuer: '某区人民政府', issued: '2021-07-12',
      periodStart: 2021, periodEnd: 2025, kind: 'plan', source: { file: 'fixture.txt', line: 1 },
      targets: [
        { id: 'fx-g1', code: '1', name: '规上工业总产值', unit: '亿元', category: '经济发展', attribute: '预期性',
          baseline: { year: 2020, value: '780' }, milestones: [{ year: 2025, value: '1300', qualifier: '', cumulative: false }],
          scope: 'table', taskId: null, responsibleUnits: ['区经济信息委'] },
        { id: 'fx-g2', code: '2', name: '单位工业增加值能耗下降', unit: '%', category: '绿色发展', attribute: '约束性',
          baseline: { year: 2020, value: '—' }, milestones: [{ year: 2025, value: '[15]', qualifier: '', cumulative: true }],
          scope: 'table', taskId: null, responsibleUnits: ['区发展改革委'] },
      ],
      tasks: [
        { id: 'fx-t1', code: '(一)', path: ['三、主要任务', '(一)做强先进制造业'], title: '培育氢能产业集群。', body: '培育氢能产业集群。依托龙头企业,建设加氢站5座,一是完善产业链,二是招引配套企业。',
          kind: 'task', leadUnits: ['区经济信息委'], responsibleUnits: ['区发展改革委', '区科技局'], subpoints: ['完善产业链', '招引配套企业'] },
        { id: 'fx-t2', code: '(二)', path: ['三、主要任务', '(一)做强先进制造业'], title: '发展芯片设计与封测。', body: '发展芯片设计与封测。引进集成电路设计企业10家以上。',
          kind: 'task', leadUnits: ['区科技局'], responsibleUnits: ['区经济信息委'], subpoints: [] },
        { id: 'fx-t3', code: '(三)', path: ['三、主要任务', '(二)推进数字化转型'], title: '实施智能化改造。', body: '实施智能化改造。推动规上工业企业智能化改造全覆盖。',
          kind: 'task', leadUnits: ['区经济信息委'], responsibleUnits: [], subpoints: [] },
        { id: 'fx-t4', code: '1', path: ['专栏3-2 重点项目'], title: '新能源汽车零部件产业园项目', body: '新能源汽车零部件产业园项目,总投资50亿元。',
          kind: 'project', leadUnits: ['区招商投资局'], responsibleUnits: [], subpoints: [] },
        { id: 'fx-t5', code: '(一)', path: ['五、保障措施'], title: '加强组织领导。', body: '加强组织领导。建立工作推进机制。',
          kind: 'safeguard', leadUnits: ['区政府办公室'], responsibleUnits: [], subpoints: [] },
      ],
    },
    {
      id: 'fx-plan-b', title: '某市推动中小企业发展若干政策措施', docNumber: '某府办发〔2024〕14号', issuer: '某市人民政府办公厅', issued: '2024-02-04',
      periodStart: 2024, periodEnd: 2027, kind: 'measures', source: { file: 'fixture.txt', line: 200 },
      targets: [],
      tasks: [
        { id: 'fx-m1', code: '1', path: ['政策措施'], title: '加大融资支持。', body: '加大融资支持。对专精特新企业给予贷款贴息。',
          kind: 'measure', leadUnits: ['市财政局'], responsibleUnits: ['市经济信息委'], subpoints: [] },
        { id: 'fx-m2', code: '2', path: ['政策措施'], title: '强化人才保障。', body: '强化人才保障。支持企业引进高层次人才。',
          kind: 'measure', leadUnits: ['市人力社保局'], responsibleUnits: [], subpoints: [] },
      ],
    },
  ];
}
