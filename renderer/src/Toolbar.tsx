// The window's top bar: the evaluation round and the comparison round, the round's own actions, undo and redo, and
// the entries of views/registry.ts (dialogs and pages such as the administration page).
import type { Round } from '../../contract';
import { Menu } from './components/Menu';
import { roundLabel } from './roundLabel';
import { TOOLBAR, type DialogName, type ToolbarEntry } from './views/registry';

export type { DialogName } from './views/registry';

interface Props {
  rounds: Round[]; roundId: number | null; compareRoundId?: number; view: string;
  onRound(id: number): void; onCompare(id: number | undefined): void; onDialog(d: DialogName): void; onView(id: string): void;
  onUndo(): void; onRedo(): void;
}

export function Toolbar({ rounds, roundId, compareRoundId, view, onRound, onCompare, onDialog, onView, onUndo, onRedo }: Props) {
  const run = (e: ToolbarEntry) => (e.dialog ? onDialog(e.dialog) : e.view ? onView(view === e.view ? 'tasks' : e.view) : undefined);
  const current = rounds.find((r) => r.id === roundId);
  return (
    <header className="toolbar">
      <div className="brand">规划评估台</div>
      <label className="field">
        <span>评估轮次</span>
        <select aria-label="评估轮次" className="round-select" value={roundId ?? ''} title={current ? roundLabel(current) : undefined}
          onChange={(e) => onRound(Number(e.target.value))}>
          {rounds.map((r) => <option key={r.id} value={r.id}>{roundLabel(r)}</option>)}
        </select>
      </label>
      <Menu label="轮次 ▾" title="修改当前轮次或新建轮次" items={[
        { label: '修改轮次…', title: '修改当前轮次的名称、截止日期、数据截至日期，或定稿', run: () => onDialog('round-edit') },
        { label: '新建轮次…', run: () => onDialog('round-new') },
      ]} />
      <label className="field">
        <span>对比</span>
        <select aria-label="对比轮次" className="round-select" value={compareRoundId ?? ''} onChange={(e) => onCompare(e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">不对比</option>
          {rounds.filter((r) => r.id !== roundId).map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </select>
      </label>
      <div className="spacer" />
      <div className="btn-group" role="group" aria-label="撤销与重做">
        <button type="button" onClick={onUndo} title="撤销(Ctrl+Z)" aria-label="撤销">↶ 撤销</button>
        <button type="button" onClick={onRedo} title="重做(Ctrl+Y)" aria-label="重做">↷ 重做</button>
      </div>
      {TOOLBAR.map((e) => (
        <button key={e.id} type="button" title={e.title} className={e.view && view === e.view ? 'on' : ''} aria-pressed={e.view ? view === e.view : undefined}
          onClick={() => run(e)}>{e.label}</button>
      ))}
    </header>
  );
}
