// Creating an evaluation round (name, cut-off date, optionally starting from an earlier round's values) or changing the
// current one's name and cut-off.
import { useState } from 'react';
import type { Round } from '../../../../contract';
import { send } from '../../api';
import { toast } from '../../toast';
import { Dialog } from '../../components/Dialog';
import { DateInput } from '../../components/DateInput';
import { parseDay } from '../../dates';

interface Props { mode: 'new' | 'edit'; rounds: Round[]; current: Round | null; onClose(): void; onDone(r: Round): void }

export function RoundDialog({ mode, rounds, current, onClose, onDone }: Props) {
  const year = new Date().getFullYear();
  const [name, setName] = useState(mode === 'edit' ? current?.name ?? '' : `${year}年评估`);
  const [cutoff, setCutoff] = useState(mode === 'edit' ? current?.cutoff ?? '' : `${year}-06-30`);
  const [copyFrom, setCopyFrom] = useState<number | ''>(mode === 'new' && current ? current.id : '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError('');
    try {
      const r = mode === 'new'
        ? await send('rounds.create', { name, cutoff, copyFrom: copyFrom === '' ? undefined : copyFrom })
        : await send('rounds.update', { id: current!.id, name, cutoff });
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
        <label>截止日期<DateInput label="截止日期" value={cutoff} onChange={setCutoff} invalid={!!cutoff && !parseDay(cutoff)} /></label>
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
    </Dialog>
  );
}
