// Tables of Word and web pages → full grids: merged cells (gridSpan/vMerge, colspan/rowspan) repeated over the
// cells they cover, a header of two rows read as one ("目标值" over "2023年" → "目标值2023年"), rows of one merged
// cell kept as group rows.
import type { Block, TableBlock } from './text/blocks';
import { readNumber } from './text/numbering';
import { tidyLine } from './text/clean';

export interface RawCell {
  text: string;
  colSpan: number;
  /** Web pages: how many rows the cell covers. */
  rowSpan?: number;
  /** Word: this cell starts a vertical merge, or continues the one above. */
  vMerge?: 'restart' | 'continue';
}

interface Slot { text: string; fromLeft: boolean; fromAbove: boolean }

function toSlots(rows: RawCell[][]): Slot[][] {
  const grid: Slot[][] = [];
  rows.forEach((row, r) => {
    const out: Slot[] = (grid[r] ??= []);
    let c = 0;
    for (const cell of row) {
      while (out[c]) c++;
      const span = Math.max(1, cell.colSpan);
      const above = cell.vMerge === 'continue' ? grid[r - 1]?.[c] : undefined;
      // A cell's own lines stay apart ("市住建局\n市财政局"): a unit per line; names are joined by their readers.
      const text = above ? above.text : cell.text.split('\n').map(tidyLine).filter(Boolean).join('\n');
      for (let k = 0; k < span; k++) out[c + k] = { text, fromLeft: k > 0, fromAbove: !!above };
      for (let d = 1; d < (cell.rowSpan ?? 1); d++) {
        const below = (grid[r + d] ??= []);
        for (let k = 0; k < span; k++) below[c + k] = { text, fromLeft: k > 0, fromAbove: true };
      }
      c += span;
    }
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  return grid.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? { text: '', fromLeft: false, fromAbove: false }));
}

/** Whether a row is one cell merged across the whole table (a group heading such as "一、强化数字基础设施支撑"). */
export const isGroupRow = (row: string[]) => row.length > 1 && !!row[0] && row.every((c) => c === row[0]);

/** A table as the text parser reads it: caption, header (two header rows combined), rows of full width. */
export function gridTable(rows: RawCell[][], line: number, caption: string): TableBlock {
  const slots = toSlots(rows).filter((r) => r.some((s) => s.text));
  // The table's title in a row of one cell across it, above its header ("表1 主要指标"): its caption.
  // (And a row "单位：亿元" under it.)
  while (slots.length > 2 && isGroupRow(slots[0]!.map((s) => s.text))) {
    const title = slots.shift()![0]!.text.replace(/\n/g, '');
    if (!caption && !/^(单位|注)[:：]/.test(title)) caption = title;
  }
  const head = slots[0] ?? [];
  let header = head.map((s) => s.text.replace(/\n/g, ''));
  let body = slots.slice(1);
  const second = slots[1];
  // A second header row: every cell either continues a cell of the first row downwards, or sits under a first-row
  // cell that spans several columns.
  if (second && head.some((s) => s.fromLeft) && second.every((s, c) => s.fromAbove || head[c]!.fromLeft || head[c + 1]?.fromLeft)) {
    header = head.map((s, c) => (second[c]!.fromAbove || second[c]!.text === s.text ? s.text : s.text + second[c]!.text).replace(/\n/g, ''));
    body = slots.slice(2);
  }
  return { kind: 'table', line, caption, header, rows: body.map((r) => r.map((s) => s.text)), complete: true, note: '' };
}

/** Caption of a table: the short line just above it without a full stop ("表1 主要指标"). */
export function tableCaption(out: Block[]): string {
  const prev = out[out.length - 1];
  if (prev?.kind === 'text' && !prev.headingLevel && prev.text.length <= 45 && !/[。；;]$/.test(prev.text) && /^(表|附表|专栏)|指标|清单|一览/.test(prev.text) && (!readNumber(prev.text) || /^(表|专栏)/.test(prev.text))) {
    out.pop();
    return prev.text;
  }
  return '';
}

