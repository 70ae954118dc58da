// Crafted plain texts: numbering styles, brackets, unit notes, flattened tables, run-on text, goals text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../core/import/parse/index';
import { readNumber } from '../../core/import/parse/text/numbering';
import { readUnitText } from '../../core/import/parse/text/units';
import { splitRunOn } from '../../core/import/parse/text/runon';

const parse = async (text: string) => (await parseDocument('测试.txt', Buffer.from(text, 'utf8'))).plans;

test('numbering styles and full/half-width brackets', () => {
  const cases: [string, string, string, number][] = [
    ['一、总体要求', 'cn', '一', 1], ['十二、保障措施', 'cn', '十二', 12], ['(三)加强协同', 'cn-paren', '(三)', 3], ['（三）加强协同', 'cn-paren', '（三）', 3],
    ['3.推动产业', 'arabic', '3', 3], ['3、推动产业', 'arabic', '3', 3], ['(2)细项', 'arabic-paren', '(2)', 2], ['（2）细项', 'arabic-paren', '（2）', 2],
    ['②第二项', 'circled', '②', 2], ['——汽车。推动', 'dash', '', 0], ['第三章 重点任务', 'chapter', '第三章', 3],
    // A 任务清单 numbers its items on through the chapters, past 99.
    ['126.完善充电设施', 'arabic', '126', 126], ['（105）细项', 'arabic-paren', '（105）', 105],
  ];
  for (const [line, style, code, ordinal] of cases) {
    const n = readNumber(line);
    assert.ok(n, line);
    assert.deepEqual([n.style, n.code, n.ordinal], [style, code, ordinal], line);
  }
  assert.equal(readNumber('2020年达到871.4亿元'), null);
  assert.equal(readNumber('2.6%的增长'), null);
  assert.equal(readNumber('2025.推进'), null, 'a year is no item number');
});

test('unit notes: lead and participating units, short names, 等', () => {
  assert.deepEqual(readUnitText('责任单位:市经济信息委牵头,市发展改革委、市招商投资局参与,有关区县(自治县)政府和两江新区、万盛经开区管委会(以下统称区县政府)具体落实'),
    { lead: ['市经济信息委'], responsible: ['市发展改革委', '市招商投资局', '有关区县政府'] });
  assert.deepEqual(readUnitText('牵头单位:市经济信息委;责任单位:市发展改革委、市科技局等'), { lead: ['市经济信息委'], responsible: ['市发展改革委', '市科技局'] });
  assert.deepEqual(readUnitText('责任单位:市财政局、市国资委和有关区县政府具体落实'), { lead: [], responsible: ['市财政局', '市国资委', '有关区县政府'] });
  assert.deepEqual(readUnitText('牵头单位：市工业和信息化局配合单位：市财政局、市统计局'), { lead: ['市工业和信息化局'], responsible: ['市财政局', '市统计局'] }, 'labels run together');
  assert.deepEqual(readUnitText('市商务局牵头，市农业农村局、市供销社配合，各县市区政府负责落实'), { lead: ['市商务局'], responsible: ['市农业农村局', '市供销社', '各县市区政府'] });
  assert.deepEqual(readUnitText('区市场监管局（牵头）、区税务局'), { lead: ['区市场监管局'], responsible: ['区税务局'] });
  // Labels set apart by a space, a person named beside the units, role words after 按职责 or 分别, work said after a unit.
  assert.deepEqual(readUnitText('牵头单位：市工业和信息化局　配合单位：市科技局、市财政局'), { lead: ['市工业和信息化局'], responsible: ['市科技局', '市财政局'] });
  assert.deepEqual(readUnitText('牵头领导：张明；牵头单位：市商务局'), { lead: ['市商务局'], responsible: [] });
  assert.deepEqual(readUnitText('市数据局、市发展改革委按职责负责'), { lead: [], responsible: ['市数据局', '市发展改革委'] });
  assert.deepEqual(readUnitText('市公安局、市交通运输局分别牵头'), { lead: ['市公安局', '市交通运输局'], responsible: [] });
  assert.deepEqual(readUnitText('由市商务局牵头，会同市财政局推进'), { lead: ['市商务局'], responsible: ['市财政局'] });
  assert.deepEqual(readUnitText('市发展改革委、市统计局按季度调度'), { lead: [], responsible: ['市发展改革委', '市统计局'] });
});

