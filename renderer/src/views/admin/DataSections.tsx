// The administration page's deletions: an evaluation round (with all its evaluations) or a plan (with its tasks,
// targets, their evaluations and history). Each is asked about first and backed up by the service before it goes.
import { useState } from 'react';
import type { PlanNode, Round } from '../../../../contract';
import { PLAN_KIND_LABELS } from '../../../../contract/model';
import { send } from '../../api';
import { toast } from '../../toast';
import { Confirm } from '../../components/Confirm';
import { roundLabel } from '../../roundLabel';

export function RoundsSection({ rounds, round, onReload }: { rounds: Round[]; round: Round; onReload(): Promise<void> }) {
  const [asking, setAsking] = useState<Round | null>(null);
  return (
    <section className="admin-box" aria-label="评估轮次">
      <h2>评估轮次</h2>
      <table className="admin-table">
        <thead><tr><th>轮次</th><th>截止日期</th><th /></tr></thead>
        <tbody>
          {rounds.map((r) => (
            <tr key={r.id}>
              <td>{r.name}{r.id === round.id && <span className="chip">当前</span>}</td>
              <td>{r.cutoff}</td>
              <td><button type="button" className="danger" disabled={rounds.length <= 1} aria-label={`删除轮次「${r.name}」`}
                title={rounds.length <= 1 ? '至少要保留一个评估轮次' : undefined} onClick={() => setAsking(r)}>删除…</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {asking && (
        <Confirm title="删除评估轮次" action="删除轮次" onClose={() => setAsking(null)} onConfirm={async () => {
          await send('rounds.delete', { id: asking.id });
          toast(`已删除评估轮次「${asking.name}」;删除前的数据已备份`, 'success');
          await onReload();
        }}>
          <p>删除评估轮次<b>「{roundLabel(asking)}」</b>?</p>
          <p>这一轮填写的全部评估内容(状态、进度、进展情况、实际值等)将一并删除,其他轮次不受影响。</p>
          <p className="muted">删除前会自动备份,需要时可在「备份与恢复」中恢复。</p>
        </Confirm>
      )}
    </section>
  );
}

export function PlansSection({ tree, onReload }: { tree: PlanNode[]; onReload(): Promise<void> }) {
  const [asking, setAsking] = useState<PlanNode['plan'] | null>(null);
  return (
    <section className="admin-box" aria-label="规划">
      <h2>规划({tree.length} 个)</h2>
      {!tree.length ? <p className="muted">还没有规划。用工具栏的「导入规划…」导入规划文件。</p> : (
        <div className="admin-scroll">
          <table className="admin-table">
            <thead><tr><th>规划</th><th>任务</th><th>指标</th><th /></tr></thead>
            <tbody>
              {tree.map(({ plan: p }) => (
                <tr key={p.id}>
                  <td className="admin-plan" title={`${p.title}${p.docNumber ? `\n${p.docNumber}` : ''}`}><span className="kind">{PLAN_KIND_LABELS[p.kind]}</span>{p.title}</td>
                  <td className="num">{p.taskCount}</td>
                  <td className="num">{p.targetCount}</td>
                  <td><button type="button" className="danger" aria-label={`删除规划「${p.title}」`} onClick={() => setAsking(p)}>删除…</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {asking && (
        <Confirm title="删除规划" action="删除规划" onClose={() => setAsking(null)} onConfirm={async () => {
          await send('plans.delete', { id: asking.id });
          toast(`已删除规划「${asking.title}」;删除前的数据已备份`, 'success');
          await onReload();
        }}>
          <p>删除规划<b>「{asking.title}」</b>{asking.docNumber ? `(${asking.docNumber})` : ''}?</p>
          <p>它的 {asking.taskCount} 项任务、{asking.targetCount} 个指标,以及各轮次的评估内容将一并删除。</p>
          <p className="muted">删除前会自动备份,需要时可在「备份与恢复」中恢复。</p>
        </Confirm>
      )}
    </section>
  );
}
