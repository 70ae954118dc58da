// The cell range (anchor and moving end, kept by row id and column id so it survives sorting) and what it covers now.
import type { GridApi, IRowNode, Column } from 'ag-grid-community';
import { isGroup } from './grouping';

export interface CellRef { rowId: string; colId: string }
export interface Range { anchor: CellRef; focus: CellRef }
/** The range as displayed indices, read by the cells' class rules to draw the highlight. */
export interface RangeBox { r1: number; r2: number; cols: Set<string>; multi: boolean }

export const SELECTION_COL = 'ag-Grid-SelectionColumn';

export const dataColumns = (api: GridApi): Column[] => api.getAllDisplayedColumns().filter((c) => c.getColId() !== SELECTION_COL);

export interface Covered { rows: IRowNode[]; cols: Column[]; top: number }

/** The data rows (in displayed order) and columns the range covers now; null when its rows are not displayed. */
export function covered(api: GridApi, range: Range | null): Covered | null {
  if (!range) return null;
  const a = api.getRowNode(range.anchor.rowId)?.rowIndex;
  const b = api.getRowNode(range.focus.rowId)?.rowIndex;
  if (a == null || b == null) return null;
  const cols = dataColumns(api);
  const ca = cols.findIndex((c) => c.getColId() === range.anchor.colId);
  const cb = cols.findIndex((c) => c.getColId() === range.focus.colId);
  if (ca < 0 || cb < 0) return null;
  const rows: IRowNode[] = [];
  for (let i = Math.min(a, b); i <= Math.max(a, b); i++) {
    const n = api.getDisplayedRowAtIndex(i);
    if (n?.data && !isGroup(n.data)) rows.push(n);
  }
  return { rows, cols: cols.slice(Math.min(ca, cb), Math.max(ca, cb) + 1), top: Math.min(a, b) };
}

export function boxOf(api: GridApi, range: Range | null): RangeBox {
  const c = covered(api, range);
  if (!c || !range) return { r1: -1, r2: -1, cols: new Set(), multi: false };
  const a = api.getRowNode(range.anchor.rowId)!.rowIndex!;
  const b = api.getRowNode(range.focus.rowId)!.rowIndex!;
  return { r1: Math.min(a, b), r2: Math.max(a, b), cols: new Set(c.cols.map((x) => x.getColId())), multi: c.rows.length * c.cols.length > 1 };
}

export const inBox = (box: RangeBox, rowIndex: number | null, colId: string) =>
  box.multi && rowIndex != null && rowIndex >= box.r1 && rowIndex <= box.r2 && box.cols.has(colId);

/** The next data row's displayed index from `index` going `step` rows (group header rows are passed over). */
export function nextDataRow(api: GridApi, index: number, step: number): number | null {
  const count = api.getDisplayedRowCount();
  for (let i = index + step; i >= 0 && i < count; i += step) {
    const n = api.getDisplayedRowAtIndex(i);
    if (n?.data && !isGroup(n.data)) return i;
  }
  return null;
}
