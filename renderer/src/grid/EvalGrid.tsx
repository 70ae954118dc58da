// The spreadsheet-like grid both tabs use, composed of one concern per piece: its rows (useRowData), the cell range
// (useRange), keys (useGridKeys), the clipboard (useClipboard), its columns (columns.ts), grouping by plan and chapter,
// the bulk and status bars. Cell edits go through one undoable path (commands.commit). The detail panel is told the
// focused row whenever it changes, and nothing once the filters change; the search words are marked in the cells.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type {
  ColDef, CellEditRequestEvent, GridApi, SuppressKeyboardEventParams, CellFocusedEvent, PostSortRowsParams, IRowNode,
  SelectionChangedEvent, ModelUpdatedEvent, GridReadyEvent, CellDoubleClickedEvent,
} from 'ag-grid-community';
import type { Settings } from '../../../contract';
import { commonGridProps, spreadsheetKey } from './common';
import { withGroups, regroup, visibleUnder, isGroup } from './grouping';
import type { RangeBox } from './range';
import { useRange } from './useRange';
import { useRowData } from './useRowData';
import { useGridKeys } from './useGridKeys';
import { useClipboard } from './useClipboard';
import { selectedIds, displayedIds } from './selection';
import { BulkBar, StatusBar } from './GridBars';
import { commit, type Ctx } from './commands';
import { GroupHeader, type GroupContext } from './GroupHeader';
import { gridColumns, placeCompareColumns } from './columns';
import { readOnlyReason, showCellTip } from './readonly';
import { cellValue, type GridSpec } from './spec';
import { searchTerms } from '../state/highlight';
import type { Filters } from '../state/filters';

export interface GridHandle { api: GridApi; displayedIds(): string[]; targetIds(): string[]; focus(): void }

export interface GridViewProps<R> {
  roundId: number; compareRoundId?: number; compareName?: string; filters: Filters; grouping: boolean; settings: Settings;
  /** Rows grow to show all their text. */
  grow: boolean; onGrow(grow: boolean): void;
  onSelect(row: R | null): void; onReady(h: GridHandle | null): void;
  /** A new value reads the rows again (rows were added, deleted or moved), keeping the grid as it stands. */
  reload?: number;
  /** What to show instead of an empty grid (no plans yet, nothing for these filters). */
  empty?: ReactNode;
  /** More controls at the end of the bar above the grid (the saved views). */
  barEnd?: ReactNode;
}
type Props<T extends { id: string }> = Omit<GridViewProps<T>, 'compareRoundId' | 'compareName'> & { spec: GridSpec<T> };

