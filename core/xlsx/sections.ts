// A table sheet written in sections: the title block, one or more tables each under its own header, a merged band row
// for each plan (its title and period) and each chapter inside it, rows numbered within their plan, and the office's
// signature (落款) under the last table. Columns no row fills are left out, and the rest are fitted to the page width;
// when they cannot be, the columns marked part2 go to a second printed table.
import type { stream, Worksheet } from 'exceljs';
import {
  Layout, fitWidths, frameOf, sheetOptions, setColumns, writeTitle, writeHeader, writeRow, setAutoFilter, textRoom, headerHeight, prepareRow,
  pageBreakBefore, mergeRow, type ColumnSpec, type SheetFrame, type Span,
} from './table';
import { wrappedLines } from './text';
import { look, LINE_HEIGHT, ROW_PADDING, PRINT_WIDTH, PAGE_HEIGHT } from './style';

export interface Numbered<T> { n: number; row: T }

export interface Arranged<R> { columns: ColumnSpec<R>[]; widths: number[] }

/**
 * The printed table(s) for what `layout` measured: the columns in use, narrowed to the page; two parts when even
 * their minimum widths are too wide, the second holding the part2 columns after the key columns (marked keep).
 */
export function arrange<R>(layout: Layout<R>, budget = PRINT_WIDTH): Arranged<R>[] {
  const used = layout.used();
  const widths = layout.widths();
  const grow = layout.growth();
  const pick = (test: (c: ColumnSpec<R>, i: number) => boolean, widen = true): Arranged<R> => {
    const idx = layout.columns.map((_, i) => i).filter((i) => used[i] && test(layout.columns[i], i));
    const columns = idx.map((i) => layout.columns[i]);
    const w = idx.map((i) => widths[i]);
    return { columns, widths: fitWidths(columns, w, budget, widen ? { wanted: idx.map((i) => grow.wanted[i]), mass: idx.map((i) => grow.mass[i]) } : undefined) ?? w };
  };
  const whole = pick(() => true, false);
  if (whole.widths.reduce((a, b) => a + b, 0) <= budget + 0.01) return [pick(() => true)];
  if (!whole.columns.some((c) => c.part2)) return [whole];
  const first = pick((c) => !c.part2);
  const second = pick((c) => !!c.part2 || (!!c.keep && !c.hidden));
  return second.columns.some((c) => c.part2) ? [first, second] : [first];
}

const band = { section: 'section', chapter: 'chapter' } as const;

/**
 * Where a sheet's rows fall on the printed pages, from their heights: a page is broken before a row that does not fit,
 * so a table continued on the next page can be given its header again and a band row is kept with the row under it.
 */
export class Pages {
  private used: number;
  constructor(private ws: Worksheet, used: number) {
    this.used = used;
  }
  /** Whether `height` more fits on the current page; if not, the page breaks before row `at`. */
  room(at: number, height: number): boolean {
    if (this.used + height <= PAGE_HEIGHT || this.used === 0) return true;
    pageBreakBefore(this.ws, at);
    this.used = 0;
    return false;
  }
  add(height: number): void {
    this.used += height;
  }
}

/**
 * One sheet of sectioned tables, streamed: open it, then header, band and row calls in order, then close. The sheet
 * breaks its own pages from the rows' heights, so a band row never ends a page without a row of its own under it: a
 * one-table sheet's header comes back on each page by the print titles, a sheet of several tables writes it again.
 */
export class TableSheet<R> {
  readonly ws: Worksheet;
  private frame: SheetFrame;
  private first: SheetFrame;
  private at: number;
  private tables = 0;
  private written = 0;
  private span: Span | null = null;
  private labels: (string | undefined)[] | undefined;
  private total: number;
  private pages: Pages;
  private headerRows = 0;
  /** Band rows waiting for the row under them, so they go to the next page together. */
  private bands: { text: string; kind: keyof typeof band; height: number }[] = [];

