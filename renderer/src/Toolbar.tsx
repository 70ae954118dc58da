// The window's top bar: the evaluation round and the comparison round, undo and redo, and the file and settings actions.
import type { Round } from '../../contract';

export type DialogName = 'round-new' | 'round-edit' | 'thresholds' | 'import' | 'export' | 'returns';

interface Props {
  rounds: Round[]; roundId: number | null; compareRoundId?: number;
  onRound(id: number): void; onCompare(id: number | undefined): void; onDialog(d: DialogName): void; onUndo(): void; onRedo(): void;
  onReturns?(): void;
}

export function Toolbar({ rounds, roundId, compareRoundId, onRound, onCompare, onDialog, onUndo, onRedo, onReturns }: Props) {
  return (
    <header className="toolbar">
      <div className="brand">规划评估台</div>
      <label className="field">
        <span>评估轮次</span>
        <select aria-label="评估轮次" value={roundId ?? ''} onChange={(e) => onRound(Number(e.target.value))}>
          {rounds.map((r) => <option key={r.id} value={r.id}>{r.name}(截至 {r.cutoff})</option>)}
        </select>
      </label>
      <button type="button" onClick={() => onDialog('round-edit')} title="修改当前轮次的名称、截止日期、数据截至日期，或定稿">修改轮次…</button>
      <button type="button" onClick={() => onDialog('round-new')}>新建轮次…</button>
      <label className="field">
        <span>对比</span>
        <select aria-label="对比轮次" value={compareRoundId ?? ''} onChange={(e) => onCompare(e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">不对比</option>
          {rounds.filter((r) => r.id !== roundId).map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </select>
      </label>
      <div className="spacer" />
      <div className="btn-group" role="group" aria-label="撤销与重做">
        <button type="button" onClick={onUndo} title="撤销(Ctrl+Z)" aria-label="撤销">↶ 撤销</button>
        <button type="button" onClick={onRedo} title="重做(Ctrl+Y)" aria-label="重做">↷ 重做</button>
      </div>
      <button type="button" onClick={() => onDialog('import')}>导入规划文件…</button>
      <button type="button" onClick={() => onDialog('export')}>导出评估报告…</button>
      <button type="button" onClick={() => onDialog('returns')}>下发填报/回收汇总…</button>
      {onReturns && <button type="button" onClick={onReturns} title="各单位填报表的下发、回收与审核情况">回收看板</button>}
      <button type="button" onClick={() => onDialog('thresholds')} title="红黄灯阈值">预警阈值…</button>
    </header>
  );
}
