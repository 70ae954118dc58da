// Tables written one row per line: cells separated by tabs (empty cells kept) or aligned with runs of spaces (cells
// placed under the header column they start nearest to, so an empty cell leaves its column empty).
import type { RawLine } from './clean';
import type { Block } from './blocks';
import { readNote, takeCaption } from './table-notes';
import { readNumber } from './numbering';

/** A row spanning the whole table that names the group of the rows below it ("一、信息基础设施", "（二）绿色低碳"). */
function groupRow(l: RawLine, next: RawLine | undefined): string | null {
  if (l.cells || !next?.cells || l.text.length > 24 || /[。；;，,：:]/.test(l.text) || /^注|^备注|^说明|^资料来源/.test(l.text)) return null;
  const name = (readNumber(l.text)?.rest ?? l.text).trim();
  return name && !/\d/.test(name) ? name : null;
}

/** Words of a table header: 序号, 指标名称, 单位, 2020年, 目标值, 属性, 责任单位, 完成时限 …. */
export const HEADER_WORD = /^(序号|编号|类别|指标类别|指标分类|分类|领域|维度|指标名称|指标|名称|项目|项目名称|指标内容|单位|计量单位|基期|基期值|基准值|现状值|基数|20\d\d年?(基期|基准|现状|目标|预期|规划|末|中期)?值?|(基期|基准|现状|目标|预期)值?[(（]20\d\d年?[)）]|目标值|指标值|指标数值|数值|规划值|预期目标|目标|年均增长|属性|指标属性|性质|责任单位|牵头单位|配合单位|责任部门|牵头部门|备注|完成时限|时间节点|进度安排|重点任务|任务|任务名称|工作内容|主要内容|建设内容|具体内容|建设期限|总投资)$/;

/** Whether a row reads as a header: at least two cells are header words. */
export const isHeaderRow = (cells: string[]) => cells.filter((c) => HEADER_WORD.test(c.replace(/\s+/g, ''))).length >= 2;

/** Places the cells of a row aligned with spaces under the header's columns by where they start. */
function placeByStart(cells: string[], starts: number[], cols: number[]): string[] {
  const out = cols.map(() => '');
  cells.forEach((c, k) => {
    let best = 0;
    for (let j = 1; j < cols.length; j++) if (Math.abs(cols[j]! - starts[k]!) < Math.abs(cols[best]! - starts[k]!)) best = j;
    while (out[best] && best + 1 < cols.length) best++;
    out[best] = out[best] ? `${out[best]}${c}` : c;
  });
  return out;
}

/** Reads a table of one-line rows starting at `start`; returns `start` when the lines are no table. */
export function readRowTable(lines: RawLine[], start: number, out: Block[]): number {
  const head = lines[start]!;
  if (!head.cells || !isHeaderRow(head.cells)) return start;
  const header = head.cells;
  const rows: string[][] = [];
  // Group rows give the rows below them their category, in a column of its own after the header's.
  const groups: string[] = [];
  let group = '';
  let i = start + 1;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.text) { if (lines[i + 1]?.cells) continue; break; }
    // A table aligned with spaces: a line of one piece under a column goes on in that cell of the row above
    // ("营业收入超10亿元电子信息" / "企业数").
    const under = !l.cells && head.starts && l.indent && rows.length ? head.starts.findIndex((x) => Math.abs(x - l.indent!) <= 2) : -1;
    if (under > 0) { rows[rows.length - 1]![under] += l.text; continue; }
    if (!l.cells) {
      const g = groupRow(l, lines[i + 1]);
      if (g === null) break;
      group = g;
      continue;
    }
    // "\t2\t新建智慧社区…": a row under a merged first cell keeps its empty cells in front.
    const cells = l.lead && l.cells.length + l.lead <= header.length ? [...Array(l.lead).fill(''), ...l.cells] : l.cells;
    // (A row of as many cells as the header's is placed cell by cell, also where its spaces do not line up.)
    const row = head.starts && l.starts && l.cells.length !== header.length ? placeByStart(l.cells, l.starts, head.starts) : [...cells, ...Array(Math.max(0, header.length - cells.length)).fill('')];
    rows.push(row.slice(0, Math.max(header.length, row.length)));
    groups.push(group);
  }
  if (!rows.length) return start;
  if (groups.some(Boolean) && !header.some((h) => /类别|分类|领域|维度/.test(h))) {
    const width = Math.max(header.length, ...rows.map((r) => r.length));
    header.push(...Array(width - header.length).fill(''), '类别');
    rows.forEach((r, k) => r.push(...Array(width - r.length).fill(''), groups[k]!));
  }
  const caption = takeCaption(out);
  const { note, next } = readNote(lines, i);
  out.push({ kind: 'table', line: head.line, caption, header, rows, complete: true, note });
  return next;
}
