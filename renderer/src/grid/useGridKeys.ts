// The grid's keys while no cell is being edited: Shift+arrows extend the range, Ctrl+D fills down, Ctrl+A selects all,
// Delete clears, Alt+↓ opens a cell's list, Enter or Space folds a group, and typing on a read-only cell says why it
// is read-only; an input method's first keystroke on a cell that is not editing opens a box over the cell so no
// character of the composition is lost.
import type { KeyboardEvent as ReactKeyboardEvent, MutableRefObject, RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import { fillDown, clearRange, commit, type Ctx } from './commands';
import { captureComposition, isImeKey } from './ime';
import { nextDataRow, covered } from './range';
import { isGroup } from './grouping';
import { cellValue } from './spec';
import { readOnlyReason, showCellTip, typingKey } from './readonly';

const ARROW: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
export const inEditor = (t: EventTarget | null) => t instanceof HTMLElement && !!t.closest('input, textarea, select, .ag-cell-inline-editing, .ag-popup-editor');

export interface KeyDeps<T extends { id: string }> {
  api(): GridApi | null;
  ctx(): Ctx<T>;
  editable: Set<string>;
  host: RefObject<HTMLDivElement | null>;
  lastInput: MutableRefObject<number>;
  range: { noteKey(e: ReactKeyboardEvent): void; extend(dRow: number, dCol: number): void; selectAll(): void };
  toggleGroup(key: string): void;
}

export function useGridKeys<T extends { id: string }>(d: KeyDeps<T>) {
  const onKeyDownCapture = (e: ReactKeyboardEvent) => {
    d.lastInput.current = performance.now();
    d.range.noteKey(e);
    const a = d.api();
    const cell = (e.target as HTMLElement).closest?.('.ag-cell') as HTMLElement | null;
    if (!a || !isImeKey(e.nativeEvent) || !cell || a.getEditingCells().length) return;
    const f = a.getFocusedCell();
    const node = f ? a.getDisplayedRowAtIndex(f.rowIndex) : null;
    const field = f?.column.getColId() ?? '';
    if (!f || !node?.data || isGroup(node.data) || !d.editable.has(field)) return;
    captureComposition(d.host.current!, cell, (text, move) => {
      a.setFocusedCell(move === 'down' ? nextDataRow(a, f.rowIndex, 1) ?? f.rowIndex : f.rowIndex, field);
      if (move === 'right') a.tabToNextCell();
      if (text != null && text !== (cellValue(d.ctx().spec, node.data, field) ?? '')) void commit(d.ctx(), [{ id: node.id!, field, value: text }], 'edit');
    });
  };

  const onKeyDown = (e: ReactKeyboardEvent) => {
    const a = d.api();
    if (!a || inEditor(e.target) || a.getEditingCells().length) return;
    const t = e.target as HTMLElement;
    if (t.classList.contains('ag-full-width-row') && (e.key === 'Enter' || e.key === ' ')) {
      const id = t.getAttribute('row-id') ?? '';
      if (id.startsWith('g:')) { e.preventDefault(); d.toggleGroup(id.slice(2)); }
      return;
    }
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (typingKey(e) && e.key !== ' ' && d.host.current) {
      const clearing = e.key === 'Delete' || e.key === 'Backspace';
      const why = readOnlyReason(a, d.editable);
      const anyEditable = clearing && !!covered(a, d.ctx().range)?.cols.some((c) => d.editable.has(c.getColId()));
      if (why && !anyEditable) { e.preventDefault(); showCellTip(d.host.current, why); return; }
    }
    if (e.shiftKey && ARROW[e.key]) { e.preventDefault(); d.range.extend(...ARROW[e.key]); }
    else if (mod && key === 'd') { e.preventDefault(); void fillDown(d.ctx()); }
    else if (mod && key === 'a') { e.preventDefault(); d.range.selectAll(); }
    else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) { e.preventDefault(); void clearRange(d.ctx()); }
    else if (e.altKey && e.key === 'ArrowDown') {
      // Alt+↓ opens the cell's list, as in Excel; F2 and a double click open any editor.
      const f = a.getFocusedCell();
      if (f && d.editable.has(f.column.getColId())) { e.preventDefault(); a.startEditingCell({ rowIndex: f.rowIndex, colKey: f.column }); }
    }
  };

  return { onKeyDownCapture, onKeyDown };
}
