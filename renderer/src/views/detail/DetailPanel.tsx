// The detail panel's content: the selected task or target, fetched in full when selected; after a change it takes the
// row that came with an edit's answer, and fetches again only what came without (undo, redo, a restore, a bulk change).
// With nothing selected it says what to do.
import { useEffect, useState } from 'react';
import type { PlanNode, Round, TaskRow, TargetRow } from '../../../../contract';
import { send } from '../../api';
import { onChanged, usable } from '../../state/changes';
import { toastError } from '../../toast';
import { TaskDetail } from './TaskDetail';
import { TargetDetail } from './TargetDetail';
import { TaskDefinition } from '../define/TaskDefinition';
import { TargetDefinition } from '../define/TargetDefinition';

export type Selected = { kind: 'task'; id: string } | { kind: 'target'; id: string } | null;
type Loaded = { kind: 'task'; row: TaskRow } | { kind: 'target'; row: TargetRow } | null;

/** In 编辑规划 (`define`) the panel edits the row's definition instead of its evaluation. */
export function DetailPanel({ selected, round, compareRoundId, terms, noun, define, tree }: {
  selected: Selected; round: Round | null; compareRoundId?: number; terms: readonly string[]; noun: string; define?: boolean; tree?: PlanNode[] | null;
}) {
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => onChanged((c, fresh) => {
    if (!selected || !(selected.kind === 'task' ? c.tasks : c.targets).includes(selected.id) || (c.roundId != null && c.roundId !== round?.id)) return;
    const row = usable<TaskRow | TargetRow>(fresh, selected.kind, compareRoundId, [])?.find((r) => r.id === selected.id);
    if (row) setLoaded(selected.kind === 'task' ? { kind: 'task', row: row as TaskRow } : { kind: 'target', row: row as TargetRow });
    else setVersion((v) => v + 1);
  }), [selected, round, compareRoundId]);

  useEffect(() => {
    if (!selected || !round) { setLoaded(null); return; }
    let stale = false;
    const args = { id: selected.id, roundId: round.id, compareRoundId };
    const p = selected.kind === 'task'
      ? send('tasks.get', args).then((row): Loaded => ({ kind: 'task', row }))
      : send('targets.get', args).then((row): Loaded => ({ kind: 'target', row }));
    p.then((l) => { if (!stale) setLoaded(l); }, toastError);
    return () => { stale = true; };
  }, [selected, round, compareRoundId, version]);

  const current = loaded && selected && loaded.row.id === selected.id && loaded.kind === selected.kind ? loaded : null;
  if (!selected || !round) {
    return (
      <div className="detail-empty">
        <p><b>未选中{noun}</b></p>
        <p>在表格中点选一行(或用 ↑↓ 移动),这里显示它的全文,并可填写评估。</p>
        <ul className="muted">
          <li>在单元格中直接输入,或按 F2 编辑</li>
          <li>进展情况等长文字:Enter 换行,Ctrl+Enter 保存</li>
          <li>F6 在规划树、表格和详情之间切换</li>
        </ul>
      </div>
    );
  }
  if (!current) return <p className="muted">正在读取…</p>;
  if (define) {
    return current.kind === 'task'
      ? <TaskDefinition row={current.row} round={round} compareRoundId={compareRoundId} tree={tree ?? []} />
      : <TargetDefinition row={current.row} round={round} compareRoundId={compareRoundId} tree={tree ?? []} />;
  }
  return current.kind === 'task'
    ? <TaskDetail row={current.row} round={round} compareRoundId={compareRoundId} terms={terms} />
    : <TargetDetail row={current.row} round={round} compareRoundId={compareRoundId} terms={terms} />;
}
