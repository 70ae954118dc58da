// Notices that issue several documents, and the titles each document takes: from the notice's 《…》, its 附件 list, its
// body, or the document's own title line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../core/import/parse/index';

const parse = async (text: string) => (await parseDocument('测试.txt', Buffer.from(text, 'utf8'))).plans;

test('a notice issuing “等两个文件” names them in its 附件 list, and each document starts with its title alone', async () => {
  const plans = await parse([
    '某县人民政府办公室关于印发某县县域商业体系建设实施方案等两个文件的通知', '各乡镇人民政府，县政府各部门：',
    '现将《某县县域商业体系建设实施方案》等两个文件印发给你们，请认真贯彻落实。', '附件：1.某县县域商业体系建设实施方案', '2.某县农产品冷链物流发展三年行动计划（2024—2026年）',
    '某县人民政府办公室', '2024年4月16日',
    '某县县域商业体系建设实施方案', '一、重点任务', '1.改造提升乡镇商贸中心。到2025年改造乡镇商贸中心8个。（责任单位：县商务局）',
    '2.发展农村电商。培育农村电商主体30家。（责任单位：县商务局、县农业农村局）',
    '某县农产品冷链物流发展三年行动计划', '（2024—2026年）', '一、重点任务', '1.建设产地冷藏保鲜设施。新增产地冷库库容1.5万吨。由县农业农村局牵头，县商务局配合。',
  ].join('\n'));
  assert.deepEqual(plans.map((p) => [p.title, p.docNumber ?? '', p.issued, p.tasks.length]), [
    ['某县县域商业体系建设实施方案', '', '2024-04-16', 2], ['某县农产品冷链物流发展三年行动计划（2024—2026年）', '', '2024-04-16', 1],
  ]);
  assert.deepEqual(plans[1]!.tasks[0]!.leadUnits, ['县农业农村局']);
});

test('a notice issuing two documents finds the second also where the document words its title a little otherwise (的, no period)', async () => {
  const plans = await parse(['北沙市人民政府办公室关于印发《北沙市推进数字乡村建设工作方案》和《北沙市农村电商三年行动计划（2024—2026年）》的通知', '各区人民政府：',
    '现将两个文件印发给你们，请认真贯彻执行。', '北沙市人民政府办公室', '2024年3月1日',
    '北沙市推进数字乡村建设的工作方案', '一、重点任务', '1.建设数字乡村平台。2024年底前建成平台1个。（责任单位：市农业农村局）',
    '北沙市农村电商三年行动计划', '一、重点任务', '1.培育电商主体。新增电商主体200家。（责任单位：市商务局）'].join('\n'));
  assert.deepEqual(plans.map((p) => [p.title, p.tasks.map((t) => t.title).join('|')]), [
    ['北沙市推进数字乡村建设工作方案', '建设数字乡村平台'], ['北沙市农村电商三年行动计划（2024—2026年）', '培育电商主体'],
  ]);
});

test('a notice title over three lines whose middle one is long (its 《…》 names) still issues both documents', async () => {
  const plans = await parse(['某县人民政府办公室关于印发', '《某县推动制造业高质量发展若干措施（2023—2025年）》和《某县促进文化旅游消费若干措施》', '的通知', '各乡镇人民政府：',
    '现将两个文件印发给你们，请认真贯彻执行。', '某县人民政府办公室', '2023年5月6日',
    '某县推动制造业高质量发展若干措施（2023—2025年）', '1.支持技术改造。对技术改造项目给予补助。（责任单位：县经信局）', '2.培育龙头企业。对营业收入首次突破10亿元的企业给予奖励。（责任单位：县经信局）',
    '某县促进文化旅游消费若干措施', '1.发放文旅消费券。每年发放消费券500万元。（责任单位：县文旅局）', '2.办好节会活动。每年举办文旅节会活动10场以上。（责任单位：县文旅局）'].join('\n'));
  assert.deepEqual(plans.map((p) => [p.title, p.kind, p.tasks.length]), [['某县推动制造业高质量发展若干措施（2023—2025年）', 'measures', 2], ['某县促进文化旅游消费若干措施', 'measures', 2]]);
});

