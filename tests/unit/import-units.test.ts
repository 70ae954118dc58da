// Units named in an item's prose (…牵头, X要会同有关部门, X承担…日常工作, 成立…领导小组统筹) and the figures beside them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../core/import/parse/index';

const parse = async (text: string) => (await parseDocument('测试.txt', Buffer.from(text, 'utf8'))).plans;

test('units in prose: X要会同有关部门 is X alone, X承担…日常工作 names X, a body only set up is none; a count in 片 is a goal, a condition 对…超过8年…的 is none', async () => {
  const [p] = await parse(['某县全民健身设施补短板实施方案（2024—2025年）', '一、重点任务',
    '（一）新建社区运动场。利用城市边角地建设社区运动场地，新增社区多功能运动场15片。（责任单位：县住房和城乡建设局）',
    '（二）更新健身器材。对使用年限超过8年或存在安全隐患的器材及时更新，每年更新健身路径100套。（责任单位：县教育体育局）', '二、保障措施',
    '（一）加强组织领导。县全民健身工作领导小组负责统筹推进设施补短板工作，县教育体育局要会同有关部门建立项目清单，定期调度推进。',
    '（二）健全推进机制。建立县全民健身工作联席会议制度，县文化和旅游局承担联席会议日常工作。'].join('\n'));
  assert.deepEqual(p!.tasks.slice(2).map((t) => [t.leadUnits, [...t.responsibleUnits].sort()]), [
    [[], ['县全民健身工作领导小组', '县教育体育局'].sort()], [[], ['县文化和旅游局']],
  ]);
  assert.deepEqual(p!.targets.map((g) => `${g.name} ${g.milestones[0]!.value}${g.unit}`), ['新增社区多功能运动场 15片', '更新健身路径 100套']);
});

test('units in prose read also after a comma (…，X对…负总责), before 配合, after 会同 and a verb, and for a 领导小组 named after 由…任组长的; a period total and a yearly figure both stand', async () => {
  const [p] = await parse(['某市生态环境保护“十四五”规划', '一、重点任务',
    '（一）补齐污水处理短板。“十四五”期间新建改造污水管网260公里，新增污水处理能力8万立方米/日。（牵头单位：市住房城乡建设局）',
    '（二）推进农村人居环境整治。“十四五”期间完成120个行政村环境综合整治，每年完成24个行政村环境综合整治，数据中心标准机架达到5000架，苍江干流水质稳定保持Ⅱ类。（牵头单位：市农业农村局）',
    '二、保障措施',
    '（一）落实责任。严格落实“党政同责、一岗双责”，各县（市、区）人民政府对本行政区域生态环境质量负总责，市生态环境局负责统筹协调。',
    '（二）加大资金投入。市财政局会同市生态环境局积极争取上级资金。',
    '（三）强化监测。由市生态环境局牵头，推进监测网络建设；市统计局配合做好指标统计工作。',
    '（四）加强组织领导。成立由市政府主要负责同志任组长的市生态环境保护领导小组，统筹推进重大事项。'].join('\n'));
  assert.deepEqual(p!.tasks.slice(2).map((t) => [t.leadUnits.join('、'), [...t.responsibleUnits].sort().join('、')]), [
    ['', ['各县（市、区）人民政府', '市生态环境局'].sort().join('、')], ['市财政局', '市生态环境局'], ['市生态环境局', '市统计局'], ['', '市生态环境保护领导小组'],
  ]);
  assert.deepEqual(p!.targets.map((g) => [g.name, g.unit, g.milestones.map((m) => `${m.year}:${m.value}${m.cumulative ? '累计' : ''}`).join(' ')]), [
    ['新建改造污水管网', '公里', '2025:260累计'], ['新增污水处理能力', '万立方米/日', '2025:8累计'],
    ['完成行政村环境综合整治', '个', '2025:120累计'], ['完成行政村环境综合整治', '个', '2021:24 2022:24 2023:24 2024:24 2025:24'],
    ['数据中心标准机架', '架', '2025:5000'], ['苍江干流水质', '', '2025:稳定保持Ⅱ类'],
  ]);
});

