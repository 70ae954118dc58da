// The detail panel: the selected task's or target's full text, its units, its evaluation and its change history.
import { useEffect, useState } from 'react';
import type { HistoryEntry, Round, TaskRow, TargetRow } from '../../../core/contract';
import { TASK_KIND_LABELS } from '../../../core/contract/model';
import { STATUS_COLORS, VERDICT_COLORS } from '../../../core/contract/colors';
import { send } from '../api';
import { toastError } from '../toast';
import type { Selected } from '../App';

const FIELD_NAMES: Record<string, string> = {
  status: '评估状态', progress: '进度', evidence: '进展情况', problems: '存在问题', nextSteps: '下步打算', note: '备注',
  reporter: '填报单位', reportedOn: '填报日期', actual: '实际值', dataSource: '数据来源', verdictOverride: '调整后结论', overrideReason: '调整理由',
};

function History({ entity, id, roundId, version }: { entity: 'task' | 'target'; id: string; roundId: number; version: string | null }) {
  const [items, setItems] = useState<HistoryEntry[]>([]);
  useEffect(() => {
    send('history.entity', { entity, id, roundId }).then(setItems, toastError);
  }, [entity, id, roundId, version]);
  if (!items.length) return <p className="muted">尚无修改记录</p>;
  return (
    <ol className="history">
      {items.map((h) => (
        <li key={h.id}>
          <div className="when">{h.at.slice(0, 19).replace('T', ' ')} · {h.label || h.source}</div>
          <div><b>{FIELD_NAMES[h.field] ?? h.field}</b>:<s>{h.oldValue || '(空)'}</s> → {h.newValue || '(空)'}</div>
        </li>
      ))}
    </ol>
  );
}

function TaskDetail({ row, round }: { row: TaskRow; round: Round }) {
  const [full, setFull] = useState<TaskRow>(row);
  useEffect(() => {
    send('tasks.get', { id: row.id, roundId: round.id }).then(setFull, toastError);
  }, [row, round.id]);
  const c = STATUS_COLORS[full.eval.status];
  return (
    <>
      <div className="detail-head">
        <span className="chip">{TASK_KIND_LABELS[full.kind]}</span>
        <span className="chip" style={{ background: c.fill, color: c.text }}>{full.eval.status}</span>
      </div>
      <h2>{full.code ? `${full.code} ` : ''}{full.title}</h2>
      <p className="path">{full.planTitle}{full.chapter ? ` › ${full.chapter}` : ''}</p>
      <dl>
        <dt>牵头单位</dt><dd>{full.leadUnits.join('、') || '—'}</dd>
        <dt>责任单位</dt><dd>{full.responsibleUnits.join('、') || '—'}</dd>
      </dl>
      <h3>正文</h3>
      <p className="body-text">{full.body || full.title}</p>
      {full.subpoints.length > 0 && <ul className="subpoints">{full.subpoints.map((s, i) => <li key={i}>{s}</li>)}</ul>}
      <h3>修改历史</h3>
      <History entity="task" id={full.id} roundId={round.id} version={full.eval.updatedAt} />
    </>
  );
}

function TargetDetail({ row, round }: { row: TargetRow; round: Round }) {
  const j = row.judgement;
  const c = VERDICT_COLORS[j.verdict];
  return (
    <>
      <div className="detail-head">
        <span className="chip">{row.category || '指标'}</span>
        <span className="chip" style={{ background: c.fill, color: c.text }}>{j.verdict}</span>
      </div>
      <h2>{row.name}</h2>
      <p className="path">{row.planTitle}{row.taskTitle ? ` › ${row.taskTitle}` : ''}</p>
      <dl>
        <dt>单位</dt><dd>{row.unit || '—'}</dd>
        <dt>属性</dt><dd>{row.attribute || '—'}</dd>
        <dt>基期</dt><dd>{row.baseline.value ?? '—'}{row.baseline.year ? `(${row.baseline.year}年)` : ''}</dd>
        <dt>目标</dt><dd>{row.milestones.map((m) => `${m.year}年 ${m.value}`).join(';') || '—'}</dd>
        <dt>责任单位</dt><dd>{row.responsibleUnits.join('、') || '—'}</dd>
        <dt>实际值</dt><dd>{row.eval.actual || '—'}</dd>
        <dt>判断</dt><dd>{j.explanation}</dd>
      </dl>
      <h3>修改历史</h3>
      <History entity="target" id={row.id} roundId={round.id} version={row.eval.updatedAt} />
    </>
  );
}

export function DetailPanel({ selected, round }: { selected: Selected; round: Round | null; onChanged(): void }) {
  return (
    <aside className="detail" aria-label="详情">
      {!selected || !round ? <p className="muted">选择一行查看详情</p>
        : selected.kind === 'task' ? <TaskDetail row={selected.row} round={round} />
        : <TargetDetail row={selected.row} round={round} />}
    </aside>
  );
}
