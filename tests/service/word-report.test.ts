// The Word evaluation report and the 督办通知 read back through jszip: the GB/T 9704 page (A4, margins, the 28 × 22
// grid, the exact line spacing), the fonts of the title, body and headings with their fallbacks, page numbers at the
// outside edge, the headings in order, and sentences whose numbers are the database's; every part schema-valid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { call } from '../../core/dispatch';
import { makeFixture, UNITS } from '../helpers/report-fixture';
import { databaseWith, type TestDb } from '../helpers/db';
import { outTo, folderTo, writtenPath } from '../helpers/files';
import { readWord, assertValidOoxml, cannotValidate } from '../helpers/ooxml';
import { PLANS } from '../helpers/report-fixture';
import type { InterchangePlan } from '../../contract/interchange';

async function word(f: TestDb, args: Record<string, unknown> = {}) {
  const file = path.join(f.dir, `w-${Math.random().toString(36).slice(2)}.docx`);
  const r = await call(f.ctx, 'export.docx', { roundId: f.roundId, out: outTo(f.ctx, file), ...args });
  return { r, file, doc: await readWord(file) };
}
const attr = (xml: string, el: string, name: string) => new RegExp(`<${el}\\b[^>]*\\bw:${name}="([^"]*)"`).exec(xml)?.[1];
const style = (xml: string, id: string) => new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[^>]*>([\\s\\S]*?)</w:style>`).exec(xml)?.[1] ?? '';
const count = (db: TestDb['db'], sql: string, ...p: unknown[]) => (db.prepare(sql).get(...p) as { n: number }).n;

test('the Word report: GB/T 9704 page, grid, fonts, page numbers; headings in order; every part valid', async () => {
  const f = makeFixture();
  try {
    await call(f.ctx, 'settings.setOffice', { office: '某市发展和改革委员会' });
    const { r, file, doc } = await word(f);
    assert.equal(r.rows, 12, 'five targets and seven tasks');
    if (!cannotValidate()) assertValidOoxml(file);
    const xml = await doc.part('word/document.xml');
    const first = xml.slice(0, xml.indexOf('</w:sectPr>'));
    // A4 portrait, margins 37 / 35 / 28 / 26 mm in twips
    assert.equal(attr(first, 'w:pgSz', 'w'), '11906');
    assert.equal(attr(first, 'w:pgSz', 'h'), '16838');
    assert.deepEqual(['top', 'bottom', 'left', 'right'].map((k) => attr(first, 'w:pgMar', k)), ['2098', '1984', '1587', '1474']);
    // 22 lines of exactly 28.95 pt on a character grid
    assert.equal(attr(first, 'w:docGrid', 'type'), 'linesAndChars');
    assert.equal(attr(first, 'w:docGrid', 'linePitch'), '579');
    const styles = await doc.part('word/styles.xml');
    const normal = style(styles, 'Normal');
    assert.match(normal, /w:eastAsia="仿宋_GB2312"/);
    assert.match(normal, /<w:sz w:val="32"\/>/, '3号 body');
    assert.match(normal, /<w:spacing[^>]*w:line="579"[^>]*w:lineRule="exact"|<w:spacing[^>]*w:lineRule="exact"[^>]*w:line="579"/);
    // 28 characters a line: 442.2 pt of type area over characters of 16 pt set 0.25 pt tighter
    assert.match(normal, /<w:spacing w:val="-5"\/>/);
    assert.equal(Math.floor(((11906 - 1587 - 1474) / 20) / (16 - 0.25)), 28);
    assert.equal(Math.floor(((16838 - 2098 - 1984) / 20) / 28.95), 22);
    assert.match(style(styles, 'gwTitle'), /w:eastAsia="方正小标宋简体"[\s\S]*<w:sz w:val="44"\/>/);
    assert.match(style(styles, 'gwH1'), /w:eastAsia="黑体"/);
    assert.match(style(styles, 'gwH2'), /w:eastAsia="楷体_GB2312"/);
    assert.match(style(styles, 'gwH1'), /<w:outlineLvl w:val="0"\/>/);
    assert.match(style(styles, 'gwTable'), /<w:snapToGrid w:val="0"\/>/, 'tables keep their own line spacing');
    // where a font is missing, Word and WPS use the one named in the font table
    const fonts = await doc.part('word/fontTable.xml');
    assert.match(fonts, /<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
    assert.match(fonts, /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
    // page numbers "— 1 —" in 4号 宋体: odd pages right, even pages left
    assert.match(await doc.part('word/settings.xml'), /<w:evenAndOddHeaders\/>/);
    const refs = [...first.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => [m[1], m[2]]);
    const rels = await doc.part('word/_rels/document.xml.rels');
    const footer = async (type: string) => doc.part(`word/${new RegExp(`Id="${refs.find((x) => x[0] === type)![1]}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`);
    const odd = await footer('default'), even = await footer('even');
    for (const [x, side] of [[odd, 'right'], [even, 'left']] as const) {
      assert.match(x, new RegExp(`<w:jc w:val="${side}"/>`));
      assert.match(x, /— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/);
      assert.match(x, /w:eastAsia="宋体"[\s\S]*<w:sz w:val="28"\/>/);
    }
    // the attachments on landscape pages
    assert.match(xml, /<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);

    const headings = doc.paragraphs.filter((p) => ['gwTitle', 'gwH1', 'gwAttach'].includes(p.style)).map((p) => p.text);
    assert.deepEqual(headings, ['规划实施情况中期评估报告', '一、总体情况', '二、主要指标完成情况', '三、重点任务推进情况', '四、存在的主要问题',
      '五、下一步工作建议', '附件1', '主要指标完成情况表', '附件2', '重点任务推进情况表']);
    assert.deepEqual(doc.paragraphs.filter((p) => p.style === 'gwH2').map((p) => p.text).slice(0, 2),
      ['（一）《某市“十四五”制造业高质量发展规划》', '（二）《某市科技创新“十四五”规划》']);
    assert.ok(doc.paragraphs.some((p) => p.text === '某市发展和改革委员会'), '落款');
    assert.ok((await doc.zip.file(/word\/media\/.*\.png$/)).length === 1, 'the chart');
  } finally {
    f.close();
  }
});

