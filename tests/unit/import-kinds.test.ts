// Crafted documents of kinds a planner also receives: a 考核实施细则 with its scoring table, a unit's 工作台账 workbook
// with progress columns, and a county's 政府工作报告 itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { parseDocument } from '../../core/import/parse/index';

const figures = (p: { targets: { name: string; unit: string; milestones: { year: number; value: string }[] }[] }) =>
  p.targets.map((g) => `${g.name} ${g.milestones.map((m) => `${m.year}:${m.value}`).join(' ')}${g.unit}`);

test('a 考核细则: each row of its scoring table is a measure (考核内容 its text, the 分值 and 评分标准 no part of it), the 加减分 rows none; the scoring prose no task', async () => {
  const text = ['某市2024年度优化营商环境工作考核实施细则', '一、考核内容和分值', '考核实行百分制，由基础分和加减分两部分组成。', '考核评分表',
    ['序号', '考核项目', '考核内容', '分值', '评分标准', '责任单位'].join('\t'),
    ['1', '政务服务效能', '全年新增“一件事”集成服务事项15项以上', '6', '完成得满分，每少1项扣0.5分', '市数据局'].join('\t'),
    ['2', '政务服务效能', '6月底前实现企业开办全程网办，办理时限压缩至0.5个工作日以内', '5', '未完成不得分', '市市场监管局（牵头）、市税务局'].join('\t'),
    ['3', '加减分项目', '获得国家级改革试点的加2分', '2', '按文件认定', '各县（市、区）人民政府'].join('\t'), '二、附则', '本细则由市营商办负责解释。'].join('\n');
  const [p] = (await parseDocument('细则.txt', Buffer.from(text, 'utf8'))).plans;
  assert.deepEqual(p!.tasks.map((t) => [t.title, t.leadUnits.join('、'), t.responsibleUnits.join('、'), t.deadline]), [
    ['全年新增“一件事”集成服务事项15项以上', '', '市数据局', '2024-12-31'], ['6月底前实现企业开办全程网办', '市市场监管局', '市税务局', '2024-06-30'],
  ]);
  assert.ok(p!.tasks.every((t) => !/扣|满分|不得分/.test(t.body)));
  assert.deepEqual(figures(p!), ['新增“一件事”集成服务事项 2024:15项', '办理时限 2024:0.5个工作日']);
});

