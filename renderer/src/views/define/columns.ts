// The columns of 编辑规划: the definition fields of tasks and targets as a planner types and pastes them (units as
// 「、」 lists, chapters as 「 / 」 paths, milestones as "2025:1300;2027:1500", 节点 as "2024-06-30 完成选址"), editable
// in place; the evaluation columns stay beside them read-only, so a baseline typed shows its verdict at once.
import type { ColDef } from 'ag-grid-community';
import type { TaskRow, TargetRow } from '../../../../contract';
import {
  TASK_KINDS, TASK_KIND_LABELS, TASK_STATUSES, JUDGE_DIRECTIONS, JUDGE_DIRECTION_LABELS, JUDGE_KINDS, JUDGE_KIND_LABELS, type Milestone,
} from '../../../../contract/model';
import { fieldLabel } from '../../../../contract/labels';
import { STATUS_COLORS, FLAG_LABELS } from '../../../../contract/colors';
import { choiceCol, textCol, verdictStyle, flagStyle, pct } from '../../grid/cells';

const ro = 'pr-readonly';
const list = (xs: string[] | undefined) => (xs ?? []).join('、');

/** A milestone as typed: the value as written, brackets for a period total (期间累计). */
export const milestoneText = (m: Milestone) => `${m.year}:${m.cumulative && !/[[【〔]/.test(m.value) ? `[${m.value}]` : m.value}`;
export const milestonesText = (ms: Milestone[] | undefined) => (ms ?? []).map(milestoneText).join(';');
export const taskMilestonesText = (ms: { due: string; what: string }[] | undefined) => (ms ?? []).map((m) => `${m.due} ${m.what}`).join(';');

/** The value of a task's definition field as its cell shows it and its editor starts from. */
export function taskValue(r: TaskRow, field: string): string {
  switch (field) {
    case 'kind': return TASK_KIND_LABELS[r.kind] ?? r.kind;
    case 'path': return r.path.join(' / ');
    case 'leadUnits': case 'responsibleUnits': return list(r[field]);
    case 'taskMilestones': return taskMilestonesText(r.milestones);
    case 'title': case 'code': case 'deadline': return r[field] ?? '';
    default: return '';
  }
}

export function targetValue(r: TargetRow, field: string): string {
  switch (field) {
    case 'baselineYear': return r.baseline.year == null ? '' : String(r.baseline.year);
    case 'baselineValue': return r.baseline.value ?? '';
    case 'milestones': return milestonesText(r.milestones);
    case 'responsibleUnits': return list(r.responsibleUnits);
    case 'taskId': return r.taskTitle ?? '';
    case 'judgeDirection': return JUDGE_DIRECTION_LABELS[r.judgeDirection ?? ''] ?? '';
    case 'judgeKind': return JUDGE_KIND_LABELS[r.judgeKind ?? ''] ?? '';
    case 'name': case 'code': case 'unit': case 'category': case 'attribute': return r[field] ?? '';
    default: return '';
  }
}

/** A definition field edited as text; a corrected one is marked (a re-import keeps it). */
function defCol<T extends { edited?: string[] }>(field: string, width: number, get: (r: T, f: string) => string, extra: Partial<ColDef<T>> = {}): ColDef<T> {
  return {
    ...textCol<T>(field, fieldLabel(field), width, (r) => get(r, field)),
    cellClassRules: { 'pr-corrected': (p) => !!p.data?.edited?.includes(field) },
    ...extra,
  };
}

const readOnly = <T>(c: ColDef<T>): ColDef<T> => ({ ...c, cellClass: ro, headerClass: 'pr-readonly-head' });

