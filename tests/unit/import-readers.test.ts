// The readers of every format: text in UTF-8, GB18030 and UTF-16 (with and without byte-order mark), PDF (text layer,
// lines and table rows rebuilt from positions, scans refused), Word 97 and WPS, saved web pages, traditional characters,
// .xls refused with what to do, and titles taken from the file name when the text names none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ImportFileError, parseDocument, plansOfBlocks } from '../../core/import/parse/index';
import { joinLines, pageLines } from '../../core/import/parse/pdf';
import { rebuildTables } from '../../core/import/parse/pdf-tables';
import { rebuildTaskTables } from '../../core/import/parse/pdf-task-tables';
import { tableLines, word97Blocks } from '../../core/import/parse/word97';
import { decodeText } from '../../core/import/parse/sniff';

const corpus = (f: string) => fs.readFileSync(path.join(__dirname, '..', 'corpus', 'docs', f));
const PLAN = `某县数字乡村建设行动方案(2024—2026年)
一、重点任务
1.建设益农信息社。每年新建益农信息社20个。(县农业农村局牵头,县商务局配合;2025年底前)
2.发展农村电商。培育电商示范村10个。(责任单位:县商务局)
`;

test('text in UTF-8, UTF-8 with BOM, UTF-16 LE/BE with and without BOM reads the same', async () => {
  const le = Buffer.from(PLAN, 'utf16le');
  const be = Buffer.from(le).swap16();
  const forms: [string, Buffer][] = [
    ['utf8', Buffer.from(PLAN)], ['utf8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PLAN)])],
    ['utf16le-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), le])], ['utf16le', le],
    ['utf16be-bom', Buffer.concat([Buffer.from([0xfe, 0xff]), be])], ['utf16be', be],
  ];
  for (const [name, data] of forms) {
    assert.equal(decodeText(`${name}.txt`, data).replace(/^\uFEFF/, ''), PLAN, name);
    const [p] = (await parseDocument(`${name}.txt`, data)).plans;
    assert.deepEqual(p!.tasks.map((t) => [t.title, t.leadUnits, t.responsibleUnits, t.deadline]), [
      ['建设益农信息社', ['县农业农村局'], ['县商务局'], '2025-12-31'], ['发展农村电商', [], ['县商务局'], undefined],
    ], name);
    assert.deepEqual(p!.targets.find((g) => g.unit === '个' && g.milestones.length === 3)?.milestones.map((m) => m.year), [2024, 2025, 2026], name);
  }
});

test('GB18030 text with CRLF (corpus 02) and UTF-16LE text with BOM (corpus 03)', async () => {
  const gb = corpus('02-lanzhou-jienengjianpai-fenjie.txt');
  assert.ok(!gb.toString('utf8').includes('节能减排'), 'really not UTF-8');
  const [a] = (await parseDocument('02.txt', gb)).plans;
  assert.equal(a!.title, '岚州市“十四五”节能减排综合工作目标任务分解方案');
  assert.equal(a!.titleFrom, 'notice');
  const [b] = (await parseDocument('03.txt', corpus('03-nanpu-yingshang-qingdan.txt'))).plans;
  assert.equal(b!.tasks.length, 24);
  assert.deepEqual(b!.tasks[0]!.leadUnits, ['区政务服务管理办']);
});

test('PDF: text items become lines, lines broken at the margin join, items far apart on one line are table cells', () => {
  const it = (str: string, x: number, y: number, w: number) => ({ str, x, y, w, h: 12 });
  const lines = pageLines([
    it('一、重点任务', 50, 800, 72), it('1.建设新型基础设施。推进千兆光网和5G基站建设,扩大网络覆', 50, 780, 500),
    it('盖范围。', 50, 762, 48), it('指标名称', 50, 700, 48), it('单位', 250, 700, 24), it('2025年', 350, 700, 36),
    it('5G基站数', 50, 682, 54), it('个', 250, 682, 12), it('3000', 350, 682, 24),
    it('2.发展数字产业。培育软件企业,建设软件园区,推动软件和信息技术服务业规模持续扩', 50, 660, 500), it('三、保障措施', 50, 642, 72), it('— 1 —', 280, 40, 30),
  ], 1);
  assert.deepEqual(joinLines(lines), ['一、重点任务', '1.建设新型基础设施。推进千兆光网和5G基站建设,扩大网络覆盖范围。', '指标名称\t单位\t2025年', '5G基站数\t个\t3000',
    '2.发展数字产业。培育软件企业,建设软件园区,推动软件和信息技术服务业规模持续扩', '三、保障措施']);
  const title = pageLines([it('某市发展和改革委员会', 200, 800, 200), it('关于某项提案的复函', 210, 770, 180), it('正文第一段。', 50, 740, 72)].map((x, k) => ({ ...x, h: k < 2 ? 20 : 12 })), 1);
  assert.deepEqual(joinLines([...title, ...lines.slice(1, 3)]).slice(0, 2), ['某市发展和改革委员会关于某项提案的复函', '正文第一段。'], 'a title over two centred lines');
});

test('PDF with a text layer (corpus 07, 13); a PDF without text gets the message for scans', async () => {
  const [p] = (await parseDocument('措施.pdf', corpus('07-tongling-zhizao-cuoshi.pdf'))).plans;
  assert.deepEqual([p!.kind, p!.tasks.length, p!.docNumber, p!.issued], ['measures', 15, '桐政〔2024〕9号', '2024-04-15']);
  assert.ok(p!.tasks.every((t) => t.responsibleUnits.includes('县财政局') || t.leadUnits.includes('县财政局')), 'the note for every measure');
  const [q] = (await parseDocument('方案.pdf', corpus('13-laichuan-xianyu-shangye.pdf'))).plans;
  assert.deepEqual(q!.tasks.find((t) => t.title.startsWith('培育农村电商主体'))?.leadUnits, ['市商务局']);
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let pdf = '%PDF-1.4\n';
  const offsets = objs.map((o, k) => { const at = pdf.length; pdf += `${k + 1} 0 obj\n${o}\nendobj\n`; return at; });
  const xref = pdf.length;
  pdf += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  await assert.rejects(parseDocument('扫描件.pdf', Buffer.from(pdf, 'latin1')), (e: Error) => e instanceof ImportFileError && /该 PDF 没有可提取的文字\(可能是扫描件\),请使用带文字层的 PDF 或 Word 文件/.test(e.message));
  await assert.rejects(parseDocument('坏.pdf', Buffer.from('%PDF-1.4 broken')), /无法作为 PDF 打开|没有可提取的文字/);
});

test('Word 97 .doc (a reply) and a .wps that is a Word 97 binary holding two documents; WPS of its own format refused', async () => {
  const [r] = (await parseDocument('答复.doc', corpus('08-beisha-chongdian-dafu.doc'))).plans;
  assert.deepEqual([r!.kind, r!.title, r!.periodStart, r!.tasks.length], ['reply', '对市十六届人大三次会议第0215号建议的答复', null, 5]);
  assert.deepEqual(r!.tasks[0]!.leadUnits, ['北沙市发展和改革委员会']);
  const plans = (await parseDocument('通知.wps', corpus('09-xuyang-renju-tongzhi.wps'))).plans;
  assert.deepEqual(plans.map((p) => [p.kind, p.docNumber]), [['action_plan', '溆政办发〔2021〕27号'], ['measures', '溆政办发〔2021〕27号']]);
  await assert.rejects(parseDocument('旧文档.wps', Buffer.concat([Buffer.from('WPS旧格式'), Buffer.alloc(600, 7)])), /早期 WPS 专有格式.*另存为 \.docx/);
  await assert.rejects(parseDocument('坏.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(600).fill(0)])), /无法作为 Word 97-2003 文档读取/);
  assert.deepEqual(tableLines('表1\n序号\t名称\t2025年\t\n1\t两段\n第二段\t30\t\n正文'), ['表1', '序号\t名称\t2025年', '1\t两段第二段\t30', '正文']);
  // As Word 97 stores a table: every cell and every row end with a mark, rows back to back; a header over two rows, a
  // group row across the table, an empty cell.
  const word = '序号\t指标\t单位\t目标值\t属性\t\t\t\t\t2020年\t2025年\t\t\t一、规模\t\n1\t增加值\t亿元\t86\t130\t预期性\t\t2\t营业收入（亿元）\t\t32\t55\t预期性\t\t3\t网络零售额\t亿元\t18\t40\t预期性\t\t\n注：正文';
  assert.deepEqual(tableLines(word), ['序号\t指标\t单位\t目标值2020年\t目标值2025年\t属性', '一、规模', '1\t增加值\t亿元\t86\t130\t预期性',
    '2\t营业收入（亿元）\t\t32\t55\t预期性', '3\t网络零售额\t亿元\t18\t40\t预期性', '注：正文']);
  // Two tables, the heading between them glued to the first one's last mark; the second's rows ending in line breaks;
  // units one per paragraph in their cells.
  const two = '序号\t指标名称\t单位\t2025年\t牵头单位\t责任单位\t\t1\t地区生产总值\t亿元\t145\t县发改局\t县统计局\n各镇（街道）\t\t2\t森林覆盖率\t%\t39\t县林业局\t县自然资源局\t\t二、重点任务分工\n'
    + '序号\t重点任务\t牵头单位\t责任单位\t完成时限\t\n（一）加快构建现代产业体系\t\n1\t做强苹果全产业链。新建矮砧密植果园2万亩。\t县果业发展中心\t县农业农村局\n县商务局\t2025年底\t\n2\t推进工业园区扩区调位。\t县工信局\t县发改局\t持续推进\t\n三、工作要求';
  // A header whose first row spans 指标 over 一级/二级指标 and 2025年 over 目标值/年均增长, its other labels down both rows.
  const spread = '表1\n指　　标\t单位\t2020年\t2025年\t属性\t\n一级指标\t二级指标\t\t\t目标值\t年均增长（%）\t\t\t数字产业化\t核心产业增加值\t亿元\t18.3\t40\t16.9\t预期性\t\t\t电子信息制造业营业收入\t亿元\t126\t260\t15.6\t预期性\t\t\n注：正文';
  assert.deepEqual(tableLines(spread), ['表1', '一级指标\t二级指标\t单位\t2020年\t2025年目标值\t2025年年均增长（%）\t属性',
    '数字产业化\t核心产业增加值\t亿元\t18.3\t40\t16.9\t预期性', '\t电子信息制造业营业收入\t亿元\t126\t260\t15.6\t预期性', '注：正文']);
  assert.deepEqual(tableLines(two), ['序号\t指标名称\t单位\t2025年\t牵头单位\t责任单位', '1\t地区生产总值\t亿元\t145\t县发改局\t县统计局、各镇（街道）',
    '2\t森林覆盖率\t%\t39\t县林业局\t县自然资源局', '二、重点任务分工', '序号\t重点任务\t牵头单位\t责任单位\t完成时限', '（一）加快构建现代产业体系',
    '1\t做强苹果全产业链。新建矮砧密植果园2万亩。\t县果业发展中心\t县农业农村局、县商务局\t2025年底', '2\t推进工业园区扩区调位。\t县工信局\t县发改局\t持续推进', '三、工作要求']);
  // A group row across the table names its rows' category; a note glued to the last row's mark stays out of the table.
  const [k] = await plansOfBlocks('规划.doc', word97Blocks(`某县现代服务业发展规划（2021—2025年）\n${word.replace('\t\t\n注：正文', '\t\t注：[ ]内为累计数。')}`), {});
  assert.deepEqual(k!.targets.map((t) => [t.name, t.category, t.unit, t.milestones.map((m) => m.value).join('/')]),
    [['增加值', '规模', '亿元', '130'], ['营业收入', '规模', '亿元', '55'], ['网络零售额', '规模', '亿元', '40']]);
  const [g] = await plansOfBlocks('分工方案.doc', word97Blocks(`某县“十四五”规划纲要主要目标任务分工方案\n一、主要指标分工\n${two}`), {});
  assert.deepEqual(g!.targets.filter((t) => t.scope === 'table').map((t) => [t.name, t.responsibleUnits.join('、')]), [['地区生产总值', '县发改局、县统计局、各镇（街道）'], ['森林覆盖率', '县林业局、县自然资源局']]);
  assert.deepEqual(g!.tasks.map((t) => [t.title, t.path.at(-1), t.leadUnits.join('、'), t.responsibleUnits.join('、'), t.deadline]), [
    ['做强苹果全产业链', '（一）加快构建现代产业体系', '县果业发展中心', '县农业农村局、县商务局', '2025-12-31'], ['推进工业园区扩区调位', '（一）加快构建现代产业体系', '县工信局', '县发改局', '长期']]);
});

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某区关于印发某区养老服务三年行动方案的通知_政务公开</title></head><body>
<div class="nav"><a href="/">首页</a><a>政务公开</a><a>互动交流</a></div><div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 规划计划</div>
<table class="xxgk"><tr><td>发文字号：</td><td>某政办发〔2023〕9号</td><td>成文日期：</td><td>2023年05月06日</td></tr></table>
<h1>某区人民政府办公室关于印发某区养老服务三年行动方案（2023—2025年）的通知</h1>
<div id="zoom"><p>各街道办事处：</p><p>《某区养老服务三年行动方案（2023—2025年）》已经区政府同意，现印发给你们，请认真贯彻执行。</p>
<p>某区人民政府办公室</p><p>2023年5月6日</p><p>某区养老服务三年行动方案（2023—2025年）</p><p><strong>一、主要指标</strong></p>
<table><tr><td rowspan="2">指标名称</td><td colspan="2">目标值</td></tr><tr><td>2024年</td><td>2025年</td></tr>
<tr><td>养老机构护理型床位占比（%）</td><td>55</td><td>60</td></tr><tr><td>社区养老服务覆盖率（%）</td><td colspan="2">100</td></tr></table>
<p><strong>二、重点任务</strong></p><p>1.建设街道综合养老服务中心。每个街道建成1个综合养老服务中心。（责任单位：区民政局）</p>
<p>2.发展家庭养老床位。新增家庭养老床位500张。（区民政局牵头，区卫健委配合）</p></div>
<div class="share">分享到：微信 微博</div><div class="related"><h3>相关阅读</h3><ul><li>某区“十四五”民政事业发展规划</li></ul></div>
<div class="foot"><p>版权所有：某区人民政府 网站标识码：123</p></div><script>var a = '1.不是任务。';</script></body></html>`;

test('a saved web page: the article, its table (rowspan/colspan) and the page particulars; no site furniture', async () => {
  const [p] = (await parseDocument('通知.html', Buffer.from(PAGE))).plans;
  assert.deepEqual([p!.title, p!.docNumber, p!.issued, p!.periodStart, p!.periodEnd], ['某区养老服务三年行动方案（2023—2025年）', '某政办发〔2023〕9号', '2023-05-06', 2023, 2025]);
  assert.deepEqual(p!.tasks.map((t) => [t.title, t.leadUnits, t.responsibleUnits]), [
    ['建设街道综合养老服务中心', [], ['区民政局']], ['发展家庭养老床位', ['区民政局'], ['区卫健委']],
  ]);
  const table = p!.targets.filter((g) => g.scope === 'table');
  assert.deepEqual(table.map((g) => [g.name, g.unit, g.milestones.map((m) => `${m.year}:${m.value}`).join(' ')]), [
    ['养老机构护理型床位占比', '%', '2024:55 2025:60'], ['社区养老服务覆盖率', '%', '2024:100 2025:100'],
  ]);
  assert.ok(!JSON.stringify(p).match(/相关阅读|版权所有|分享到|民政事业发展规划|不是任务/), 'no furniture in the plan');
});

test('traditional characters are read for matching and kept as written', async () => {
  const text = '某市推進數字經濟發展行動計劃（2024—2026年）\n三、重點任務\n1.建設算力中心。到2026年建成數據中心機架5000個。（牽頭單位：市發展和改革局；責任單位：市工業和信息化局）\n';
  const [p] = (await parseDocument('繁體.txt', Buffer.from(text))).plans;
  assert.equal(p!.title, '某市推進數字經濟發展行動計劃（2024—2026年）');
  const [t] = p!.tasks;
  assert.deepEqual([t!.title, t!.leadUnits, t!.responsibleUnits], ['建設算力中心', ['市發展和改革局'], ['市工業和信息化局']]);
  const g = p!.targets.find((x) => x.scope === 'in_task');
  assert.deepEqual([g?.unit, g?.milestones[0]?.value, g?.milestones[0]?.year], ['個', '5000', 2026]);
});

test('.xls asks to be saved as .xlsx; a text naming no title is titled by its file; a file giving nothing is refused', async () => {
  await assert.rejects(parseDocument('旧表.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])), /Excel 97-2003.*另存为 \.xlsx/);
  const [p] = (await parseDocument('2024年重点工作.txt', Buffer.from('一、重点任务\n1.推进项目建设。新开工项目30个。(责任单位:区发改委)\n'))).plans;
  assert.deepEqual([p!.title, p!.titleFrom], ['2024年重点工作', 'file']);
  await assert.rejects(parseDocument('纪要.txt', Buffer.from('会议听取了汇报,认为工作推进有力。\n')), /没有识别出任何任务或指标,未导入/);
});

test('PDF: a narrow table\'s centred cells stand apart, a wide-set heading stays one line, a table wider than the text does not move the margin', () => {
  const it = (str: string, x: number, y: number, w: number) => ({ str, x, y, w, h: 14 });
  const lines = pageLines([
    it('第二节', 57, 800, 42), it('发展目标', 113, 800, 56),
    it('序号', 62, 760, 28), it('指标名称', 198, 760, 56), it('单位', 361, 760, 28), it('2020 年', 398, 760, 50), it('2025 年', 457, 760, 50), it('属性', 525, 760, 28),
    it('1', 73, 730, 7), it('5G 基站数量', 187, 730, 77), it('个', 368, 730, 14), it('1850', 408, 730, 30), it('9000', 466, 730, 31), it('预期性', 518, 730, 42), it('（表格延伸）', 540, 715, 41),
    it('实施光纤网络升级改造。推进城区老旧小区光纤到户改造和家庭千兆接入，开展', 57, 690, 490),
    it('“千兆社区”创建，累计创建千兆示范小区 200 个。', 57, 660, 300),
    it('推进企业数字化改造。实施中小企业数字化赋能行动，“十四五”期间推动 1000', 57, 630, 495),
    it('家规模以上工业企业完成数字化改造。', 57, 600, 238),
    it('建设城市数据中心二期。按照绿色集约原则建设城市数据中心二期工程，新增标准', 57, 570, 504),
    it('机架 1.2 万架，建成后对全市政务、企业和科研机构开放使用，提供算力服务，推', 57, 540, 504),
    it('动数据资源汇聚共享，带动数字产业发展，形成全市统一的算力调度能力，提升', 57, 510, 504),
    it('服务水平。', 57, 480, 70),
    it('第三节　统筹布局数据中心建设。', 57, 450, 210),
  ], 1);
  assert.deepEqual(joinLines(lines), ['第二节发展目标', '序号\t指标名称\t单位\t2020 年\t2025 年\t属性', '1\t5G 基站数量\t个\t1850\t9000\t预期性', '（表格延伸）',
    '实施光纤网络升级改造。推进城区老旧小区光纤到户改造和家庭千兆接入，开展“千兆社区”创建，累计创建千兆示范小区 200 个。',
    '推进企业数字化改造。实施中小企业数字化赋能行动，“十四五”期间推动 1000家规模以上工业企业完成数字化改造。',
    '建设城市数据中心二期。按照绿色集约原则建设城市数据中心二期工程，新增标准机架 1.2 万架，建成后对全市政务、企业和科研机构开放使用，提供算力服务，推动数据资源汇聚共享，带动数字产业发展，形成全市统一的算力调度能力，提升服务水平。',
    '第三节　统筹布局数据中心建设。']);
});

test('PDF: a table whose header stands on two rows and whose long names wrap above and below their row is rebuilt row by row', () => {
  const it = (str: string, x: number, y: number, w: number) => ({ str, x, y, w, h: 14 });
  const page = pageLines([
    it('目标值', 454, 800, 42), it('2020 年基', 359, 778, 64),
    it('序号', 129, 762, 28), it('指标名称', 212, 762, 56), it('单位', 324, 762, 28), it('属性', 531, 762, 28),
    it('2023', 435, 755, 33), it('2025', 482, 755, 33), it('期值', 377, 747, 28), it('年', 444, 725, 14), it('年', 492, 725, 14),
    it('1', 140, 680, 6), it('5G 基站数量', 202, 680, 77), it('个', 331, 680, 14), it('1850', 376, 680, 30), it('5000', 436, 680, 31), it('9000', 483, 680, 31), it('预期性', 524, 680, 42),
    it('新建数据中心电能利用效', 170, 652, 154),
    it('2', 140, 636, 6), it('—', 331, 636, 14), it('—', 384, 636, 14), it('≤1.4', 436, 636, 30), it('≤1.3', 483, 636, 30), it('约束性', 524, 636, 42),
    it('率（PUE）', 214, 620, 60),
  ], 1);
  const next = pageLines([
    it('3', 140, 800, 6), it('公共充电桩数量', 190, 800, 98), it('万个', 324, 800, 28), it('0.8', 384, 800, 20), it('1.6', 440, 800, 20), it('3.2', 488, 800, 20), it('预期性', 524, 800, 42),
    it('注：目标值为规划期末数。', 57, 760, 168),
  ], 2);
  assert.deepEqual(joinLines(rebuildTables([...page, ...next])), [
    '序号\t指标名称\t单位\t2020年基期值\t目标值2023年\t2025年\t属性',
    '1\t5G 基站数量\t个\t1850\t5000\t9000\t预期性',
    '2\t新建数据中心电能利用效率（PUE）\t—\t—\t≤1.4\t≤1.3\t约束性',
    '3\t公共充电桩数量\t万个\t0.8\t1.6\t3.2\t预期性',
    '注：目标值为规划期末数。',
  ]);
});

test('PDF: a task table whose cells wrap, stand in the middle of their rows and run over a page is rebuilt row by row', () => {
  const h = 10.5;
  // Runs as the PDF reader gives them: a Chinese glyph as wide as the font is high.
  const it = (str: string, x: number, y: number) => ({ str, x, y, w: [...str].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? h : h / 2), 0), h });
  const header = (y: number) => [it('序号', 60, y), it('任务事项', 120, y), it('具体措施', 280, y), it('牵头单位', 430, y), it('完成时限', 525, y)];
  const page1 = pageLines([
    it('二、重点任务', 50, 830), ...header(800), it('一、提升政务服务效能', 250, 780),
    it('围绕企业全生命周期梳理发布', 205, 750), it('深化“高效办成', 95, 740.5), it('市行政审批服务局', 410, 740.5), it('2024年12月', 505, 740.5),
    it('1', 68, 731), it('年度重点事项清单，集成办理13个。', 205, 731), it('一件事”改革', 95, 721.5), it('底前', 505, 721.5),
    // Two cells the reader ran together, a space for the gap between them.
    { str: '2 推行一网通办', x: 68, y: 686.5, w: 5.25 + 4 * h + 23.75, h }, it('推动高频事项网上办，年内实现300', 205, 686.5), it('市大数据发展局', 410, 686.5), it('2024年9月底前', 505, 686.5),
    it('项“掌上办”。', 205, 667.5),
    it('3', 68, 632.5), it('优化热线服务', 95, 632.5), it('整合非紧急类政务服务热线，热线', 205, 632.5),
  ], 1);
  const page2 = pageLines([...header(800), it('工单按时办结率达到98%以上。', 205, 770), it('市营商环境建设局', 410, 770), it('长期坚持', 505, 770), it('注：完成时限为最迟完成时间。', 50, 730)], 2);
  assert.deepEqual(joinLines(rebuildTables(rebuildTaskTables([...page1, ...page2]))), [
    '二、重点任务',
    '序号\t任务事项\t具体措施\t牵头单位\t完成时限',
    '一、提升政务服务效能',
    '1\t深化“高效办成一件事”改革\t围绕企业全生命周期梳理发布年度重点事项清单，集成办理13个。\t市行政审批服务局\t2024年12月底前',
    '2\t推行一网通办\t推动高频事项网上办，年内实现300项“掌上办”。\t市大数据发展局\t2024年9月底前',
    '3\t优化热线服务\t整合非紧急类政务服务热线，热线工单按时办结率达到98%以上。\t市营商环境建设局\t长期坚持',
    '注：完成时限为最迟完成时间。',
  ]);
});

test('PDF: header labels of narrow columns that the reader ran into one run are parted into their columns', () => {
  const h = 10.5;
  const it = (str: string, x: number, y: number, w?: number) => ({ str, x, y, w: w ?? [...str].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? h : h / 2), 0), h });
  const lines = pageLines([
    it('领域', 60, 800), it('指标', 170, 800), { str: '单位 2020年 2025年', x: 300, y: 800, w: 112, h }, it('属性', 450, 800),
    it('数字产业化', 50, 770), it('核心产业增加值', 140, 770), it('亿元', 300, 770), it('68', 350, 770), it('150', 390, 770), it('预期性', 445, 770),
    // A name wrapped over two lines of its cell, the row's other cells between them.
    it('新增数字经济领域', 135, 749), it('家', 305, 740), it('—', 352, 740), it('[30]', 387, 740), it('预期性', 445, 740), it('高新技术企业', 140, 731),
    it('产业数字化', 50, 710), it('网络零售额', 150, 710), it('亿元', 300, 710), it('45', 350, 710), it('90', 392, 710), it('预期性', 445, 710),
  ], 1);
  assert.deepEqual(joinLines(rebuildTables(lines)).slice(0, 3), ['领域\t指标\t单位\t2020年\t2025年\t属性', '数字产业化\t核心产业增加值\t亿元\t68\t150\t预期性',
    ' \t新增数字经济领域高新技术企业\t家\t—\t[30]\t预期性']);
});

test('PDF: a project table whose investment label stands over three lines gets its column; a sentence and a 第X章 heading after it end it', () => {
  const h = 10.5;
  const it = (str: string, x: number, y: number) => ({ str, x, y, w: [...str].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? h : h / 2), 0), h });
  const lines = pageLines([
    it('投资估算', 330, 812), it('序号', 60, 800), it('工程名称', 100, 800), it('建设内容', 220, 800), it('实施年限', 400, 800), it('（亿元）', 330, 788),
    it('实施干支流清淤疏浚，新建', 190, 760), it('2021—2025', 395, 760), it('1', 66, 750), it('苍江水环境治理工程', 90, 750), it('9.6', 345, 750),
    it('人工湿地1200亩', 190, 740), it('年', 420, 740),
    it('2', 66, 710), it('污水处理厂提标工程', 90, 710), it('新增污水处理能力5万立方米/日', 190, 710), it('4.2', 345, 710), it('2022—2024年', 395, 710),
    it('以上工程投资估算合计13.8亿元。', 56, 680), it('第八章 保障措施', 230, 660),
  ], 1);
  assert.deepEqual(joinLines(rebuildTaskTables(lines)), [
    '序号\t工程名称\t建设内容\t投资估算（亿元）\t实施年限',
    '1\t苍江水环境治理工程\t实施干支流清淤疏浚，新建人工湿地1200亩\t9.6\t2021—2025年',
    '2\t污水处理厂提标工程\t新增污水处理能力5万立方米/日\t4.2\t2022—2024年',
    '以上工程投资估算合计13.8亿元。', '第八章 保障措施',
  ]);
});

test('PDF: on a page an indicator table goes on to without its header, a name wrapped above and below its row joins that row', () => {
  const h = 10.5;
  const it = (str: string, x: number, y: number) => ({ str, x, y, w: [...str].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? h : h / 2), 0), h });
  const page1 = pageLines([
    it('序号', 60, 800), it('指标', 150, 800), it('单位', 300, 800), it('2020年', 340, 800), it('2025年', 390, 800), it('属性', 440, 800),
    it('6', 64, 770), it('县级及以上城市集中式饮用水水', 90, 770), it('%', 305, 770), it('100', 345, 770), it('100', 395, 770), it('约束性', 440, 770), it('源水质达到或优于Ⅲ类比例', 95, 760),
  ], 1);
  const page2 = pageLines([
    it('县级城市建成区黑臭水体消除比', 90, 812), it('7', 64, 800), it('%', 305, 800), it('80', 345, 800), it('≥90', 395, 800), it('预期性', 440, 800), it('例', 150, 788),
    it('8', 64, 760), it('农村生活污水治理率', 100, 760), it('%', 305, 760), it('28', 345, 760), it('45', 395, 760), it('预期性', 440, 760),
  ], 2);
  assert.deepEqual(joinLines(rebuildTables([...page1, ...page2])).filter((l) => /^[678]\t/.test(l)), [
    '6\t县级及以上城市集中式饮用水水源水质达到或优于Ⅲ类比例\t%\t100\t100\t约束性',
    '7\t县级城市建成区黑臭水体消除比例\t%\t80\t≥90\t预期性',
    '8\t农村生活污水治理率\t%\t28\t45\t预期性',
  ]);
});

test('PDF: a row the page break cuts: the end of its name, set above the next page’s first row under the repeated header, goes back to it', () => {
  const h = 10.5;
  const it = (str: string, x: number, y: number) => ({ str, x, y, w: [...str].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? h : h / 2), 0), h });
  const header = (y: number) => [it('序号', 60, y), it('指标', 150, y), it('单位', 300, y), it('2020年', 340, y), it('2025年', 390, y), it('属性', 440, y)];
  const page1 = pageLines([...header(800),
    it('8', 64, 770), it('新建大型数据中心电能', 95, 780), it('—', 305, 770), it('—', 345, 770), it('≤1.3', 395, 770), it('约束性', 440, 770), it('利用效率', 120, 760),
    it('9', 64, 730), it('工业互联网标识解', 95, 730), it('个', 305, 730), it('1', 345, 730), it('6', 395, 730), it('预期性', 440, 730)], 1);
  const page2 = pageLines([...header(800), it('析二级节点', 110, 770),
    it('工业企业设备上云', 95, 740), it('10', 62, 730), it('%', 305, 730), it('14.5', 345, 730), it('30以上', 392, 730), it('预期性', 440, 730), it('率', 140, 720),
    it('11', 62, 690), it('新型研发机构', 110, 690), it('家', 305, 690), it('9', 345, 690), it('25', 395, 690), it('预期性', 440, 690)], 2);
  assert.deepEqual(joinLines(rebuildTables([...page1, ...page2])).filter((l) => /^\d+\t/.test(l)), [
    '8\t新建大型数据中心电能利用效率\t—\t—\t≤1.3\t约束性', '9\t工业互联网标识解析二级节点\t个\t1\t6\t预期性',
    '10\t工业企业设备上云率\t%\t14.5\t30以上\t预期性', '11\t新型研发机构\t家\t9\t25\t预期性',
  ]);
});