const PLAN = `示范区产业发展规划(2024—2026年)
为推动发展,制定本规划。
一、发展目标
到2026年,规上工业总产值达到500亿元以上,研发投入强度、数字化率分别提高至3%、60%。
指标表
序号
指标名称
单位
基期值
2026年
指标属性
1
规上工业总产值
亿元
300
500
预期性
2
亩均税收
万元
[40]
约束性
二、重点任务
(一)壮大主导产业
1.发展汽车产业。推动整车扩能。到2026年,累计新建10家智能工厂和5个数字化车间。(责任单位:区经信委、区发改委)
2.发展电子产业。推动终端升级,一是扩大产能;二是提升配套。
(二)优化空间布局
建设东部园区。完善园区配套设施,提升承载能力。
建设西部园区。完善路网,引进企业入驻。
(三)强化创新
①建设研发平台。支持企业建设研发中心。
②引进人才团队。实施人才计划,引进团队。
(责任单位:区科技局)
三、保障措施
（一）加强组织领导
成立领导小组,统筹推进规划实施,定期调度。
`;

test('a crafted plan: goals, flattened table with dropped cells, tasks, units, subpoints', async () => {
  const [p] = await parse(PLAN);
  assert.ok(p);
  assert.deepEqual([p.title, p.periodStart, p.periodEnd, p.kind], ['示范区产业发展规划(2024—2026年)', 2024, 2026, 'plan']);
  const titles = p.tasks.map((t) => t.title);
  assert.deepEqual(titles, ['发展汽车产业', '发展电子产业', '建设东部园区', '建设西部园区', '建设研发平台', '引进人才团队', '加强组织领导']);
  const car = p.tasks[0]!;
  assert.deepEqual([car.code, car.path, car.responsibleUnits], ['1', ['二、重点任务', '(一)壮大主导产业'], ['区经信委', '区发改委']]);
  assert.deepEqual(p.tasks[1]!.subpoints, ['一是扩大产能', '二是提升配套。']);
  assert.deepEqual(p.tasks[4]!.responsibleUnits, ['区科技局']);
  assert.equal(p.tasks[5]!.code, '②');
  assert.equal(p.tasks[6]!.kind, 'safeguard');
  const table = p.targets.filter((t) => t.scope === 'table');
  assert.equal(table.length, 2);
  assert.deepEqual([table[0]!.baseline, table[0]!.milestones[0]!.value, table[0]!.unit], [{ year: null, value: '300' }, '500', '亿元']);
  assert.deepEqual([table[1]!.baseline.value, table[1]!.milestones[0]!.value, table[1]!.milestones[0]!.cumulative, table[1]!.attribute], [null, '[40]', true, '约束性']);
  const goals = p.targets.filter((t) => t.scope === 'goal_text');
  assert.deepEqual(goals.map((g) => [g.name, g.milestones[0]!.value, g.unit]), [['研发投入强度', '3', '%'], ['数字化率', '60', '%']]);
  const inTask = p.targets.filter((t) => t.scope === 'in_task');
  assert.deepEqual(inTask.map((g) => [g.name, g.milestones[0]!.value, g.milestones[0]!.cumulative, g.taskId]), [
    ['累计新建智能工厂', '10', true, car.id], ['累计新建数字化车间', '5', true, car.id],
  ]);
  const again = await parse(PLAN);
  assert.deepEqual(again[0]!.tasks.map((t) => t.id), p.tasks.map((t) => t.id));
});

test('run-on text regains its paragraphs at lead phrases', () => {
  const body = '为推动发展制定本方案。智能网联新能源汽车。加强整车产能整合,推动整车产能向优势企业集中,加快整车产品结构调整,支持优势企业打造市场认可度高的产品矩阵,构建完整的零部件配套体系。新型显示。推动现有面板产能释放。加快面板项目论证实施,构筑下一代平板显示先发优势,以面板为引领,带动上游光学材料和下游显示模组协同发展。(一)加强组织领导。坚持党的全面领导,发挥领导小组统筹作用。';
  const parts = splitRunOn(body);
  assert.deepEqual(parts.map((x) => x.slice(0, 6)), ['为推动发展制', '智能网联新能', '新型显示。推', '(一)加强组']);
});

test('web furniture and bookmarks never reach a title', async () => {
  const [p] = await parse(`首页 政务公开\n您的当前位置: 首页>规划\n[bookmark: _Toc1]测试行动方案\n一、重点任务\n[bookmark: _Toc2](一)推进改革。深化改革,扩大开放,优化营商环境。\n扫一扫在手机打开当前页\n`);
  assert.ok(p);
  assert.equal(p.title, '测试行动方案');
  assert.deepEqual(p.tasks.map((t) => t.title), ['推进改革']);
});

