// Cell helpers: status, verdict and flag colours from the shared palette, the light column, unit lists, percentages,
// column pieces.
import type { CellStyle, ColDef } from 'ag-grid-community';
import { STATUS_COLORS, VERDICT_COLORS, FLAG_COLORS, FLAG_LABELS, type Swatch } from '../../../contract/colors';
import { ChoiceEditor, type ChoiceEditorParams } from './ChoiceEditor';
import type { Flag } from '../../../contract/model';

export const flagStyle = (f: string | undefined): CellStyle => {
  const c = FLAG_COLORS[f as Flag];
  return c ? { backgroundColor: c.fill, color: c.text } : {};
};
export const units = (xs: string[] | undefined) => (xs ?? []).join('、');

/** A light as a cell shows it: 红灯, 黄灯, 绿灯 or —, with the days overdue of a task. */
export const lightText = (flag: Flag | undefined, overdueDays?: number | null) =>
  (flag ? FLAG_LABELS[flag] : '') + (overdueDays != null ? ` 逾期${overdueDays}天` : '');

/** The light column of a grid: the palette's colours, the reason in the tooltip. */
export function lightCol<T>(colId: string, width: number, get: (row: T) => { flag: Flag; overdueDays?: number | null; reason: string } | undefined): ColDef<T> {
  return {
    colId, headerName: '预警', width,
    valueGetter: (p) => { const l = p.data ? get(p.data) : undefined; return l ? lightText(l.flag, l.overdueDays) : ''; },
    cellStyle: (p) => ({ ...flagStyle(p.data ? get(p.data)?.flag : undefined), fontWeight: 600 }),
    tooltipValueGetter: (p) => (p.data ? get(p.data)?.reason ?? '' : ''),
    comparator: (_a, _b, na, nb) => lightRank(na.data ? get(na.data)?.flag : undefined) - lightRank(nb.data ? get(nb.data)?.flag : undefined),
  };
}
const LIGHT_ORDER: Flag[] = ['red', 'yellow', 'green', 'none'];
const lightRank = (f: Flag | undefined) => (f ? LIGHT_ORDER.indexOf(f) : LIGHT_ORDER.length);
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