test('each document of a notice takes its own title line where it says more (the period the notice left out), also broken over two lines', async () => {
  const plans = await parse(['某市人民政府办公室关于印发《某市推进制造业数字化转型实施方案》及《某市工业园区提质增效三年行动计划》的通知', '各县（市、区）人民政府：',
    '现将《某市推进制造业数字化转型实施方案》《某市工业园区提质增效三年行动计划》印发给你们，请认真贯彻执行。', '某市人民政府办公室', '2024年7月8日',
    '附件1', '某市推进制造业数字化转型实施方案', '一、重点任务', '1.推进企业上云。新增上云企业500家。（牵头单位：市工业和信息化局）',
    '附件2', '某市工业园区提质增效', '三年行动计划（2024—2026年）', '一、重点任务', '（一）建设标准厂房。新建标准厂房50万平方米。（市工业和信息化局牵头，市自然资源局配合）'].join('\n'));
  assert.deepEqual(plans.map((p) => [p.title, p.tasks.length, p.periodStart, p.periodEnd]), [
    ['某市推进制造业数字化转型实施方案', 1, null, null], ['某市工业园区提质增效三年行动计划（2024—2026年）', 1, 2024, 2026],
  ]);
});

test('a notice naming “等三个文件” lists them only in its body; a document that is a table alone starts at its caption', async () => {
  const plans = await parse(['某县人民政府办公室关于印发某县全民健身设施补短板实施方案等三个文件的通知', '各乡镇人民政府，县直各有关单位：',
    '现将《某县全民健身设施补短板实施方案》《某县体育消费促进三年行动计划（2024—2026年）》《某县2024年全民健身重点工作任务清单》印发给你们，请认真组织实施。',
    '某县人民政府办公室', '2024年4月22日',
    '某县全民健身设施补短板实施方案', '一、重点任务', '（一）建设乡镇全民健身中心。2024年底前建成乡镇全民健身中心8个。（责任单位：县教育体育局）',
    '某县体育消费促进三年行动计划（2024—2026年）', '一、主要任务', '1.发放体育消费券。县财政每年安排体育消费券资金200万元。（县教育体育局、县财政局按职责分工负责；每年组织实施）',
    '某县2024年全民健身重点工作任务清单', '序号\t工作任务\t责任单位\t完成时限', '1\t组织开展“全民健身月”系列活动\t县教育体育局（牵头）、各乡镇人民政府\t全年',
    '2\t开展国民体质监测\t县教育体育局\t2024年11月'].join('\n'));
  assert.deepEqual(plans.map((p) => [p.title, p.tasks.length]), [
    ['某县全民健身设施补短板实施方案', 1], ['某县体育消费促进三年行动计划（2024—2026年）', 1], ['某县2024年全民健身重点工作任务清单', 2],
  ]);
  const coupons = plans[1]!.tasks[0]!;
  assert.deepEqual([coupons.leadUnits, coupons.responsibleUnits, coupons.deadline], [[], ['县教育体育局', '县财政局'], '长期']);
  assert.deepEqual(plans[2]!.tasks.map((t) => [t.leadUnits, t.responsibleUnits, t.deadline]), [[['县教育体育局'], ['各乡镇人民政府'], '2024-12-31'], [[], ['县教育体育局'], '2024-11-30']]);
});

test('a notice naming its document without 《》 takes the document’s title with the remark on the line under it; a revision’s year is no period; a clause ending in 的 is a condition', async () => {
  const [p] = await parse(['某市人民政府办公室', '关于印发某市进一步支持现代物流业', '高质量发展若干措施的通知', '各区县人民政府，市政府各部门：',
    '现将修订后的某市进一步支持现代物流业高质量发展若干措施印发给你们，请认真组织实施。', '某市人民政府办公室', '2024年5月8日',
    '某市进一步支持现代物流业高质量发展若干措施', '（2024年修订）', '为加快建设物流枢纽城市，力争到2026年全市物流业营业收入突破900亿元，制定以下措施。',
    '一、支持企业做大做强', '（一）支持总部落户。对新引进的物流企业总部，注册资本5000万元以上且实缴到位的，按实缴注册资本的1%给予一次性落户奖励。', '责任单位：市商务局',
    '（二）发展多式联运。对新开通的铁水联运线路，年运量达到2万标箱以上的，按每标箱150元给予补助。', '责任单位：市交通运输局'].join('\n'));
  assert.deepEqual([p!.title, p!.periodStart, p!.periodEnd, p!.tasks.length], ['某市进一步支持现代物流业高质量发展若干措施（2024年修订）', 2024, 2026, 2]);
  assert.deepEqual(p!.targets.map((g) => [g.scope, g.name, g.milestones.map((m) => `${m.year}:${m.value}`).join(' ')]), [['goal_text', '全市物流业营业收入', '2026:900']]);
});

