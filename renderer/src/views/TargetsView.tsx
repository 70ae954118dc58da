// The targets grid: the target as the plan writes it (目标值 with its qualifiers and [..] totals), the actual value at
// the cut-off, completion, the verdict with its light in the first screen; then the data date (数据截至; the round's
// default shown in grey), the source, the planner's override with its required reason, and the definition. An actual
// that cannot be judged is marked. With a comparison round each of its values stands beside the current one.
import { useMemo } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { TargetRow } from '../../../contract';
import { VERDICTS, TARGET_EDITABLE } from '../../../contract/model';
import { VERDICT_COLORS } from '../../../contract/colors';
import { send } from '../api';
import { EvalGrid, type GridViewProps } from '../grid/EvalGrid';
import { verdictStyle, units, pct, textCol, dateCol, defCol, choiceCol, withCompare, lightCol, type Compared } from '../grid/cells';
import { milestonesCell, milestoneLines } from '../../../contract/notation';
import type { GridSpec } from '../grid/spec';
import { fieldLabel } from '../../../contract/labels';
import { fetchRows, type CellEdit } from '../state/changes';
import { targetArgs } from '../state/filters';

export const SCOPE_LABELS: Record<string, string> = { table: '指标表', goal_text: '目标文字', in_task: '任务内' };

/** 基期值 with its year; a year derived from the plan's period is marked as such. */
export function baselineText(r: TargetRow | undefined): string {
  if (!r?.baseline?.value) return '';
  const { value, year, derivedYear } = r.baseline;
  return `${value}${year ? `(${year})` : derivedYear ? `(${derivedYear},推定)` : ''}`;
}

const computed = (what: string) => ({ readOnly: `「${what}」由实际值、目标值和序时进度计算,只读` });

