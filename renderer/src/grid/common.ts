// Grid options shared by the evaluation grids: theme, locale, row ids, selection by checkbox, editing through requests.
import type { GridOptions, SuppressKeyboardEventParams } from 'ag-grid-community';
import { gridTheme, localeText } from './theme';
import { restoreLayout, layoutEvents } from './layout';
import { isGroup } from './grouping';

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/** Keys the grid leaves to the spreadsheet commands while no cell is being edited. */
export function spreadsheetKey(e: KeyboardEvent): boolean {
  const mod = e.ctrlKey || e.metaKey;
  if (e.shiftKey && ARROWS.has(e.key)) return true;
  if (e.altKey && e.key === 'ArrowDown') return true;
  if (mod && /^[acdvyz]$/i.test(e.key)) return true;
  return !mod && (e.key === 'Delete' || e.key === 'Backspace');
}

export function commonGridProps<T extends { id: string }>(grid: string, layouts: Record<string, unknown>): GridOptions<T> {
  return {
    theme: gridTheme,
    localeText,
    getRowId: (p) => p.data.id,
    rowSelection: {
      mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false,
      isRowSelectable: (n) => !isGroup(n.data),
    },
    selectionColumnDef: { pinned: 'left', suppressKeyboardEvent: (p: SuppressKeyboardEventParams) => !p.editing && spreadsheetKey(p.event) },
    readOnlyEdit: true,
    suppressColumnVirtualisation: true,
    stopEditingWhenCellsLoseFocus: true,
    enterNavigatesVertically: true,
    enterNavigatesVerticallyAfterEdit: true,
    tooltipShowDelay: 600,
    onGridReady: (e) => restoreLayout(e.api, layouts, grid),
    ...layoutEvents(grid),
  };
}
