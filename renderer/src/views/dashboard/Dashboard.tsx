// The dashboard: the lights in total, per plan or per responsible unit tasks by status and targets by verdict (charts
// and tables), the lights per plan or unit and the units' ranking; every bar segment and every number opens the grid
// filtered to exactly those rows.
import { useEffect, useMemo, useState } from 'react';
import type { Dashboard as Summary } from '../../../../contract';
import { TASK_STATUSES, VERDICTS } from '../../../../contract/model';
import { STATUS_COLORS, VERDICT_COLORS } from '../../../../contract/colors';
import { send } from '../../api';
import { toastError } from '../../toast';
import { StackChart } from './StackChart';
import { bars, chartBars, CHART_LIMIT, type Bar } from './bars';
import { LightSummary, LightTable } from './Lights';
import { UnitRanking } from './UnitRanking';

/** What a click opens: the rows of a plan, a unit or all, by status or verdict (no field), light or standing. */
export interface Drill { by: 'plan' | 'unit' | 'all'; key: string; entity: 'task' | 'target'; value: string | null; field?: 'light' | 'standing' }

function CountTable({ caption, rows, keys, by, entity, onDrill }: {
  caption: string; rows: Bar[]; keys: readonly string[]; by: Drill['by']; entity: Drill['entity']; onDrill(d: Drill): void;
}) {
  const cell = (b: Bar, k: string | null) => {
    const n = k ? b.counts[k] ?? 0 : b.counts.total;
    return (
      <td key={k ?? 'total'} className={k ? '' : 'total'}>
        {n ? <button type="button" className="num" data-drill={`${by}|${b.key}|${entity}|${k ?? ''}`} aria-label={`${b.label} ${k ?? '合计'} ${n}`}
          onClick={() => onDrill({ by, key: b.key, entity, value: k })}>{n}</button> : <span className="zero">0</span>}
      </td>
    );
  };
  return (
    <table className="dash-table" aria-label={caption}>
      <caption>{caption}</caption>
      <thead><tr><th>{by === 'plan' ? '规划' : '责任单位'}</th>{keys.map((k) => <th key={k}>{k}</th>)}<th>合计</th></tr></thead>
      <tbody>{rows.map((b) => <tr key={b.key}><th scope="row" title={b.label}>{b.label}</th>{keys.map((k) => cell(b, k))}{cell(b, null)}</tr>)}</tbody>
    </table>
  );
}

export function Dashboard({ roundId, onDrill }: { roundId: number; onDrill(d: Drill): void }) {
  const [data, setData] = useState<Summary | null>(null);
  const [by, setBy] = useState<'plan' | 'unit'>('plan');
  useEffect(() => { send('dashboard.summary', { roundId }).then(setData, toastError); }, [roundId]);

  const groups = useMemo(() => (data ? (by === 'plan' ? data.byPlan : data.byUnit) : []), [data, by]);
  const taskRows = useMemo(() => bars(groups, 'task'), [groups]);
  const targetRows = useMemo(() => bars(groups, 'target'), [groups]);
  const taskBars = useMemo(() => chartBars(taskRows, CHART_LIMIT[by]), [taskRows, by]);
  const targetBars = useMemo(() => chartBars(targetRows, CHART_LIMIT[by]), [targetRows, by]);
  if (!data) return <div className="dashboard"><p className="muted">正在统计…</p></div>;
  const t = data.total;
  return (
    <div className="dashboard">
      <div className="dash-head">
        <div className="tabs" role="tablist" aria-label="统计口径">
          <button role="tab" aria-selected={by === 'plan'} className={by === 'plan' ? 'active' : ''} onClick={() => setBy('plan')}>按规划</button>
          <button role="tab" aria-selected={by === 'unit'} className={by === 'unit' ? 'active' : ''} onClick={() => setBy('unit')}>按责任单位</button>
        </div>
        <p className="dash-total">共 <b>{t.tasks.total}</b> 项任务,已完成 <b>{t.tasks['已完成']}</b>,滞后 <b>{t.tasks['滞后']}</b>;
          共 <b>{t.targets.total}</b> 个指标,滞后 <b>{t.targets['滞后']}</b>,数据暂缺 <b>{t.targets['数据暂缺']}</b></p>
        {by === 'unit' && <p className="muted">任务数量按牵头单位和责任单位计。</p>}
        <LightSummary total={t} onDrill={onDrill} />
        {(taskBars.length < taskRows.length || targetBars.length < targetRows.length) && (
          <p className="muted">图中列出任务或指标最多的 {CHART_LIMIT[by]} 个{by === 'plan' ? '规划' : '单位'},下表列出全部。</p>
        )}
      </div>
      <div className="dash-charts">
        <StackChart title="任务评估状态" bars={taskBars} keys={TASK_STATUSES} colors={STATUS_COLORS}
          onPick={(b, k) => onDrill({ by, key: b.key, entity: 'task', value: k })} />
        <StackChart title="指标评估结论" bars={targetBars} keys={VERDICTS} colors={VERDICT_COLORS}
          onPick={(b, k) => onDrill({ by, key: b.key, entity: 'target', value: k })} />
      </div>
      <CountTable caption="任务评估状态(点击数字查看)" rows={taskRows} keys={TASK_STATUSES} by={by} entity="task" onDrill={onDrill} />
      <CountTable caption="指标评估结论(点击数字查看)" rows={targetRows} keys={VERDICTS} by={by} entity="target" onDrill={onDrill} />
      <LightTable groups={groups} by={by} onDrill={onDrill} />
      <UnitRanking units={data.units} onDrill={onDrill} />
    </div>
  );
}
