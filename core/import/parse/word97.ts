// Word 97 binaries (.doc, and .wps files that WPS Office saves in the same format) → blocks through word-extractor:
// paragraphs as text, each table's rows cut apart again (word-extractor gives cell and row marks alike) and read as a
// .docx's tables are.
import { ImportFileError } from './errors';
import { isOle } from './sniff';
import { readNumber } from './text/numbering';
import type { Block } from './text/blocks';
import { tidyLine } from './text/clean';
import { gridTable, tableCaption, type RawCell } from './grid';

interface WordDocument { getBody(): string }
interface Extractor { extract(source: Buffer): Promise<WordDocument> }

async function extractor(): Promise<Extractor> {
  const mod = (await import('word-extractor')) as unknown as { default?: new () => Extractor } & (new () => Extractor);
  const Ctor = mod.default ?? mod;
  return new Ctor();
}

/**
 * The rows of a table's text. Word 97 ends every cell with a mark and every row with one more (both read as tabs),
 * rows one after another; a row whose end came out as a line break ends there. With the row width unknown and empty
 * cells looking like row ends, the cut is the one that makes most rows of the table's width (a heading row of one cell
 * spanning it, a header row over two rows, cost a little each), and the width the one most rows have.
 */
export function cutRows(tokens: string[]): string[][] {
  let best: { score: number; cost: number; rows: string[][] } | null = null;
  for (let n = 2; n <= Math.min(40, tokens.length); n++) {
    const cost: number[] = new Array(tokens.length + 1).fill(Infinity);
    const from: number[] = new Array(tokens.length + 1).fill(-1);
    cost[0] = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (cost[i] === Infinity) continue;
      for (let len = 1; len <= n && i + len < tokens.length; len++) {
        if (tokens[i + len] !== '') continue;
        const cells = tokens.slice(i, i + len);
        const c = cost[i] + (len === n ? 0 : len === 1 && cells[0] ? 0.5 : 1) + (cells.some(Boolean) ? 0 : 3);
        if (c < cost[i + len + 1]) { cost[i + len + 1] = c; from[i + len + 1] = i; }
      }
    }
    if (cost[tokens.length] === Infinity) continue;
    const rows: string[][] = [];
    for (let j = tokens.length; j > 0; j = from[j]!) rows.unshift(tokens.slice(from[j]!, j - 1));
    // The width most rows have: two rows read as one also cut evenly, but leave the other rows uneven.
    const score = rows.filter((r) => r.length === n).length - rows.filter((r) => r.length !== n && r.length !== 1).length;
    if (!best || score > best.score || (score === best.score && cost[tokens.length]! < best.cost)) best = { score, cost: cost[tokens.length]!, rows };
  }
  return best?.rows ?? [tokens.filter(Boolean)];
}

/** A header over two rows (a cell of the first spanning the cells under it) as one row: "发展目标" over "2025年" → "发展目标2025年". */
function oneHeader(rows: string[][]): string[][] {
  const width = Math.max(...rows.map((r) => r.length));
  const [a, b] = rows;
  if (a && b) { const spread = spreadHeader(a, b, width); if (spread) return [spread, ...rows.slice(2)]; }
  if (!a || !b || a.length >= width || b.length !== width || a.length < 2) return rows;
  const span = width - a.length + 1;
  const under = b.map((c, k) => (c ? k : -1)).filter((k) => k >= 0);
  const p = under[0] ?? -1;
  if (p < 0 || under[under.length - 1]! >= p + span) return rows;
  const header = Array.from({ length: width }, (_, c) => (c < p ? a[c]! : c < p + span ? a[p]! + (b[c] ?? '') : a[c - span + 1]!));
  return [header, ...rows.slice(2)];
}

/**
 * A header whose first row has cells over several below and cells over both rows: "指标 | 单位 | 2020年 | 2025年 | 属性"
 * over "一级指标 | 二级指标 | | | 目标值 | 年均增长（%） | ". Under the first row, each empty cell stands for one label
 * (the label runs down into it) and each run of labels for one (the label spans them); read so when the counts agree.
 */
function spreadHeader(a: string[], b: string[], width: number): string[] | null {
  const labels = a.filter(Boolean).map((c) => c.replace(/\s+/g, ''));
  const below = Array.from({ length: width }, (_, k) => b[k] ?? '');
  if (labels.length >= width || !below.some(Boolean) || !below.some((c) => !c) || below.some((c) => /^[\d.\-—%]+$/.test(c))) return null;
  const out: string[] = [];
  let used = 0;
  for (let k = 0; k < width; k++) {
    const label = labels[used++];
    if (label === undefined) return null;
    if (!below[k]) { out.push(label); continue; }
    for (; k < width && below[k]; k++) out.push(below[k]!.includes(label) ? below[k]! : label + below[k]!);
    k--;
  }
  return used === labels.length ? out : null;
}

/** Where a cell's paragraphs meet in a table's text, until the cell is read. */
const PARA = '\u0001';
const cellParas = (raw: string) => raw.split(PARA).map((p) => p.trim()).filter(Boolean);

/** A stretch of a Word 97 body: paragraphs, or a table's rows with their cells (a cell's paragraphs on lines of their own). */
export type Piece = { kind: 'text'; lines: string[] } | { kind: 'table'; rows: string[][] };

