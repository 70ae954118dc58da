// The tasks grid: every task of the filters with its evaluation in the current round (status, progress, 进展情况,
// 存在问题, 下步打算, reporting unit and date), and the comparison round's values beside it when one is chosen.
import { useMemo } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { TaskRow } from '../../../contract';
import { TASK_STATUSES, TASK_KIND_LABELS, TASK_EDITABLE } from '../../../contract/model';
import { send } from '../api';
import { EvalGrid, type GridViewProps } from '../grid/EvalGrid';
import { statusStyle, units, pct, textCol, choiceCol, compareCol } from '../grid/cells';
import { STATUS_COLORS } from '../../../contract/colors';
import type { GridSpec } from '../grid/spec';
import { fieldLabel } from '../../../contract/labels';
import { fetchRows } from '../state/changes';
import { taskArgs, type Filters } from '../state/filters';

function columns(compare: boolean): ColDef<TaskRow>[] {
  const cols: ColDef<TaskRow>[] = [
    { field: 'title', headerName: '任务', width: 250, pinned: 'left', tooltipField: 'title' },
    { field: 'code', headerName: '编号', width: 70 },
    choiceCol<TaskRow>('status', fieldLabel('status'), 112, TASK_STATUSES, (r) => r.eval?.status, STATUS_COLORS),
    { colId: 'progress', headerName: fieldLabel('progress'), width: 78, type: 'numericColumn', valueGetter: (p) => p.data?.eval?.progress ?? null, valueFormatter: (p) => pct(p.value), cellEditor: 'agTextCellEditor' },
    textCol<TaskRow>('evidence', fieldLabel('evidence'), 220, (r) => r.eval?.evidence),
    textCol<TaskRow>('problems', fieldLabel('problems'), 180, (r) => r.eval?.problems),
    textCol<TaskRow>('nextSteps', fieldLabel('nextSteps'), 180, (r) => r.eval?.nextSteps),
    textCol<TaskRow>('reporter', fieldLabel('reporter'), 120, (r) => r.eval?.reporter),
    textCol<TaskRow>('reportedOn', fieldLabel('reportedOn'), 108, (r) => r.eval?.reportedOn),
    textCol<TaskRow>('note', fieldLabel('note'), 160, (r) => r.eval?.note),
  ];
  if (compare) {
    cols.push(
      compareCol<TaskRow>('cmpStatus', '对比轮次状态', 120, (r) => r.compare?.status ?? '', statusStyle),
      compareCol<TaskRow>('cmpProgress', '对比轮次进度', 110, (r) => pct(r.compare?.progress)),
      compareCol<TaskRow>('cmpEvidence', '对比轮次进展情况', 200, (r) => r.compare?.evidence),
    );
  }
  cols.push(
    { field: 'planTitle', headerName: '规划', width: 200, tooltipField: 'planTitle' },
    { field: 'chapter', headerName: '章节', width: 220, tooltipField: 'chapter' },
    { colId: 'kind', headerName: '类别', width: 92, valueGetter: (p) => (p.data?.kind ? TASK_KIND_LABELS[p.data.kind] : '') },
    { colId: 'leadUnits', headerName: '牵头单位', width: 160, valueGetter: (p) => units(p.data?.leadUnits), tooltipValueGetter: (p) => p.value },
    { colId: 'responsibleUnits', headerName: '责任单位', width: 180, valueGetter: (p) => units(p.data?.responsibleUnits), tooltipValueGetter: (p) => p.value },
  );
  return cols;
}

/** The arguments of one page of the task grid; the window also sends the first page ahead with them at start. */
export const taskPageArgs = (f: Filters, page: { offset: number; limit: number }, roundId: number, compareRoundId?: number) =>
  ({ ...taskArgs(f), ...page, roundId, compareRoundId });

export function TasksView({ compareRoundId, ...props }: GridViewProps<TaskRow>) {
  const { roundId } = props;
  const spec = useMemo<GridSpec<TaskRow>>(() => ({
    grid: 'tasks', entity: 'task', compareRoundId, noun: '项任务', columns: columns(compareRoundId != null), editable: TASK_EDITABLE,
    label: (r) => r.title,
    groupOf: (r) => [{ key: r.planId, label: r.planTitle }, { key: r.chapter, label: r.chapter }],
    bulk: { field: 'status', label: '评估状态', options: TASK_STATUSES },
    fetch: (ids) => fetchRows('task', roundId, compareRoundId, ids),
    load: (f, page) => send('tasks.query', taskPageArgs(f, page, roundId, compareRoundId)),
  }), [roundId, compareRoundId]);
  return <EvalGrid spec={spec} {...props} />;
}
