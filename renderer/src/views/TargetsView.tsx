// The targets grid: baseline, milestones, the actual value at the cut-off and the automatic judgement with its flag.
import { useEffect, useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, CellValueChangedEvent } from 'ag-grid-community';
import type { TargetRow, Settings } from '../../../core/contract';
import { FLAG_LABELS } from '../../../core/contract/colors';
import { send } from '../api';
import { commonGridProps } from '../grid/common';
import { verdictStyle, flagStyle, units, pct } from '../grid/cells';
import { toastError } from '../toast';
import type { TreeSelection } from './PlanTree';

interface Props { roundId: number; scope: TreeSelection; search: string; settings: Settings; onSelect(row: TargetRow | null): void }

const FIELD_OF: Record<string, 'actual' | 'dataSource' | 'note'> = { 'eval.actual': 'actual', 'eval.dataSource': 'dataSource', 'eval.note': 'note' };
const SCOPE_LABELS: Record<string, string> = { table: '指标表', goal_text: '目标文字', in_task: '任务内' };

export function TargetsView({ roundId, scope, search, settings, onSelect }: Props) {
  const [rows, setRows] = useState<TargetRow[] | null>(null);

  useEffect(() => {
    let stale = false;
    const t = setTimeout(async () => {
      try {
        const r = await send('targets.query', { roundId, planIds: scope.planId ? [scope.planId] : undefined, search: search.trim() || undefined });
        if (!stale) setRows(r.rows);
      } catch (e) {
        toastError(e);
      }
    }, search ? 200 : 0);
    return () => { stale = true; clearTimeout(t); };
  }, [roundId, scope, search]);

  const columns = useMemo<ColDef<TargetRow>[]>(() => [
    { field: 'planTitle', headerName: '规划', width: 180, tooltipField: 'planTitle', filter: 'agTextColumnFilter' },
    { field: 'category', headerName: '类别', width: 110, filter: 'agTextColumnFilter' },
    { field: 'name', headerName: '指标名称', flex: 1, minWidth: 220, tooltipField: 'name', filter: 'agTextColumnFilter' },
    { field: 'unit', headerName: '单位', width: 80 },
    { field: 'attribute', headerName: '属性', width: 80 },
    { colId: 'scope', headerName: '来源', width: 90, valueGetter: (p) => SCOPE_LABELS[p.data?.scope ?? ''] ?? '' },
    { colId: 'baseline', headerName: '基期值', width: 110, valueGetter: (p) => (p.data?.baseline.value ? `${p.data.baseline.value}${p.data.baseline.year ? `(${p.data.baseline.year})` : ''}` : '') },
    { colId: 'milestones', headerName: '目标值', width: 190, tooltipValueGetter: (p) => p.value,
      valueGetter: (p) => (p.data?.milestones ?? []).map((m) => `${m.year}:${m.value}`).join(';') },
    { field: 'eval.actual', colId: 'actual', headerName: '实际值', width: 110, editable: true },
    { colId: 'completion', headerName: '完成进度', width: 100, type: 'numericColumn', valueGetter: (p) => p.data?.judgement.completion ?? null, valueFormatter: (p) => pct(p.value) },
    { colId: 'timeProgress', headerName: '序时进度', width: 100, type: 'numericColumn', valueGetter: (p) => p.data?.judgement.timeProgress ?? null, valueFormatter: (p) => pct(p.value) },
    { colId: 'verdict', headerName: '评估结论', width: 120, valueGetter: (p) => p.data?.judgement.verdict ?? '', cellStyle: (p) => verdictStyle(p.value), filter: 'agTextColumnFilter',
      tooltipValueGetter: (p) => p.data?.judgement.explanation ?? '' },
    { colId: 'flag', headerName: '预警', width: 80, valueGetter: (p) => FLAG_LABELS[p.data?.judgement.flag ?? 'none'], cellStyle: (p) => flagStyle(p.data?.judgement.flag) },
    { field: 'eval.dataSource', colId: 'dataSource', headerName: '数据来源', width: 140, editable: true },
    { colId: 'responsibleUnits', headerName: '责任单位', width: 160, valueGetter: (p) => units(p.data?.responsibleUnits), filter: 'agTextColumnFilter' },
    { field: 'eval.note', colId: 'note', headerName: '说明', width: 160, editable: true },
  ], []);

  const onCellValueChanged = async (e: CellValueChangedEvent<TargetRow>) => {
    const field = FIELD_OF[e.colDef.field ?? ''];
    if (!field || !e.data || e.oldValue === e.newValue) return;
    try {
      const r = await send('targets.edit', { roundId, source: 'edit', edits: [{ id: e.data.id, field, value: e.newValue ?? '' }] });
      if (r.rows.length) e.api.applyTransaction({ update: r.rows });
    } catch (err) {
      toastError(err);
      e.node.setDataValue(e.column, e.oldValue);
    }
  };

  return (
    <div className="grid-wrap">
      <div className="grid-bar"><span>共 {rows?.length ?? 0} 个指标</span></div>
      <div className="grid">
        <AgGridReact<TargetRow>
          {...commonGridProps<TargetRow>('targets', settings.layouts, onSelect)}
          rowData={rows}
          columnDefs={columns}
          onCellValueChanged={(e) => void onCellValueChanged(e)}
          overlayNoRowsTemplate="<span>没有符合条件的指标</span>"
        />
      </div>
    </div>
  );
}
