// The spreadsheet-like grid both tabs use, composed of one concern per piece: its rows (useRowData), the cell range
// (useRange), keys (useGridKeys), the clipboard (useClipboard), grouping by plan and chapter, the bulk and status bars.
// Cell edits go through one undoable path (commands.commit).
import { useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type {
  ColDef, CellEditRequestEvent, GridApi, SuppressKeyboardEventParams, CellClassParams, CellFocusedEvent, PostSortRowsParams, IRowNode,
  SelectionChangedEvent, ModelUpdatedEvent, GridReadyEvent,
} from 'ag-grid-community';
import type { Settings } from '../../../contract';
import { commonGridProps, spreadsheetKey } from './common';
import { withGroups, regroup, visibleUnder, isGroup } from './grouping';
import { inBox, type RangeBox } from './range';
import { useRange } from './useRange';
import { useRowData } from './useRowData';
import { useGridKeys } from './useGridKeys';
import { useClipboard } from './useClipboard';
import { selectedIds, displayedIds } from './selection';
import { BulkBar, StatusBar } from './GridBars';
import { commit, type Ctx } from './commands';
import { GroupHeader, type GroupContext } from './GroupHeader';
import { cellValue, type GridSpec } from './spec';
import type { Filters } from '../state/filters';

export interface GridHandle { api: GridApi; displayedIds(): string[]; targetIds(): string[] }

export interface GridViewProps<R> {
  roundId: number; compareRoundId?: number; filters: Filters; grouping: boolean; settings: Settings;
  onSelect(row: R | null): void; onReady(h: GridHandle | null): void;
  /** A new value reads the rows again (rows were added, deleted or moved), keeping the grid as it stands. */
  reload?: number;
}
type Props<T extends { id: string }> = Omit<GridViewProps<T>, 'compareRoundId'> & { spec: GridSpec<T> };

export function EvalGrid<T extends { id: string }>({ spec, roundId, settings, grouping, filters, onSelect, onReady, reload }: Props<T>) {
  const [checked, setChecked] = useState(0);
  const [shown, setShown] = useState(0);
  const hostRef = useRef<HTMLDivElement>(null);
  const context = useMemo(() => ({
    box: { r1: -1, r2: -1, cols: new Set<string>(), multi: false } as RangeBox, collapsed: new Set<string>(), toggle: (_: string) => {},
    choose: (_id: string, _field: string, _value: string | null): Promise<unknown> | undefined => undefined,
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

  const columns = useMemo<ColDef<T>[]>(() => spec.columns.map((c) => (editable.has(c.colId ?? '') ? { ...c, editable: true, cellClass: 'pr-editable' } : c)), [spec, editable]);
  const defaultColDef = useMemo<ColDef<T>>(() => ({
    sortable: true, resizable: true, filter: !grouping, cellDataType: false,
    suppressKeyboardEvent: (p: SuppressKeyboardEventParams) => !p.editing && spreadsheetKey(p.event),
    cellClassRules: { 'pr-range': (p: CellClassParams) => inBox((p.context as { box: RangeBox }).box, p.node.rowIndex, p.column.getColId()) },
  }), [grouping]);

  useEffect(() => {
    const a = api();
    if (a && grouping) a.setFilterModel(null);
  }, [grouping]); // eslint-disable-line react-hooks/exhaustive-deps

  /** One cell edited in place, from a cell editor or a choice list; an unchanged value sends nothing. */
  const editCell = (row: T | undefined, field: string, value: string | number | null) => {
    if (!editable.has(field) || !row) return undefined;
    if ((cellValue(spec, row, field) ?? '') === (value ?? '')) return undefined;
    return commit(ctx(), [{ id: row.id, field, value }], 'edit');
  };
  context.choose = (id: string, field: string, value: string | null) => editCell(api()?.getRowNode(id)?.data, field, value);

  const keys = useGridKeys<T>({ api, ctx, editable, host: hostRef, lastInput, range, toggleGroup: (k) => context.toggle(k) });
  useClipboard<T>(hostRef, api, ctx);

  const onFocused = (e: CellFocusedEvent<T>) => {
    range.onCellFocused(e);
    const node = e.rowIndex != null ? e.api.getDisplayedRowAtIndex(e.rowIndex) : null;
    if (node?.data && !isGroup(node.data)) onSelect(node.data as T);
  };
  const onCellEditRequest = (e: CellEditRequestEvent<T>) =>
    void editCell(e.data, e.colDef.colId ?? '', e.newValue === undefined ? null : (e.newValue as string | number | null));
  const targetIds = () => selectedIds(api(), context.box);

  const base = useMemo(() => commonGridProps<T>(spec.grid, settings.layouts), [spec.grid, settings.layouts]);

  // The grid treats a changed callback as a changed option (and sorts or filters again): they are made once and read
  // what they need through `latest`.
  const latest = useRef({ groups, onCellEditRequest, onFocused, targetIds, onReady, base });
  latest.current = { groups, onCellEditRequest, onFocused, targetIds, onReady, base };
  const handlers = useMemo(() => ({
    isFullWidthRow: (p: { rowNode: { data?: unknown } }) => isGroup(p.rowNode.data),
    fullWidthCellRenderer: GroupHeader,
    postSortRows: (p: PostSortRowsParams<T>) => { const g = latest.current.groups; if (g) regroup(g, p as PostSortRowsParams); },
    isExternalFilterPresent: () => !!latest.current.groups && context.collapsed.size > 0,
    doesExternalFilterPass: (n: IRowNode<T>) => { const g = latest.current.groups; return !g || visibleUnder(g, context.collapsed, n.data as T); },
    onCellEditRequest: (e: CellEditRequestEvent<T>) => latest.current.onCellEditRequest(e),
    onCellFocused: (e: CellFocusedEvent<T>) => latest.current.onFocused(e),
    onCellMouseDown: range.onCellMouseDown,
    onCellMouseOver: range.onCellMouseOver,
    onSelectionChanged: (e: SelectionChangedEvent<T>) => setChecked(e.api.getSelectedRows().length),
    onModelUpdated: (e: ModelUpdatedEvent<T>) => {
      if (e.api.isDestroyed()) return;
      range.keepFocus(!!hostRef.current?.contains(document.activeElement));
      setShown(displayedIds(e.api as GridApi).length);
      range.redraw();
    },
    onGridReady: (e: GridReadyEvent<T>) => {
      range.apiRef.current = e.api as GridApi;
      latest.current.base.onGridReady?.(e);
      latest.current.onReady?.({ api: e.api as GridApi, displayedIds: () => displayedIds(range.apiRef.current), targetIds: () => latest.current.targetIds() });
    },
    onGridPreDestroyed: () => { range.apiRef.current = null; latest.current.onReady?.(null); },
  }), [context, range.onCellMouseDown, range.onCellMouseOver, range.redraw, range.keepFocus, range.apiRef]);

  return (
    <div className="grid-wrap">
      <BulkBar spec={spec} roundId={roundId} targetIds={targetIds} />
      <div className="grid" ref={hostRef} onKeyDownCapture={keys.onKeyDownCapture} onKeyDown={keys.onKeyDown}
        onPointerDownCapture={() => { lastInput.current = performance.now(); }} {...range.mouseProps}>
        <AgGridReact<T>
          {...base}
          {...handlers}
          context={context as unknown as GroupContext}
          rowData={(groups ? groups.rows : data) as T[] | null}
          columnDefs={columns}
          defaultColDef={defaultColDef}
          overlayNoRowsTemplate={`<span>没有符合条件的${spec.noun.slice(1)}</span>`}
        />
      </div>
      <StatusBar noun={spec.noun} shown={shown} total={total} loaded={data?.length ?? 0} checked={checked} range={range.size} grouping={grouping} />
    </div>
  );
}
