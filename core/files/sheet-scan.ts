// Pre-scan of .xlsx worksheets before exceljs sees them: exceljs expands data validations and merges cell by cell and
// makes rows for far cells, so a 6 KB file can hold it for minutes. Far cells with content are refused, far empty ones
// dropped; validations, merges, the dimension and column ranges are clamped to the cells the sheet really has.
import JSZip from 'jszip';
import { invalid } from '../common/errors';
import { guardZip, XLSX_LIMITS, type ZipLimits } from './zip-guard';

/** The largest sheet a planner's workbook has any reason to be, far beyond any indicator table or return. */
export const MAX_COLS = 1000;
export const MAX_ROWS = 100_000;
/** Validated and merged cells exceljs may expand one by one, per sheet. */
const VALIDATION_BUDGET = 200_000;
const MERGE_BUDGET = 100_000;
const FULL = { cols: 16384, rows: 1048576 };

interface Box { c1: number; r1: number; c2: number; r2: number }
interface Edit { from: number; to: number; text: string }

const colNumber = (letters: string) => {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & ~32) - 64;
  return n;
};
const colLetters = (n: number) => { let s = ''; for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s; return s; };
const area = (b: Box) => (b.c2 - b.c1 + 1) * (b.r2 - b.r1 + 1);

/** "A1", "A1:C9", "A:C", "3:5", with or without $; null for anything else. */
function parseRange(token: string): Box | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})(?::\$?([A-Za-z]{0,3})\$?(\d{0,7}))?$/.exec(token);
  if (!m || (!m[1] && !m[2])) return null;
  const c1 = m[1] ? colNumber(m[1]) : 1, r1 = m[2] ? Number(m[2]) : 1;
  const end = m[3] !== undefined || m[4] !== undefined;
  const c2 = end ? (m[3] ? colNumber(m[3]) : FULL.cols) : m[1] ? c1 : FULL.cols;
  const r2 = end ? (m[4] ? Number(m[4]) : FULL.rows) : m[2] ? r1 : FULL.rows;
  return { c1: Math.min(c1, c2), r1: Math.min(r1, r2), c2: Math.max(c1, c2), r2: Math.max(r1, r2) };
}
const boxText = (b: Box) => (b.c1 === b.c2 && b.r1 === b.r2 ? `${colLetters(b.c1)}${b.r1}` : `${colLetters(b.c1)}${b.r1}:${colLetters(b.c2)}${b.r2}`);
const clip = (b: Box, to: Box): Box | null => {
  const c = { c1: Math.max(b.c1, to.c1), r1: Math.max(b.r1, to.r1), c2: Math.min(b.c2, to.c2), r2: Math.min(b.r2, to.r2) };
  return c.c1 > c.c2 || c.r1 > c.r2 ? null : c;
};

const CONTENT = /<(?:\w+:)?(?:v|is|f)\b/;