test('a reply is signed however its date is written (全角 figures, ○ for zero, a remark after it), and by its unit alone', async () => {
  const reply = (date: string) => ['关于市政协十四届二次会议第56号提案的复函', '张委员：', '您提出的提案收悉，现答复如下：', '一、办理情况', '2022年全市新增充电桩1200个。',
    '二、下一步工作', '（一）加快建设充电设施。到2025年新增充电桩5000个。', '感谢您的关心。', '某市发展和改革委员会', date].filter(Boolean).join('\n');
  for (const [date, issued] of [['２０２３年６月９日', '2023-06-09'], ['二○二三年六月九日', '2023-06-09'], ['2023年6月9日（此件公开发布）', '2023-06-09'], ['', null]] as const) {
    const [p] = await parse(reply(date));
    assert.deepEqual([p!.issuer, p!.issued, p!.tasks.map((t) => t.leadUnits.join('、')), p!.targets.length], ['某市发展和改革委员会', issued, ['某市发展和改革委员会'], 1], date);
  }
});

test('a document without notice takes the remark on the line under its title: （试行）, （征求意见稿）, its period', async () => {
  for (const remark of ['（试行）', '（征求意见稿）', '（2024—2026年）']) {
    const [p] = await parse(['某县促进民营经济发展若干措施', remark, '一、支持企业发展。对新升规企业给予奖励。（责任单位：县工信局）', '二、优化营商环境。持续开展营商环境评价。（责任单位：县发改局）'].join('\n'));
    assert.equal(p!.title, `某县促进民营经济发展若干措施${remark}`);
  }
});

test('a notice naming its document without the city (关于印发加快发展…的通知) finds the document’s own title over three lines; a remark line before a title is no part of it; 20XX—20XX年实施 is a project’s deadline, 控制在1.3以下 a goal', async () => {
  const [p] = await parse(['柘溪市人民政府办公厅关于印发加快发展低空经济产业', '若干政策措施的通知', '各区县人民政府，市政府各部门：',
    '《柘溪市关于加快发展低空经济产业的若干政策措施》已经市政府同意，现印发给你们，请认真贯彻执行。', '柘溪市人民政府办公厅', '2024年7月8日', '（此件公开发布）',
    '柘溪市关于', '加快发展低空经济产业的', '若干政策措施', '一、工作目标', '到2025年，全市低空经济产业规模达到150亿元。', '二、支持政策',
    '（一）建设起降设施。新建通用机场起降点20个，2024—2025年实施。（责任单位：市交通运输局）', '（二）推进绿色算力。新建数据中心电能利用效率（PUE）控制在1.3以下。（责任单位：市发展改革委）'].join('\n'));
  assert.deepEqual([p!.title, p!.tasks.map((t) => t.deadline ?? '').join('|')], ['柘溪市关于加快发展低空经济产业的若干政策措施', '2025|']);
  assert.ok(p!.targets.some((g) => g.name.includes('电能利用效率') && g.milestones[0]!.value === '1.3' && g.milestones[0]!.qualifier === '以下'));
  const [q] = await parse(['某区人民政府', '关于印发某区数字经济发展“十四五”规划的通知', '各街道：', '现将《某区数字经济发展“十四五”规划》印发给你们。', '某区人民政府', '2021年11月16日',
    '（此件公开发布）', '某区数字经济发展“十四五”规划', '一、重点任务', '1.培育软件企业。新增软件企业50家。（责任单位：区工信局）'].join('\n'));
  assert.equal(q!.title, '某区数字经济发展“十四五”规划');
});
