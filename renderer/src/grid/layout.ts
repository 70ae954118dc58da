// Remembers each grid's column layout (order, widths, visibility, sort) in the database's settings.
import type { GridApi, ColumnState } from 'ag-grid-community';
import { send } from '../api';

const timers = new Map<string, ReturnType<typeof setTimeout>>();

export function restoreLayout(api: GridApi, layouts: Record<string, unknown>, grid: string): void {
  const state = layouts[grid] as ColumnState[] | undefined;
  if (Array.isArray(state) && state.length) api.applyColumnState({ state, applyOrder: true });
}

export function saveLayoutSoon(api: GridApi, grid: string): void {
  clearTimeout(timers.get(grid));
  timers.set(grid, setTimeout(() => {
    if (api.isDestroyed()) return;
    void send('settings.setLayout', { grid, layout: api.getColumnState() }).catch(() => undefined);
  }, 400));
}

export const layoutEvents = (grid: string) => ({
  onColumnMoved: (e: { api: GridApi; finished?: boolean }) => e.finished !== false && saveLayoutSoon(e.api, grid),
  onColumnResized: (e: { api: GridApi; finished?: boolean }) => e.finished && saveLayoutSoon(e.api, grid),
  onColumnVisible: (e: { api: GridApi }) => saveLayoutSoon(e.api, grid),
  onColumnPinned: (e: { api: GridApi }) => saveLayoutSoon(e.api, grid),
  onSortChanged: (e: { api: GridApi }) => saveLayoutSoon(e.api, grid),
});