test('a reply whose next steps are one paragraph of 一是…二是…: a task for each, with the units it names and its targets', async () => {
  const text = [
    '某市工业和信息化局', '关于市政协某次会议第12号提案的复函', '某委员：',
    '您提出的《关于支持中小企业发展的提案》收悉。现函复如下：',
    '一、工作开展情况', '截至2023年底，全市累计培育省级专精特新中小企业318家，市财政每年安排专项资金8000万元。',
    '二、存在的不足', '我市专精特新企业总量偏小，融资渠道较窄。',
    '三、下一步打算',
    '下一步，我局将重点抓好以下工作：一是完善梯度培育体系。建立三级培育库，到2025年全市省级专精特新中小企业达到450家。二是强化创新能力支撑。推动企业共建研发平台，每年新增市级以上企业技术中心20家，由市科技局配合落实。三是拓宽企业融资渠道。2024年底前设立规模10亿元的专精特新产业基金，市财政局、市地方金融管理局负责。',
    '某市工业和信息化局', '2024年6月12日',
  ].join('\n');
  const [plan] = (await parseDocument('复函.txt', Buffer.from(text))).plans;
  assert.equal(plan!.kind, 'reply');
  assert.deepEqual(plan!.tasks.map((t) => [t.code, t.title, t.responsibleUnits.join('、'), (t as { deadline?: string }).deadline ?? '']), [
    ['一是', '完善梯度培育体系', '', ''],
    ['二是', '强化创新能力支撑', '市科技局', ''],
    ['三是', '拓宽企业融资渠道', '市财政局、市地方金融管理局', '2024-12-31'],
  ]);
  const byTask = (k: number) => plan!.targets.filter((g) => g.taskId === plan!.tasks[k]!.id).map((g) => `${g.name}:${g.milestones.map((m) => `${m.year}=${m.value}`).join(',')}`);
  assert.deepEqual([byTask(0), byTask(1), byTask(2)], [
    ['全市省级专精特新中小企业:2025=450'], ['新增市级以上企业技术中心:2024=20'], ['专精特新产业基金规模:2024=10'],
  ]);
  const first = plan!.targets.find((g) => g.name === '全市省级专精特新中小企业')!;
  assert.deepEqual(first.baseline, { year: 2023, value: '318' }, 'the figure of 工作开展情况 is its baseline');
});

test('a notice issuing two documents gives two plans, whether a title in the text is broken over two lines or follows 附件N on its line', async () => {
  const notice = [
    '梧溪县人民政府办公室',
    '关于印发《梧溪县促进民营经济高质量发展若干措施》和《梧溪县优化营商环境三年行动方案（2024—2026年）》的通知',
    '各乡镇人民政府，县政府各部门：',
    '现将《梧溪县促进民营经济高质量发展若干措施》和《梧溪县优化营商环境三年行动方案（2024—2026年）》印发给你们，请认真贯彻执行。',
    '梧溪县人民政府办公室',
    '2024年3月8日',
  ];
  const first = [
    '附件1 梧溪县促进民营经济高质量发展若干措施',
    '一、加大融资支持',
    '1.设立民营企业纾困资金。县财政每年安排资金2000万元，对符合条件的民营企业给予贷款贴息。（责任单位：县财政局、县金融服务中心）',
    '2.推广“信易贷”模式。到2025年，全县民营企业信用贷款余额达到15亿元以上。（责任单位：县发展改革局）',
  ];
  const second = [
    '附件2',
    '梧溪县优化营商环境三年行动方案',
    '（2024—2026年）',
    '一、提升政务服务效能',
    '1.推行“一件事一次办”。2024年底前实现20个高频事项集成办理。（责任单位：县政务服务中心）',
    '2.压缩工程建设项目审批时间。社会投资项目审批时间压减至30个工作日以内。（责任单位：县住房城乡建设局）',
  ];
  for (const lines of [[...notice, ...first, ...second], [...notice, ...first.slice(0, 1).map(() => '附件1'), '梧溪县促进民营经济高质量发展若干措施', ...first.slice(1), ...second]]) {
    const plans = await parse(lines.join('\n'));
    assert.deepEqual(plans.map((p) => p.title), ['梧溪县促进民营经济高质量发展若干措施', '梧溪县优化营商环境三年行动方案（2024—2026年）']);
    assert.deepEqual(plans.map((p) => p.tasks.length), [2, 2]);
    assert.deepEqual(plans[1].tasks.map((t) => [...t.leadUnits, ...t.responsibleUnits]), [['县政务服务中心'], ['县住房城乡建设局']]);
  }
});

