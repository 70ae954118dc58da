// Crafted texts of yearly documents and replies: a 政府工作报告 分工方案's 主要预期目标 beside last year's results, the
// years of yearly figures in a reply, and the baselines a reply's account of what was done gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../core/import/parse/index';

const parse = async (text: string) => (await parseDocument('测试.txt', Buffer.from(text, 'utf8'))).plans;
const figures = (p: { targets: { name: string; unit: string; milestones: { year: number; value: string }[]; baseline?: { year: number | null; value: string | null } }[] }) =>
  p.targets.map((g) => `${g.name} ${g.milestones.map((m) => `${m.year}:${m.value}`).join(' ')}${g.unit}${g.baseline?.value ? ` (${g.baseline.year}:${g.baseline.value})` : ''}`);

test('a yearly 分工方案 issued by a notice naming 2024年《政府工作报告》…: its own title; this year’s targets (比上年增长 too), not last year’s results read on across ；', async () => {
  const [p] = await parse(['某政发〔2024〕3号', '某县人民政府关于印发2024年《政府工作报告》重点工作任务分工方案的通知', '各乡镇人民政府，县政府各部门：',
    '现将《2024年〈政府工作报告〉重点工作任务分工方案》印发给你们，请认真抓好落实。', '某县人民政府', '2024年2月8日',
    '某县2024年《政府工作报告》重点工作任务分工方案', '一、主要预期目标',
    '2023年，全县地区生产总值增长5.8%；规模以上工业增加值增长7.2%；一般公共预算收入完成12.9亿元，同口径增长4.6%。2024年全县主要预期目标是：',
    '1.地区生产总值同比增长6%左右。（牵头单位：县发展改革委）', '2.一般公共预算收入比上年增长5%。（牵头单位：县财政局）',
    '二、重点工作任务', '1.实施重点产业链提升行动。全年引进亿元以上产业项目25个。（牵头单位：县工业和信息化局；完成时限：2024年12月底）'].join('\n'));
  assert.deepEqual([p!.title, p!.periodStart, p!.periodEnd], ['某县2024年《政府工作报告》重点工作任务分工方案', 2024, 2024]);
  assert.deepEqual(figures(p!), ['地区生产总值同比增长 2024:6%', '一般公共预算收入比上年增长 2024:5%', '引进亿元以上产业项目 2024:25个']);
});

test('a reply: yearly figures over the years it names (2024年至2025年，每年…; 2024—2025年每年…); 24小时便利店 names a kind of shop; the figures of earlier years it tells of are baselines', async () => {
  const [p] = await parse(['关于市政协九届三次会议第0217号提案的复函', '民盟市委会：', '贵会提出的《关于加快发展县域商业的提案》收悉，现函复如下：',
    '一、关于发展便利店的建议', '截至2023年底，全市24小时便利店达到14家，较上年增加5家。今年以来，已新开便利店3家。',
    '下一步，我局将会同市财政局，2024年至2025年，每年安排便利店发展专项资金不少于500万元；2024—2025年每年培训便利店店长不少于100人次。到2025年，全市24小时便利店达到25家以上。',
    '感谢贵会对商务工作的关心和支持。', '某市商务局', '2024年7月12日'].join('\n'));
  assert.equal(p!.kind, 'reply');
  assert.deepEqual(figures(p!), ['安排便利店发展专项资金 2024:500 2025:500万元', '培训便利店店长 2024:100 2025:100人次', '全市24小时便利店 2025:25家 (2023:14)']);
});

test('a 工作要点 of one year: its goals after 全年主要目标是： in the opening; dates in its items’ text (年内…, 三季度前…, 6月底前…) are their deadlines; X落实，Y督导 are its units', async () => {
  const [p] = await parse(['某市2024年数字经济工作要点', '2024年是实施“十四五”规划的关键一年。全年主要目标是：数字经济核心产业增加值增长10%以上，新增数字经济核心产业规模以上企业60家。',
    '一、加快数字基础设施建设', '1.推进5G网络深度覆盖。年内新建5G基站1500个。（市通信发展管理办公室牵头，市住房城乡建设局配合）',
    '2.统筹布局算力基础设施。加快云数据中心二期建设，三季度前完成主体工程。（市发展改革委牵头）',
    '3.完善公共数据资源体系。6月底前完成公共数据资源目录更新。（市数据局负责）',
    '4.推进市政设施数字化改造。年内完成城区主干道智慧杆塔改造300根。（各区县政府落实，市数据局督导）'].join('\n'));
  assert.deepEqual([p!.periodStart, p!.periodEnd], [2024, 2024]);
  assert.deepEqual(p!.tasks.map((t) => [t.deadline, t.leadUnits.join('、'), t.responsibleUnits.join('、')]), [
    ['2024-12-31', '市通信发展管理办公室', '市住房城乡建设局'], ['2024-09-30', '市发展改革委', ''], ['2024-06-30', '', '市数据局'], ['2024-12-31', '', '各区县政府、市数据局'],
  ]);
  assert.deepEqual(figures(p!), ['数字经济核心产业增加值增长 2024:10%', '新增数字经济核心产业规模以上企业 2024:60家', '新建5G基站 2024:1500个', '完成城区主干道智慧杆塔改造 2024:300根']);
});

