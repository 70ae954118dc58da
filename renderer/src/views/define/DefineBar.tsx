// The bar above the grid in 编辑规划: add a task or target after the row in focus, delete the checked (or selected)
// rows, move a task up or down within its chapter, and open the plan's details. Every step is undoable (Ctrl+Z).
import { useState, type MutableRefObject } from 'react';
import type { PlanNode, TaskRow, TargetRow } from '../../../../contract';
import type { GridHandle } from '../../grid/EvalGrid';
import { isGroup } from '../../grid/grouping';
import { toast, toastError } from '../../toast';
import { deleteRows, moveTasks } from './save';
import { useConfirm } from './ConfirmDialog';
import { NewRowDialog } from './NewRowDialog';
import { PlanDialog } from './PlanDialog';

type Row = TaskRow | TargetRow;

interface Props {
  entity: 'task' | 'target'; handle: MutableRefObject<GridHandle | null>; tree: PlanNode[]; planId: string | null;
  roundId: number; compareRoundId?: number;
  /** After a row was added: the grid shows it once its rows are read again. */
  onAdded(id: string): void;
}

/** The row in focus in the grid, if any. */
export function focusedRow<T>(h: GridHandle | null): T | null {
  const f = h?.api.getFocusedCell();
  const n = f ? h!.api.getDisplayedRowAtIndex(f.rowIndex) : null;
  return n?.data && !isGroup(n.data) ? (n.data as T) : null;
}

export function DefineBar({ entity, handle, tree, planId, roundId, compareRoundId, onAdded }: Props) {
  const [adding, setAdding] = useState<{ planId: string | null; path: string[]; after?: string } | null>(null);
  const [planInfo, setPlanInfo] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();
  const noun = entity === 'task' ? '任务' : '指标';

  const add = () => {
    const r = focusedRow<Row>(handle.current);
    setAdding({ planId: r?.planId ?? planId, path: r && 'path' in r ? r.path : [], after: r?.id });
  };
  const remove = async () => {
    const h = handle.current;
    const focused = focusedRow<Row>(h);
    const ids = h?.targetIds().length ? h.targetIds() : focused ? [focused.id] : [];
    if (!ids.length) { toast(`请先勾选或选中要删除的${noun}`, 'error'); return; }
    try {
      const n = await deleteRows(entity, ids, (message) => confirm(`删除${noun}`, message));
      if (n) toast(`已删除 ${n} 项${noun}(可撤销,Ctrl+Z)`, 'success');
    } catch (e) { toastError(e); }
  };
  /** Up: before the task above it in its chapter; down: before the one two below (or to the chapter's end). */
  const move = async (dir: -1 | 1) => {
    const h = handle.current;
    const me = focusedRow<TaskRow>(h);
    if (!h || !me) { toast('请先选中要移动的任务', 'error'); return; }
    const same: TaskRow[] = [];
    h.api.forEachNode((n) => { const d = n.data as TaskRow | undefined; if (d && !isGroup(d) && d.planId === me.planId && d.chapter === me.chapter) same.push(d); });
    same.sort((a, b) => a.seq - b.seq);
    const i = same.findIndex((r) => r.id === me.id);
    if ((dir < 0 && i <= 0) || (dir > 0 && i >= same.length - 1)) { toast(`已在本章节${dir < 0 ? '最前' : '最后'}`); return; }
    try {
      await moveTasks([me.id], { before: dir < 0 ? same[i - 1].id : same[i + 2]?.id ?? null });
      requestAnimationFrame(() => { const n = h.api.getRowNode(me.id); if (n?.rowIndex != null) h.api.setFocusedCell(n.rowIndex, h.api.getFocusedCell()?.column ?? 'title'); });
    } catch (e) { toastError(e); }
  };
  const openPlan = () => {
    const r = focusedRow<Row>(handle.current);
    const id = r?.planId ?? planId;
    if (!id) { toast('请先在左侧选择规划,或选中其中一行', 'error'); return; }
    setPlanInfo(id);
  };
  const plan = tree.find((n) => n.plan.id === planInfo)?.plan;

  return (
    <div className="define-bar" role="toolbar" aria-label="编辑规划">
      <span className="define-note">编辑规划:定义列可编辑(双击、F2 或直接输入,可从 Excel 粘贴),评估列只读</span>
      <button type="button" onClick={add}>＋ 新增{noun}</button>
      <button type="button" onClick={() => void remove()}>删除所选</button>
      {entity === 'task' && <button type="button" onClick={() => void move(-1)} title="在本章节内上移">上移</button>}
      {entity === 'task' && <button type="button" onClick={() => void move(1)} title="在本章节内下移">下移</button>}
      <button type="button" onClick={openPlan}>规划信息…</button>
      {adding && (
        <NewRowDialog entity={entity} tree={tree} planId={adding.planId} path={adding.path} after={adding.after} roundId={roundId} compareRoundId={compareRoundId}
          onClose={() => setAdding(null)} onDone={(id) => { setAdding(null); toast(`已新增${noun}(可撤销)`, 'success'); onAdded(id); }} />
      )}
      {plan && <PlanDialog plan={plan} onClose={() => setPlanInfo(null)} />}
      {dialog}
    </div>
  );
}
