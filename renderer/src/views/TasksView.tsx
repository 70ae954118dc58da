// The tasks grid: every task of the scope with its evaluation in the current round; status, progress and note edit in place.
import { useEffect, useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, CellValueChangedEvent } from 'ag-grid-community';
import type { TaskRow, Settings } from '../../../core/contract';
import { TASK_STATUSES, TASK_KIND_LABELS } from '../../../core/contract/model';
import { send } from '../api';
import { commonGridProps } from '../grid/common';
import { statusStyle, units, pct } from '../grid/cells';
import { toastError } from '../toast';
import type { TreeSelection } from './PlanTree';

interface Props { roundId: number; scope: TreeSelection; search: string; settings: Settings; onSelect(row: TaskRow | null): void }

const FIELD_OF: Record<string, 'status' | 'progress' | 'note'> = { 'eval.status': 'status', 'eval.progress': 'progress', 'eval.note': 'note' };

export function TasksView({ roundId, scope, search, settings, onSelect }: Props) {
  const [rows, setRows] = useState<TaskRow[] | null>(null);
  const [total, setTotal] = useState(0);

  useEffect(() => {
    let stale = false;
    const t = setTimeout(async () => {
      try {
        const r = await send('tasks.query', {
          roundId, planIds: scope.planId ? [scope.planId] : undefined,
          chapter: scope.chapter.length ? scope.chapter : undefined, search: search.trim() || undefined,
        });
        if (!stale) { setRows(r.rows); setTotal(r.total); }
      } catch (e) {
        toastError(e);
      }
    }, search ? 200 : 0);
    return () => { stale = true; clearTimeout(t); };
  }, [roundId, scope, search]);

  const columns = useMemo<ColDef<TaskRow>[]>(() => [
    { field: 'planTitle', headerName: '规划', width: 200, filter: 'agTextColumnFilter', tooltipField: 'planTitle' },
    { field: 'code', headerName: '编号', width: 80 },
    { field: 'chapter', headerName: '章节', width: 220, filter: 'agTextColumnFilter', tooltipField: 'chapter' },
    { field: 'title', headerName: '任务', flex: 1, minWidth: 280, filter: 'agTextColumnFilter', tooltipField: 'title' },
    { colId: 'kind', headerName: '类别', width: 100, valueGetter: (p) => (p.data ? TASK_KIND_LABELS[p.data.kind] : ''), filter: 'agTextColumnFilter' },
    { colId: 'leadUnits', headerName: '牵头单位', width: 160, valueGetter: (p) => units(p.data?.leadUnits), filter: 'agTextColumnFilter', tooltipValueGetter: (p) => p.value },
    { colId: 'responsibleUnits', headerName: '责任单位', width: 180, valueGetter: (p) => units(p.data?.responsibleUnits), filter: 'agTextColumnFilter', tooltipValueGetter: (p) => p.value },
    {
      field: 'eval.status', colId: 'status', headerName: '评估状态', width: 120, editable: true, pinned: 'right', filter: 'agTextColumnFilter',
      cellEditor: 'agSelectCellEditor', cellEditorParams: { values: [...TASK_STATUSES] }, cellStyle: (p) => statusStyle(p.value),
    },
    {
      field: 'eval.progress', colId: 'progress', headerName: '进度', width: 90, editable: true, type: 'numericColumn',
      valueFormatter: (p) => pct(p.value), valueParser: (p) => (p.newValue === '' || p.newValue == null ? null : Number(String(p.newValue).replace('%', ''))),
    },
    { field: 'eval.note', colId: 'note', headerName: '备注', width: 200, editable: true, tooltipField: 'eval.note' },
  ], []);

  const onCellValueChanged = async (e: CellValueChangedEvent<TaskRow>) => {
    const field = FIELD_OF[e.colDef.field ?? ''];
    if (!field || !e.data || e.oldValue === e.newValue) return;
    try {
      const r = await send('tasks.edit', { roundId, source: 'edit', edits: [{ id: e.data.id, field, value: e.newValue ?? null }] });
      if (r.rows.length) e.api.applyTransaction({ update: r.rows });
    } catch (err) {
      toastError(err);
      e.node.setDataValue(e.column, e.oldValue);
    }
  };

  return (
    <div className="grid-wrap">
      <div className="grid-bar">
        <span>共 {total} 项任务</span>
      </div>
      <div className="grid">
        <AgGridReact<TaskRow>
          {...commonGridProps<TaskRow>('tasks', settings.layouts, onSelect)}
          rowData={rows}
          columnDefs={columns}
          onCellValueChanged={(e) => void onCellValueChanged(e)}
          overlayNoRowsTemplate="<span>没有符合条件的任务</span>"
        />
      </div>
    </div>
  );
}
