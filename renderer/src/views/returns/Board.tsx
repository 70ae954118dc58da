// 回收看板: per unit, the workbook issued (when, which file), the return (when, who, which file), rows changed, waiting
// for review and applied, and the state, late ones marked; the round's deadline, the 催报 list, review and issue again.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BoardUnit, Changed, ReturnsBoard } from '../../../../contract';
import { RETURN_STATE_LABELS } from '../../../../contract';
import { send, deliver, chooseSavePath } from '../../api';
import { toast, toastError } from '../../toast';
import { ReturnsDialog } from '../excel/ReturnsDialog';
import { ReviewDialog } from './ReviewDialog';
import { DateInput } from '../../components/DateInput';

type Filter = 'all' | 'open' | 'late' | 'pending' | 'done';
const FILTERS: [Filter, string][] = [['all', '全部单位'], ['open', '未回收'], ['late', '逾期'], ['pending', '待审核'], ['done', '已处理']];
const matches = (u: BoardUnit, f: Filter) => f === 'all'
  || (f === 'open' && ['issued', 'overdue', 'reissued', 'not_issued'].includes(u.state))
  || (f === 'late' && u.late)
  || (f === 'pending' && u.pendingRows > 0)
  || (f === 'done' && ['applied', 'partial', 'declined', 'kept', 'nochange'].includes(u.state) && !u.pendingRows);

const day = (iso: string | undefined | null) => (iso ? iso.slice(0, 10) : '');

function StateChip({ u }: { u: BoardUnit }) {
  const tone = u.state === 'overdue' ? 'bad' : u.pendingRows > 0 ? 'wait' : ['applied', 'kept', 'nochange', 'partial'].includes(u.state) ? 'ok' : '';
  return (
    <>
      <span className={`rb-chip ${tone}`}>{RETURN_STATE_LABELS[u.state]}</span>
      {u.late && u.daysLate != null && <span className="rb-chip bad">{u.returned ? `逾期报送 ${u.daysLate} 天` : `已逾期 ${u.daysLate} 天`}</span>}
      {u.returned && u.blocked && <span className="rb-chip warn" title={u.blocked}>填报信息不全</span>}
    </>
  );
}