test('a title set over two lines is read whole: a measures list without notice, a period on its own line, a notice naming it without 《》 or with 《》 inside 《》', async () => {
  const items = ['一、加大财政支持', '1.设立专项资金。市财政每年安排专项资金5000万元。（责任单位：市财政局）', '2.强化融资服务。到2025年，科技型企业贷款余额达到80亿元以上。（责任单位：市金融办）'];
  const cases: [string[], string, string][] = [
    [['关于进一步支持科技型中小企业发展的', '若干政策措施', ...items], '关于进一步支持科技型中小企业发展的若干政策措施', 'measures'],
    [['北沙市支持民营经济发展二十条', ...items], '北沙市支持民营经济发展二十条', 'measures'],
    [['北沙市促进消费三年行动方案', '（2024—2026年）', ...items], '北沙市促进消费三年行动方案（2024—2026年）', 'action_plan'],
    [['北沙市人民政府办公室文件', '北政办发〔2024〕3号', '北沙市人民政府办公室关于印发支持科技型中小企业', '发展若干措施的通知', '各区人民政府，市政府各部门：',
      '现将支持科技型中小企业发展的若干措施印发给你们，请认真贯彻落实。', '北沙市人民政府办公室', '2024年4月2日', '附件', '关于支持科技型中小企业', '发展的若干措施', ...items],
    '关于支持科技型中小企业发展的若干措施', 'measures'],
    [['北沙市人民政府关于印发《关于贯彻落实《湖东省中小企业促进条例》的若干措施》的通知', '各区人民政府，市政府各部门：', '现将《关于贯彻落实《湖东省中小企业促进条例》的若干措施》印发给你们，请认真贯彻执行。',
      '北沙市人民政府', '2024年4月2日', ...items], '关于贯彻落实《湖东省中小企业促进条例》的若干措施', 'measures'],
  ];
  for (const [lines, title, kind] of cases) {
    const [p] = await parse(lines.join('\n'));
    assert.deepEqual([p!.title, p!.kind, p!.tasks.length], [title, kind, 2], lines[0]);
  }
});

test('text copied out of a PDF: its hard line breaks joined, page numbers and running heads dropped; units written as a closing sentence', async () => {
  const wrap = (s: string, n = 34) => s.match(new RegExp(`.{1,${n}}`, 'gu'))!;
  const para = (s: string) => wrap(`　　${s}`);
  const lines = [
    '北沙市工业稳增长行动方案',
    '一、主要目标',
    ...para('到2025年，全市规上工业增加值年均增长6%左右，工业投资年均增长10%以上，新增规上工业企业300家以上，工业经济发展质量和效益稳步提升。'),
    '二、重点任务',
    ...para('1.实施重大项目攻坚。建立全市重大工业项目清单，实行市级领导联系包抓、专班推进、月度调度机制，全年实施亿元以上工业项目200个以上。（牵头单位：市工业和信息化局；责任单位：各区县人民政府）'),
    '— 3 —', '北沙市人民政府办公室文件',
    ...para('2.推动技术改造扩面。引导企业围绕高端化、智能化、绿色化实施设备更新和技术改造，建立全市技改项目储备库，滚动推进一批技改项目。由市工业和信息化局牵头，市财政局、各区县人民政府配合。'),
    '— 4 —', '北沙市人民政府办公室文件',
    ...para('3.强化要素保障。对纳入清单的重点项目优先保障用地、用能和环境容量指标，推行项目审批全程代办，压缩审批时限，确保项目按期落地开工建设。（牵头单位：市自然资源和规划局；责任单位：市发展改革委）'),
    ...para('4.培育优质企业梯队。建立规上工业企业培育库，对首次纳入统计的企业加强跟踪服务，推动小升规、规改股、股上市，支持龙头企业兼并重组做大做强。（牵头单位：市工业和信息化局；责任单位：市统计局）'),
    ...para('5.加快数字化转型。实施中小企业数字化赋能专项行动，推广工业互联网平台应用，建设一批智能工厂和数字化车间，推动规上工业企业数字化诊断全覆盖。（牵头单位：市工业和信息化局；责任单位：市大数据局）'),
  ];
  assert.ok(lines.length > 15 && lines.every((l) => l.length <= 36), String(lines.length));
  const [p] = await parse(lines.join('\n'));
  assert.deepEqual(p!.tasks.map((t) => [t.code, t.title, t.leadUnits.join('、'), t.responsibleUnits.join('、')]), [
    ['1', '实施重大项目攻坚', '市工业和信息化局', '各区县人民政府'],
    ['2', '推动技术改造扩面', '市工业和信息化局', '市财政局、各区县人民政府'],
    ['3', '强化要素保障', '市自然资源和规划局', '市发展改革委'],
    ['4', '培育优质企业梯队', '市工业和信息化局', '市统计局'],
    ['5', '加快数字化转型', '市工业和信息化局', '市大数据局'],
  ]);
  assert.ok(!p!.tasks.some((t) => /北沙市人民政府办公室文件|— \d —/.test(t.body ?? '')), 'no page furniture in a task');
  assert.deepEqual(p!.targets.filter((g) => g.scope === 'goal_text').map((g) => g.name), ['全市规上工业增加值年均增长', '工业投资年均增长', '新增规上工业企业']);
});