test('a 工作台账 workbook: its title line names it, 任务类别 groups the rows, 责任人 and the progress columns are no units, no text and no targets of the tasks', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('重点任务台账');
  ws.addRow(['某区2024年重点工作任务推进台账']);
  ws.addRow(['序号', '任务类别', '工作任务', '目标要求', '牵头单位', '责任单位', '责任人', '完成时限', '1—6月进展情况', '存在问题']);
  ws.addRow([1, '项目建设', '实施重大项目攻坚行动', '新开工项目20个，完成投资12亿元', '区发展改革局', '区住房城乡建设局', '沈国华（局长）', '2024年12月', '已开工11个，完成投资5.8亿元', '要素保障偏紧']);
  ws.addRow([2, '项目建设', '推进老旧小区改造', '改造老旧小区28个、加装电梯40部', '区住房城乡建设局', '各街道', '周明远（副区长）', '按季度', '已全部开工，加装电梯17部', '无']);
  ws.addRow([3, '民生保障', '实施就业促进行动', '城镇新增就业6800人，开展补贴性职业技能培训1.2万人次', '区人力资源社会保障局', '区教育局', '黄敏（局长）', '持续推进', '新增就业3560人', '无']);
  ws.mergeCells('B3:B4');
  const [p] = (await parseDocument('台账.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).plans;
  assert.deepEqual([p!.title, p!.kind, p!.periodStart, p!.periodEnd], ['某区2024年重点工作任务推进台账', 'action_plan', 2024, 2024]);
  assert.deepEqual(p!.tasks.map((t) => [t.path.join('/'), t.title, t.leadUnits.join('、'), t.responsibleUnits.join('、'), t.deadline]), [
    ['项目建设', '实施重大项目攻坚行动', '区发展改革局', '区住房城乡建设局', '2024-12-31'], ['项目建设', '推进老旧小区改造', '区住房城乡建设局', '各街道', '长期'],
    ['民生保障', '实施就业促进行动', '区人力资源社会保障局', '区教育局', '长期'],
  ]);
  assert.ok(p!.tasks.every((t) => !/已开工|已全部|新增就业3560|要素保障/.test(t.body)));
  assert.deepEqual(figures(p!), ['新开工项目 2024:20个', '完成投资 2024:12亿元', '改造老旧小区 2024:28个', '加装电梯 2024:40部', '城镇新增就业 2024:6800人', '开展补贴性职业技能培训 2024:1.2万人次']);
});

test('a 政府工作报告: 各位代表： opens a speech, not a reply; last year’s review is background; this year’s goals and the lead-phrase paragraphs are its targets and tasks', async () => {
  const text = ['某县2024年政府工作报告', '政府工作报告', '——2024年1月16日在某县第十八届人民代表大会第四次会议上', '县长　某某', '各位代表：',
    '　　现在，我代表县人民政府向大会报告工作，请予审议。', '　　一、2023年工作回顾', '　　工业经济企稳向好。全县新增规模以上工业企业37家。',
    '　　二、2024年工作总体要求和目标任务', '　　今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右，单位地区生产总值能耗降低和主要污染物排放总量减少完成市下达目标。',
    '　　三、2024年重点工作', '　　（一）聚焦扩大有效需求', '　　坚持项目为王。全年实施县级重点项目120个，重点推进年产5万吨高性能纤维项目建设，县科创孵化园年内投入运营。', '　　精准招商引资。开展驻点招商和以商招商。',
    '　　四、加强政府自身建设', '　　坚持依法行政。自觉接受县人大及其常委会的法律监督。', '　　各位代表！新征程催人奋进，让我们团结一心，为建设美丽某县而努力奋斗！'].join('\n');
  const [p] = (await parseDocument('报告.txt', Buffer.from(text, 'utf8'))).plans;
  assert.deepEqual([p!.title, p!.kind, p!.periodStart, p!.periodEnd], ['某县2024年政府工作报告', 'action_plan', 2024, 2024]);
  assert.deepEqual(p!.tasks.map((t) => [t.title, t.kind, t.deadline]), [['坚持项目为王', 'task', '2024-12-31'], ['精准招商引资', 'task', undefined], ['坚持依法行政', 'safeguard', undefined]]);
  assert.deepEqual(figures(p!), ['地区生产总值增长 2024:6%', '单位地区生产总值能耗降低 2024:完成市下达目标', '主要污染物排放总量减少 2024:完成市下达目标', '实施县级重点项目 2024:120个']);
});

test('a town’s plan: a line 责任领导：…　责任单位：…　完成时限：… gives units and deadline (the leader no unit); a count done in the year has no baseline; a 目录 without page numbers heads nothing, so 工作要求 holds safeguards; 镇纪委要… names 镇纪委', async () => {
  const text = ['某镇2024年重点工作计划', '目　录', '一、工作目标', '二、重点工作', '三、工作要求', '附表　重点任务分工表',
    '2023年，全镇改造农村危房9户，一般公共预算收入1.28亿元。', '一、工作目标', '一般公共预算收入达到1.36亿元。', '二、重点工作', '（一）乡村建设',
    '1.改造农村危房。改造农村危房12户，整治村内河塘18口。', '责任领导：许文斌　责任单位：镇农业农村办、各村（社区）　完成时限：6月底前',
    '2.优化企业帮办服务。每月走访规上企业。', '责任单位：镇经发办、镇属各单位　完成时限：每月', '三、工作要求', '（一）严格考核问效。将重点工作纳入年度考核；镇纪委要加强对重点工作落实情况的监督。'].join('\n');
  const [p] = (await parseDocument('计划.txt', Buffer.from(text, 'utf8'))).plans;
  assert.deepEqual(p!.tasks.map((t) => [t.path[0], t.title, t.responsibleUnits.join('、'), t.deadline]).slice(0, 2), [
    ['二、重点工作', '改造农村危房', '镇农业农村办、各村（社区）', '2024-06-30'], ['二、重点工作', '优化企业帮办服务', '镇经发办、镇属各单位', '长期'],
  ]);
  assert.deepEqual(p!.tasks.map((t) => [t.path[0], t.kind, t.responsibleUnits.join('、')]).slice(2), [['三、工作要求', 'safeguard', '镇纪委']]);
  assert.deepEqual(p!.targets.map((g) => `${g.name} ${g.milestones[0]!.value}${g.unit} ${g.baseline?.value ?? '-'}`), ['一般公共预算收入 1.36亿元 1.28', '改造农村危房 12户 -', '整治村内河塘 18口 -']);
});