export function EvalGrid<T extends { id: string }>({ spec, roundId, settings, grouping, filters, grow, onGrow, onSelect, onReady, empty, barEnd, reload }: Props<T>) {
  const [checked, setChecked] = useState(0);
  const [shown, setShown] = useState(0);
  const hostRef = useRef<HTMLDivElement>(null);
  const context = useMemo(() => ({
    box: { r1: -1, r2: -1, cols: new Set<string>(), multi: false } as RangeBox, collapsed: new Set<string>(), toggle: (_: string) => {},
    choose: (_id: string, _field: string, _value: string | null): Promise<unknown> | undefined => undefined,
    terms: [] as string[],
  }), []);
  const range = useRange(context);
  const api = () => range.apiRef.current;
  const groupsRef = useRef<ReturnType<typeof withGroups<T>> | null>(null);
  const { data, total, lastInput } = useRowData(spec, filters, roundId, api, () => groupsRef.current?.rows, reload);
  const groups = useMemo(() => (grouping && data ? withGroups(data, spec.groupOf) : null), [grouping, data, spec]);
  groupsRef.current = groups;

  context.toggle = (key: string) => {
    if (context.collapsed.has(key)) context.collapsed.delete(key); else context.collapsed.add(key);
    const a = api();
    a?.onFilterChanged();
    const node = a?.getRowNode(`g:${key}`);
    if (node) a?.redrawRows({ rowNodes: [node] });
  };

  const editable = useMemo(() => new Set(spec.editable), [spec]);
  const ctx = (): Ctx<T> => ({ api: api()!, spec, roundId, range: range.rangeRef.current });

  const columns = useMemo<ColDef<T>[]>(() => gridColumns(spec.columns, editable, grow), [spec, editable, grow]);
  const defaultColDef = useMemo<ColDef<T>>(() => ({
    sortable: true, resizable: true, filter: !grouping, cellDataType: false,
    suppressKeyboardEvent: (p: SuppressKeyboardEventParams) => !p.editing && spreadsheetKey(p.event),
  }), [grouping]);

  useEffect(() => {
    const a = api();
    if (a && grouping) a.setFilterModel(null);
  }, [grouping]); // eslint-disable-line react-hooks/exhaustive-deps

  // The comparison columns stay beside their own columns, whatever order the saved layout had.
  useEffect(() => { const a = api(); if (a && !a.isDestroyed()) placeCompareColumns(a); }, [columns]); // eslint-disable-line react-hooks/exhaustive-deps

  // New filters or a new search: the old focus and the detail panel's row are gone; the new words are marked.
  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    const a = api();
    if (a && !a.isDestroyed()) a.clearFocusedCell();
    onSelect(null);
  }, [filterKey, spec]); // eslint-disable-line react-hooks/exhaustive-deps
  // The cells take the words when the rows of the new search arrive; a row already drawn with the same text is
  // drawn again then, once, so its marks follow the words.
  useEffect(() => {
    const terms = searchTerms(filters.search);
    if (terms.join('\u0000') === context.terms.join('\u0000')) return;
    context.terms = terms;
    const a = api();
    if (a && !a.isDestroyed()) a.refreshCells({ force: true });
  }, [data]); // eslint-disable-line react-hooks/exhaustive-deps

  /** One cell edited in place, from a cell editor or a choice list; an unchanged value sends nothing. */
  const editCell = (row: T | undefined, field: string, value: string | number | null) => {
    if (!editable.has(field) || !row) return undefined;
    if ((cellValue(spec, row, field) ?? '') === (value ?? '')) return undefined;
    return commit(ctx(), [{ id: row.id, field, value }], 'edit');
  };
  context.choose = (id: string, field: string, value: string | null) => editCell(api()?.getRowNode(id)?.data, field, value);

  const keys = useGridKeys<T>({ api, ctx, editable, host: hostRef, lastInput, range, toggleGroup: (k) => context.toggle(k) });
  useClipboard<T>(hostRef, api, ctx);

  /** The detail panel shows the row of the focused cell, and nothing when no data row has the focus. */
  const reportFocus = (a: GridApi) => {
    const f = a.getFocusedCell();
    const node = f ? a.getDisplayedRowAtIndex(f.rowIndex) : null;
    onSelect(node?.data && !isGroup(node.data) ? (node.data as T) : null);
  };
  const onFocused = (e: CellFocusedEvent<T>) => {
    range.onCellFocused(e);
    reportFocus(e.api as GridApi);
  };
  const onCellEditRequest = (e: CellEditRequestEvent<T>) =>
    void editCell(e.data, e.colDef.colId ?? '', e.newValue === undefined ? null : (e.newValue as string | number | null));
  const onDoubleClick = (e: CellDoubleClickedEvent<T>) => {
    const why = readOnlyReason(e.api as GridApi, editable);
    if (why && hostRef.current) showCellTip(hostRef.current, why);
  };
  const targetIds = () => selectedIds(api(), context.box);

  const base = useMemo(() => commonGridProps<T>(spec.grid, settings.layouts), [spec.grid, settings.layouts]);

  // The grid treats a changed callback as a changed option (and sorts or filters again): they are made once and read
  // what they need through `latest`.
  const latest = useRef({ groups, onCellEditRequest, onFocused, onDoubleClick, reportFocus, targetIds, onReady, base });
  latest.current = { groups, onCellEditRequest, onFocused, onDoubleClick, reportFocus, targetIds, onReady, base };
  const handlers = useMemo(() => ({
    isFullWidthRow: (p: { rowNode: { data?: unknown } }) => isGroup(p.rowNode.data),
    fullWidthCellRenderer: GroupHeader,
    postSortRows: (p: PostSortRowsParams<T>) => { const g = latest.current.groups; if (g) regroup(g, p as PostSortRowsParams); },
    isExternalFilterPresent: () => !!latest.current.groups && context.collapsed.size > 0,
    doesExternalFilterPass: (n: IRowNode<T>) => { const g = latest.current.groups; return !g || visibleUnder(g, context.collapsed, n.data as T); },
    onCellEditRequest: (e: CellEditRequestEvent<T>) => latest.current.onCellEditRequest(e),
    onCellFocused: (e: CellFocusedEvent<T>) => latest.current.onFocused(e),
    onCellDoubleClicked: (e: CellDoubleClickedEvent<T>) => latest.current.onDoubleClick(e),
    onCellMouseDown: range.onCellMouseDown,
    onCellMouseOver: range.onCellMouseOver,
    onSelectionChanged: (e: SelectionChangedEvent<T>) => setChecked(e.api.getSelectedRows().length),
    onModelUpdated: (e: ModelUpdatedEvent<T>) => {
      if (e.api.isDestroyed()) return;
      range.keepFocus(!!hostRef.current?.contains(document.activeElement));
      latest.current.reportFocus(e.api as GridApi);
      setShown(displayedIds(e.api as GridApi).length);
      range.redraw();
    },
    onGridReady: (e: GridReadyEvent<T>) => {
      range.apiRef.current = e.api as GridApi;
      latest.current.base.onGridReady?.(e);
      placeCompareColumns(e.api as GridApi);
      latest.current.onReady?.({
        api: e.api as GridApi, displayedIds: () => displayedIds(range.apiRef.current), targetIds: () => latest.current.targetIds(),
        focus: () => focusGrid(range.apiRef.current),
      });
    },
    onGridPreDestroyed: () => { range.apiRef.current = null; latest.current.onReady?.(null); },
  }), [context, range.onCellMouseDown, range.onCellMouseOver, range.redraw, range.keepFocus, range.apiRef]);

  const noRows = data != null && shown === 0;
  return (
    <div className="grid-wrap">
      <BulkBar spec={spec} roundId={roundId} targetIds={targetIds} api={api} grow={grow} onGrow={onGrow}>{barEnd}</BulkBar>
      <div className="grid" ref={hostRef} onKeyDownCapture={keys.onKeyDownCapture} onKeyDown={keys.onKeyDown}
        onPointerDownCapture={() => { lastInput.current = performance.now(); }} {...range.mouseProps}>
        <AgGridReact<T>
          {...base}
          {...handlers}
          context={context as unknown as GroupContext}
          rowData={(groups ? groups.rows : data) as T[] | null}
          columnDefs={columns}
          defaultColDef={defaultColDef}
          suppressNoRowsOverlay
        />
        {noRows && empty && <div className="grid-empty" role="status">{empty}</div>}
      </div>
      <StatusBar noun={spec.noun} shown={shown} total={total} loaded={data?.length ?? 0} checked={checked} range={range.size} grouping={grouping} />
    </div>
  );
}

/** F6 into the grid: to its focused cell, else to the first cell of the first data row. */
function focusGrid(api: GridApi | null): void {
  if (!api || api.isDestroyed()) return;
  const f = api.getFocusedCell();
  const col = f?.column ?? api.getAllDisplayedColumns().find((c) => c.getColId() !== 'ag-Grid-SelectionColumn');
  let row = f?.rowIndex ?? 0;
  while (row < api.getDisplayedRowCount() && isGroup(api.getDisplayedRowAtIndex(row)?.data)) row++;
  if (!col || row >= api.getDisplayedRowCount()) return;
  api.ensureIndexVisible(row);
  api.setFocusedCell(row, col);
}
