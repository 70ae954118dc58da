// Lays out a bordered table sheet (streamed or not): title rows, a one- or two-level header, body rows whose column
// widths and row heights follow the display width of their text, and the print setup every table sheet shares.
import type { Worksheet, Style, AddWorksheetOptions } from 'exceljs';
import type { Swatch } from '../../contract/colors';
import { wrappedLines, looksLikeFormula, cellText, type NumberCell } from './text';
import { textRoom } from './widths';
import { isStreamed, writeRowXml, addMerge, colLetter } from './row-xml';

export { Layout, fitWidths, unitsFor, type Growth } from './widths';
import { look, printSetup, PAGE_FOOTER, LINE_HEIGHT, ROW_PADDING, TITLE_SIZE, fillInSwatch } from './style';

export type CellInput = string | number | NumberCell | null | undefined;

export interface ColumnSpec<R> {
  header: string;
  /** A heading spanning consecutive columns above theirs (目标值 over each milestone year). */
  group?: string;
  value(r: R): CellInput;
  align?: 'text' | 'center' | 'number';
  swatch?: (r: R) => Swatch | undefined;
  /** Width bounds in column units; text wider than max wraps. */
  min?: number;
  max?: number;
  hidden?: boolean;
  /** A column the responsible unit fills in: unlocked, tinted, typed text stays text. */
  fillIn?: boolean;
  /** Kept even when no row of the scope has a value in it (a table drops its empty columns otherwise). */
  keep?: boolean;
  /** A column that moves to the table's second printed part when the whole does not fit the page width. */
  part2?: boolean;
}

export interface SheetFrame { headerFirst: number; headerLast: number; ncols: number }

/** Options for addWorksheet: frozen header, A4 landscape fitted to width, repeated header rows, page numbers. */
export function sheetOptions(frame: SheetFrame, opts: { portrait?: boolean; hidden?: boolean; repeatHeader?: boolean } = {}): Partial<AddWorksheetOptions> {
  return {
    views: [{ state: 'frozen', xSplit: 0, ySplit: frame.headerLast, topLeftCell: `A${frame.headerLast + 1}`, activeCell: `A${frame.headerLast + 1}`, showGridLines: false }],
    pageSetup: printSetup(opts.repeatHeader === false ? undefined : `${frame.headerFirst}:${frame.headerLast}`, opts.portrait),
    headerFooter: PAGE_FOOTER,
    properties: { defaultRowHeight: 18 } as AddWorksheetOptions['properties'],
    state: opts.hidden ? 'hidden' : 'visible',
  };
}

/** The frame of a table whose header starts on row `first` (3: under the two-row title block), two rows when some columns are grouped. */
export function frameOf<R>(columns: ColumnSpec<R>[], first = 3): SheetFrame {
  return { headerFirst: first, headerLast: columns.some((c) => c.group) ? first + 1 : first, ncols: columns.length };
}

export function setColumns<R>(ws: Worksheet, columns: ColumnSpec<R>[], widths: number[]): void {
  // exceljs drops a width of exactly 9 as "the default", and Excel's real default is narrower.
  ws.columns = columns.map((c, i) => ({ width: widths[i] === 9 ? 9.25 : widths[i], hidden: !!c.hidden }));
}

export { colLetter };

/** Row 1: the merged title; row 2: 单位 on the left, 评估时点 on the right. Returns their height (pt). */
export function writeTitle(ws: Worksheet, widths: number[], title: string, left: string, right: string): number {
  const n = widths.length;
  const total = widths.reduce((a, b) => a + b, 0);
  const titleLines = wrappedLines(title, textRoom(total) * 11 / TITLE_SIZE);
  const r1 = ws.getRow(1);
  r1.getCell(1).value = title;
  r1.getCell(1).style = look('title');
  r1.height = titleLines * TITLE_SIZE * 1.5 + 10;
  ws.mergeCells(1, 1, 1, n);
  r1.commit();
  const r2 = ws.getRow(2);
  const split = Math.max(1, Math.ceil(n / 2));
  r2.getCell(1).value = left;
  r2.getCell(1).style = look('subtitle-left');
  r2.getCell(split + 1 <= n ? split + 1 : 1).value = right;
  if (split + 1 <= n) r2.getCell(split + 1).style = look('subtitle-right');
  r2.height = 24;
  if (split > 1) ws.mergeCells(2, 1, 2, split);
  if (n - split > 1) ws.mergeCells(2, split + 1, 2, n);
  r2.commit();
  return r1.height + r2.height;
}

