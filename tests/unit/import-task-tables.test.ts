// Crafted tables of tasks: a 链长制 table whose rows are tasks with a year's target each, a project table under
// 附件：重点项目表 closed by a 合计 row merged over its first cells; and goal sentences named for the figure before them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docxOf, wordPara } from '../helpers/files';
import { parseDocument } from '../../core/import/parse/index';

const parse = async (text: string) => (await parseDocument('测试.txt', Buffer.from(text, 'utf8'))).plans;

test('a table of chains led by departments with a 2025年产值目标 column: each row a task with its target; the people and companies beside it are no units', async () => {
  const [p] = await parse(['某市重点产业链“链长制”工作方案（2024—2025年）', '一、重点产业链及分工', '重点产业链链长及分工表',
    ['序号', '产业链', '链长', '链主企业', '牵头部门', '2025年产值目标（亿元）'].join('\t'), ['1', '新能源汽车及零部件产业链', '副市长　邹明远', '某某汽车有限公司', '市工业和信息化局', '560'].join('\t'),
    ['2', '生物医药产业链', '副市长　陈岚', '某某药业股份有限公司', '市科技局、市卫生健康委', '210'].join('\t'), '二、保障措施', '（一）加强组织领导。成立领导小组，统筹推进。'].join('\n'));
  assert.deepEqual(p!.tasks.slice(0, 2).map((t) => [t.title, t.leadUnits.join('、'), t.responsibleUnits.join('、')]), [
    ['新能源汽车及零部件产业链', '市工业和信息化局', ''], ['生物医药产业链', '市科技局、市卫生健康委', ''],
  ]);
  assert.deepEqual(p!.targets.map((g) => [g.scope, g.name, g.unit, g.milestones.map((m) => `${m.year}:${m.value}`).join(' '), g.taskId]), [
    ['in_task', '新能源汽车及零部件产业链产值', '亿元', '2025:560', p!.tasks[0]!.id], ['in_task', '生物医药产业链产值', '亿元', '2025:210', p!.tasks[1]!.id],
  ]);
});

test('a project table under 附件：重点项目表 after the safeguards: its rows are the annex’s projects, its 合计 no project; a safeguard’s 县政府督查室对… names it', async () => {
  const [p] = await parse(['某县县域商业体系建设三年行动计划（2024—2026年）', '一、保障措施', '（一）加强督导评估。由县商务局牵头建立月调度制度，县政府督查室对计划落实情况开展专项督查。',
    '附件：重点项目表', ['序号', '项目名称', '建设内容及规模', '总投资（亿元）', '建设年限', '责任单位'].join('\t'),
    ['1', '县城综合商贸服务中心项目', '新建商业综合体6.5万平方米', '4.8', '2024—2026年', '县商务局'].join('\t'), ['合计', '4.8', '', '', '', ''].join('\t')].join('\n'));
  assert.deepEqual(p!.tasks.map((t) => [t.path.join('/'), t.title, t.leadUnits.join('、'), t.responsibleUnits.join('、'), t.deadline]), [
    ['一、保障措施', '加强督导评估', '县商务局', '县政府督查室', undefined], ['附件：重点项目表', '县城综合商贸服务中心项目', '', '县商务局', '2026'],
  ]);
});

test('goal sentences: 总额 after a growth is the amount itself; who qualifies (应在500万元以上) is no goal; a phrase has no baseline; X要会同Y等部门 drops 等部门', async () => {
  const [p] = await parse(['某市跨境电子商务发展三年行动方案（2024—2026年）', '2023年，全市建成公共海外仓18个。', '一、工作目标',
    '到2026年，跨境电商进出口额年均增长18%以上，总额达到260亿元；全市公共海外仓接入综合服务平台实现全覆盖。', '二、重点任务',
    '1.打造电商示范村。打造电商示范村10个，入选村年网络销售额应在500万元以上。（市商务局负责）', '三、保障措施', '（一）加强组织领导。市商务局要会同市发展改革委、某某海关等部门制定年度工作要点。'].join('\n'));
  assert.deepEqual(p!.targets.map((g) => `${g.name} ${g.milestones.map((m) => m.value).join(' ')}${g.unit}${g.baseline?.value ? ` (${g.baseline.value})` : ''}`), [
    '跨境电商进出口额年均增长 18%', '跨境电商进出口额 260亿元', '全市公共海外仓接入综合服务平台 全覆盖', '打造电商示范村 10个',
  ]);
  assert.deepEqual([p!.tasks[1]!.leadUnits, p!.tasks[1]!.responsibleUnits], [['市商务局'], ['市发展改革委', '某某海关']]);
});

