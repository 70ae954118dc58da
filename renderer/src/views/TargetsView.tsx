// The targets grid: baseline, milestones, the actual value at the cut-off and its source, the computed verdict with its
// flag, and the planner's override with its required reason beside it.
import { useMemo } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { TargetRow } from '../../../contract';
import { VERDICTS, TARGET_EDITABLE } from '../../../contract/model';
import { FLAG_LABELS, VERDICT_COLORS } from '../../../contract/colors';
import { send } from '../api';
import { EvalGrid, type GridViewProps } from '../grid/EvalGrid';
import { verdictStyle, flagStyle, units, pct, textCol, choiceCol, compareCol } from '../grid/cells';
import type { GridSpec } from '../grid/spec';
import { fieldLabel } from '../../../contract/labels';
import { fetchRows, type CellEdit } from '../state/changes';
import { targetArgs } from '../state/filters';

export const SCOPE_LABELS: Record<string, string> = { table: '指标表', goal_text: '目标文字', in_task: '任务内' };

function columns(compare: boolean): ColDef<TargetRow>[] {
  const cols: ColDef<TargetRow>[] = [
    { field: 'name', headerName: '指标名称', width: 220, pinned: 'left', tooltipField: 'name' },
    { field: 'unit', headerName: '单位', width: 70 },
    { colId: 'baseline', headerName: '基期值', width: 100, valueGetter: (p) => (p.data?.baseline?.value ? `${p.data.baseline.value}${p.data.baseline.year ? `(${p.data.baseline.year})` : ''}` : '') },
    { colId: 'milestones', headerName: '目标值', width: 170, tooltipValueGetter: (p) => p.value, valueGetter: (p) => (p.data?.milestones ?? []).map((m) => `${m.year}:${m.value}`).join(';') },
    textCol<TargetRow>('actual', fieldLabel('actual'), 100, (r) => r.eval?.actual),
    textCol<TargetRow>('dataSource', fieldLabel('dataSource'), 140, (r) => r.eval?.dataSource),
    { colId: 'completion', headerName: '完成进度', width: 92, type: 'numericColumn', valueGetter: (p) => p.data?.judgement?.completion ?? null, valueFormatter: (p) => pct(p.value) },
    { colId: 'timeProgress', headerName: '序时进度', width: 92, type: 'numericColumn', valueGetter: (p) => p.data?.judgement?.timeProgress ?? null, valueFormatter: (p) => pct(p.value) },
    { colId: 'verdict', headerName: '评估结论', width: 112, valueGetter: (p) => p.data?.judgement?.verdict ?? '', cellStyle: (p) => verdictStyle(p.value), tooltipValueGetter: (p) => p.data?.judgement?.explanation ?? '' },
    { colId: 'flag', headerName: '预警', width: 70, valueGetter: (p) => (p.data?.judgement ? FLAG_LABELS[p.data.judgement.flag] : ''), cellStyle: (p) => flagStyle(p.data?.judgement?.flag) },
    { colId: 'computed', headerName: '计算结论', width: 112, valueGetter: (p) => p.data?.judgement?.computed ?? '', cellStyle: (p) => verdictStyle(p.value), tooltipValueGetter: (p) => p.data?.judgement?.explanation ?? '' },
    choiceCol<TargetRow>('verdictOverride', fieldLabel('verdictOverride'), 112, ['', ...VERDICTS], (r) => r.eval?.verdictOverride, VERDICT_COLORS, '不调整'),
    textCol<TargetRow>('overrideReason', fieldLabel('overrideReason'), 160, (r) => r.eval?.overrideReason),
    textCol<TargetRow>('reporter', fieldLabel('reporter'), 110, (r) => r.eval?.reporter),
    textCol<TargetRow>('reportedOn', fieldLabel('reportedOn'), 104, (r) => r.eval?.reportedOn),
    textCol<TargetRow>('note', fieldLabel('note'), 150, (r) => r.eval?.note),
  ];
  if (compare) {
    cols.push(
      compareCol<TargetRow>('cmpActual', '对比轮次实际值', 120, (r) => r.compare?.actual),
      compareCol<TargetRow>('cmpDataSource', '对比轮次数据来源', 140, (r) => r.compare?.dataSource),
      compareCol<TargetRow>('cmpOverride', '对比轮次调整结论', 130, (r) => r.compare?.verdictOverride, verdictStyle),
    );
  }
  cols.push(
    { field: 'planTitle', headerName: '规划', width: 180, tooltipField: 'planTitle' },
    { field: 'category', headerName: '类别', width: 100 },
    { field: 'attribute', headerName: '属性', width: 72 },
    { colId: 'scope', headerName: '来源', width: 84, valueGetter: (p) => SCOPE_LABELS[p.data?.scope ?? ''] ?? '' },
    { colId: 'responsibleUnits', headerName: '责任单位', width: 160, valueGetter: (p) => units(p.data?.responsibleUnits), tooltipValueGetter: (p) => p.value },
  );
  return cols;
}

/** An override of the verdict needs a reason: checked over the values the batch leaves behind. */
export function overrideNeedsReason(edits: CellEdit[], rowOf: (id: string) => TargetRow | undefined): string | null {
  const after = new Map<string, { o: string; r: string }>();
  for (const e of edits) {
    if (e.field !== 'verdictOverride' && e.field !== 'overrideReason') continue;
    const row = rowOf(e.id);
    const s = after.get(e.id) ?? { o: row?.eval.verdictOverride ?? '', r: row?.eval.overrideReason ?? '' };
    if (e.field === 'verdictOverride') s.o = String(e.value ?? ''); else s.r = String(e.value ?? '');
    after.set(e.id, s);
  }
  for (const [id, s] of after) {
    if (s.o.trim() && !s.r.trim()) return `调整「${rowOf(id)?.name ?? id}」的评估结论须填写调整理由(先填写“调整理由”列,或在右侧详情中填写)`;
  }
  return null;
}

export function TargetsView({ compareRoundId, ...props }: GridViewProps<TargetRow>) {
  const { roundId } = props;
  const spec = useMemo<GridSpec<TargetRow>>(() => ({
    grid: 'targets', entity: 'target', compareRoundId, noun: '个指标', columns: columns(compareRoundId != null), editable: TARGET_EDITABLE,
    label: (r) => r.name,
    groupOf: (r) => [{ key: r.planId, label: r.planTitle }, { key: r.category, label: r.category || '(未分类)' }],
    check: overrideNeedsReason,
    fetch: (ids) => fetchRows('target', roundId, compareRoundId, ids),
    load: (f, page) => send('targets.query', { ...targetArgs(f), ...page, roundId, compareRoundId }),
  }), [roundId, compareRoundId]);
  return <EvalGrid spec={spec} {...props} />;
}