test('the Word report says what the database holds: counts, verdicts naming their targets, problems without repeats', async () => {
  const f = makeFixture();
  try {
    // the same problem reported again by the same unit appears once
    await call(f.ctx, 'tasks.edit', { roundId: f.roundId, source: 'edit', edits: [{ id: 't-3', field: 'problems', value: '关键零部件本地配套率偏低' }] });
    const { doc } = await word(f);
    const tasks = count(f.db, 'SELECT count(*) AS n FROM tasks');
    const targets = count(f.db, 'SELECT count(*) AS n FROM targets');
    const projects = count(f.db, `SELECT count(*) AS n FROM tasks WHERE kind = 'project'`);
    const done = count(f.db, `SELECT count(*) AS n FROM task_evals WHERE round_id = ? AND status = '已完成'`, f.roundId);
    const lagging = count(f.db, `SELECT count(*) AS n FROM task_evals WHERE round_id = ? AND status = '滞后'`, f.roundId);
    assert.ok(doc.text.includes(`本次评估涉及规划2项，主要指标${targets}个、重点任务${tasks}项（其中重大项目${projects}项）。`));
    assert.match(doc.text, new RegExp(`从重点任务看，已完成${done}项，[^。]*滞后${lagging}项`));
    const dash = await call(f.ctx, 'dashboard.summary', { roundId: f.roundId });
    assert.match(doc.text, new RegExp(`完成率${(dash.total.tasks['已完成'] / dash.total.tasks.total * 100).toFixed(1)}%`));
    assert.ok(doc.text.includes('滞后于预期的指标1项：《某市“十四五”制造业高质量发展规划》的规模以上工业增加值（完成进度36.0%，序时进度49.9%，落后13.9个百分点）。'));
    assert.ok(doc.text.includes('暂缺数据的指标1项：《某市“十四五”制造业高质量发展规划》的规模以上工业企业数量。'));
    assert.ok(doc.text.includes('第三章 发展重点：共3项，已完成1项，序时推进1项，滞后1项。滞后或亮红灯、黄灯的有：建设集成电路特色工艺生产线。'));
    const gx = doc.paragraphs.filter((p) => p.text.startsWith(`${UNITS.GX}：`)).map((p) => p.text);
    assert.deepEqual(gx, [`${UNITS.GX}：关键零部件本地配套率偏低。`, `${UNITS.GX}：加快引进动力电池配套项目。`], 'once in 四, once in 五');
    // the attached table: values written once, the 预警 of each target
    const cells = doc.paragraphs.filter((p) => p.style.startsWith('gwTable')).map((p) => p.text);
    assert.ok(cells.includes('2025年：[13.5]') && cells.includes('2025年：3.0以上'));
    assert.ok(!cells.some((c) => /以上以上|\[\[|\]\]/.test(c)));
    assert.ok(cells.includes('黄灯'));
  } finally {
    f.close();
  }
});