test('a unit line written once after the items of a 节 (本节任务牵头单位：…) covers each of them', async () => {
  const [p] = await parse([
    '某市新型城镇化“十四五”规划', '第三章　推进农业转移人口市民化', '第一节　深化户籍制度改革',
    '（一）全面放开城镇落户限制。全面取消中心城区和各县城落户限制，推行以经常居住地登记户口制度。',
    '（二）健全居住证制度。扩大居住证附加的公共服务和便利项目，推动居住证与身份证功能衔接。',
    '本节任务牵头单位：市公安局；责任单位：市发展改革委、各县市区人民政府',
    '第二节　推进基本公共服务全覆盖',
    '（一）保障随迁子女受教育权利。将随迁子女义务教育纳入城镇教育发展规划和财政保障范围。（牵头单位：市教育局）',
  ].join('\n'));
  assert.deepEqual(p!.tasks.map((t) => [t.title, t.leadUnits.join('、'), t.responsibleUnits.join('、')]), [
    ['全面放开城镇落户限制', '市公安局', '市发展改革委、各县市区人民政府'], ['健全居住证制度', '市公安局', '市发展改革委、各县市区人民政府'],
    ['保障随迁子女受教育权利', '市教育局', ''],
  ]);
});

test('how often something is done within a year (每季度召开…1次) is no target; a yearly count is', async () => {
  const [p] = await parse(['某区优化营商环境行动方案（2024—2025年）', '一、重点任务',
    '1.健全政企沟通机制。每季度召开政企恳谈会1次，每年举办企业家座谈会4场以上。（牵头单位：区工商联）'].join('\n'));
  assert.deepEqual(p!.targets.map((g) => [g.name, g.milestones.map((m) => `${m.year}:${m.value}${m.qualifier}`).join(' ')]), [['举办企业家座谈会', '2024:4以上 2025:4以上']]);
});

test('a 政策 of articles: 第X条 (also on a line of its own) are its measures; the purpose, scope, interpretation and commencement articles are none; a goal article gives goals', async () => {
  const [p] = await parse([
    '某县支持制造业高质量发展若干政策', '第一条', '为推动全县制造业高质量发展，结合我县实际，制定本政策。', '第二条　本政策适用于在本县登记注册的制造业企业。',
    '第三条　支持技术改造。对设备投资额300万元以上的技术改造项目，按设备投资额的10%给予补助。（责任单位：县经信局、县财政局）',
    '第四条', '鼓励企业“小升规”。对首次纳入规上统计的工业企业给予一次性奖励10万元。（责任单位：县经信局）',
    '第五条　到2025年，全县规上工业增加值年均增长8%以上，新增规上工业企业120家。',
    '第六条　本政策由县经信局负责解释。', '第七条　本政策自发布之日起施行，有效期至2025年12月31日。',
  ].join('\n'));
  assert.deepEqual(p!.tasks.map((t) => [t.code, t.title, t.kind, t.leadUnits.join('、') + '/' + t.responsibleUnits.join('、')]), [
    ['第三条', '支持技术改造', 'measure', '/县经信局、县财政局'], ['第四条', '鼓励企业“小升规”', 'measure', '/县经信局'],
  ]);
  assert.deepEqual(p!.targets.map((g) => [g.scope, g.name, g.milestones.map((m) => `${m.year}:${m.value}${m.qualifier}`).join(' ')]), [
    ['goal_text', '全县规上工业增加值年均增长', '2025:8以上'], ['goal_text', '新增规上工业企业', '2025:120'],
  ]);
});



