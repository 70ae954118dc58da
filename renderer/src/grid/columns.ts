// The grid's columns as AG Grid takes them: editable ones marked, every cell's range highlight, long texts wrapping
// when rows grow to their text, and each comparison column kept beside its own whatever order a saved layout had.
import type { CellClassParams, ColDef, GridApi } from 'ag-grid-community';
import { inBox, type RangeBox } from './range';
import { metaOf } from './cells';

const inRange = (p: CellClassParams) => inBox((p.context as { box: RangeBox }).box, p.node.rowIndex, p.column.getColId());

export function gridColumns<T>(cols: ColDef<T>[], editable: Set<string>, grow: boolean): ColDef<T>[] {
  return cols.map((c) => {
    const out: ColDef<T> = { ...c, cellClassRules: { ...c.cellClassRules, 'pr-range': inRange } };
    if (editable.has(c.colId ?? '')) Object.assign(out, { editable: true, cellClass: 'pr-editable' });
    if (grow && (metaOf(c).long || metaOf(c).wrap)) Object.assign(out, { wrapText: true, autoHeight: true });
    return out;
  });
}

/** Moves each comparison column right after its own column (a layout saved without them put them at the end). */
export function placeCompareColumns(api: GridApi): void {
  const order = api.getAllGridColumns().map((c) => c.getColId());
  const pairs = api.getAllGridColumns().map((c) => [c.getColId(), metaOf(c.getColDef()).compareOf] as const).filter(([, base]) => !!base);
  if (!pairs.length) return;
  const ids = order.filter((id) => !pairs.some(([cmp]) => cmp === id));
  for (const [cmp, base] of pairs) ids.splice(ids.indexOf(base!) + 1, 0, cmp);
  if (ids.join() !== order.join()) api.applyColumnState({ state: ids.map((colId) => ({ colId })), applyOrder: true });
}
