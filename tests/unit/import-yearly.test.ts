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
