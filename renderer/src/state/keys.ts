// The window's own keys, wherever the focus is: Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) undo and redo the last step of
// this window, except inside a text box being edited, where they undo typing; Ctrl+F goes to the search box; F6 and
// Shift+F6 move between the plan tree, the grid and the detail panel. A dialog that is open keeps them to itself.
import { useEffect, useRef } from 'react';

const TEXT_INPUTS = new Set(['text', 'search', 'number', 'date', 'email', 'tel', 'url', 'password', '']);

/** A place where Ctrl+Z belongs to the typing: a text box, a text area, an editable element, a cell editor. */
export function editingText(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t instanceof HTMLTextAreaElement) return true;
  if (t instanceof HTMLInputElement) return TEXT_INPUTS.has(t.type) && !t.readOnly && !t.disabled;
  return !!t.closest('.ag-cell-inline-editing, .ag-popup-editor');
}

export interface WindowKeys {
  undo(): void; redo(): void; search(): void;
  /** The panes F6 moves between, in order; a pane that is folded or absent is passed over. */
  panes(): { el: HTMLElement | null; focus(): void }[];
}

export function useWindowKeys(keys: WindowKeys): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('.dlg-backdrop')) return;
      const k = latest.current;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (e.key === 'F6') {
        e.preventDefault();
        const panes = k.panes().filter((p) => p.el && p.el.offsetParent !== null);
        if (!panes.length) return;
        const at = panes.findIndex((p) => p.el!.contains(document.activeElement));
        const next = at < 0 ? (e.shiftKey ? panes.length - 1 : 0) : (at + (e.shiftKey ? panes.length - 1 : 1)) % panes.length;
        panes[next].focus();
        return;
      }
      if (!mod || e.altKey) return;
      if (key === 'f' && !e.shiftKey) { e.preventDefault(); k.search(); return; }
      if (key !== 'z' && key !== 'y') return;
      if (editingText(e.target)) return;
      // Not the browser's: its undo would take back the last typing in some text box instead of the last step.
      e.preventDefault();
      if (key === 'z' && !e.shiftKey) k.undo(); else k.redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