test('a .docx whose title and its period are two heading paragraphs: neither heads the outline, so 保障措施 holds safeguards; 由X会同Y每半年…, 各链长单位配合', async () => {
  const para = wordPara;
  const body = [para('某市重点产业链“链长制”工作方案', 'H1'), para('（2024—2025年）', 'H1'), para('为加快构建现代化产业体系，制定本方案。'),
    para('一、主要任务', 'H2'), para('（一）绘制产业链图谱。2024年6月底前完成编制。由市工业和信息化局牵头，各链长单位配合。'),
    para('二、保障措施', 'H2'), para('（一）严格考核评估。由市政府督查室会同市工业和信息化局每半年开展一次督导。')].join('');
  const [p] = (await parseDocument('方案.docx', await docxOf(body))).plans;
  assert.deepEqual([p!.title, p!.periodStart, p!.periodEnd], ['某市重点产业链“链长制”工作方案（2024—2025年）', 2024, 2025]);
  assert.deepEqual(p!.tasks.map((t) => [t.path.join('/'), t.kind, t.leadUnits.join('、'), t.responsibleUnits.join('、')]), [
    ['一、主要任务', 'task', '市工业和信息化局', ''], ['二、保障措施', 'safeguard', '市政府督查室', '市工业和信息化局'],
  ]);
});

test('a table of targets with no period stated: a year column before the year the document was issued is its baseline', async () => {
  const [p] = await parse(['某县农文旅融合发展主要指标分解表', ['序号', '指标', '单位', '2023年', '2025年', '责任单位'].join('\t'),
    ['1', '接待游客人次', '万人次', '705', '820以上', '县文旅局'].join('\t'), '某县人民政府办公室', '2024年3月18日'].join('\n'));
  assert.equal(p!.issued, '2024-03-18');
  assert.deepEqual(p!.targets.map((g) => [g.name, g.baseline, g.milestones.map((m) => `${m.year}:${m.value}`).join(' ')]), [['接待游客人次', { year: 2023, value: '705' }, '2025:820以上']]);
});

test('a 附表 重点任务分工表 naming the body’s tasks, or the 节 above them, gives them its units; its rows are no tasks of their own', async () => {
  const [p] = await parse(['某市应急管理“十四五”规划', '第三章 健全体制机制', '第一节 健全应急指挥机制', '（一）理顺综合协调与专项指挥的关系。建立统一指挥体系。',
    '（二）推动力量向基层下沉。建设乡镇应急站。', '第二节 完善应急预案体系', '（一）修订市级总体应急预案。完善预案体系。', '第四章 强化风险防控',
    '（一）推进化工园区安全整治提升。开展园区评估。', '（二）严格非煤矿山安全准入。关闭不达标矿山。', '附表 重点任务分工表',
    ['序号', '重点任务', '牵头单位', '配合单位'].join('\t'), ['1', '健全应急指挥机制', '市应急管理局', '市委编办、市公安局'].join('\t'),
    ['2', '完善应急预案体系', '市应急管理局', '市级有关部门'].join('\t'), ['3', '推进化工园区安全整治提升', '市应急管理局', '市生态环境局'].join('\t'),
    ['4', '严格非煤矿山安全准入', '市应急管理局', '市自然资源和规划局'].join('\t')].join('\n'));
  assert.deepEqual(p!.tasks.map((t) => [t.title, t.leadUnits.join('、'), t.responsibleUnits.join('、')]), [
    ['理顺综合协调与专项指挥的关系', '市应急管理局', '市委编办、市公安局'], ['推动力量向基层下沉', '市应急管理局', '市委编办、市公安局'],
    ['修订市级总体应急预案', '市应急管理局', '市级有关部门'], ['推进化工园区安全整治提升', '市应急管理局', '市生态环境局'], ['严格非煤矿山安全准入', '市应急管理局', '市自然资源和规划局'],
  ]);
});

test('a bound written after the last figure of a 分别 list holds for each of them', async () => {
  const [p] = await parse(['某市2024年优化营商环境工作要点', '一、重点任务', '1.压缩报装时间。用电、用水报装办理时限分别压缩至2个、3个工作日以内。（市发展改革委牵头）'].join('\n'));
  assert.deepEqual(p!.targets.map((g) => [g.milestones[0]!.value, g.milestones[0]!.qualifier]), [['2', '以内'], ['3', '以内']]);
});