/**
 * The body of a Word 97 document as paragraphs and tables: each table cut into its rows again (a header over two rows
 * read as one), a row that is one cell across the table kept as a row of one cell.
 */
export function bodyPieces(text: string): Piece[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: Piece[] = [];
  const para = (line: string) => {
    const last = out[out.length - 1];
    if (last?.kind === 'text') last.lines.push(line);
    else out.push({ kind: 'text', lines: [line] });
  };
  for (let k = 0; k < lines.length; k++) {
    if (!lines[k]!.includes('\t')) { para(lines[k]!); continue; }
    // The table's text: lines with tabs, and the paragraphs of a cell before the tab that ends it.
    let run = '';
    let j = k;
    let after: string | null = null;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      // The paragraph after a table can follow its last row's mark on the same line ("…\t\t二、重点任务", "…\t\t注：…").
      const tail = line.slice(line.lastIndexOf('\t') + 1);
      if (tail && line.endsWith('\t\t' + tail) && (readNumber(tail) || /^(附?表|专栏)\s*\d|^(注|备注|说明|资料来源)[:：\d]/.test(tail))) {
        run += line.slice(0, -tail.length);
        after = tail;
        j++;
        break;
      }
      if (!line.includes('\t')) {
        let e = j;
        while (e < lines.length && e - j < 12 && !lines[e]!.includes('\t')) e++;
        if (e >= lines.length || e - j >= 12 || run.endsWith('\t')) break;
        run += lines.slice(j, e).join(PARA) + PARA;
        j = e - 1;
        continue;
      }
      run += line;
      // A line break right after a cell's mark ends the row; one inside a cell parts its paragraphs.
      if (line.endsWith('\t') && !line.endsWith('\t\t')) run += '\t';
      else if (!line.endsWith('\t')) run += PARA;
    }
    if (!run.endsWith('\t')) run += '\t\t';
    const tokens = run.split('\t').slice(0, -1).map((t) => cellParas(t).join('\n'));
    out.push({ kind: 'table', rows: oneHeader(cutRows(tokens)) });
    if (after !== null) para(after);
    k = j - 1;
  }
  return out;
}

const UNIT_END = /(局|委|办|厅|院|政府|中心|公司|（街道）|街道|办事处|管委会|委员会|分局|支行|集团)$/;
/** A cell as one line: its paragraphs one after another, a list of units (one per paragraph) parted by 、. */
const cellLine = (cell: string) => cell.split('\n').reduce((acc, p, k, all) => (k === 0 ? p : acc + (UNIT_END.test(all[k - 1]!) && UNIT_END.test(p) ? '、' : '') + p), '');

/** The body as lines: paragraphs as they are, each table row on a line with its cells tab-separated. */
export function tableLines(text: string): string[] {
  return bodyPieces(text).flatMap((p) => (p.kind === 'text' ? p.lines : p.rows.map((r) => r.map(cellLine).join('\t'))));
}

/** The blocks of a Word 97 body: a text block per paragraph, a table block per table (as a .docx's tables are read). */
export function word97Blocks(text: string): Block[] {
  const out: Block[] = [];
  let n = 0;
  const line = (raw: string) => { const t = tidyLine(raw); if (t) out.push({ kind: 'text', text: t, line: n }); };
  for (const piece of bodyPieces(text)) {
    if (piece.kind === 'text') {
      for (const l of piece.lines) { n++; line(l); }
      continue;
    }
    n++;
    const width = Math.max(0, ...piece.rows.map((r) => r.length));
    if (width <= 1) { for (const r of piece.rows) for (const c of r) c.split('\n').forEach(line); continue; }
    const rows: RawCell[][] = piece.rows.map((r) => (r.length === 1 ? [{ text: r[0]!, colSpan: width }] : r.map((c) => ({ text: c, colSpan: 1 }))));
    out.push(gridTable(rows, n, tableCaption(out)));
  }
  return out;
}

/** The raw body of a Word 97 document; a file WPS wrote in its own older format gets a message saying what to do. */
export async function word97Body(file: string, data: Buffer): Promise<string> {
  const what = /\.wps$/i.test(file) ? 'WPS 文字' : 'Word 97-2003';
  if (!isOle(data)) {
    throw new ImportFileError(/\.wps$/i.test(file)
      ? `文件「${file}」是早期 WPS 专有格式,无法读取。请在 WPS 中打开,另存为 .docx(或 .doc)后再导入。`
      : `文件「${file}」不是有效的 Word 97-2003 文档(.doc),可能已损坏或扩展名不对。请在 Word 或 WPS 中另存为 .docx 后再导入。`);
  }
  let body: string;
  try {
    body = (await (await extractor()).extract(data)).getBody();
  } catch {
    throw new ImportFileError(`文件「${file}」无法作为 ${what} 文档读取(可能已损坏、加密,或是其他程序的专有格式)。请在 WPS 或 Word 中打开,另存为 .docx 后再导入。`);
  }
  if (!body.replace(/\s/g, '')) throw new ImportFileError(`文件「${file}」中没有可读取的文字。`);
  return body;
}
