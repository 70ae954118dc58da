// Grid options shared by the task and target grids: row ids, selection, keyboard behaviour, layout memory, focus → detail.
import type { GridOptions, CellFocusedEvent } from 'ag-grid-community';
import { gridTheme, localeText } from './theme';
import { restoreLayout, layoutEvents } from './layout';

export function commonGridProps<T extends { id: string }>(grid: string, layouts: Record<string, unknown>, onSelect: (row: T | null) => void): GridOptions<T> {
  return {
    theme: gridTheme,
    localeText,
    defaultColDef: { sortable: true, resizable: true, filter: true },
    getRowId: (p) => p.data.id,
    rowSelection: { mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: true },
    suppressColumnVirtualisation: true,
    stopEditingWhenCellsLoseFocus: true,
    enterNavigatesVertically: true,
    enterNavigatesVerticallyAfterEdit: true,
    tooltipShowDelay: 600,
    onGridReady: (e) => restoreLayout(e.api, layouts, grid),
    onCellFocused: (e: CellFocusedEvent<T>) => {
      const node = e.rowIndex != null ? e.api.getDisplayedRowAtIndex(e.rowIndex) : null;
      onSelect(node?.data ?? null);
    },
    ...layoutEvents(grid),
  };
}
