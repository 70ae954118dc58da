// Turns tidied lines into blocks: paragraphs and tables (rows on one line, tab-separated or aligned with spaces;
// tab-indented cells; tables flattened one cell per line).
import { isFurniture, type RawLine } from './clean';
import { readFlatTable, startsFlatTable } from './flat-tables';
import { readRowTable } from './row-tables';
import { readNote, takeCaption } from './table-notes';
import type { RowFacts } from './table-tasks';

export interface TextBlock {
  kind: 'text'; text: string; line: number; headingLevel?: number;
  /** Text beside the document's tables (a workbook's title rows and notes): never a heading or a task. */
  aside?: boolean;
  /** A group row of a task table (a heading over the rows below it). */
  group?: boolean;
  /** A row of a task table: an item whose units and deadline its columns give. */
  row?: RowFacts & { code: string };
}
export interface TableBlock {
  kind: 'table'; line: number; caption: string; header: string[];
  /** Cells in order; a flattened table's rows may miss cells that were empty. */
  rows: string[][];
  /** True when every row holds all its cells (a real or tab-indented table). */
  complete: boolean;
  /** The 备注/注 lines under the table. */
  note: string;
}
export type Block = TextBlock | TableBlock;

/** Splits lines into paragraphs and tables; furniture and blank lines are dropped. */
export function toBlocks(lines: RawLine[]): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.tabbed) { i = readTabTable(lines, i, out); continue; }
    if (l.cells) {
      const next = readRowTable(lines, i, out);
      if (next > i) { i = next; continue; }
    }
    if (startsFlatTable(lines, i)) {
      const next = readFlatTable(lines, i, out);
      if (next > i) { i = next; continue; }
    }
    if (l.text && !isFurniture(l.text)) out.push({ kind: 'text', text: l.text, line: l.line });
    i++;
  }
  return out;
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
  const { note, next } = readNote(lines, i);
  out.push({ kind: 'table', line: lines[start]!.line, caption, header, rows: body, complete: true, note });
  return next;
}
