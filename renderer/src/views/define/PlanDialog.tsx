// 规划信息: a plan's title, 发文字号, 发文机关, 成文日期, period and kind, corrected in one undoable step. The year before
// the period starts is the base year of targets that give none.
import { useState } from 'react';
import type { PlanSummary, PlanDefinable } from '../../../../contract';
import { PLAN_KINDS, PLAN_KIND_LABELS } from '../../../../contract/model';
import { fieldLabel } from '../../../../contract/labels';
import { send } from '../../api';
import { announce } from '../../state/changes';
import { toast } from '../../toast';
import { Dialog } from '../../components/Dialog';

const FIELDS: PlanDefinable[] = ['title', 'docNumber', 'issuer', 'issued', 'periodStart', 'periodEnd'];
const valueOf = (p: PlanSummary, f: PlanDefinable): string => {
  const v = p[f as keyof PlanSummary];
  return v == null ? '' : String(v);
};

export function PlanDialog({ plan, onClose }: { plan: PlanSummary; onClose(): void }) {
  const [v, setV] = useState<Record<string, string>>(() => Object.fromEntries([...FIELDS, 'kind'].map((f) => [f, valueOf(plan, f as PlanDefinable)])));
  const [error, setError] = useState('');
  const save = async () => {
    const changes = Object.fromEntries(Object.entries(v).filter(([f, x]) => x !== valueOf(plan, f as PlanDefinable)));
    if (!Object.keys(changes).length) { onClose(); return; }
    try {
      const r = await send('plans.update', { id: plan.id, changes });
      announce(r.changed);
      toast(`已保存「${r.plan.title}」的规划信息(可撤销)`, 'success');
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const start = Number(v.periodStart);
  return (
    <Dialog title="规划信息" onClose={onClose} buttons={(
      <>
        <button type="button" onClick={onClose}>取消</button>
        <button type="button" className="dlg-primary" onClick={() => void save()}>保存</button>
      </>
    )}>
      <form className="nr-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        {FIELDS.map((f) => (
          <label key={f} className={`nr-field${f === 'title' || f === 'issuer' ? ' wide' : ''}`}><span>{fieldLabel(f)}</span>
            <input type="text" aria-label={fieldLabel(f)} value={v[f]} onChange={(e) => setV((x) => ({ ...x, [f]: e.target.value }))}
              placeholder={f === 'issued' ? '2021-07-12' : f.startsWith('period') ? '如 2021' : ''} />
          </label>
        ))}
        <label className="nr-field"><span>{fieldLabel('kind')}</span>
          <select aria-label={fieldLabel('kind')} value={v.kind} onChange={(e) => setV((x) => ({ ...x, kind: e.target.value }))}>
            {PLAN_KINDS.map((k) => <option key={k} value={k}>{PLAN_KIND_LABELS[k]}</option>)}
          </select>
        </label>
        <button type="submit" hidden />
      </form>
      {Number.isInteger(start) && start > 1900 && <p className="dlg-muted">没有写明基期年份的指标,以规划期起始的前一年({start - 1} 年)为基期。</p>}
      {error && <p className="dlg-error" role="alert">{error}</p>}
    </Dialog>
  );
}
