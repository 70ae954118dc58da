// Which rows a grid command acts on: the checked rows, else the rows of the cell range, else the focused row; and the
// rows shown after filters and sorting, in display order (group header rows are passed over).
import type { GridApi } from 'ag-grid-community';
import { isGroup } from './grouping';
import type { RangeBox } from './range';

export function selectedIds(api: GridApi | null, box: RangeBox): string[] {
  if (!api) return [];
  const rows = api.getSelectedRows().filter((r) => !isGroup(r)) as { id: string }[];
  if (rows.length) return rows.map((r) => r.id);
  const ids: string[] = [];
  for (let i = Math.max(0, box.r1); i <= box.r2; i++) {
    const n = api.getDisplayedRowAtIndex(i);
    if (n?.data && !isGroup(n.data)) ids.push(n.id!);
  }
  if (!ids.length) {
    const f = api.getFocusedCell();
    const n = f ? api.getDisplayedRowAtIndex(f.rowIndex) : null;
    if (n?.data && !isGroup(n.data)) ids.push(n.id!);
  }
  return ids;
}

export function displayedIds(api: GridApi | null): string[] {
  const ids: string[] = [];
  api?.forEachNodeAfterFilterAndSort((n) => { if (n.data && !isGroup(n.data)) ids.push(n.id!); });
  return ids;
}