test('a text copied out of a PDF whose lines break anywhere, its paragraphs set in: joined up to each indent or heading, across page breaks; a later year may shorten a goal’s name; 自2024年起每年… in a clause', async () => {
  const text = ['某省人民政府办公厅关于加快推进', '农村寄递物流体系建设的实施意见', '', '某政办发〔2023〕21号', '', '各市州人民政府，省政府各部门：',
    '　　近年来，全省农村寄递服务网络加快向乡村延伸，2022年全省农村快递业务量达到5.6亿件，', '但县域节点功能不强等问题仍较突出。现提出如下实施意见。',
    '一、总体要求', '　　（一）主要目标。到2025年，农村快递业务量达到9.5亿件，县域快递共同配送比例达到6', '0%；到2027年，农村快递业务量突破13亿件，共同配送比例提高到80%以上。',
    '二、重点任务', '　　（一）健全县乡村三级寄递物流网络。改造提升县级寄递公共配送中心，每年新建改造乡镇寄递物流', '综合服务站不少于150个。（省邮政管理局牵头，省商务厅按职责分工负',
    '— 1 —', '某省农村寄递物流体系建设的实施意见', '责）', '　　（二）加大财政资金投入。省级财政统筹现有资金渠道，自2024年起每年安排农村寄递物', '流体系建设专项资金不少于1.5亿元。（省财政厅负责）',
    '　　（三）强化督导评估。将农村寄递物流体系建设情况纳入乡村振兴实绩考核内容，每年开展一次评', '估，评估结果向社会公开。（省政府督查室牵头）',
    '— 2 —', '某省农村寄递物流体系建设的实施意见', '　　本意见自印发之日起施行，有效期5年。', '', '某省人民政府办公厅', '2023年8月16日'].join('\n');
  const [p] = await parse(text);
  assert.deepEqual([p!.title, p!.issued, p!.periodStart, p!.periodEnd], ['某省人民政府办公厅关于加快推进农村寄递物流体系建设的实施意见', '2023-08-16', 2023, 2027]);
  assert.deepEqual(p!.tasks.map((t) => [t.title, t.leadUnits.join('、'), t.responsibleUnits.join('、')]), [
    ['健全县乡村三级寄递物流网络', '省邮政管理局', '省商务厅'], ['加大财政资金投入', '', '省财政厅'], ['强化督导评估', '省政府督查室', ''],
  ]);
  assert.deepEqual(figures(p!), ['农村快递业务量 2025:9.5 2027:13亿件 (2022:5.6)', '县域快递共同配送比例 2025:60 2027:80%', '新建改造乡镇寄递物流综合服务站 2023:150 2024:150 2025:150 2026:150 2027:150个',
    '安排农村寄递物流体系建设专项资金 2024:1.5 2025:1.5 2026:1.5 2027:1.5亿元']);
});

test('a 任务清单 of items each followed by lines of its units and deadline, labelled or not: every item a task with them', async () => {
  const [p] = await parse(['某县2024年乡村振兴重点任务清单', '一、产业振兴', '1.建设高标准农田2万亩，粮食产量稳定在30万吨以上。', '牵头单位：县农业农村局', '责任单位：县财政局、各乡镇人民政府', '完成时限：2024年12月底',
    '2.发展特色种养业，新增省级农业产业化龙头企业3家。', '牵头单位：县农业农村局　　责任单位：县林业局', '完成时限：2024年10月',
    '3.推进农村电商发展，农村网络零售额增长15%。', '责任单位：县商务局（牵头）、县邮政分公司；完成时限：持续推进',
    '二、人才振兴', '4.培训高素质农民1000人次。', '县农业农村局牵头，县人社局配合，2024年底前完成。'].join('\n'));
  assert.deepEqual(p!.tasks.map((t) => [t.code, t.leadUnits.join('、'), t.responsibleUnits.join('、'), t.deadline]), [
    ['1', '县农业农村局', '县财政局、各乡镇人民政府', '2024-12-31'], ['2', '县农业农村局', '县林业局', '2024-10-31'], ['3', '县商务局', '县邮政分公司', '长期'], ['4', '县农业农村局', '县人社局', '2024-12-31'],
  ]);
  assert.deepEqual(figures(p!), ['建设高标准农田 2024:2万亩', '粮食产量 2024:30万吨', '新增省级农业产业化龙头企业 2024:3家', '农村网络零售额增长 2024:15%', '培训高素质农民 2024:1000人次']);
});