test('a 领导小组 set up and given the work after who heads it; X、Y按职责分工负责 at a paragraph’s end; X于2023年… after a semicolon; a fund’s yearly amount named for the fund; a project’s 建设年限 its deadline', async () => {
  const [p] = await parse(['某县数字经济发展“十四五”规划', '一、重点工程', '●县城市大数据中心：新建标准机架2000架，总投资6.5亿元，建设年限2021—2023年。',
    '二、保障措施',
    '（一）加强组织领导。成立县数字经济发展领导小组，由县政府主要负责同志任组长，统筹推进全县数字经济发展重大事项。',
    '（二）强化政策支持。县经信局会同县财政局统筹用好数字经济发展专项资金，县级财政每年安排不少于2000万元。',
    '（三）加强人才支撑。实施数字经济人才引育计划，每年培训数字技能人才1000人次以上，县人社局、县教育局按职责分工负责。',
    '（四）健全统计监测。县统计局牵头建立数字经济统计监测制度；县发改局于2023年组织开展规划实施中期评估。'].join('\n'));
  assert.deepEqual(p!.tasks.map((t) => [t.leadUnits.join('、'), [...t.responsibleUnits].sort().join('、'), t.deadline ?? '']), [
    ['', '', '2023'], ['', '县数字经济发展领导小组', ''], ['县经信局', '县财政局', ''], ['', ['县人社局', '县教育局'].sort().join('、'), ''], ['县统计局', '县发改局', ''],
  ]);
  assert.deepEqual(p!.targets.map((g) => `${g.name} ${g.milestones[0]!.year}:${g.milestones[0]!.value}`), [
    '新建标准机架 2023:2000', '总投资 2023:6.5', '数字经济发展专项资金 2021:2000', '培训数字技能人才 2021:1000',
  ]);
});

test('a reply: an item 一是会同X… is the replying unit’s with X; 由X牵头，我局和Y配合 has the replying unit among the helpers; 此项工作由X牵头 names X; thanks, signature and 抄送 hold no task', async () => {
  const [p] = await parse(['关于市政协十四届三次会议第0123号提案的答复', '顾岩松委员：', '您提出的《关于推动制造业绿色转型的提案》收悉，现答复如下：',
    '一、下一步工作打算', '下一步，我局将重点抓好以下几项工作：一是会同市财政局修订完善工业绿色发展专项资金管理办法，于2024年底前出台实施。二是会同市发展改革委、国网某市供电公司推进重点行业节能降碳，组织开展工业节能诊断服务。三是由市生态环境局牵头，我局和市住房城乡建设局配合，加快建设工业固体废物资源化利用项目。四是此项工作由市交通运输局牵头，市商务局、市邮政分公司配合，推进客货邮融合发展。',
    '再次感谢您对全市工业和信息化工作的关心和支持。', '某市工业和信息化局', '2024年6月18日', '（联系人：宋雅琴；联系电话：0736-6281573）', '抄送：市政协提案委员会，市财政局。'].join('\n'));
  assert.equal(p!.kind, 'reply');
  assert.deepEqual(p!.tasks.map((t) => [t.leadUnits.join('、'), [...t.responsibleUnits].sort().join('、')]), [
    ['某市工业和信息化局', '市财政局'], ['某市工业和信息化局', ['市发展改革委', '国网某市供电公司'].sort().join('、')],
    ['市生态环境局', ['某市工业和信息化局', '市住房城乡建设局'].sort().join('、')], ['市交通运输局', ['市商务局', '市邮政分公司'].sort().join('、')],
  ]);
});

