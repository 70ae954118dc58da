// Turns tidied lines into blocks: paragraphs and tables (tab-indented rows, or tables flattened one cell per line).
import { isFurniture, type RawLine } from './clean';
import { readNumber } from './numbering';

export interface TextBlock { kind: 'text'; text: string; line: number; headingLevel?: number }
export interface TableBlock {
  kind: 'table'; line: number; caption: string; header: string[];
  /** Cells in order; a flattened table's rows may miss cells that were empty. */
  rows: string[][];
  /** True when every row holds all its cells (a real or tab-indented table). */
  complete: boolean;
  note: string;
}
export type Block = TextBlock | TableBlock;

const CAPTION_MAX = 45;
const isShort = (s: string) => s.length > 0 && s.length <= 30 && !/[。；;]/.test(s);
const isTableEnd = (s: string) =>
  s.length > 40 || /[。]$/.test(s) && s.length > 20 || /^(备注|注[:：]|来源|资料来源|数据来源)/.test(s) || !!readNumber(s) || isFurniture(s);

/** Splits lines into paragraphs and tables; furniture and blank lines are dropped. */
export function toBlocks(lines: RawLine[]): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.tabbed) { i = readTabTable(lines, i, out); continue; }
    if (l.text === '序号' && isShort(lines.slice(i + 1).find((x) => x.text)?.text ?? '')) {
      const next = readFlatTable(lines, i, out);
      if (next > i) { i = next; continue; }
    }
    if (l.text && !isFurniture(l.text)) out.push({ kind: 'text', text: l.text, line: l.line });
    i++;
  }
  return out;
}

function takeCaption(out: Block[]): string {
  const prev = out[out.length - 1];
  if (prev?.kind === 'text' && prev.text.length <= CAPTION_MAX && !/[。]$/.test(prev.text) && !readNumber(prev.text)?.style.startsWith('arabic')) {
    out.pop();
    return prev.text;
  }
  return '';
}

function readTabTable(lines: RawLine[], start: number, out: Block[]): number {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.tabbed) { row.push(l.text); continue; }
    if (l.text) break;
    if (row.length) { rows.push(row); row = []; }
  }
  if (row.length) rows.push(row);
  const caption = takeCaption(out);
  const [header = [], ...body] = rows;
  out.push({ kind: 'table', line: lines[start]!.line, caption, header, rows: body, complete: true, note: '' });
  return i;
}

const YEAR_ONLY = /^20\d\d年?$/;
const YEAR_SUFFIX = /^(年度)?(目标值?|预期值?|现状|基期值?)$|^年$/;

function readFlatTable(lines: RawLine[], start: number, out: Block[]): number {
  const cells: { text: string; line: number }[] = [];
  let i = start;
  let note = '';
  for (; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (!t) continue;
    if (isTableEnd(t)) {
      if (/^(备注|注[:：])/.test(t)) { note = t; i++; }
      break;
    }
    cells.push({ text: t, line: lines[i]!.line });
  }
  // Rows start at their sequence number 1, 2, 3… followed by a name.
  const header: string[] = [];
  const rows: string[][] = [];
  let expect = 1;
  for (let k = 0; k < cells.length; k++) {
    const t = cells[k]!.text;
    const next = cells[k + 1]?.text ?? '';
    if (t === String(expect) && next && !/^[\d.[\]%]+$/.test(next)) { rows.push([t]); expect++; continue; }
    if (rows.length) rows[rows.length - 1]!.push(t);
    else if (YEAR_SUFFIX.test(t) && header.length && YEAR_ONLY.test(header[header.length - 1]!)) header[header.length - 1] += t;
    else header.push(t);
  }
  if (rows.length < 2 || header.length < 2) return start;
  const caption = takeCaption(out);
  out.push({ kind: 'table', line: lines[start]!.line, caption, header, rows, complete: false, note });
  return i;
}