  constructor(wb: stream.xlsx.WorkbookWriter, name: string, title: string, readonly part: Arranged<Numbered<R>>,
    lines: { unit: string; when: string }, private opts: { oneTable: boolean }) {
    this.first = this.frame = frameOf(part.columns);
    this.ws = wb.addWorksheet(name, sheetOptions(this.first, { repeatHeader: opts.oneTable }));
    setColumns(this.ws, part.columns, part.widths);
    this.pages = new Pages(this.ws, writeTitle(this.ws, part.widths, title, lines.unit, lines.when));
    this.at = this.first.headerFirst;
    this.total = part.widths.reduce((a, b) => a + b, 0);
  }

  get columns(): ColumnSpec<Numbered<R>>[] { return this.part.columns; }
  get rows(): number { return this.written; }

  /**
   * A table's header at the next row, with some headings replaced (`labels`, by column); `span` merges a run of
   * columns in the header's last row and in every row of the table (a plan with fewer milestone years than columns).
   */
  header(labels?: (string | undefined)[], span?: Span | null): void {
    this.flushBands();
    if (this.tables++ > 0) this.at++;
    this.labels = labels;
    this.span = span && span.to > span.from ? span : null;
    const height = headerHeight(this.part.columns, this.part.widths, frameOf(this.part.columns, this.at), labels);
    // A header needs a row or two under it on the same page.
    this.pages.room(this.at, height + 3 * LINE_HEIGHT);
    this.writeHeader();
  }

  private writeHeader(): void {
    this.frame = frameOf(this.part.columns, this.at);
    this.headerRows = writeHeader(this.ws, this.part.columns, this.part.widths, this.frame, this.labels, this.span);
    this.pages.add(this.headerRows);
    this.at = this.frame.headerLast + 1;
  }

  /** Before rows of `height` that do not fit the page: a new page, with the table's header on it. */
  private makeRoom(height: number): void {
    if (this.pages.room(this.at, height)) return;
    if (this.opts.oneTable) this.pages.add(this.headerRows);
    else this.writeHeader();
  }

  /** A merged row across the table: a plan's section title or a chapter inside it (written with the next row). */
  band(text: string, kind: keyof typeof band): void {
    const height = wrappedLines(text, textRoom(this.total)) * LINE_HEIGHT + ROW_PADDING + (kind === 'section' ? 4 : 2);
    this.bands.push({ text, kind, height });
  }

  private flushBands(): void {
    const n = this.part.columns.length;
    for (const b of this.bands) {
      const row = this.ws.getRow(this.at);
      row.getCell(1).value = b.text;
      const style = look(band[b.kind]);
      for (let c = 1; c <= n; c++) row.getCell(c).style = style;
      row.height = b.height;
      mergeRow(this.ws, this.at, 1, n);
      row.commit();
      this.pages.add(b.height);
      this.at++;
    }
    this.bands = [];
  }

  write(item: Numbered<R>): void {
    const prepared = prepareRow(this.part.columns, this.part.widths, item);
    this.makeRoom(this.bands.reduce((a, b) => a + b.height, 0) + prepared.height);
    this.flushBands();
    writeRow(this.ws, this.part.columns, this.part.widths, this.at, item, false, this.span, prepared);
    this.pages.add(prepared.height);
    this.at++;
    this.written++;
  }

  /** Closes the sheet: the 落款 (office and date, right-aligned) under the table, the filter of a one-table sheet. */
  close(sign: string[]): number {
    this.flushBands();
    this.pages.room(this.at + 1, 3 * (LINE_HEIGHT + ROW_PADDING + 2));
    this.at++;
    writeSign(this.ws, this.at, sign, this.part.columns.length);
    if (this.opts.oneTable) setAutoFilter(this.ws, this.first);
    this.ws.commit();
    return this.written;
  }
}

/** The 落款 lines from row `at`, right-aligned across `ncols` columns. */
export function writeSign(ws: Worksheet, at: number, lines: string[], ncols: number): void {
  for (const line of lines.filter(Boolean)) {
    const row = ws.getRow(at);
    row.getCell(1).value = line;
    row.getCell(1).style = look('sign');
    row.height = LINE_HEIGHT + ROW_PADDING + 2;
    mergeRow(ws, at, 1, ncols);
    row.commit();
    at++;
  }
}