test('a reply without headings: its own title over a 《》 its account names; the numbered account before “我委将重点做好以下工作：” is background; a date in Chinese numerals signs it; 联合/与…共同/；会同 partners', async () => {
  const [p] = await parse(['某市发展和改革委员会关于市政协十一届二次会议第138号提案的复函', '王委员：', '您提出的关于缓解停车难的提案收悉，现答复如下：',
    '1.强化停车设施规划引领。2022年，我委会同有关部门印发《关于进一步完善中心城区机动车停放服务收费的通知》，新增泊位2.3万个。',
    '2.加快公共停车项目建设。2022年全市建成公共停车场23个，总投资18.7亿元。', '我委将重点做好以下工作：',
    '（一）推进停车换乘。在城市外围公交枢纽配套建设停车换乘（P+R）停车场，到2024年底建成8处。',
    '（二）强化资金支持。我委将与市财政局共同研究制定鼓励社会资本投资停车设施的措施，2023年9月底前提请市政府印发实施。',
    '（三）盘活存量资源。完善差别化停车收费政策；会同市机关事务管理局推动内部停车场错时开放。',
    '（四）拓展销售渠道。联合市商务局、市财政局组织企业参加展会。',
    '特此函复。', '某市发展和改革委员会', '二〇二三年六月十五日'].join('\n'));
  assert.deepEqual([p!.title, p!.kind, p!.issued], ['某市发展和改革委员会关于市政协十一届二次会议第138号提案的复函', 'reply', '2023-06-15']);
  assert.deepEqual(p!.tasks.map((t) => [t.code, t.leadUnits.join('、'), [...t.responsibleUnits].sort().join('、')]), [
    ['（一）', '某市发展和改革委员会', ''], ['（二）', '某市发展和改革委员会', '市财政局'], ['（三）', '某市发展和改革委员会', '市机关事务管理局'],
    ['（四）', '某市发展和改革委员会', ['市商务局', '市财政局'].sort().join('、')],
  ]);
  assert.deepEqual(p!.targets.map((g) => `${g.name} ${g.milestones[0]!.year}:${g.milestones[0]!.value}${g.unit}`), ['停车换乘（P+R）停车场 2024:8处']);
});

test('a 专栏 item broken at the box’s edge keeps its first line in its body, titled by its project; a figure’s name leaves the project out; 由…任组长的X is X; …，X每半年… names X', async () => {
  const [p] = await parse(['某市新型基础设施建设“十四五”规划', '一、重点工程', '专栏1　重点工程',
    '（1）5G网络精品工程：新建5G基站1.2万个以上，重点工业园区5G', '网络深度覆盖率达到100%。',
    '（2）算力设施提升工程：建成云数据中心二期，新增标准机架6000', '架，新增智能算力600PFlops。', '二、保障措施',
    '（一）加强组织领导。成立由县政府主要领导任组长的县数字乡村建设工作领导小组，统筹推进重大事项。',
    '（二）强化考核督导。将数字乡村建设纳入乡（镇）年度目标责任考核，县委网信办、县农业农村局每半年开展一次督导检查。'].join('\n'));
  assert.deepEqual(p!.tasks.map((t) => [t.title, t.kind]), [['5G网络精品工程', 'project'], ['算力设施提升工程', 'project'], ['加强组织领导', 'safeguard'], ['强化考核督导', 'safeguard']]);
  assert.deepEqual(p!.tasks.slice(2).map((t) => [...t.responsibleUnits].sort().join('、')), ['县数字乡村建设工作领导小组', ['县委网信办', '县农业农村局'].sort().join('、')]);
  assert.deepEqual(p!.targets.map((g) => `${g.name} ${g.milestones[0]!.value}${g.unit}`), ['新建5G基站 1.2万个', '重点工业园区5G网络深度覆盖率 100%', '新增标准机架 6000架', '新增智能算力 600PFlops']);
});

test('a yearly fund from the year the text starts it (自2022年起, 2022—2025年); 依托…领导小组，统筹… names the 领导小组', async () => {
  const [p] = await parse(['某市软件和信息服务业发展“十四五”规划', '一、保障措施',
    '（一）加强组织领导。依托市数字经济发展领导小组，统筹推进全市软件产业发展重大事项。',
    '（二）加大资金投入。自2022年起，市本级每年安排软件和信息服务业发展专项资金不少于1.5亿元。',
    '（三）强化要素保障。2022—2025年，县财政局每年安排电子信息产业发展专项资金不少于3000万元。'].join('\n'));
  assert.deepEqual(p!.tasks[0]!.responsibleUnits, ['市数字经济发展领导小组']);
  assert.deepEqual(p!.targets.map((g) => g.milestones.map((m) => m.year).join(' ')), ['2022 2023 2024 2025', '2022 2023 2024 2025']);
});