test('a growth column beside the year it belongs to is no milestone; a clause without a time of its own goes on in the yearly one before it; a fee rate is no goal', async () => {
  const [p] = await parse(['某市制造业发展规划（2021—2025年）', '一、主要指标',
    '序号\t指标名称\t单位\t2020年\t2025年目标值\t2025年年均增长（%）\t属性', '1\t规模以上工业增加值\t亿元\t860\t1270\t8\t预期性', '2\t高新技术企业数量\t家\t410\t800\t14.2\t预期性',
    '二、重点任务', '1.扩大民间投资。每年向民营资本推介项目不少于100个，推介项目总投资不低于500亿元。担保费率降至1%以下。（责任单位：市发展改革委）'].join('\n'));
  assert.deepEqual(p!.targets.map((g) => [g.scope, g.name, g.milestones.map((m) => `${m.year}:${m.value}`).join(' ')]), [
    ['table', '规模以上工业增加值', '2025:1270'], ['table', '高新技术企业数量', '2025:800'],
    ['in_task', '向民营资本推介项目', '2021:100 2022:100 2023:100 2024:100 2025:100'], ['in_task', '推介项目总投资', '2021:500 2022:500 2023:500 2024:500 2025:500'],
  ]);
});

test('a 若干措施 without notice or title period takes its years from its 施行 and 有效期; its 附则 article is no measure; a price rate is no goal', async () => {
  const [p] = await parse(['附件', '某县关于促进农产品加工业发展的若干措施（试行）', '为加快农产品加工业发展，力争到2026年全县农产品加工业产值突破150亿元，制定以下措施。',
    '第一条　盘活工业用地。工业用地出让起始价可按不低于所在地土地等级相对应工业用地出让最低价标准的70%确定。（责任单位：县自然资源局）',
    '第二条　强化资金保障。县财政每年统筹安排农产品加工业发展专项资金不少于3000万元。（责任单位：县财政局）',
    '第三条　附则。本措施由县农业农村局负责解释，自2024年10月1日起施行，有效期至2026年12月31日。'].join('\n'));
  assert.deepEqual([p!.periodStart, p!.periodEnd], [2024, 2026]);
  assert.deepEqual(p!.tasks.map((t) => t.code), ['第一条', '第二条']);
  assert.deepEqual(p!.targets.map((g) => [g.scope, g.name, g.milestones.map((m) => `${m.year}:${m.value}`).join(' ')]), [
    ['goal_text', '全县农产品加工业产值', '2026:150'], ['in_task', '县财政每年统筹安排农产品加工业发展专项资金', '2024:3000 2025:3000 2026:3000'],
  ]);
  const [d] = await parse(['某市优化民营经济发展环境若干措施（2024—2025年）', '一、清理拖欠企业账款。2024年底前，全市政府部门和国有企业无分歧欠款动态清零。（责任单位：市工信局）'].join('\n'));
  assert.deepEqual(d!.targets.map((g) => [g.name, g.milestones.map((m) => `${m.year}:${m.value}`).join(' ')]), [['全市政府部门和国有企业无分歧欠款', '2024:动态清零']], 'a phrase value with no figure');
  const [q] = await parse(['某区支持楼宇经济发展若干措施', '一、支持楼宇招商。新引进企业给予租金补助。（责任单位：区商务局）', '二、本措施自2025年1月1日起施行，有效期3年。'].join('\n'));
  assert.deepEqual([q!.periodStart, q!.periodEnd], [2025, 2027]);
});

test('a baseline from the background is counted in the year the account speaks of, not one a change is measured against (较2020年下降14.6%); a change is no baseline', async () => {
  const [p] = await parse(['某县工业绿色发展规划（2024—2026年）', '一、发展基础', '2023年，全县组织企业节能诊断126家；当年全县规模以上工业单位增加值能耗较2020年下降14.6%，一般工业固体废物综合利用率为88.5%。',
    '二、发展目标', '到2026年，规模以上工业单位增加值能耗较2023年下降12%，一般工业固体废物综合利用率达到92%以上。',
    '三、重点任务', '1.推进节能降碳。实施重点行业节能改造。（责任单位：县工信局）'].join('\n'));
  assert.deepEqual(p!.targets.map((g) => `${g.name} ${g.baseline?.value ? `${g.baseline.year}:${g.baseline.value}` : '-'}`), ['规模以上工业单位增加值能耗较2023年下降 -', '一般工业固体废物综合利用率 2023:88.5']);
});
