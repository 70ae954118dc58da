// Cell helpers: status, verdict and flag colours from the shared palette, unit lists, percentages, column pieces.
import type { CellStyle, ColDef } from 'ag-grid-community';
import { STATUS_COLORS, VERDICT_COLORS, FLAG_COLORS } from '../../../core/contract/colors';
import type { TaskStatus, Verdict, Flag } from '../../../core/contract/model';

export const statusStyle = (s: string | undefined): CellStyle => {
  const c = STATUS_COLORS[s as TaskStatus];
  return c ? { backgroundColor: c.fill, color: c.text, fontWeight: 600 } : {};
};
export const verdictStyle = (v: string | undefined): CellStyle => {
  const c = VERDICT_COLORS[v as Verdict];
  return c ? { backgroundColor: c.fill, color: c.text, fontWeight: 600 } : {};
};
export const flagStyle = (f: string | undefined): CellStyle => {
  const c = FLAG_COLORS[f as Flag];
  return c ? { backgroundColor: c.fill, color: c.text } : {};
};
export const units = (xs: string[] | undefined) => (xs ?? []).join('、');
export const pct = (n: number | null | undefined) => (n == null || (n as unknown) === '' ? '' : `${Math.round(Number(n) * 10) / 10}%`);

/** A free-text evaluation column: edited in place, the full text in the tooltip. */
export function textCol<T>(colId: string, headerName: string, width: number, get: (row: T) => string | undefined): ColDef<T> {
  return { colId, headerName, width, valueGetter: (p) => (p.data ? get(p.data) ?? '' : ''), tooltipValueGetter: (p) => p.value, cellEditor: 'agTextCellEditor' };
}

/** A choice column: a dropdown editor and the palette's colours. */
export function choiceCol<T>(colId: string, headerName: string, width: number, values: readonly string[], get: (row: T) => string | undefined, style: (v: string | undefined) => CellStyle): ColDef<T> {
  return {
    colId, headerName, width, valueGetter: (p) => (p.data ? get(p.data) ?? '' : ''),
    cellEditor: 'agSelectCellEditor', cellEditorParams: { values: [...values] }, cellStyle: (p) => style(p.value),
  };
}

/** A read-only column of the comparison round. */
export function compareCol<T>(colId: string, headerName: string, width: number, get: (row: T) => string | number | null | undefined, style?: (v: string | undefined) => CellStyle): ColDef<T> {
  return {
    colId, headerName, width, headerClass: 'pr-compare-head', cellClass: 'pr-compare',
    valueGetter: (p) => (p.data ? get(p.data) ?? '' : ''), tooltipValueGetter: (p) => p.value,
    ...(style ? { cellStyle: (p) => style(p.value) } : {}),
  };
}
