// A task in the detail panel: its light with the reason (逾期 days), deadline and milestones, its full text and units
// (the search words marked), its evaluation (status, progress, 进展情况, 存在问题, 下步打算, reporting unit and date)
// edited with autosave, the comparison round's values, and its history.
import type { Round, TaskRow } from '../../../../contract';
import { TASK_KIND_LABELS, TASK_STATUSES } from '../../../../contract/model';
import { STATUS_COLORS, FLAG_COLORS } from '../../../../contract/colors';
import { lightText } from '../../grid/cells';
import { toastError } from '../../toast';
import { Marked } from '../../components/Marked';
import { EvalField, ChoiceField, DetailTail, saveField, type Bound } from './fields';

export function TaskDetail({ row, round, compareRoundId, terms }: { row: TaskRow; round: Round; compareRoundId?: number; terms: readonly string[] }) {
  const b: Bound = { entity: 'task', id: row.id, roundId: round.id, compareRoundId, terms };
  const e = row.eval;
  const c = row.compare;
  const sc = STATUS_COLORS[e.status];
  const fc = FLAG_COLORS[row.light.flag];
  const bodyHit = terms.length > 0 && terms.some((t) => `${row.body}\n${row.subpoints.join('\n')}`.toLowerCase().includes(t));
  return (
    <>
      <div className="detail-head">
        <span className="chip">{TASK_KIND_LABELS[row.kind]}</span>
        <span className="chip" style={{ background: sc.fill, color: sc.text }}>{e.status}</span>
        <span className="chip light-chip" style={{ background: fc.fill, color: fc.text }} title={row.light.reason}>{lightText(row.light.flag, row.light.overdueDays) || '不亮灯'}</span>
      </div>
      <p className="light-reason" style={{ borderColor: fc.text }}>{row.light.reason}</p>
      <h2>{row.code ? `${row.code} ` : ''}<Marked text={row.title} terms={terms} /></h2>
      <p className="path">{row.planTitle}{row.chapter ? ` › ${row.chapter}` : ''}</p>
      <dl>
        <dt>牵头单位</dt><dd><Marked text={row.leadUnits.join('、') || '—'} terms={terms} /></dd>
        <dt>责任单位</dt><dd><Marked text={row.responsibleUnits.join('、') || '—'} terms={terms} /></dd>
        <dt>完成时限</dt><dd>{row.deadline || '—'}</dd>
        {row.milestones.length > 0 && <><dt>节点</dt><dd><ul className="milestones">{row.milestones.map((m, i) => <li key={i}><b>{m.due}</b> {m.what}</li>)}</ul></dd></>}
      </dl>
      <details className="body-box" open={bodyHit || undefined} key={`${row.id}:${bodyHit}`}>
        <summary>正文{bodyHit ? '(含搜索词)' : ''}</summary>
        <p className="body-text"><Marked text={row.body || row.title} terms={terms} /></p>
        {row.subpoints.length > 0 && <ul className="subpoints">{row.subpoints.map((s, i) => <li key={i}><Marked text={s} terms={terms} /></li>)}</ul>}
      </details>
      <h3>评估({round.name})</h3>
      <div className="eval-form">
        <div className="row2">
          <ChoiceField label="评估状态" value={e.status} options={TASK_STATUSES} colors={STATUS_COLORS}
            onChange={(v) => void saveField(b, 'status', v).catch(toastError)} />
          <EvalField b={b} field="progress" label="进度(%)" value={e.progress == null ? '' : String(e.progress)} />
        </div>
        <EvalField b={b} field="evidence" label="进展情况" value={e.evidence} multiline />
        <EvalField b={b} field="problems" label="存在问题" value={e.problems} multiline />
        <EvalField b={b} field="nextSteps" label="下步打算" value={e.nextSteps} multiline />
      </div>
      <DetailTail b={b} ev={e} noteLabel="备注" compare={row.compare} items={[['评估状态', c?.status ?? ''], ['进度', c?.progress == null ? '' : `${c.progress}%`], ['进展情况', c?.evidence ?? ''], ['存在问题', c?.problems ?? ''], ['下步打算', c?.nextSteps ?? '']]} />
    </>
  );
}
