// Cell helpers: status, verdict and flag colours from the shared palette, unit lists, percentages, column pieces.
import type { CellStyle, ColDef } from 'ag-grid-community';
import { STATUS_COLORS, VERDICT_COLORS, FLAG_COLORS, type Swatch } from '../../../contract/colors';
import { ChoiceEditor, type ChoiceEditorParams } from './ChoiceEditor';
import type { Flag } from '../../../contract/model';

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

/** The palette's colours of a value as a cell style. */
export const swatchStyle = (colors: Record<string, Swatch>) => (v: string | undefined): CellStyle => {
  const c = colors[v as string];
  return c ? { backgroundColor: c.fill, color: c.text, fontWeight: 600 } : {};
};
export const statusStyle = swatchStyle(STATUS_COLORS);
export const verdictStyle = swatchStyle(VERDICT_COLORS);

/** A choice column: the palette's colours, and a list of the choices that saves on a press (see ChoiceEditor). */
export function choiceCol<T>(colId: string, headerName: string, width: number, values: readonly string[], get: (row: T) => string | undefined, colors: Record<string, Swatch>, blank?: string): ColDef<T> {
  const params: ChoiceEditorParams = { values, colors, blank };
  const style = swatchStyle(colors);
  return {
    colId, headerName, width, valueGetter: (p) => (p.data ? get(p.data) ?? '' : ''),
    cellEditor: ChoiceEditor, cellEditorParams: params, cellEditorPopup: true, cellEditorPopupPosition: 'under', cellStyle: (p) => style(p.value),
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
