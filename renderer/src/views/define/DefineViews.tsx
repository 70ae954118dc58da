// The grids of 编辑规划: the same rows as the evaluation grids, with the definition columns editable (typed, pasted
// from Excel, filled down, cleared; one batch is one undoable step) and the evaluation columns read-only beside them.
// Rows added, deleted or moved anywhere (this bar, undo, an import) are read again in place.
import { useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import type { PlanNode, TaskRow, TargetRow } from '../../../../contract';
import { TASK_DEFINABLE, TARGET_DEFINABLE } from '../../../../contract/model';
import { send } from '../../api';
import { EvalGrid, type GridHandle, type GridViewProps } from '../../grid/EvalGrid';
import type { GridSpec } from '../../grid/spec';
import { fetchRows, onChanged } from '../../state/changes';
import { targetArgs } from '../../state/filters';
import { taskPageArgs } from '../TasksView';
import { defineTaskColumns, defineTargetColumns, taskValue, targetValue } from './columns';
import { saveDefinitions } from './save';
import { DefineBar } from './DefineBar';
import './define.css';

type Props<T> = GridViewProps<T> & { tree: PlanNode[] };

/** Reads the rows again when rows were added, deleted or moved; shows a row added here once it is there. */
function useStructure(handle: MutableRefObject<GridHandle | null>) {
  const [reload, setReload] = useState(0);
  useEffect(() => onChanged((c) => { if (c.plans?.length) setReload((v) => v + 1); }), []);
  const onAdded = (id: string) => {
    const t0 = performance.now();
    const look = () => {
      const api = handle.current?.api;
      const node = api?.getRowNode(id);
      if (api && node?.rowIndex != null) { api.ensureNodeVisible(node, 'middle'); api.setFocusedCell(node.rowIndex, api.getAllDisplayedColumns()[1] ?? 'title'); return; }
      if (performance.now() - t0 < 5000) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  };
  return { reload, onAdded };
}

const EDITABLE_TASK = TASK_DEFINABLE.filter((f) => f !== 'body' && f !== 'subpoints');

const taskSpec = (roundId: number, compareRoundId: number | undefined): GridSpec<TaskRow> => ({
  grid: 'define-tasks', entity: 'task', compareRoundId, noun: '项任务', columns: defineTaskColumns(), editable: EDITABLE_TASK,
  label: (r) => r.title,
  groupOf: (r) => [{ key: r.planId, label: r.planTitle }, { key: r.chapter, label: r.chapter }],
  cellOf: taskValue,
  save: (edits, source) => saveDefinitions('task', roundId, compareRoundId, edits, source),
  fetch: (ids) => fetchRows('task', roundId, compareRoundId, ids),
  load: (f, page) => send('tasks.query', taskPageArgs(f, page, roundId, compareRoundId)),
});

const targetSpec = (roundId: number, compareRoundId: number | undefined): GridSpec<TargetRow> => ({
  grid: 'define-targets', entity: 'target', compareRoundId, noun: '个指标', columns: defineTargetColumns(), editable: TARGET_DEFINABLE,
  label: (r) => r.name,
  groupOf: (r) => [{ key: r.planId, label: r.planTitle }, { key: r.category, label: r.category || '(未分类)' }],
  cellOf: targetValue,
  save: (edits, source) => saveDefinitions('target', roundId, compareRoundId, edits, source),
  fetch: (ids) => fetchRows('target', roundId, compareRoundId, ids),
  load: (f, page) => send('targets.query', { ...targetArgs(f), ...page, roundId, compareRoundId }),
});

function DefineView<T extends { id: string }>({ entity, build, compareRoundId, tree, onReady, ...props }: Props<T> & {
  entity: 'task' | 'target'; build(roundId: number, compareRoundId: number | undefined): GridSpec<T>;
}) {
  const { roundId } = props;
  const handle = useRef<GridHandle | null>(null);
  const { reload, onAdded } = useStructure(handle);
  const spec = useMemo(() => build(roundId, compareRoundId), [build, roundId, compareRoundId]);
  return (
    <div className="define-wrap">
      <DefineBar entity={entity} handle={handle} tree={tree} planId={props.filters.planId} roundId={roundId} compareRoundId={compareRoundId} onAdded={onAdded} />
      <EvalGrid spec={spec} {...props} reload={reload} onReady={(h) => { handle.current = h; onReady(h); }} />
    </div>
  );
}

export const DefineTasksView = (p: Props<TaskRow>) => <DefineView entity="task" build={taskSpec} {...p} />;
export const DefineTargetsView = (p: Props<TargetRow>) => <DefineView entity="target" build={targetSpec} {...p} />;
