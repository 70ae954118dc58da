// The grid's cell range: started by a click or arrow keys, extended by Shift+arrows, Shift+click or dragging, drawn by
// the cells' class rule, and recomputed after every sort or filter since it is kept by row and column id.
import { useCallback, useRef, useState } from 'react';
import type { GridApi, CellFocusedEvent, CellMouseDownEvent, CellMouseOverEvent, Column } from 'ag-grid-community';
import { boxOf, covered, dataColumns, nextDataRow, SELECTION_COL, type CellRef, type Range, type RangeBox } from './range';
import { isGroup } from './grouping';

export interface RangeSize { rows: number; cols: number }

export function useRange(context: { box: RangeBox }) {
  const apiRef = useRef<GridApi | null>(null);
  const rangeRef = useRef<Range | null>(null);
  const mouse = useRef({ shift: false, down: false });
  const [size, setSize] = useState<RangeSize>({ rows: 0, cols: 0 });

  const redraw = useCallback(() => {
    const api = apiRef.current;
    if (!api || api.isDestroyed()) return;
    const before = context.box.multi;
    context.box = boxOf(api, rangeRef.current);
    if (before || context.box.multi) api.refreshCells({ force: true });
    const c = covered(api, rangeRef.current);
    setSize({ rows: c?.rows.length ?? 0, cols: c?.cols.length ?? 0 });
  }, [context]);

  const setRange = useCallback((r: Range | null) => { rangeRef.current = r; redraw(); }, [redraw]);

  /** The focused cell's displayed index and row id as of the last report or model update. */
  const held = useRef<{ index: number; rowId: string; colId: string } | null>(null);
  const hold = (api: GridApi) => {
    const f = api.getFocusedCell();
    const id = f ? api.getDisplayedRowAtIndex(f.rowIndex)?.id : undefined;
    held.current = f && id ? { index: f.rowIndex, rowId: id, colId: f.column.getColId() } : null;
  };

  /**
   * The grid keeps its focus by displayed index. When rows come in above it (a page sorted in, a filter, a regroup),
   * the index points at another row and the next key would edit that one. The focus goes back to its row by id, as the
   * range is kept; a row filtered away takes the focus with it. A focus the user moved meanwhile is left where it is.
   */
  const keepFocus = useCallback((gridHasFocus: boolean) => {
    const api = apiRef.current;
    if (!api || api.isDestroyed()) return;
    const was = held.current;
    const f = api.getFocusedCell();
    if (was && f && f.rowIndex === was.index && f.column.getColId() === was.colId && api.getDisplayedRowAtIndex(f.rowIndex)?.id !== was.rowId) {
      const at = api.getRowNode(was.rowId)?.rowIndex;
      if (at == null || !gridHasFocus) api.clearFocusedCell();
      else {
        api.ensureIndexVisible(at);
        api.setFocusedCell(at, was.colId);
      }
    }
    hold(api);
  }, []);

  const cellOf = (api: GridApi, rowIndex: number | null | undefined, col: Column | string | null | undefined) => {
    const node = rowIndex != null ? api.getDisplayedRowAtIndex(rowIndex) : null;
    const colId = typeof col === 'string' ? col : col?.getColId();
    if (!node?.data || isGroup(node.data) || !colId || colId === SELECTION_COL) return null;
    return { rowId: node.id!, colId };
  };

  /** The cell the grid holds the focus on now, by row and column id. */
  const focusedNow = (api: GridApi) => {
    const f = api.getFocusedCell();
    return f ? cellOf(api, f.rowIndex, f.column as Column) : null;
  };
  const sameCell = (a: CellRef | null | undefined, b: CellRef | null | undefined) => !!a && !!b && a.rowId === b.rowId && a.colId === b.colId;

  // The grid reports a focus change some time after it made it: by then a key may have moved the focus again (Enter
  // moves down, then Shift+→ extends from there). A report of a cell that no longer holds the focus is passed over,
  // so a late report never resets the range that a later key made.
  const onCellFocused = useCallback((e: CellFocusedEvent) => {
    const cell = cellOf(e.api, e.rowIndex, e.column as Column | string | null);
    if (!cell || !sameCell(cell, focusedNow(e.api))) return;
    hold(e.api);
    const r = rangeRef.current;
    if (r && sameCell(r.focus, cell)) return;
    setRange(mouse.current.shift && r ? { anchor: r.anchor, focus: cell } : { anchor: cell, focus: cell });
  }, [setRange]);

  const onCellMouseDown = useCallback((e: CellMouseDownEvent) => {
    mouse.current.down = !(e.event as MouseEvent | undefined)?.shiftKey;
  }, []);

  const onCellMouseOver = useCallback((e: CellMouseOverEvent) => {
    const ev = e.event as MouseEvent | undefined;
    const r = rangeRef.current;
    if (!mouse.current.down || !ev || !(ev.buttons & 1) || !r) return;
    const cell = cellOf(e.api, e.rowIndex, e.column);
    if (cell && (cell.rowId !== r.focus.rowId || cell.colId !== r.focus.colId)) setRange({ anchor: r.anchor, focus: cell });
  }, [setRange]);

  /** Shift+arrow: moves the range's free end and the focus with it. */
  const extend = useCallback((dRow: number, dCol: number) => {
    const api = apiRef.current;
    const f = api?.getFocusedCell();
    if (!api || !f || f.rowIndex == null) return;
    const cols = dataColumns(api);
    let ci = cols.findIndex((c) => c.getColId() === f.column.getColId());
    if (ci < 0) return;
    let ri: number | null = f.rowIndex;
    if (dRow) ri = nextDataRow(api, f.rowIndex, dRow);
    if (ri == null) return;
    ci = Math.min(cols.length - 1, Math.max(0, ci + dCol));
    const here = cellOf(api, f.rowIndex, f.column as Column);
    const to = cellOf(api, ri, cols[ci]);
    if (!to) return;
    // The range goes on from where it ends only while its end still holds the focus; after the focus moved without
    // a report yet (Enter after an edit), the range starts anew at the focused cell.
    const r = rangeRef.current;
    const anchor = (r && sameCell(r.focus, here) ? r.anchor : here) ?? to;
    setRange({ anchor, focus: to });
    api.ensureIndexVisible(ri);
    api.ensureColumnVisible(to.colId);
    api.setFocusedCell(ri, to.colId);
  }, [setRange]);

  /** Ctrl+A: every displayed data row and column. */
  const selectAll = useCallback(() => {
    const api = apiRef.current;
    if (!api) return;
    const cols = dataColumns(api);
    const first = nextDataRow(api, -1, 1);
    const last = nextDataRow(api, api.getDisplayedRowCount(), -1);
    if (first == null || last == null || !cols.length) return;
    setRange({
      anchor: { rowId: api.getDisplayedRowAtIndex(first)!.id!, colId: cols[0].getColId() },
      focus: { rowId: api.getDisplayedRowAtIndex(last)!.id!, colId: cols[cols.length - 1].getColId() },
    });
  }, [setRange]);

  // The grid reports the focus of a click after the button is up, so the Shift of the click is kept until a key is used.
  const mouseProps = {
    onMouseDownCapture: (e: React.MouseEvent) => { mouse.current.shift = e.shiftKey; },
    onMouseUp: () => { mouse.current.down = false; },
  };
  const noteKey = (e: React.KeyboardEvent) => { if (!['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) mouse.current.shift = false; };

  return { apiRef, rangeRef, size, redraw, keepFocus, setRange, extend, selectAll, onCellFocused, onCellMouseDown, onCellMouseOver, mouseProps, noteKey };
}
