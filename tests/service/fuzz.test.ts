// Bad input into every importer: random files and mutations of good ones (.txt, .docx, .xlsx, .json through
// import.preview; returns workbooks through returns.preview), with a fixed seed and bounded counts. Never a thrown
// error out of dispatch, every message in Chinese, the database unchanged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { dispatch, call } from '../../core/dispatch';
import { parseDocument } from '../../core/import/parse/index';
import { rng, between, pick, type Rand } from '../../core/synth/vocab';
import { fixtureDb, snapshot, type TestDb } from '../helpers/db';
import { docxOf, indicatorXlsx, fileIn, folderTo, wordPara, writtenPath } from '../helpers/files';

const SEEDS = path.resolve(__dirname, '..', 'fixtures', 'fuzz');
const HAN = /\p{Script=Han}/u;
let t: TestDb;
let base: string;
const good: Record<string, Buffer> = {};

/** A .docx of one paragraph per line. */
const docxLines = (lines: string[]): Promise<Buffer> => docxOf(lines.map((l) => wordPara(l)).join(''));

const xlsxOf = indicatorXlsx;

/** One mutation of a byte buffer: flips, cuts, inserted noise, a repeated or dropped run. */
function mutateBytes(r: Rand, data: Buffer): Buffer {
  const b = Buffer.from(data);
  switch (between(r, 0, 5)) {
    case 0: for (let k = between(r, 1, 20); k > 0; k--) b[between(r, 0, b.length - 1)] ^= 1 << between(r, 0, 7); return b;
    case 1: return b.subarray(0, between(r, 0, b.length - 1));
    case 2: { const at = between(r, 0, b.length); return Buffer.concat([b.subarray(0, at), Buffer.from(Array.from({ length: between(r, 1, 64) }, () => between(r, 0, 255))), b.subarray(at)]); }
    case 3: { const at = between(r, 0, b.length - 1); const len = between(r, 1, 200); return Buffer.concat([b.subarray(0, at + len), b.subarray(at, at + len), b.subarray(at + len)]); }
    case 4: { const at = between(r, 0, b.length - 1); return Buffer.concat([b.subarray(0, at), b.subarray(at + between(r, 1, 200))]); }
    default: return Buffer.from(Array.from({ length: between(r, 0, 2000) }, () => between(r, 0, 255)));
  }
}

/** Mutations inside a zip (docx, xlsx): one entry's XML changed, removed or replaced, then zipped again. */
async function mutateZip(r: Rand, data: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const name = pick(r, names);
  const text = await zip.file(name)!.async('string');
  const op = between(r, 0, 4);
  if (op === 0) zip.remove(name);
  else if (op === 1) zip.file(name, text.slice(0, between(r, 0, text.length)));
  else if (op === 2) zip.file(name, text.replace(/<[^<>]{1,40}>/g, (m) => (r() < 0.05 ? '' : m)));
  else if (op === 3) zip.file(name, text.replace(/>([^<]+)</g, (m, inner: string) => (r() < 0.2 ? `>${inner.repeat(between(r, 2, 50))}<` : m)));
  else zip.file(name, mutateBytes(r, Buffer.from(text)));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** Mutations of the interchange JSON as data: wrong types, missing keys, odd values, deep nesting. */
function mutateJson(r: Rand, data: Buffer): Buffer {
  const doc = JSON.parse(data.toString('utf8'));
  const odd = () => pick(r, [null, 0, -1, 1e308, '', '很长的文字'.repeat(500), [], {}, true, '2025-13-45', [[[[[]]]]]]);
  const walk = (v: unknown, depth: number): unknown => {
    if (Array.isArray(v)) return r() < 0.05 ? odd() : v.map((x) => walk(x, depth + 1));
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (r() > 0.03) o[k] = r() < 0.04 ? odd() : walk(x, depth + 1);
      return o;
    }
    return r() < 0.04 ? odd() : v;
  };
  return Buffer.from(JSON.stringify(walk(doc, 0)));
}

/** Mutations of plan text as text: lines shuffled, repeated, cut, and the importer's cue words sprinkled in. */
const CUES = ['(一)', '1.', '一、', '表1 ', '专栏2 ', '牵头单位:', '责任单位:', '到2025年,', '[15]', '2023—2027年', '〔2021〕', '\t', '', '。。', '(', ')'];
function mutateText(r: Rand, data: Buffer): string[] {
  const lines = data.toString('utf8').split('\n');
  for (let k = between(r, 1, 12); k > 0; k--) {
    const i = between(r, 0, lines.length - 1);
    const op = between(r, 0, 4);
    if (op === 0) lines.splice(i, 1);
    else if (op === 1) lines.splice(i, 0, lines[between(r, 0, lines.length - 1)]);
    else if (op === 2) lines[i] = pick(r, CUES) + lines[i];
    else if (op === 3) lines[i] = lines[i].slice(0, between(r, 0, lines[i].length)) + pick(r, CUES) + lines[i].slice(between(r, 0, lines[i].length));
    else lines[i] = lines[i].repeat(between(r, 2, 30));
  }
  return lines;
}