test('a goal’s name leaves out how hard it is tried (…营业收入力争突破1000亿元); a share (占…比重) is named for the figure before it, and so is a growth after the share', async () => {
  const [p] = await parse(['某市电子信息产业发展“十四五”规划', '一、发展目标', '到2025年，电子信息制造业营业收入力争突破1000亿元，软件和信息技术服务业营业收入达到500亿元。',
    '全市数字经济增加值达到2000亿元，占地区生产总值比重达到45%，年均增长12%。', '二、重点任务', '1.培育龙头企业。支持企业做大做强。（责任单位：市工信局）'].join('\n'));
  assert.deepEqual(p!.targets.map((g) => `${g.name} ${g.milestones[0]!.value}${g.milestones[0]!.qualifier}`), ['电子信息制造业营业收入 1000超过', '软件和信息技术服务业营业收入 500',
    '全市数字经济增加值 2000', '全市数字经济增加值占地区生产总值比重 45', '全市数字经济增加值年均增长 12']);
});

test('a reply answering point by point: what was done is background (近年来…, 2023年…达到…，同比增长…, 截至…，…，较上年…, 今年以来已…); 我局将配合X、Y… is led by X and Y', async () => {
  const [p] = await parse(['关于市政协十三届二次会议第0356号提案的答复', '民建市委会：', '贵单位提出的《关于加快发展夜间经济的提案》收悉。经研究，现答复如下：',
    '一、关于完善夜间消费载体的建议', '近年来，我局联合各区打造了滨江路、老城南等12条特色街区，2023年全市夜间消费额达到180亿元，同比增长11.2%。下一步，我局将会同市住房城乡建设局，推动一批街区提档升级，到2025年建成省级夜间文旅消费集聚区5个。',
    '二、关于丰富夜间消费业态的建议', '截至2023年底，全市共有夜间经济街区15条，较上年增加3条。今年以来已举办夜市节庆活动36场。我们将继续鼓励商场、景区延时经营，每年举办“夜游江城”系列活动不少于10场。',
    '三、关于优化夜间公共服务的建议', '下一步，我局将配合市交通运输局、市公安局优化夜间交通组织，增设临时停车泊位。',
    '感谢贵单位对商务工作的关心和支持。', '江城市商务局', '2024年6月12日'].join('\n'));
  assert.equal(p!.kind, 'reply');
  assert.deepEqual(p!.tasks.map((t) => [t.leadUnits.join('、'), t.responsibleUnits.join('、')]), [
    ['江城市商务局', '市住房城乡建设局'], ['江城市商务局', ''], ['市交通运输局、市公安局', '江城市商务局'],
  ]);
  assert.deepEqual(p!.targets.map((g) => `${g.name} ${g.milestones[0]!.year}:${g.milestones[0]!.value}${g.unit}`), ['建成省级夜间文旅消费集聚区 2025:5个', '举办“夜游江城”系列活动 2024:10场']);
});

test('in a plan, 截至 a year of the plan is a goal’s time and the clauses after it are goals; 截至 an earlier year, and 以来, start background', async () => {
  const [p] = await parse(['某市商贸流通发展行动方案（2024—2026年）', '一、重点任务',
    '1.提升商圈能级。截至2023年底，全市共有市级商圈8个，较2020年增加3个。截至2025年底，新培育市级商圈4个。（责任单位：市商务局）',
    '2.壮大市场主体。2021年以来，全市累计新增限上企业980家。2024年新增限上商贸企业200家。（责任单位：市商务局）'].join('\n'));
  assert.deepEqual(p!.targets.map((g) => `${g.name} ${g.milestones.map((m) => `${m.year}:${m.value}`).join(' ')}`), ['新培育市级商圈 2025:4', '新增限上商贸企业 2024:200']);
});

