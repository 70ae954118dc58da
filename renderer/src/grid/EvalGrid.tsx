// The spreadsheet-like grid both tabs use: loads its rows, edits cells through one undoable path, keeps a cell range
// (copy, paste, fill down, clear), groups by plan and chapter, takes Chinese input methods, and shows a status bar.
import { useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type {
  ColDef, CellEditRequestEvent, GridApi, SuppressKeyboardEventParams, CellClassParams, CellFocusedEvent, PostSortRowsParams, IRowNode,
  SelectionChangedEvent, ModelUpdatedEvent, GridReadyEvent,
} from 'ag-grid-community';
import type { Settings } from '../../../contract';
import { commonGridProps, spreadsheetKey } from './common';
import { withGroups, regroup, visibleUnder, isGroup, type GroupRow } from './grouping';
import { inBox, nextDataRow, type RangeBox } from './range';
import { useRange } from './useRange';
import { copyRange, pasteText, fillDown, clearRange, commit, type Ctx } from './commands';
import { captureComposition, isImeKey } from './ime';
import { GroupHeader, type GroupContext } from './GroupHeader';
import { evalValue, type GridSpec } from './spec';
import { onChanged, bulkSet } from '../state/changes';
import type { Filters } from '../state/filters';
import { toast, toastError } from '../toast';
import { firstPageAnswered } from '../state/startup';
import { loadPages, QUIET_AFTER_INPUT_MS } from './pages';
import { replaceById } from './held';

export interface GridHandle { api: GridApi; displayedIds(): string[]; targetIds(): string[] }

export interface GridViewProps<R> {
  roundId: number; compareRoundId?: number; filters: Filters; grouping: boolean; settings: Settings;
  onSelect(row: R | null): void; onReady(h: GridHandle | null): void;
}
type Props<T extends { id: string }> = Omit<GridViewProps<T>, 'compareRoundId'> & { spec: GridSpec<T> };

const ARROW: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
const inEditor = (t: EventTarget | null) => t instanceof HTMLElement && !!t.closest('input, textarea, select, .ag-cell-inline-editing, .ag-popup-editor');

export function EvalGrid<T extends { id: string }>({ spec, roundId, settings, grouping, filters, onSelect, onReady }: Props<T>) {
  const [data, setData] = useState<T[] | null>(null);
  const [checked, setChecked] = useState(0);
  const [shown, setShown] = useState(0);
  const hostRef = useRef<HTMLDivElement>(null);
  /** When the user last pressed a key or the pointer in the grid: pages wait while the user is at work. */
  const lastInput = useRef(-Infinity);
  const context = useMemo(() => ({
    box: { r1: -1, r2: -1, cols: new Set<string>(), multi: false } as RangeBox, collapsed: new Set<string>(), toggle: (_: string) => {},
    choose: (_id: string, _field: string, _value: string | null): Promise<unknown> | undefined => undefined,
  }), []);
  const range = useRange(context);
  const api = () => range.apiRef.current;

  // The first page paints at once; the rest of a large set follows in the background, page by page.
  const [total, setTotal] = useState<number | null>(null);
  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    let stale = false;
    const f = JSON.parse(filterKey) as Filters;
    const loadAll = () => loadPages<T>({
      load: (page) => (page.offset === 0 ? spec.load(f, page).finally(firstPageAnswered) : spec.load(f, page)),
      first: (page) => { setData(page.rows); setTotal(page.total); },
      // Appended to what the grid holds now, so rows refreshed in place meanwhile (an edit, an undo) stay fresh.
      more: (rows) => setData((cur) => (cur ?? []).concat(rows)),
      editing: () => !!api()?.getEditingCells().length || performance.now() - lastInput.current < QUIET_AFTER_INPUT_MS,
      stale: () => stale,
    });
    const t = setTimeout(() => loadAll().catch(toastError), filters.search ? 200 : 0);
    return () => { stale = true; clearTimeout(t); };
  }, [spec, filterKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // Rows changed anywhere (an edit here, the detail panel, undo, a restore) are fetched again and updated in place by id.
  useEffect(() => onChanged(async (c) => {
    const ids = new Set(spec.entity === 'task' ? c.tasks : c.targets);
    if (!ids.size || c.roundId != null && c.roundId !== roundId) return;
    try {
      const fresh = await spec.fetch([...ids]);
      const byId = new Map(fresh.map((r) => [r.id, r]));
      // Each row node takes its fresh data where it stands, as in a spreadsheet (rows do not jump after an edit), and the
      // lists the grid was given take the fresh objects too. A new list, or a transaction, would make the grid walk
      // every one of 100 000 rows after each edit.
      const a = api();
      const held = [dataRef.current, latest.current.groups?.rows].filter((x): x is (T | GroupRow)[] => !!x);
      for (const list of held) replaceById<T | GroupRow>(list, byId);
      if (a && !a.isDestroyed()) for (const r of fresh) a.getRowNode(r.id)?.setData(r);
    } catch (e) { toastError(e); }
  }), [spec, roundId]);

  const dataRef = useRef(data);
  dataRef.current = data;
  const groups = useMemo(() => (grouping && data ? withGroups(data, spec.groupOf) : null), [grouping, data, spec]);
  const rowData = groups ? groups.rows : data;

  context.toggle = (key: string) => {
    if (context.collapsed.has(key)) context.collapsed.delete(key); else context.collapsed.add(key);
    const a = api();
    a?.onFilterChanged();
    const node = a?.getRowNode(`g:${key}`);
    if (node) a?.redrawRows({ rowNodes: [node] });
  };

  const editable = useMemo(() => new Set(spec.editable), [spec]);
  const ctx = (): Ctx<T> => ({ api: api()!, spec, roundId, range: range.rangeRef.current });

  const columns = useMemo<ColDef<T>[]>(() => spec.columns.map((c) => (editable.has(c.colId ?? '') ? { ...c, editable: true, cellClass: 'pr-editable' } : c)), [spec, editable]);
  const defaultColDef = useMemo<ColDef<T>>(() => ({
    sortable: true, resizable: true, filter: !grouping, cellDataType: false,
    suppressKeyboardEvent: (p: SuppressKeyboardEventParams) => !p.editing && spreadsheetKey(p.event),
    cellClassRules: { 'pr-range': (p: CellClassParams) => inBox((p.context as { box: RangeBox }).box, p.node.rowIndex, p.column.getColId()) },
  }), [grouping]);

  useEffect(() => {
    const a = api();
    if (a && grouping) a.setFilterModel(null);
  }, [grouping]);

  /** One cell edited in place, from a cell editor or a choice list; an unchanged value sends nothing. */
  const editCell = (row: T | undefined, field: string, value: string | number | null) => {
    if (!editable.has(field) || !row) return undefined;
    if ((evalValue(row, field) ?? '') === (value ?? '')) return undefined;
    return commit(ctx(), [{ id: row.id, field, value }], 'edit');
  };
  const onCellEditRequest = (e: CellEditRequestEvent<T>) =>
    void editCell(e.data, e.colDef.colId ?? '', e.newValue === undefined ? null : (e.newValue as string | number | null));
  context.choose = (id: string, field: string, value: string | null) => editCell(api()?.getRowNode(id)?.data, field, value);

  const selectedIds = (): string[] => {
    const a = api();
    if (!a) return [];
    const rows = a.getSelectedRows().filter((r) => !isGroup(r)) as T[];
    if (rows.length) return rows.map((r) => r.id);
    const box = context.box;
    const ids: string[] = [];
    for (let i = Math.max(0, box.r1); i <= box.r2; i++) {
      const n = a.getDisplayedRowAtIndex(i);
      if (n?.data && !isGroup(n.data)) ids.push(n.id!);
    }
    if (!ids.length) { const f = a.getFocusedCell(); const n = f ? a.getDisplayedRowAtIndex(f.rowIndex) : null; if (n?.data && !isGroup(n.data)) ids.push(n.id!); }
    return ids;
  };

  const applyBulk = async (value: string) => {
    if (!spec.bulk || !value) return;
    const ids = selectedIds();
    if (!ids.length) { toast('请先勾选行,或在表格中选中一些单元格', 'error'); return; }
    try {
      const n = await bulkSet(spec.entity, roundId, ids, spec.bulk.field, value);
      toast(`已将 ${ids.length} 行的${spec.bulk.label}设为「${value}」(改动 ${n} 行)`, 'success');
    } catch (e) { toastError(e); }
  };

  const displayedIds = (): string[] => {
    const ids: string[] = [];
    api()?.forEachNodeAfterFilterAndSort((n) => { if (n.data && !isGroup(n.data)) ids.push(n.id!); });
    return ids;
  };

  const onKeyDownCapture = (e: React.KeyboardEvent) => {
    lastInput.current = performance.now();
    range.noteKey(e);
    const a = api();
    const cell = (e.target as HTMLElement).closest?.('.ag-cell') as HTMLElement | null;
    if (!a || !isImeKey(e.nativeEvent) || !cell || a.getEditingCells().length) return;
    const f = a.getFocusedCell();
    const node = f ? a.getDisplayedRowAtIndex(f.rowIndex) : null;
    const field = f?.column.getColId() ?? '';
    if (!f || !node?.data || isGroup(node.data) || !editable.has(field)) return;
    captureComposition(hostRef.current!, cell, (text, move) => {
      a.setFocusedCell(move === 'down' ? nextDataRow(a, f.rowIndex, 1) ?? f.rowIndex : f.rowIndex, field);
      if (move === 'right') a.tabToNextCell();
      if (text != null && text !== (evalValue(node.data, field) ?? '')) void commit(ctx(), [{ id: node.id!, field, value: text }], 'edit');
    });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const a = api();
    if (!a || inEditor(e.target) || a.getEditingCells().length) return;
    const t = e.target as HTMLElement;
    if (t.classList.contains('ag-full-width-row') && (e.key === 'Enter' || e.key === ' ')) {
      const id = t.getAttribute('row-id') ?? '';
      if (id.startsWith('g:')) { e.preventDefault(); context.toggle(id.slice(2)); }
      return;
    }
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (e.shiftKey && ARROW[e.key]) { e.preventDefault(); range.extend(...ARROW[e.key]); }
    else if (mod && key === 'd') { e.preventDefault(); void fillDown(ctx()); }
    else if (mod && key === 'a') { e.preventDefault(); range.selectAll(); }
    else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) { e.preventDefault(); void clearRange(ctx()); }
    else if (e.altKey && e.key === 'ArrowDown') {
      // Alt+↓ opens the cell's list, as in Excel; F2 and a double click open any editor.
      const f = a.getFocusedCell();
      if (f && editable.has(f.column.getColId())) { e.preventDefault(); a.startEditingCell({ rowIndex: f.rowIndex, colKey: f.column }); }
    }
  };

  // Copy and paste arrive as the browser's clipboard events while focus is on a cell: Excel reads and writes TSV.
  useEffect(() => {
    const ours = () => {
      const el = document.activeElement;
      const a = api();
      return !!a && !!hostRef.current?.contains(el) && !inEditor(el) && !a.getEditingCells().length;
    };
    const onCopy = (e: ClipboardEvent) => {
      if (!ours()) return;
      const out = copyRange(ctx());
      if (!out) return;
      e.preventDefault();
      e.clipboardData?.setData('text/plain', out.text);
      toast(`已复制 ${out.rows} 行 × ${out.cols} 列`);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (!ours()) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      e.preventDefault();
      if (text) void pasteText(ctx(), text);
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => { document.removeEventListener('copy', onCopy); document.removeEventListener('paste', onPaste); };
  });

  const onFocused = (e: CellFocusedEvent<T>) => {
    range.onCellFocused(e);
    const node = e.rowIndex != null ? e.api.getDisplayedRowAtIndex(e.rowIndex) : null;
    if (node?.data && !isGroup(node.data)) onSelect(node.data as T);
  };

  const base = useMemo(() => commonGridProps<T>(spec.grid, settings.layouts), [spec.grid, settings.layouts]);

  // The grid treats a changed callback as a changed option (and sorts or filters again): they are made once and read
  // what they need through `latest`.
  const latest = useRef({ groups, onCellEditRequest, onFocused, displayedIds, selectedIds, onReady, base });
  latest.current = { groups, onCellEditRequest, onFocused, displayedIds, selectedIds, onReady, base };
  const handlers = useMemo(() => ({
    isFullWidthRow: (p: { rowNode: { data?: unknown } }) => isGroup(p.rowNode.data),
    fullWidthCellRenderer: GroupHeader,
    postSortRows: (p: PostSortRowsParams<T>) => { const g = latest.current.groups; if (g) regroup(g, p as PostSortRowsParams); },
    isExternalFilterPresent: () => !!latest.current.groups && context.collapsed.size > 0,
    doesExternalFilterPass: (n: IRowNode<T>) => { const g = latest.current.groups; return !g || visibleUnder(g, context.collapsed, n.data as T | GroupRow); },
    onCellEditRequest: (e: CellEditRequestEvent<T>) => latest.current.onCellEditRequest(e),
    onCellFocused: (e: CellFocusedEvent<T>) => latest.current.onFocused(e),
    onCellMouseDown: range.onCellMouseDown,
    onCellMouseOver: range.onCellMouseOver,
    onSelectionChanged: (e: SelectionChangedEvent<T>) => setChecked(e.api.getSelectedRows().length),
    onModelUpdated: (e: ModelUpdatedEvent<T>) => {
      if (e.api.isDestroyed()) return;
      range.keepFocus(!!hostRef.current?.contains(document.activeElement));
      setShown(latest.current.displayedIds().length);
      range.redraw();
    },
    onGridReady: (e: GridReadyEvent<T>) => {
      range.apiRef.current = e.api as GridApi;
      latest.current.base.onGridReady?.(e);
      latest.current.onReady?.({ api: e.api as GridApi, displayedIds: () => latest.current.displayedIds(), targetIds: () => latest.current.selectedIds() });
    },
    onGridPreDestroyed: () => { range.apiRef.current = null; latest.current.onReady?.(null); },
  }), [context, range.onCellMouseDown, range.onCellMouseOver, range.redraw, range.keepFocus, range.apiRef]);

  return (
    <div className="grid-wrap">
      <div className="grid-bar">
        {spec.bulk && (
          <label className="field bulk">
            <span>批量设置{spec.bulk.label}</span>
            <select aria-label={`批量设置${spec.bulk.label}`} value="" onChange={(e) => void applyBulk(e.target.value)}>
              <option value="">选择后应用到选中行…</option>
              {spec.bulk.options.map((o) => <option key={o} value={o}>{o}</option>)}
            </select>
          </label>
        )}
        <span className="hint">Shift+方向键或 Shift+点击选区 · Ctrl+C/V 复制粘贴 · Ctrl+D 向下填充 · Ctrl+Z/Y 撤销重做</span>
      </div>
      <div className="grid" ref={hostRef} onKeyDownCapture={onKeyDownCapture} onKeyDown={onKeyDown}
        onPointerDownCapture={() => { lastInput.current = performance.now(); }} {...range.mouseProps}>
        <AgGridReact<T>
          {...base}
          {...handlers}
          context={context as unknown as GroupContext}
          rowData={rowData as T[] | null}
          columnDefs={columns}
          defaultColDef={defaultColDef}
          overlayNoRowsTemplate={`<span>没有符合条件的${spec.noun.slice(1)}</span>`}
        />
      </div>
      <footer className="status-bar" aria-label="状态栏">
        <span>显示 {shown} / 共 {total ?? data?.length ?? 0} {spec.noun}{total != null && data && data.length < total ? `(正在载入 ${data.length}…)` : ''}</span>
        <span>已勾选 {checked} 行</span>
        <span>选区 {range.size.rows} 行 × {range.size.cols} 列{range.size.rows * range.size.cols > 1 ? `(${range.size.rows * range.size.cols} 个单元格)` : ''}</span>
        {grouping && <span>按规划与章节分组</span>}
      </footer>
    </div>
  );
}