function assertChinese(what: string, message: string): void {  assert.ok(HAN.test(message), `${what}: the message is not Chinese: ${message.slice(0, 200)}`);
}

async function preview(name: string, data: Buffer): Promise<void> {
  const r = await dispatch(t.ctx, 'import.preview', { files: [{ name, base64: data.toString('base64') }] });
  if (!r.ok) {
    assert.notEqual(r.error.code, 'internal', `${name}: ${r.error.message}`);
    return assertChinese(name, r.error.message);
  }
  const v = r.value as { previewId: string; problems: { message: string }[] };
  for (const p of v.problems) assertChinese(name, p.message);
  if (v.previewId) await call(t.ctx, 'import.cancel', { previewId: v.previewId });
}

before(async () => {
  t = fixtureDb();
  const txt = fs.readFileSync(path.join(SEEDS, 'plan.txt'));
  good.txt = txt;
  good.docx = await docxLines(txt.toString('utf8').split('\n'));
  good.xlsx = await xlsxOf();
  good.json = Buffer.from(JSON.stringify({ format: 'plan-review', version: 1, plans: (await parseDocument('plan.txt', txt)).plans }));
  const exp = await call(t.ctx, 'export.returns', { roundId: t.roundId, units: ['区经济信息委'], folder: folderTo(t.ctx, path.join(t.dir, 'returns')) });
  good.returns = fs.readFileSync(writtenPath(t.ctx, exp.files[0].handle));
  base = snapshot(t.db);
});
after(() => t.close());

const COUNTS: Record<string, number> = { txt: 60, json: 60, docx: 40, xlsx: 40 };

for (const kind of ['txt', 'json', 'docx', 'xlsx']) {
  test(`import.preview survives random and mutated .${kind} files`, async () => {
    const r = rng(0x5eed + kind.length);
    for (let i = 0; i < COUNTS[kind]; i++) {
      let data: Buffer;
      const how = i % 4;
      if (how === 0) data = mutateBytes(r, good[kind]);
      else if (how === 1 && (kind === 'docx' || kind === 'xlsx')) data = await mutateZip(r, good[kind]);
      else if (how === 1 && kind === 'json') data = mutateJson(r, good[kind]);
      else if (how === 1 && kind === 'txt') data = Buffer.from(mutateText(r, good.txt).join('\n'));
      else if (how === 3 && kind === 'docx') data = await docxLines(mutateText(r, good.txt));
      else if (how === 2) data = Buffer.from(Array.from({ length: between(r, 0, 3000) }, () => between(r, 0, 255)));
      else data = mutateBytes(r, mutateBytes(r, good[kind]));
      await preview(`样本${i}.${kind}`, data);
    }
    assert.equal(snapshot(t.db), base, 'previews leave the database unchanged');
  });
}

test('import.preview refuses odd names, empty and oversized content with a Chinese message', async () => {
  for (const [name, data] of [['无扩展名', good.txt], ['x.exe', good.txt], ['空.txt', Buffer.alloc(0)], ['.json', Buffer.from('[]')],
    ['深.json', Buffer.from('['.repeat(100_000))], ['零.txt', Buffer.alloc(5000)]] as [string, Buffer][]) {
    await preview(name, data);
  }
  const r = await dispatch(t.ctx, 'import.preview', { files: [fileIn(t.ctx, path.join(t.dir, '不存在.txt'))] });
  assert.ok(r.ok && (r.value as { problems: { message: string }[] }).problems.every((p) => HAN.test(p.message)));
  assert.equal(snapshot(t.db), base);
});

test('returns.preview survives mutated returns workbooks: no value changes, only the readable ones are taken in', async () => {
  const r = rng(0xbad);
  // Taking a readable return in records it (the returns board's row and the unit's inputs); nothing else may change.
  const TAKEN_IN = ['returns_received', 'unit_inputs'];
  const values = () => JSON.stringify((JSON.parse(snapshot(t.db)) as [string, unknown][]).filter(([name]) => !TAKEN_IN.includes(name)));
  const before = values();
  let readable = 0;
  for (let i = 0; i < 40; i++) {
    const data = i % 2 ? await mutateZip(r, good.returns) : mutateBytes(r, good.returns);
    const res = await dispatch(t.ctx, 'returns.preview', { files: [{ name: `回收${i}.xlsx`, base64: data.toString('base64') }] });
    if (!res.ok) {
      assert.notEqual(res.error.code, 'internal', res.error.message);
      assertChinese(`回收${i}`, res.error.message);
      continue;
    }
    const v = res.value as { previewId: string; files: { error: string | null }[]; rows: { problem: string | null }[] };
    for (const f of v.files) if (f.error) assertChinese(`回收${i}`, f.error);
    readable += v.files.filter((f) => !f.error).length;
    for (const row of v.rows) if (row.problem) assertChinese(`回收${i}`, row.problem);
    if (v.previewId) await call(t.ctx, 'returns.cancel', { previewId: v.previewId });
  }
  assert.equal(values(), before, 'previews change no value');
  assert.equal(t.db.prepare('SELECT count(*) FROM returns_received').pluck().get(), readable, 'one return taken in per readable workbook');
});