export function Board({ roundId, onApplied }: { roundId: number; onApplied(c: Changed): void }) {
  const [board, setBoard] = useState<ReturnsBoard | null>(null);
  const [due, setDue] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [dialog, setDialog] = useState<{ kind: 'out' | 'in'; units?: string[] } | { kind: 'review'; units?: string[] } | null>(null);
  const load = useCallback(() => send('returns.board', { roundId }).then((b) => { setBoard(b); setDue(b.due); }, toastError), [roundId]);
  useEffect(() => { void load(); }, [load]);
  const shown = useMemo(() => (board?.units ?? []).filter((u) => matches(u, filter)), [board, filter]);

  async function saveDue() {
    try {
      await send('returns.setDue', { roundId, due });
      toast(due ? `报送截止日期已设为 ${due}` : '已取消报送截止日期', 'success');
      await load();
    } catch (e) {
      toastError(e);
    }
  }
  async function remind() {
    try {
      const out = await chooseSavePath(`催报名单-${board?.roundName ?? ''}.xlsx`);
      if (out === null) return;
      const r = await send('export.reminders', { roundId, ...(out ? { out } : {}) });
      toast(`已导出催报名单(${r.units} 个未报送单位)`, 'success');
      deliver(r);
    } catch (e) {
      toastError(e);
    }
  }
  const closed = () => { setDialog(null); void load(); };

  if (!board) return <p className="muted rb-loading">正在读取回收情况…</p>;
  const t = board.totals;
  return (
    <div className="rb">
      <div className="rb-bar">
        <span className="rb-sum" aria-label="回收汇总">
          共 <b>{t.units}</b> 个单位 · 已下发 <b>{t.issued}</b> · 已回收 <b>{t.returned}</b>(逾期报送 {t.late})
          · <span className={t.overdue ? 'rb-bad' : ''}>逾期未报 <b>{t.overdue}</b></span> · 待审核 <b>{t.pending}</b>
        </span>
        <label className="field"><span>报送截止</span>
          <DateInput label="报送截止日期" value={due} onChange={setDue} />
        </label>
        <button type="button" onClick={() => void saveDue()} disabled={due === board.due}>保存截止日期</button>
        <span className="spacer" />
        <button type="button" onClick={() => setDialog({ kind: 'out' })}>下发填报表…</button>
        <button type="button" onClick={() => setDialog({ kind: 'in' })}>导入回收的填报表…</button>
        <button type="button" disabled={!t.pending} onClick={() => setDialog({ kind: 'review' })}>审核全部待审核</button>
        <button type="button" disabled={!board.units.some((u) => ['issued', 'overdue', 'reissued'].includes(u.state))} onClick={() => void remind()}>导出催报名单</button>
      </div>
      <div className="rb-filters" role="tablist" aria-label="筛选单位">
        {FILTERS.map(([f, label]) => (
          <button key={f} type="button" role="tab" aria-selected={filter === f} className={filter === f ? 'on' : ''} onClick={() => setFilter(f)}>
            {label}({board.units.filter((u) => matches(u, f)).length})
          </button>
        ))}
        <span className="muted">统计于 {board.today}{board.due ? `,报送截止 ${board.due}` : ',尚未设定报送截止日期'}</span>
      </div>
      <div className="rb-table-wrap">
        <table className="rb-table" aria-label="回收看板">
          <thead><tr>
            <th>单位</th><th>任务/指标</th><th>下发</th><th>回收</th><th>填报人</th><th>改动行</th><th>待审核</th><th>已采纳</th><th>状态</th><th>操作</th>
          </tr></thead>
          <tbody>
            {shown.map((u) => (
              <tr key={u.unit} data-unit={u.unit} className={u.state === 'overdue' ? 'rb-row-overdue' : u.late ? 'rb-row-late' : ''}>
                <td className="rb-unit">{u.unit}</td>
                <td className="num">{u.tasks} / {u.targets}</td>
                <td>{u.issued ? <>{day(u.issued.at)}{u.issued.times > 1 && <span className="muted">(第 {u.issued.times} 次)</span>}<div className="rb-file" title={u.issued.file}>{u.issued.file}</div></> : <span className="muted">—</span>}</td>
                <td>{u.returned ? <>{u.returned.deliveredOn}{u.returned.operator && <span className="muted">(经办 {u.returned.operator})</span>}
                  <div className="rb-file" title={u.returned.file}>{u.returned.file}</div></> : <span className="muted">—</span>}</td>
                <td>{u.returned?.contacts.filler
                  ? <>{u.returned.contacts.filler}<div className="muted">{u.returned.contacts.phone}</div></>
                  : u.lastContacts ? <span className="muted" title={`${u.lastContacts.round}的填报人`}>上轮:{u.lastContacts.filler} {u.lastContacts.phone}</span> : <span className="muted">—</span>}</td>
                <td className="num">{u.changedRows || ''}</td>
                <td className="num">{u.pendingRows ? <b>{u.pendingRows}</b> : ''}</td>
                <td className="num">{u.appliedRows || ''}</td>
                <td><StateChip u={u} /></td>
                <td className="rb-actions">
                  {u.pendingRows > 0 && <button type="button" onClick={() => setDialog({ kind: 'review', units: [u.unit] })}>审核</button>}
                  <button type="button" onClick={() => setDialog({ kind: 'out', units: [u.unit] })}>{u.issued ? '重新下发' : '下发'}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {!shown.length && <p className="muted rb-loading">没有符合条件的单位。</p>}
      </div>
      {dialog && dialog.kind !== 'review' && (
        <ReturnsDialog roundId={roundId} start={dialog.kind} units={dialog.units} onClose={closed} onApplied={onApplied} />
      )}
      {dialog?.kind === 'review' && <ReviewDialog roundId={roundId} units={dialog.units} onClose={closed} onApplied={onApplied} />}
    </div>
  );
}