export function defineTaskColumns(): ColDef<TaskRow>[] {
  return [
    defCol<TaskRow>('title', 260, taskValue, { pinned: 'left' }),
    defCol<TaskRow>('code', 70, taskValue),
    { ...choiceCol<TaskRow>('kind', fieldLabel('kind'), 96, TASK_KINDS.map((k) => TASK_KIND_LABELS[k]), (r) => taskValue(r, 'kind'), {}), cellClassRules: { 'pr-corrected': (p) => !!p.data?.edited?.includes('kind') } },
    defCol<TaskRow>('path', 240, taskValue, { headerName: fieldLabel('chapter') }),
    defCol<TaskRow>('leadUnits', 160, taskValue),
    defCol<TaskRow>('responsibleUnits', 180, taskValue),
    defCol<TaskRow>('deadline', 100, taskValue),
    defCol<TaskRow>('taskMilestones', 220, taskValue),
    readOnly(choiceCol<TaskRow>('status', fieldLabel('status'), 104, TASK_STATUSES, (r) => r.eval?.status, STATUS_COLORS)),
    readOnly({ colId: 'progress', headerName: fieldLabel('progress'), width: 76, type: 'numericColumn', valueGetter: (p) => p.data?.eval?.progress ?? null, valueFormatter: (p) => pct(p.value) }),
    readOnly({ field: 'planTitle', headerName: '规划', width: 200, tooltipField: 'planTitle' }),
  ];
}

export function defineTargetColumns(): ColDef<TargetRow>[] {
  const choice = (field: 'attribute' | 'judgeDirection' | 'judgeKind', width: number, values: string[], blank?: string) => ({
    ...choiceCol<TargetRow>(field, fieldLabel(field), width, values, (r) => targetValue(r, field), {}, blank),
    cellClassRules: { 'pr-corrected': (p: { data?: TargetRow }) => !!p.data?.edited?.includes(field) },
  });
  return [
    defCol<TargetRow>('name', 200, targetValue, { pinned: 'left' }),
    defCol<TargetRow>('unit', 70, targetValue),
    // A year the judgement derives from the plan's period (none written) is shown grey until the planner types one.
    defCol<TargetRow>('baselineYear', 96, targetValue, {
      valueFormatter: (p) => (p.value ? String(p.value) : p.data?.baseline.derivedYear != null ? String(p.data.baseline.derivedYear) : ''),
      cellClassRules: { 'pr-corrected': (p) => !!p.data?.edited?.includes('baselineYear'), 'pr-derived': (p) => !p.value && p.data?.baseline.derivedYear != null },
      tooltipValueGetter: (p) => (!p.value && p.data?.baseline.derivedYear != null ? `未写明基期年份,按规划期起始前一年(${p.data.baseline.derivedYear} 年)推算` : p.value),
    }),
    defCol<TargetRow>('baselineValue', 90, targetValue),
    defCol<TargetRow>('milestones', 160, targetValue),
    readOnly({ colId: 'verdict', headerName: '评估结论', width: 108, valueGetter: (p) => p.data?.judgement?.verdict ?? '', cellStyle: (p) => verdictStyle(p.value), tooltipValueGetter: (p) => p.data?.judgement?.explanation ?? '' }),
    readOnly(textCol<TargetRow>('actual', fieldLabel('actual'), 90, (r) => r.eval?.actual)),
    readOnly({ colId: 'completion', headerName: '完成进度', width: 86, type: 'numericColumn', valueGetter: (p) => p.data?.judgement?.completion ?? null, valueFormatter: (p) => pct(p.value) }),
    readOnly({ colId: 'flag', headerName: '预警', width: 64, valueGetter: (p) => (p.data?.judgement ? FLAG_LABELS[p.data.judgement.flag] : ''), cellStyle: (p) => flagStyle(p.data?.judgement?.flag) }),
    defCol<TargetRow>('category', 100, targetValue),
    choice('attribute', 84, ['预期性', '约束性'], '(未定)'),
    defCol<TargetRow>('responsibleUnits', 160, targetValue),
    defCol<TargetRow>('taskId', 180, targetValue),
    choice('judgeDirection', 92, JUDGE_DIRECTIONS.map((d) => JUDGE_DIRECTION_LABELS[d])),
    choice('judgeKind', 92, JUDGE_KINDS.map((k) => JUDGE_KIND_LABELS[k])),
    defCol<TargetRow>('code', 64, targetValue),
    readOnly({ field: 'planTitle', headerName: '规划', width: 180, tooltipField: 'planTitle' }),
  ];
}