/**
 * The header: bold, bordered, centred; grouped columns get a merged heading above their own. `labels` replaces the
 * headings of some columns for this table (a plan's own milestone years).
 */
export function writeHeader<R>(ws: Worksheet, columns: ColumnSpec<R>[], widths: number[], frame: SheetFrame, labels?: (string | undefined)[], span?: Span | null): number {
  const two = frame.headerLast > frame.headerFirst;
  const top = ws.getRow(frame.headerFirst);
  const sub = two ? ws.getRow(frame.headerLast) : top;
  const lines = headerLines(columns, widths, labels);
  columns.forEach((c, i) => {
    const col = i + 1;
    const hs = look('header', c.fillIn ? { swatch: fillInSwatch } : {});
    const header = labels?.[i] ?? c.header;
    if (!two || !c.group) {
      top.getCell(col).value = header;
      top.getCell(col).style = hs;
      if (two) {
        sub.getCell(col).style = hs;
        ws.mergeCells(frame.headerFirst, col, frame.headerLast, col);
      }
      return;
    }
    sub.getCell(col).value = header;
    sub.getCell(col).style = hs;
    const first = i === 0 || columns[i - 1].group !== c.group;
    top.getCell(col).style = hs;
    if (first) {
      top.getCell(col).value = c.group;
      let last = i;
      while (last + 1 < columns.length && columns[last + 1].group === c.group) last++;
      if (last > i) ws.mergeCells(frame.headerFirst, col, frame.headerFirst, last + 1);
    }
  });
  top.height = two ? 22 : lines * LINE_HEIGHT + ROW_PADDING + 4;
  if (two) sub.height = lines * LINE_HEIGHT + ROW_PADDING + 4;
  if (span) mergeRow(ws, frame.headerLast, span.from + 1, span.to + 1);
  top.commit();
  if (two) sub.commit();
  return top.height + (two ? sub.height : 0);
}

const headerLines = <R>(columns: ColumnSpec<R>[], widths: number[], labels?: (string | undefined)[]): number =>
  Math.max(1, ...columns.map((c, i) => wrappedLines(labels?.[i] ?? c.header, textRoom(widths[i]))));

/** The height (pt) writeHeader gives a header. */
export function headerHeight<R>(columns: ColumnSpec<R>[], widths: number[], frame: SheetFrame, labels?: (string | undefined)[]): number {
  const body = headerLines(columns, widths, labels) * LINE_HEIGHT + ROW_PADDING + 4;
  return frame.headerLast > frame.headerFirst ? 22 + body : body;
}

const heightOf = (lines: number): number => Math.round((lines * LINE_HEIGHT + ROW_PADDING) * 4) / 4;

/** A row's cell values read once, with the height its tallest wrapped cell needs (pt). */
export interface Prepared { values: CellInput[]; height: number }

export function prepareRow<R>(columns: ColumnSpec<R>[], widths: number[], r: R): Prepared {
  let lines = 1;
  const values = columns.map((c, i) => {
    const v = c.value(r);
    if (v != null && (typeof v === 'object' || typeof v === 'number')) return v;
    const t = cellText(v);
    if (!c.hidden) lines = Math.max(lines, wrappedLines(t, textRoom(widths[i])));
    return t;
  });
  return { values, height: heightOf(lines) };
}

/** The height (pt) writeRow gives a row, without writing it. */
export const rowHeight = <R>(columns: ColumnSpec<R>[], widths: number[], r: R): number => prepareRow(columns, widths, r).height;

/**
 * Per column, the style of each kind of value and swatch seen: a big sheet builds no lookup key per cell, and most of
 * its cells (plain text) find theirs in two map reads.
 */
const columnLooks = new WeakMap<object, Map<string, Map<Swatch | undefined, Partial<Style>>>>();