function columns(compareName: string | null): ColDef<TargetRow>[] {
  const cols: ColDef<TargetRow>[] = [
    defCol<TargetRow>({ field: 'name', headerName: '指标名称', width: 170, pinned: 'left' }, { wrap: true }),
    defCol<TargetRow>({ field: 'unit', headerName: '单位', width: 62 }),
    defCol<TargetRow>({ colId: 'milestones', headerName: '目标值', width: 96, valueGetter: (p) => milestonesCell(p.data?.milestones ?? []),
      tooltipValueGetter: (p) => milestoneLines(p.data?.milestones ?? []) }),
    { ...textCol<TargetRow>('actual', fieldLabel('actual'), 86, (r) => r.eval?.actual),
      // The grid keeps a style a cell once had unless it is set back: each case names both properties.
      cellStyle: (p) => (p.data?.judgement?.warnings?.length ? { backgroundColor: '#FFF3C4', color: '#7A5A00' } : { backgroundColor: 'transparent', color: 'inherit' }),
      tooltipValueGetter: (p) => [p.value, ...(p.data?.judgement?.warnings ?? [])].filter(Boolean).join('\n') },
    { colId: 'completion', headerName: '完成进度', headerTooltip: '完成进度(实际值走完了基期到目标的几成)', width: 80, type: 'numericColumn', context: computed('完成进度'),
      valueGetter: (p) => p.data?.judgement?.completion ?? null, valueFormatter: (p) => pct(p.value) },
    { colId: 'verdict', headerName: '评估结论', headerTooltip: '评估结论(调整后的结论优先)', width: 104, context: computed('评估结论'),
      valueGetter: (p) => p.data?.judgement?.verdict ?? '', cellStyle: (p) => verdictStyle(p.value), tooltipValueGetter: (p) => p.data?.judgement?.explanation ?? '' },
    lightCol<TargetRow>('flag', 62, (r) => r.judgement && { flag: r.judgement.flag, reason: r.judgement.explanation }),
    { colId: 'timeProgress', headerName: '序时进度', headerTooltip: '序时进度(基期到目标年份,截至数据截至日期)', width: 80, type: 'numericColumn', context: computed('序时进度'),
      valueGetter: (p) => p.data?.judgement?.timeProgress ?? null, valueFormatter: (p) => pct(p.value) },
    { ...textCol<TargetRow>('dataDate', fieldLabel('dataDate'), 104, (r) => r.eval?.dataDate),
      valueFormatter: (p) => (p.value || p.data?.judgement?.dataDate || ''),
      cellStyle: (p) => (p.data && !p.data.eval?.dataDate ? { color: '#8A94A6', fontStyle: 'italic' } : { color: 'inherit', fontStyle: 'normal' }),
      tooltipValueGetter: (p) => (p.data && !p.data.eval?.dataDate ? `未单独填写,按本轮默认数据截至日期 ${p.data.judgement?.dataDate ?? ''}` : p.value) },
    defCol<TargetRow>({ colId: 'baseline', headerName: '基期值', width: 100, valueGetter: (p) => baselineText(p.data) }),
    textCol<TargetRow>('dataSource', fieldLabel('dataSource'), 140, (r) => r.eval?.dataSource),
    choiceCol<TargetRow>('verdictOverride', fieldLabel('verdictOverride'), 104, ['', ...VERDICTS], (r) => r.eval?.verdictOverride, VERDICT_COLORS, '不调整'),
    textCol<TargetRow>('overrideReason', fieldLabel('overrideReason'), 160, (r) => r.eval?.overrideReason, { wrap: true }),
    { colId: 'computed', headerName: '计算结论', headerTooltip: '计算结论(未经调整)', width: 104, context: computed('计算结论'),
      valueGetter: (p) => p.data?.judgement?.computed ?? '', cellStyle: (p) => verdictStyle(p.value), tooltipValueGetter: (p) => p.data?.judgement?.explanation ?? '' },
    textCol<TargetRow>('reporter', fieldLabel('reporter'), 110, (r) => r.eval?.reporter),
    dateCol<TargetRow>('reportedOn', fieldLabel('reportedOn'), 104, (r) => r.eval?.reportedOn),
    textCol<TargetRow>('note', '说明', 150, (r) => r.eval?.note, { wrap: true }),
    defCol<TargetRow>({ field: 'planTitle', headerName: '规划', width: 180 }),
    defCol<TargetRow>({ field: 'category', headerName: '类别', width: 100 }),
    defCol<TargetRow>({ field: 'attribute', headerName: '属性', width: 72 }),
    defCol<TargetRow>({ colId: 'scope', headerName: '来源', width: 84, valueGetter: (p) => SCOPE_LABELS[p.data?.scope ?? ''] ?? '' }),
    defCol<TargetRow>({ colId: 'responsibleUnits', headerName: '责任单位', width: 160, valueGetter: (p) => units(p.data?.responsibleUnits) }),
  ];
  const was = (r: TargetRow) => r.compare ?? { actual: '', dataSource: '', verdictOverride: '' };
  const compared: Compared<TargetRow>[] = [
    { base: 'actual', header: '对比实际值', width: 92, get: (r) => was(r).actual, now: (r) => r.eval.actual },
    { base: 'dataSource', header: '对比数据来源', width: 130, get: (r) => was(r).dataSource, now: (r) => r.eval.dataSource },
    { base: 'verdictOverride', header: '对比调整结论', width: 110, get: (r) => was(r).verdictOverride, now: (r) => r.eval.verdictOverride, style: verdictStyle },
  ];
  return withCompare(cols, compareName != null ? compared : null, compareName ?? '');
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

export function TargetsView({ compareRoundId, compareName, ...props }: GridViewProps<TargetRow>) {
  const { roundId } = props;
  const spec = useMemo<GridSpec<TargetRow>>(() => ({
    grid: 'targets', entity: 'target', compareRoundId, noun: '个指标', columns: columns(compareRoundId != null ? compareName ?? '' : null), editable: TARGET_EDITABLE,
    label: (r) => r.name,
    groupOf: (r) => [{ key: r.planId, label: r.planTitle }, { key: r.category, label: r.category || '(未分类)' }],
    check: overrideNeedsReason,
    fetch: (ids) => fetchRows('target', roundId, compareRoundId, ids),
    load: (f, page) => send('targets.query', { ...targetArgs(f, compareRoundId), ...page, roundId, compareRoundId }),
  }), [roundId, compareRoundId, compareName]);
  return <EvalGrid spec={spec} {...props} />;
}
