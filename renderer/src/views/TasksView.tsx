// The tasks grid: every task of the filters with its light (预警, with the days overdue) and its evaluation in the
// current round (status, progress, 进展情况, 存在问题, 下步打算, reporting unit and date) in the order a planner fills
// them in, then the definition (deadline with its 节点, units, plan); with a comparison round each of its values beside
// the current one.
import { useMemo } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { TaskRow, TaskEval } from '../../../contract';
import { TASK_STATUSES, TASK_KIND_LABELS, TASK_EDITABLE } from '../../../contract/model';
import { send } from '../api';
import { EvalGrid, type GridViewProps } from '../grid/EvalGrid';
import { statusStyle, units, pct, textCol, dateCol, defCol, choiceCol, withCompare, lightCol, type Compared } from '../grid/cells';
import { STATUS_COLORS } from '../../../contract/colors';
import type { GridSpec } from '../grid/spec';
import { fieldLabel } from '../../../contract/labels';
import { fetchRows } from '../state/changes';
import { taskArgs, type Filters } from '../state/filters';

const text = (f: keyof TaskEval, width: number, long = true) => textCol<TaskRow>(f, fieldLabel(f), width, (r) => r.eval?.[f] as string | undefined, long ? { long } : { wrap: true });

function columns(compareName: string | null): ColDef<TaskRow>[] {
  const cols: ColDef<TaskRow>[] = [
    defCol<TaskRow>({ field: 'title', headerName: '任务', width: 200, pinned: 'left' }, { wrap: true }),
    lightCol<TaskRow>('light', 76, (r) => r.light),
    choiceCol<TaskRow>('status', fieldLabel('status'), 96, TASK_STATUSES, (r) => r.eval?.status, STATUS_COLORS),
    { colId: 'progress', headerName: fieldLabel('progress'), headerTooltip: fieldLabel('progress'), width: 80, type: 'numericColumn', valueGetter: (p) => p.data?.eval?.progress ?? null, valueFormatter: (p) => pct(p.value), cellEditor: 'agTextCellEditor' },
    text('evidence', 184),
    defCol<TaskRow>({ colId: 'deadline', headerName: fieldLabel('deadline'), width: 100, valueGetter: (p) => p.data?.deadline ?? '',
      tooltipValueGetter: (p) => (p.data?.milestones ?? []).map((m) => `${m.due} ${m.what}`).join('\n') || undefined }),
    text('problems', 180), text('nextSteps', 180),
    textCol<TaskRow>('reporter', fieldLabel('reporter'), 120, (r) => r.eval?.reporter),
    dateCol<TaskRow>('reportedOn', fieldLabel('reportedOn'), 108, (r) => r.eval?.reportedOn),
    text('note', 160, false),
    defCol<TaskRow>({ field: 'code', headerName: '编号', width: 70 }),
    defCol<TaskRow>({ colId: 'leadUnits', headerName: '牵头单位', width: 160, valueGetter: (p) => units(p.data?.leadUnits) }),
    defCol<TaskRow>({ colId: 'responsibleUnits', headerName: '责任单位', width: 180, valueGetter: (p) => units(p.data?.responsibleUnits) }),
    defCol<TaskRow>({ field: 'planTitle', headerName: '规划', width: 200 }),
    defCol<TaskRow>({ field: 'chapter', headerName: '章节', width: 220 }),
    defCol<TaskRow>({ colId: 'kind', headerName: '类别', width: 92, valueGetter: (p) => (p.data?.kind ? TASK_KIND_LABELS[p.data.kind] : '') }),
  ];
  const was = (r: TaskRow) => r.compare ?? { status: '待评估', progress: null, evidence: '', problems: '', nextSteps: '' };
  const compared: Compared<TaskRow>[] = [
    { base: 'status', header: '对比状态', width: 96, get: (r) => was(r).status, now: (r) => r.eval.status, style: statusStyle },
    { base: 'progress', header: '对比进度', width: 78, get: (r) => pct(was(r).progress), now: (r) => pct(r.eval.progress) },
    { base: 'evidence', header: '对比进展情况', width: 200, get: (r) => was(r).evidence, now: (r) => r.eval.evidence },
    { base: 'problems', header: '对比存在问题', width: 160, get: (r) => was(r).problems, now: (r) => r.eval.problems },
    { base: 'nextSteps', header: '对比下步打算', width: 160, get: (r) => was(r).nextSteps, now: (r) => r.eval.nextSteps },
  ];
  return withCompare(cols, compareName != null ? compared : null, compareName ?? '');
}

/** The arguments of one page of the task grid; the window also sends the first page ahead with them at start. */
export const taskPageArgs = (f: Filters, page: { offset: number; limit: number }, roundId: number, compareRoundId?: number) =>
  ({ ...taskArgs(f, compareRoundId), ...page, roundId, compareRoundId });

export function TasksView({ compareRoundId, compareName, ...props }: GridViewProps<TaskRow>) {
  const { roundId } = props;
  const spec = useMemo<GridSpec<TaskRow>>(() => ({
    grid: 'tasks', entity: 'task', compareRoundId, noun: '项任务', columns: columns(compareRoundId != null ? compareName ?? '' : null), editable: TASK_EDITABLE,
    label: (r) => r.title,
    groupOf: (r) => [{ key: r.planId, label: r.planTitle }, { key: r.chapter, label: r.chapter }],
    bulk: { field: 'status', label: '评估状态', options: TASK_STATUSES },
    fetch: (ids) => fetchRows('task', roundId, compareRoundId, ids),
    load: (f, page) => send('tasks.query', taskPageArgs(f, page, roundId, compareRoundId)),
  }), [roundId, compareRoundId, compareName]);
  return <EvalGrid spec={spec} {...props} />;
}