const valueKind = (v: CellInput, bold: boolean): string =>
  (v != null && typeof v === 'object' ? `n${v.numFmt}` : typeof v === 'number' ? 'n' : typeof v === 'string' && looksLikeFormula(v) ? 'f' : 't') + (bold ? 'b' : '');

function styleFor<R>(c: ColumnSpec<R>, v: CellInput, r: R, bold: boolean): Partial<Style> {
  const swatch = c.swatch?.(r) ?? (c.fillIn ? fillInSwatch : undefined);
  let kinds = columnLooks.get(c);
  if (!kinds) columnLooks.set(c, (kinds = new Map()));
  const kind = valueKind(v, bold);
  let bySwatch = kinds.get(kind);
  if (!bySwatch) kinds.set(kind, (bySwatch = new Map()));
  let s = bySwatch.get(swatch);
  if (!s) bySwatch.set(swatch, (s = buildStyle(c, v, swatch, bold)));
  return s;
}

function buildStyle<R>(c: ColumnSpec<R>, v: CellInput, swatch: Swatch | undefined, bold: boolean): Partial<Style> {
  const base = { swatch, unlocked: c.fillIn, bold };
  const numberLook = c.align === 'center' ? 'center' : 'number';
  if (v != null && typeof v === 'object') return look(numberLook, { ...base, numFmt: v.numFmt });
  if (typeof v === 'number') return look(numberLook, base);
  const risky = typeof v === 'string' && looksLikeFormula(v);
  return look(c.align === 'number' ? 'center' : c.align ?? 'text', { ...base, textFormat: c.fillIn || risky });
}

/** A run of columns (0-based, inclusive) merged into one cell in each row of a table. */
export interface Span { from: number; to: number }

/** Writes one body row at `rowNumber` and sizes it to its tallest wrapped cell; returns its height (pt). */
export function writeRow<R>(ws: Worksheet, columns: ColumnSpec<R>[], widths: number[], rowNumber: number, r: R, bold = false, span?: Span | null, prepared = prepareRow(columns, widths, r)): number {
  if (isStreamed(ws)) {
    const cells = columns.map((c, i) => {
      const v = prepared.values[i];
      return { value: v != null && typeof v === 'object' ? v.value : v === '' || v == null ? null : v, style: styleFor(c, v, r, bold) };
    });
    writeRowXml(ws, rowNumber, cells, prepared.height, span);
    return prepared.height;
  }
  const row = ws.getRow(rowNumber);
  columns.forEach((c, i) => {
    const v = prepared.values[i];
    const cell = row.getCell(i + 1);
    if (v != null && typeof v === 'object') cell.value = v.value;
    else cell.value = v === '' ? null : v;
    cell.style = styleFor(c, v, r, bold);
  });
  row.height = prepared.height;
  if (span) mergeRow(ws, rowNumber, span.from + 1, span.to + 1);
  row.commit();
  return row.height;
}

/**
 * Merges columns `from`..`to` (1-based) of one row, as mergeCells does but without comparing it with every merge
 * made before (a streamed sheet of 100 000 rows with a band row over each chapter would take minutes): the tables
 * written here merge each cell at most once by construction.
 */
export function mergeRow(ws: Worksheet, row: number, from: number, to: number): void {
  if (to <= from) return;
  // A workbook held in memory keeps its merges by address: its own mergeCells is the way there.
  if (!isStreamed(ws)) return void ws.mergeCells(row, from, row, to);
  const master = ws.getCell(row, from);
  for (let c = from + 1; c <= to; c++) (ws.getCell(row, c) as unknown as { merge(m: unknown): void }).merge(master);
  addMerge(ws, row, from, to);
}

/** A manual page break before row `rowNumber` (streamed sheets write their breaks when they close). */
export function pageBreakBefore(ws: Worksheet, rowNumber: number): void {
  (ws as unknown as { rowBreaks: { id: number; max: number; man: number }[] }).rowBreaks.push({ id: rowNumber - 1, max: 16383, man: 1 });
}

export function setAutoFilter(ws: Worksheet, frame: SheetFrame): void {
  ws.autoFilter = { from: { row: frame.headerLast, column: 1 }, to: { row: frame.headerLast, column: frame.ncols } };
}

export { textRoom };