test('long lists end with 等N项; one plan titles the report; the round kind is named', async () => {
  const many: InterchangePlan = {
    ...PLANS[1], id: 'p-many', title: '某区数字经济发展规划',
    targets: Array.from({ length: 13 }, (_, i) => ({ ...PLANS[1].targets[0], id: `m-${i}`, name: `数字经济指标${i + 1}`, evaluation: undefined })),
    tasks: PLANS[1].tasks.map((t) => ({ ...t, id: `mt-${t.id}` })),
  };
  const f = databaseWith([many]);
  try {
    await call(f.ctx, 'rounds.update', { id: f.roundId, kind: '终期评估' });
    const { doc } = await word(f);
    assert.equal(doc.paragraphs[0].text, '《某区数字经济发展规划》实施情况终期评估报告');
    const missing = doc.paragraphs.find((p) => p.text.startsWith('暂缺数据的指标13项：'))!.text;
    assert.match(missing, /^暂缺数据的指标13项：数字经济指标1、数字经济指标2、[^。]*数字经济指标10等13项。$/);
    assert.ok(!missing.includes('数字经济指标11'));
  } finally {
    f.close();
  }
});

test('督办通知: one file per unit with red or yellow items, listing them with their lag and the date to reply', async () => {
  const f = makeFixture();
  try {
    await call(f.ctx, 'settings.setOffice', { office: '某市发展和改革委员会' });
    const dir = path.join(f.dir, 'notices');
    const r = await call(f.ctx, 'export.notices', { roundId: f.roundId, folder: folderTo(f.ctx, dir), replyBy: '2023-07-20' });
    assert.deepEqual(r.files.map((x) => [x.unit, x.targets, x.tasks]), [[UNITS.GX, 1, 1], [UNITS.FG, 0, 1], [UNITS.KJ, 0, 1], [UNITS.TJ, 1, 0]]);
    assert.equal(fs.readdirSync(dir).filter((n) => n.endsWith('.docx')).length, 4);
    const file = writtenPath(f.ctx, r.files[0].handle);
    if (!cannotValidate()) assertValidOoxml(file);
    const doc = await readWord(file);
    assert.equal(doc.paragraphs[0].text, '关于加快推进规划实施滞后事项的督办通知');
    assert.ok(doc.text.includes(`${UNITS.GX}：`));
    assert.ok(doc.text.includes('你单位牵头或承担的主要指标1项、重点任务1项进度滞后，其中红灯1项、黄灯1项'));
    assert.ok(doc.text.includes('于2023年7月20日前将整改落实情况书面报送某市发展和改革委员会。'));
    const cells = doc.paragraphs.filter((p) => p.style.startsWith('gwTable')).map((p) => p.text);
    assert.ok(cells.includes('规模以上工业增加值（指标）') && cells.includes('完成进度36.0%，序时进度49.9%，落后13.9个百分点'));
    assert.ok(cells.includes('建设集成电路特色工艺生产线（任务）') && cells.includes('评估状态为滞后，进度20%'));
    const one = await call(f.ctx, 'export.notices', { roundId: f.roundId, folder: folderTo(f.ctx, dir), units: [UNITS.TJ] });
    assert.deepEqual(one.files.map((x) => x.unit), [UNITS.TJ]);
    await assert.rejects(call(f.ctx, 'export.notices', { roundId: f.roundId, folder: folderTo(f.ctx, dir), scope: { planIds: ['p-kj'] } }), /没有亮红灯、黄灯或滞后的事项/);
    await assert.rejects(call(f.ctx, 'export.notices', { roundId: f.roundId, replyBy: '7月20日' }), /回复日期应为/);
  } finally {
    f.close();
  }
});

test('the evaluating office is a setting: trimmed, at most 100 characters, and named on reports', async () => {
  const f = makeFixture();
  try {
    assert.equal((await call(f.ctx, 'settings.get', {})).office, '');
    assert.equal((await call(f.ctx, 'settings.setOffice', { office: '  某市  发展和改革委员会 ' })).office, '某市 发展和改革委员会');
    assert.equal((await call(f.ctx, 'settings.get', {})).office, '某市 发展和改革委员会');
    await assert.rejects(call(f.ctx, 'settings.setOffice', { office: '局'.repeat(101) }), /不超过 100 个字/);
    assert.equal((await call(f.ctx, 'settings.get', {})).office, '某市 发展和改革委员会', 'a refused value changes nothing');
  } finally {
    f.close();
  }
});
