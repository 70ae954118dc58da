// Creating an evaluation round (name, cut-off date, the default data date of its actual values, optionally starting
// from an earlier round's values) or changing the current one; finalising it (定稿: no edits and no returns until it is
// reopened) and reopening it, each with a reason kept in the history.
import { useState } from 'react';
import type { Round } from '../../../../contract';
import { send } from '../../api';
import { toast } from '../../toast';
import { Dialog } from '../../components/Dialog';
import { DateInput } from '../../components/DateInput';
import { parseDay } from '../../dates';

interface Props { mode: 'new' | 'edit'; rounds: Round[]; current: Round | null; onClose(): void; onDone(r: Round): void }

/** Annual figures of a mid-year evaluation are those of the year before: the default data date proposed for a cut-off. */
export function proposedDataDate(cutoff: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cutoff);
  if (!m) return '';
  return m[2] === '12' && m[3] === '31' ? cutoff : `${Number(m[1]) - 1}-12-31`;
}

function Finalise({ round, onDone }: { round: Round; onDone(r: Round): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const final = !!round.finalizedAt;
  const act = async () => {
    try {
      const r = await send(final ? 'rounds.reopen' : 'rounds.finalize', { id: round.id, reason });
      toast(final ? `已撤销「${r.name}」的定稿,可以继续修改` : `「${r.name}」已定稿,不再接受修改和回收填报`, 'success');
      onDone(r);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <fieldset className="finalise">
      <legend>定稿</legend>
      <p className="dlg-muted">{final
        ? `本轮已于 ${round.finalizedAt.slice(0, 16).replace('T', ' ')} 定稿:不接受修改和回收填报。撤销定稿须说明原因。`
        : '定稿后本轮不再接受修改和回收填报(红黄灯按定稿时的阈值保留),直到撤销定稿。'}</p>
      <label>{final ? '撤销原因' : '定稿说明'}<input type="text" aria-label={final ? '撤销定稿的原因' : '定稿说明'} value={reason} maxLength={500}
        placeholder={final ? '如:区政府要求补充数据' : '如:报区政府审定稿'} onChange={(e) => setReason(e.target.value)} /></label>
      <button type="button" className={final ? '' : 'dlg-primary'} disabled={!reason.trim()} onClick={() => void act()}>{final ? '撤销定稿' : '定稿'}</button>
      {error && <p className="dlg-error" role="alert">{error}</p>}
    </fieldset>
  );
}

export function RoundDialog({ mode, rounds, current, onClose, onDone }: Props) {
  const year = new Date().getFullYear();
  const [name, setName] = useState(mode === 'edit' ? current?.name ?? '' : `${year}年评估`);
  const [cutoff, setCutoff] = useState(mode === 'edit' ? current?.cutoff ?? '' : `${year}-06-30`);
  const [dataDate, setDataDate] = useState(mode === 'edit' ? current?.dataDate ?? '' : proposedDataDate(`${year}-06-30`));
  const [dateTouched, setDateTouched] = useState(mode === 'edit');
  const [copyFrom, setCopyFrom] = useState<number | ''>(mode === 'new' && current ? current.id : '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const final = mode === 'edit' && !!current?.finalizedAt;

  const submit = async () => {
    setBusy(true);
    setError('');
    try {
      const r = mode === 'new'
        ? await send('rounds.create', { name, cutoff, dataDate, copyFrom: copyFrom === '' ? undefined : copyFrom })
        : await send('rounds.update', final ? { id: current!.id, name } : { id: current!.id, name, cutoff, dataDate });
      toast(mode === 'new' ? `已新建评估轮次「${r.name}」` : `已修改评估轮次「${r.name}」`, 'success');
      onDone(r);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={mode === 'new' ? '新建评估轮次' : '修改评估轮次'} onClose={onClose} buttons={(
      <>
        <button type="button" onClick={onClose}>取消</button>
        <button type="submit" form="round-form" className="dlg-primary" disabled={busy || !name.trim() || !parseDay(cutoff)}>{mode === 'new' ? '新建' : '保存'}</button>
      </>
    )}>
      <form id="round-form" className="form-grid" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <label>名称<input type="text" aria-label="轮次名称" value={name} autoFocus onChange={(e) => setName(e.target.value)} placeholder="如:2023年中期评估" /></label>
        <label>截止日期<DateInput label="截止日期" value={cutoff} disabled={final} invalid={!!cutoff && !parseDay(cutoff)}
          onChange={(v) => { setCutoff(v); if (!dateTouched && parseDay(v)) setDataDate(proposedDataDate(v)); }} /></label>
        <label>数据截至<DateInput label="默认数据截至日期" value={dataDate} disabled={final} invalid={!!dataDate && !parseDay(dataDate)}
          onChange={(v) => { setDataDate(v); setDateTouched(true); }} /></label>
        <p className="dlg-muted">实际值所指的日期(年度统计数据一般截至上年末);未单独填写的指标按此计算序时进度,留空即按截止日期。</p>
        {mode === 'new' && (
          <label>起始数据
            <select aria-label="起始数据" value={copyFrom} onChange={(e) => setCopyFrom(e.target.value ? Number(e.target.value) : '')}>
              <option value="">空白(全部待评估)</option>
              {rounds.map((r) => <option key={r.id} value={r.id}>沿用「{r.name}」的评估内容</option>)}
            </select>
          </label>
        )}
        {error && <p className="dlg-error" role="alert">{error}</p>}
      </form>
      {mode === 'edit' && current && <Finalise round={current} onDone={onDone} />}
    </Dialog>
  );
}