test('a reply with a heading of next steps: the sections before it tell what was done (no task, no target); its issuer signed with the date on one line, with 盖章, or only named as the page’s 来源; two units signing both lead', async () => {
  const body = (head: string[], sign: string[]) => [...head, '九三学社市委会：', '你们提出的《关于推动我市中小企业数字化转型的提案》收悉，现将办理情况函复如下：',
    '一、前期工作推进情况', '（一）强化政策引导。我局会同市财政局出台了专项资金管理办法，2023年共兑现资金4200万元，惠及企业316家。',
    '（二）搭建服务平台。建成市级中小企业公共服务平台1个、数字化转型服务中心3个。',
    '二、下一步工作打算', '（一）深化诊断服务。组织服务机构每年为中小企业免费开展数字化诊断300家次以上。（市科技局配合）',
    '（二）强化人才支撑。联合市人力资源社会保障局、市教育局，开展数字化转型人才培训。',
    '感谢你们对工业和信息化工作的关心和支持。', ...sign].join('\n');
  const title = '关于市政协十三届三次会议第0218号提案的复函';
  const cases: [string[], string[], string[]][] = [
    [[title], ['清江市工业和信息化局　　2024年7月3日'], ['清江市工业和信息化局']],
    [[title], ['清江市工业和信息化局（盖章）', '2024年7月3日'], ['清江市工业和信息化局']],
    [[title, '发布时间：2024-07-05　来源：清江市工业和信息化局'], ['2024年7月3日'], ['清江市工业和信息化局']],
    [[title], ['清江市工业和信息化局', '清江市财政局', '2024年7月3日'], ['清江市工业和信息化局', '清江市财政局']],
  ];
  for (const [head, sign, lead] of cases) {
    const [p] = await parse(body(head, sign));
    assert.equal(p!.kind, 'reply');
    assert.deepEqual(p!.tasks.map((t) => [t.title, t.leadUnits, t.responsibleUnits.join('、')]), [
      ['深化诊断服务', lead, '市科技局'], ['强化人才支撑', lead, '市人力资源社会保障局、市教育局'],
    ], sign.join(' ') || head.join(' '));
    assert.deepEqual(p!.targets.map((g) => `${g.name} ${g.milestones[0]!.value}${g.unit}`), ['组织服务机构每年为中小企业免费开展数字化诊断 300家次']);
  }
});

test('an item over points 1.…2.…3.… whose last alone names the units: one task, with those units, its deadline and its points', async () => {
  const [p] = await parse(['某省农村寄递物流体系建设实施方案（2023—2027年）', '一、重点任务',
    '（一）推进“交邮融合”发展。', '1.共建共用站场资源。推动县级客运站拓展寄递物流功能。', '2.发展客货邮融合线路。累计开通客货邮融合线路500条以上。',
    '3.推广县域统一运营。推行统一车辆、统一线路。（省交通运输厅、省邮政管理局负责，2025年底前完成）',
    '（二）健全县乡村三级寄递物流网络。', '1.提升县级节点功能。改造提升县级寄递公共配送中心。（省邮政管理局牵头）', '2.强化乡镇节点衔接。推动网点共建共享。（省供销社负责）'].join('\n'));
  assert.deepEqual(p!.tasks.map((t) => [t.title, t.responsibleUnits.join('、') || t.leadUnits.join('、'), t.deadline ?? null, t.subpoints.length]), [
    ['推进“交邮融合”发展', '省交通运输厅、省邮政管理局', '2025-12-31', 3], ['提升县级节点功能', '省邮政管理局', null, 0], ['强化乡镇节点衔接', '省供销社', null, 0],
  ]);
  assert.equal(p!.targets.find((g) => g.name.includes('客货邮融合线路'))?.taskId, p!.tasks[0]!.id);
});

test('a safeguard’s prose: X室要… names X; X会同Y于2023年开展… has X lead with Y', async () => {
  const [p] = await parse(['某区文化和旅游发展规划（2021—2025年）', '一、保障措施',
    '（一）严格督查评估。区政府督查室要将分解任务落实情况纳入年度督查计划；区文化和旅游局会同区发展和改革局于2023年开展中期评估。'].join('\n'));
  assert.deepEqual(p!.tasks.map((t) => [t.leadUnits.join('、'), [...t.responsibleUnits].sort().join('、')]), [['区文化和旅游局', ['区政府督查室', '区发展和改革局'].sort().join('、')]]);
});
