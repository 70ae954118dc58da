// Tables flattened one cell per line with empty cells dropped ("指标类别 / 指标名称 / 2020年 / … / 属性", then the
// cells row after row): the header read from its header words, rows split at their 序号, after their 属性, or where a
// name follows values; a category written only on the first row of its group is kept in its column.
import type { Block } from './blocks';
import type { RawLine } from './clean';
import { readNumber } from './numbering';
import { HEADER_WORD } from './row-tables';
import { isTableNote, readNote, takeCaption } from './table-notes';

const YEAR_ONLY = /^20\d\d年?$/;
const YEAR_SUFFIX = /^(年度)?(目标值?|预期值?|现状|基期值?)$|^年$/;
const VALUE = /^[[【(（]?\s*[<>≥≤约＞>]?\s*[-+]?\d|^[-—/／]+$|^(完成|控制在|稳定在|不减少|有效保障|全覆盖|与.+同步)/;
const ATTRIBUTE = /^(预期性|约束性)$/;
const isHeaderCell = (s: string) => s.length <= 16 && HEADER_WORD.test(s.replace(/\s+/g, ''));
const isTableEnd = (s: string) => s.length > 40 || (/[。]$/.test(s) && s.length > 20) || isTableNote(s) || !!readNumber(s) || /^(表|专栏|附表)\s*\d/.test(s);

/** Whether a flattened table starts at line `i`: three header cells or more, among them a year, a target or an attribute column. */
export function startsFlatTable(lines: RawLine[], i: number): boolean {
  const cells: string[] = [];
  for (let k = i; k < lines.length && cells.length < 12; k++) {
    const t = lines[k]!.text;
    if (!t) continue;
    if (!isHeaderCell(t) && !(YEAR_SUFFIX.test(t) && cells.length)) break;
    cells.push(t);
  }
  return cells.length >= 3 && cells.some((c) => /20\d\d|目标|属性|基期/.test(c)) && cells.some((c) => /指标|名称|项目|序号/.test(c));
}

/** Rows of flattened cells: at their sequence numbers 1, 2, 3…, else after each attribute, else where a name follows values. */
function splitRows(cells: string[], header: string[]): string[][] {
  const rows: string[][] = [];
  if (header.some((h) => /序号|编号/.test(h))) {
    let expect = 1;
    for (let k = 0; k < cells.length; k++) {
      const t = cells[k]!;
      const next = cells[k + 1] ?? '';
      if (t === String(expect) && next && !/^[\d.[\]%]+$/.test(next)) { rows.push([t]); expect++; continue; }
      rows[rows.length - 1]?.push(t);
    }
    return rows;
  }
  const byAttribute = /属性|性质/.test(header[header.length - 1] ?? '');
  let cur: string[] = [];
  let sawValue = false;
  for (const t of cells) {
    if (!byAttribute && sawValue && !VALUE.test(t) && cur.length) { rows.push(cur); cur = []; sawValue = false; }
    cur.push(t);
    if (VALUE.test(t)) sawValue = true;
    if (byAttribute && ATTRIBUTE.test(t)) { rows.push(cur); cur = []; sawValue = false; }
  }
  if (cur.length) rows.push(cur);
  return rows;
}

export function readFlatTable(lines: RawLine[], start: number, out: Block[]): number {
  const header: string[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (!t) continue;
    if (YEAR_SUFFIX.test(t) && header.length && YEAR_ONLY.test(header[header.length - 1]!)) { header[header.length - 1] += t; continue; }
    if (!isHeaderCell(t)) break;
    header.push(t);
  }
  const cells: string[] = [];
  for (; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (!t) continue;
    if (isTableEnd(t)) break;
    cells.push(t);
  }
  const rows = splitRows(cells, header);
  if (rows.length < 1 || header.length < 2) return start;
  const caption = takeCaption(out);
  const { note, next } = readNote(lines, i);
  out.push({ kind: 'table', line: lines[start]!.line, caption, header, rows, complete: false, note });
  return next;
}
