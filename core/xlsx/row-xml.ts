// Writes a body row of a streamed sheet as XML directly. exceljs would build a row model and render every cell through
// its generic xforms, which is most of the time a report of 100 000 tasks takes; the XML here is the same cells with
// the same style ids (from the workbook's own style registry), height and merged cells.
import type { Style, Worksheet } from 'exceljs';

// exceljs internals used here: the sheet's pending rows, its XML stream and the steps that open the sheet data.
interface StreamSheet {
  _rows: unknown[];
  _rowZero: number;
  _merges: unknown[];
  startedData: boolean;
  lastRow?: { commit(): void };
  stream: { write(s: string): void };
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  _workbook: { styles: { addStyleModel(style: Partial<Style>, cellType: number): number } };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { xmlEncode } = require('exceljs/lib/utils/utils') as { xmlEncode(s: string): string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Range = require('exceljs/lib/doc/range') as new (top: number, left: number, bottom: number, right: number) => unknown;

/** exceljs's value types, as its style registry takes them: a style without a number format gets General for numbers and empty cells. */
const NULL_TYPE = 0, NUMBER_TYPE = 2, STRING_TYPE = 3;

export interface RowCell { value: string | number | null; style: Partial<Style> }

/** Whether the sheet is one of a streamed workbook (the only kind written this way). */
export const isStreamed = (ws: Worksheet): boolean => typeof (ws as unknown as Partial<StreamSheet>)._writeOpenSheetData === 'function';

const letters: string[] = [];
/** The letters of column `n` (1-based): A, B, …, Z, AA, … */
export const colLetter = (n: number): string => {
  if (!letters[n]) {
    let s = '';
    for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    letters[n] = s;
  }
  return letters[n];
};

/** Records columns `from`..`to` (1-based) of row `row` as merged in a streamed sheet (written with the sheet's merges when it closes). */
export function addMerge(ws: Worksheet, row: number, from: number, to: number): void {
  (ws as unknown as StreamSheet)._merges.push(new Range(row, from, row, to));
}

/** Writes row `rowNumber` with its cells (0-based columns from A), `height` pt, and columns `span` (0-based, inclusive) merged. */
export function writeRowXml(ws: Worksheet, rowNumber: number, cells: RowCell[], height: number, span?: { from: number; to: number } | null): void {
  const w = ws as unknown as StreamSheet;
  // Rows written the usual way before this one (titles, headers) go out first, in order.
  w.lastRow?.commit();
  if (rowNumber < w._rowZero) throw new Error(`row ${rowNumber} of ${ws.name} was written already`);
  if (!w.startedData) {
    w._writeColumns();
    w._writeOpenSheetData();
    w.startedData = true;
  }
  const styles = w._workbook.styles;
  const merged = span && span.to > span.from ? span : null;
  let xml = `<row r="${rowNumber}" ht="${height}" customHeight="1" spans="1:${cells.length}" x14ac:dyDescent="0.25">`;
  for (let i = 0; i < cells.length; i++) {
    const inside = merged && i > merged.from && i <= merged.to;
    const { value, style } = inside ? { value: null, style: cells[merged.from].style } : cells[i];
    const type = value == null ? NULL_TYPE : typeof value === 'number' ? NUMBER_TYPE : STRING_TYPE;
    const id = styles.addStyleModel(style, type);
    const head = `<c r="${colLetter(i + 1)}${rowNumber}"${id ? ` s="${id}"` : ''}`;
    if (value == null) xml += id ? `${head}/>` : '';
    else if (typeof value === 'number') xml += `${head}><v>${value}</v></c>`;
    else xml += `${head} t="str"><v>${xmlEncode(value)}</v></c>`;
  }
  w.stream.write(`${xml}</row>`);
  w._rowZero = rowNumber + 1;
  if (merged) addMerge(ws, rowNumber, merged.from + 1, merged.to + 1);
}
