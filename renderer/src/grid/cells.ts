// Cell helpers: status, verdict and flag colours from the shared palette, the light column, unit lists, percentages,
// and the column pieces both grids build from: text columns (search words marked, long texts in a multi-line editor,
// rows that may grow), date columns with the Chinese calendar, choice columns, and comparison columns paired with their own.
import type { CellStyle, ColDef } from 'ag-grid-community';
import { STATUS_COLORS, VERDICT_COLORS, FLAG_COLORS, FLAG_LABELS, type Swatch } from '../../../contract/colors';
import { ChoiceEditor, type ChoiceEditorParams } from './ChoiceEditor';
import { TextEditor, ownKeysWhileEditing } from './TextEditor';
import { DateEditor } from './DateEditor';
import { MarkedCell } from './MarkedCell';
import { spreadsheetKey } from './common';
import type { Flag } from '../../../contract/model';

/** What a column tells the grid beyond AG Grid's own options. */
export interface ColMeta {
  /** Long text: edited in the multi-line editor, and wraps like `wrap`. */
  long?: boolean;
  /** Wraps and grows the row when the grid's rows grow to their text. */
  wrap?: boolean;
  /** Why the column takes no typing (said when a key is pressed on it); evaluation columns have none. */
  readOnly?: string;
  /** A comparison column: the column it stands beside, and whether a row's two values differ. */
  compareOf?: string;
}
export const metaOf = (c: ColDef | undefined): ColMeta => (c?.context as ColMeta | undefined) ?? {};

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
    colId, headerName: '预警', headerTooltip: '预警(红黄绿灯)', width, context: { readOnly: '「预警」由完成时限、节点、评估状态、进度或完成进度计算,只读' },
    valueGetter: (p) => { const l = p.data ? get(p.data) : undefined; return l ? lightText(l.flag, l.overdueDays) : ''; },
    cellStyle: (p) => ({ ...flagStyle(p.data ? get(p.data)?.flag : undefined), fontWeight: 600 }),
    tooltipValueGetter: (p) => (p.data ? get(p.data)?.reason ?? '' : ''),
    comparator: (_a, _b, na, nb) => lightRank(na.data ? get(na.data)?.flag : undefined) - lightRank(nb.data ? get(nb.data)?.flag : undefined),
  };
}
const LIGHT_ORDER: Flag[] = ['red', 'yellow', 'green', 'none'];
const lightRank = (f: Flag | undefined) => (f ? LIGHT_ORDER.indexOf(f) : LIGHT_ORDER.length);
export const pct = (n: number | null | undefined) => (n == null || (n as unknown) === '' ? '' : `${Math.round(Number(n) * 10) / 10}%`);

const editorKeys = { suppressKeyboardEvent: (p: { editing: boolean; event: KeyboardEvent }) => ownKeysWhileEditing(p.editing, p.event, spreadsheetKey) };

/** A text column with the search words marked and the full text on hover; `long` ones edit in the multi-line editor. */
export function textCol<T>(colId: string, headerName: string, width: number, get: (row: T) => string | undefined, meta: ColMeta = {}): ColDef<T> {
  return {
    colId, headerName, headerTooltip: headerName, width, context: meta,
    valueGetter: (p) => (p.data ? get(p.data) ?? '' : ''), tooltipValueGetter: (p) => p.value, cellRenderer: MarkedCell,
    ...(meta.long ? { cellEditor: TextEditor, cellEditorPopup: true, cellEditorPopupPosition: 'over' as const, ...editorKeys } : { cellEditor: 'agTextCellEditor' }),
  };
}

/** A date column: shown YYYY-MM-DD, edited in a box with the Chinese calendar. */
export function dateCol<T>(colId: string, headerName: string, width: number, get: (row: T) => string | undefined): ColDef<T> {
  return {
    colId, headerName, headerTooltip: headerName, width, valueGetter: (p) => (p.data ? get(p.data) ?? '' : ''),
    cellEditor: DateEditor, cellEditorPopup: true, cellEditorPopupPosition: 'under', ...editorKeys,
  };
}

/** A read-only column of the row's definition (title, plan, units …), the search words marked. */
export function defCol<T>(def: ColDef<T> & { headerName: string }, meta: ColMeta = {}): ColDef<T> {
  return {
    headerTooltip: def.headerName, tooltipValueGetter: (p) => p.value, cellRenderer: MarkedCell, ...def,
    context: { readOnly: `「${def.headerName}」属于规划内容,此处只读;编辑规划模式下可修改`, ...meta },
  };
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
    colId, headerName, headerTooltip: headerName, width, valueGetter: (p) => (p.data ? get(p.data) ?? '' : ''),
    cellEditor: ChoiceEditor, cellEditorParams: params, cellEditorPopup: true, cellEditorPopupPosition: 'under', cellStyle: (p) => style(p.value),
  };
}

/**
 * A read-only column of the comparison round, for the column `base`: its header says which round, and the cells of
 * rows whose two values differ are marked in both columns.
 */
export interface Compared<T> { base: string; header: string; width: number; get(row: T): string | number | null | undefined; now(row: T): string | number | null | undefined; style?: (v: string | undefined) => CellStyle }

/** Each comparison column placed right after its own column; both marked where the rounds differ. */
export function withCompare<T>(cols: ColDef<T>[], compared: Compared<T>[] | null, roundName = ''): ColDef<T>[] {
  if (!compared) return cols;
  const differs = (c: Compared<T>, row: T | undefined) => !!row && String(c.now(row) ?? '') !== String(c.get(row) ?? '');
  const out: ColDef<T>[] = [];
  for (const col of cols) {
    const c = compared.find((x) => x.base === col.colId);
    if (!c) { out.push(col); continue; }
    out.push({ ...col, cellClassRules: { ...col.cellClassRules, 'pr-changed': (p) => differs(c, p.data) } });
    out.push({
      colId: `cmp:${c.base}`, headerName: c.header, headerTooltip: `对比轮次${roundName ? `「${roundName}」` : ''}的${col.headerName ?? ''}`, width: c.width,
      headerClass: 'pr-compare-head', cellClass: 'pr-compare', cellRenderer: MarkedCell,
      context: { compareOf: c.base, readOnly: `「${c.header}」是对比轮次的值,只读` } satisfies ColMeta,
      valueGetter: (p) => (p.data ? c.get(p.data) ?? '' : ''), tooltipValueGetter: (p) => p.value,
      cellClassRules: { 'pr-changed': (p) => differs(c, p.data) },
      ...(c.style ? { cellStyle: (p) => c.style!(p.value) } : {}),
    });
  }
  return out;
}
