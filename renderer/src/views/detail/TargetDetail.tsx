// A target in the detail panel: baseline and milestones (written as in the plan), the actual value with its data date
// (数据截至) and source, the computed judgement with its light, how it was read and any warning on what was typed, the
// planner's override (saved only together with a reason), and the history.
import { useEffect, useState } from 'react';
import type { Round, TargetRow } from '../../../../contract';
import { VERDICTS } from '../../../../contract/model';
import { VERDICT_COLORS, FLAG_COLORS, FLAG_LABELS } from '../../../../contract/colors';
import { saveEdits } from '../../state/changes';
import { toastError } from '../../toast';
import { pct } from '../../grid/cells';
import { Marked } from '../../components/Marked';
import { targetNotation } from '../../../../contract/notation';
import { EvalField, ChoiceField, DetailTail, saveField, type Bound } from './fields';

export function TargetDetail({ row, round, compareRoundId, terms }: { row: TargetRow; round: Round; compareRoundId?: number; terms: readonly string[] }) {
  const b: Bound = { entity: 'target', id: row.id, roundId: round.id, compareRoundId, terms };
  const e = row.eval;
  const c = row.compare;
  const j = row.judgement;
  const [pending, setPending] = useState('');
  useEffect(() => setPending(''), [row.id, round.id]);

  const saveBoth = (verdict: string, reason: string) => saveEdits('target', round.id, compareRoundId, [
    { id: row.id, field: 'overrideReason', value: reason }, { id: row.id, field: 'verdictOverride', value: verdict },
  ], 'edit');

  // A reason that reaches the database while an override waits for it lets the override through.
  useEffect(() => {
    if (pending && e.overrideReason.trim()) {
      saveField(b, 'verdictOverride', pending).then(() => setPending(''), toastError);
    }
  }, [pending, e.overrideReason]); // eslint-disable-line react-hooks/exhaustive-deps

  const chooseOverride = (v: string) => {
    if (!v) { setPending(''); void saveField(b, 'verdictOverride', '').catch(toastError); return; }
    if (e.overrideReason.trim()) void saveField(b, 'verdictOverride', v).catch(toastError);
    else setPending(v);
  };
  const saveReason = async (v: string) => {
    if (!v.trim() && e.verdictOverride) throw new Error('已调整评估结论,调整理由不能为空;如要取消调整,请先把“调整结论”改回“不调整”');
    if (pending && v.trim()) { await saveBoth(pending, v); setPending(''); return; }
    await saveField(b, 'overrideReason', v);
  };

  const vc = VERDICT_COLORS[j.verdict];
  const cc = VERDICT_COLORS[j.computed];
  const fc = FLAG_COLORS[j.flag];
  return (
    <>
      <div className="detail-head">
        <span className="chip">{row.category || '指标'}</span>
        <span className="chip" style={{ background: vc.fill, color: vc.text }}>{j.verdict}{j.overridden ? '(已调整)' : ''}</span>
        <span className="chip" style={{ background: fc.fill, color: fc.text }}>{FLAG_LABELS[j.flag]}</span>
      </div>
      <h2><Marked text={row.name} terms={terms} /></h2>
      <p className="path">{row.planTitle}{row.taskTitle ? ` › ${row.taskTitle}` : ''}</p>
      <dl>
        <dt>单位</dt><dd>{row.unit || '—'}</dd>
        <dt>属性</dt><dd>{row.attribute || '—'}</dd>
        <dt>基期</dt><dd>{row.baseline.value ?? '—'}{row.baseline.year ? `(${row.baseline.year}年)` : row.baseline.derivedYear ? `(${row.baseline.derivedYear}年,按规划期推定)` : ''}</dd>
        <dt>目标</dt><dd>{row.milestones.map((m) => `${m.year}年 ${targetNotation(m)}`).join(';') || '—'}</dd>
        <dt>责任单位</dt><dd><Marked text={row.responsibleUnits.join('、') || '—'} terms={terms} /></dd>
      </dl>
      <h3>评估({round.name},截至 {round.cutoff})</h3>
      <div className="eval-form">
        <div className="row2">
          <EvalField b={b} field="actual" label="实际值" value={e.actual} />
          <EvalField b={b} field="dataDate" label={`数据截至${e.dataDate ? '' : '(默认)'}`} value={e.dataDate || j.dataDate} type="date" />
        </div>
        {j.warnings.map((w, i) => <p key={i} className="auto-warn" role="alert">{w}</p>)}
        <EvalField b={b} field="dataSource" label="数据来源/口径" value={e.dataSource} />
        <div className="judgement">
          <div><span className="muted">完成进度</span> {pct(j.completion) || '—'}</div>
          <div><span className="muted">序时进度</span> {pct(j.timeProgress) || '—'}</div>
          <div><span className="muted">计算结论</span> <span className="chip" style={{ background: cc.fill, color: cc.text }}>{j.computed}</span></div>
          {j.method && <div><span className="muted">研判方式</span> {j.method}{row.judgeKind || row.judgeDirection ? '(人工设定)' : ''}</div>}
        </div>
        <p className="explain">{j.explanation}</p>
        <ChoiceField label="调整结论" value={pending || e.verdictOverride} options={VERDICTS} colors={VERDICT_COLORS} blank="不调整(采用计算结论)" onChange={chooseOverride} />
        {pending && <p className="auto-error" role="alert">请填写调整理由,填写后调整为「{pending}」并保存</p>}
        <EvalField b={b} field="overrideReason" label="调整理由" value={e.overrideReason} multiline save={saveReason} />
      </div>
      <DetailTail b={b} ev={e} noteLabel="说明" compare={row.compare} items={[['实际值', c?.actual ?? ''], ['数据来源', c?.dataSource ?? ''], ['调整结论', c?.verdictOverride ?? '']]} />
    </>
  );
}