/** The rewritten XML of one sheet, or null when it needs no change; refuses a sheet that cannot be read safely. */
export function scanSheet(xml: string, file: string, sheet: string): string | null {
  const edits: Edit[] = [];
  const refuse = (what: string) => invalid(`「${file}」的工作表(${sheet})${what},不像正常的表格,出于安全考虑未读取`);
  const dataStart = xml.search(/<(?:\w+:)?sheetData\b/);
  const dataEnd = dataStart < 0 ? -1 : xml.indexOf('sheetData>', dataStart + 10);
  let maxCol = 1, maxRow = 1, row = 0, col = 0;
  if (dataStart >= 0 && dataEnd > dataStart) {
    const tag = /<(\w+:)?(row|c)\b([^>]*?)(\/?)>/g;
    tag.lastIndex = dataStart;
    /** Where the element of a tag ends (asked only for the rare element that is dropped). */
    const endOf = (m: RegExpExecArray) => {
      const close = `</${m[1] ?? ''}${m[2]}>`;
      return m[4] ? m.index + m[0].length : xml.indexOf(close, m.index) + close.length;
    };
    for (let m = tag.exec(xml); m && m.index < dataEnd; m = tag.exec(xml)) {
      const [, , kind, attrs, selfClosing] = m;
      if (kind === 'row') {
        const r = /\br="(\d+)"/.exec(attrs);
        row = r ? Number(r[1]) : row + 1;
        col = 0;
        if (row > MAX_ROWS) {
          const end = endOf(m);
          if (CONTENT.test(xml.slice(m.index, end))) throw refuse(`在第 ${row} 行有内容(超过 ${MAX_ROWS} 行)`);
          edits.push({ from: m.index, to: end, text: '' });
          tag.lastIndex = end;
        } else maxRow = Math.max(maxRow, row);
        continue;
      }
      const ref = /\br="([A-Za-z]{1,3})(\d+)"/.exec(attrs);
      col = ref ? colNumber(ref[1]) : col + 1;
      const r = ref ? Number(ref[2]) : row;
      if (col <= MAX_COLS && r <= MAX_ROWS) { maxCol = Math.max(maxCol, col); maxRow = Math.max(maxRow, r); continue; }
      const end = endOf(m);
      if (!selfClosing && CONTENT.test(xml.slice(m.index, end))) throw refuse(`在很远的单元格 ${colLetters(col)}${r} 有内容(超过 ${MAX_COLS} 列或 ${MAX_ROWS} 行)`);
      edits.push({ from: m.index, to: end, text: '' });
      tag.lastIndex = end;
    }
  }
  const extent: Box = { c1: 1, r1: 1, c2: maxCol, r2: maxRow };
  const beyond = (b: Box | null) => !b || b.c2 > MAX_COLS || b.r2 > MAX_ROWS;
  const head = dataStart < 0 ? xml : xml.slice(0, dataStart);
  const tail = dataEnd > 0 ? dataEnd : 0;
  const found = (re: RegExp, from: number, text: string) =>
    [...text.matchAll(re)].map((m) => ({ tag: m[0], at: from + m.index!, boxes: m[1].trim().split(/\s+/).map(parseRange) }));

  for (const d of found(/<(?:\w+:)?dimension\b[^>]*?\bref="([^"]*)"/g, 0, head)) {
    if (d.boxes.some(beyond)) replaceAttr(edits, d.at, d.tag, 'ref', boxText(extent));
  }
  for (const c of [...head.matchAll(/<(?:\w+:)?col\b[^>]*?\/>/g)]) {
    const min = Number(/\bmin="(\d+)"/.exec(c[0])?.[1] ?? 1), max = Number(/\bmax="(\d+)"/.exec(c[0])?.[1] ?? 1);
    if (min > MAX_COLS) edits.push({ from: c.index!, to: c.index! + c[0].length, text: '' });
    else if (max > MAX_COLS) replaceAttr(edits, c.index!, c[0], 'max', String(MAX_COLS));
  }

  // Validations and merges (both expanded cell by cell) stay as they are while small; else they are clamped to the
  // cells the sheet has, and a sheet that still has too many is refused.
  const clampAll = (items: ReturnType<typeof found>, budget: number, attr: string, what: string, dropEmpty: boolean) => {
    const total = items.reduce((n, v) => n + v.boxes.reduce((k, b) => k + (b ? area(clip(b, { c1: 1, r1: 1, c2: MAX_COLS, r2: MAX_ROWS }) ?? { c1: 1, r1: 1, c2: 0, r2: 0 }) : 0), 0), 0);
    if (total <= budget && !items.some((v) => v.boxes.some(beyond))) return;
    let kept = 0;
    for (const v of items) {
      const clipped = v.boxes.map((b) => (b ? clip(b, extent) : null)).filter((b): b is Box => !!b && (!dropEmpty || area(b) > 1));
      kept += clipped.reduce((n, b) => n + area(b), 0);
      if (!clipped.length && dropEmpty) edits.push({ from: v.at, to: v.at + v.tag.length, text: '' });
      // A validation over no cell of the sheet keeps one harmless cell, so the element stays well-formed.
      else replaceAttr(edits, v.at, v.tag, attr, clipped.length ? clipped.map(boxText).join(' ') : 'A1');
    }
    if (kept > budget) throw refuse(`的${what}覆盖了 ${kept} 个单元格`);
  };
  clampAll(found(/<(?:\w+:)?dataValidation\b[^>]*?\bsqref="([^"]*)"[^>]*>/g, tail, xml.slice(tail)), VALIDATION_BUDGET, 'sqref', '数据验证', false);
  clampAll(found(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]*)"[^>]*?\/>/g, tail, xml.slice(tail)), MERGE_BUDGET, 'ref', '合并单元格', true);
  if (!edits.length) return null;
  edits.sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const e of edits) {
    if (e.from < at) continue;
    out += xml.slice(at, e.from) + e.text;
    at = e.to;
  }
  return out + xml.slice(at);
}

/** Replaces one attribute's value inside a tag found at `at`. */
function replaceAttr(edits: Edit[], at: number, tag: string, attr: string, value: string): void {
  const m = new RegExp(`\\b${attr}="[^"]*"`).exec(tag);
  if (!m) return;
  edits.push({ from: at + m.index, to: at + m.index + m[0].length, text: `${attr}="${value}"` });
}

/** The sheets every workbook keeps (scanned before anything reads them). */
export const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;

/**
 * The parts of a workbook, guarded against zip bombs, with its sheets scanned and clamped: the sheets and, when `keep`
 * asks for them, other parts, inflated. `changed` lists the sheets that needed clamping.
 */
export async function scannedParts(buf: Buffer, name: string, limits: Partial<ZipLimits> = {}, keep: (part: string) => boolean = () => false):
  Promise<{ parts: Map<string, string>; changed: Set<string> }> {
  const guarded = await guardZip(buf, { ...XLSX_LIMITS, ...limits, name, keep: (p) => SHEET_PART.test(p) || keep(p) });
  const parts = new Map<string, string>();
  const changed = new Set<string>();
  for (const [part, data] of guarded.kept) {
    const text = data.toString('utf8');
    const xml = SHEET_PART.test(part) ? scanSheet(text, name, part.replace(/^.*\//, '')) : null;
    if (xml !== null) changed.add(part);
    parts.set(part, xml ?? text);
  }
  return { parts, changed };
}

/**
 * The workbook as exceljs may read it: guarded against zip bombs, its sheets scanned, and (only when a sheet needed
 * clamping) written again with the clamped sheets. Refusals are Chinese messages naming the file.
 */
export async function safeWorkbook(buf: Buffer, name: string, limits: Partial<ZipLimits> = {}): Promise<Buffer> {
  const { parts, changed } = await scannedParts(buf, name, limits);
  if (!changed.size) return buf;
  const zip = await JSZip.loadAsync(buf, { checkCRC32: false });
  for (const part of changed) zip.file(part, parts.get(part)!);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}
