// A key pressed on a cell that takes no typing is answered: a small note by the cell says why ("「规划」属于规划内容,
// 此处只读…", "由实际值…计算") for a moment, without taking the keyboard from the grid.
import type { GridApi } from 'ag-grid-community';
import { metaOf } from './cells';
import { SELECTION_COL } from './range';

/** Keys that would type into or clear a cell: a printable character, F2, Delete, Backspace. */
export const typingKey = (e: KeyboardEvent | React.KeyboardEvent) =>
  !e.ctrlKey && !e.metaKey && !e.altKey && (e.key.length === 1 || e.key === 'F2' || e.key === 'Delete' || e.key === 'Backspace' || e.key === 'Process');

/** Why the focused cell takes no typing, or null when it does (or no cell has the focus). */
export function readOnlyReason(api: GridApi, editable: Set<string>): string | null {
  const f = api.getFocusedCell();
  if (!f) return null;
  const colId = f.column.getColId();
  if (colId === SELECTION_COL || editable.has(colId)) return null;
  const def = f.column.getColDef();
  return metaOf(def).readOnly ?? `「${def.headerName ?? colId}」为只读列`;
}

let current: { el: HTMLElement; timer: ReturnType<typeof setTimeout> } | null = null;

/** Shows `text` under the focused cell of the grid in `host` (or at the top of the grid if the cell is not drawn). */
export function showCellTip(host: HTMLElement, text: string): void {
  if (current) { clearTimeout(current.timer); current.el.remove(); }
  const el = document.createElement('div');
  el.className = 'pr-cell-tip';
  el.setAttribute('role', 'status');
  el.textContent = text;
  const cell = host.querySelector<HTMLElement>('.ag-cell-focus');
  const h = host.getBoundingClientRect();
  const c = cell?.getBoundingClientRect();
  el.style.left = `${Math.max(4, Math.min((c?.left ?? h.left) - h.left, h.width - 320))}px`;
  const below = c ? c.bottom - h.top + 2 : 40;
  el.style.top = `${c && below + 40 > h.height ? c.top - h.top - 36 : below}px`;
  host.appendChild(el);
  current = { el, timer: setTimeout(() => { el.remove(); current = null; }, 3000) };
}
