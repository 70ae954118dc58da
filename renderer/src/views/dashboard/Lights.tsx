// The dashboard's lights: the totals of 红灯, 黄灯, 绿灯 and 逾期 for tasks and targets at the top, and a table of them
// per plan or per unit; every number opens the grid filtered to exactly those rows (the same rule as the grids' 预警).
import type { DashboardGroup } from '../../../../contract';
import { FLAG_COLORS } from '../../../../contract/colors';
import { LIGHT_NAMES } from '../../../../contract/lights';
import type { Flag } from '../../../../contract/model';
import type { Drill } from './Dashboard';
import './lights.css';

const SHOWN: Flag[] = ['red', 'yellow', 'green', 'none'];

/** A number that opens the grid, or a grey 0. */
function Num({ n, drill, label, onDrill }: { n: number; drill: Drill; label: string; onDrill(d: Drill): void }) {
  if (!n) return <span className="zero">0</span>;
  return (
    <button type="button" className="num" aria-label={`${label} ${n}`} onClick={() => onDrill(drill)}
      data-drill={`${drill.by}|${drill.key}|${drill.entity}-${drill.field}|${drill.value}`}>{n}</button>
  );
}

const lightDrill = (by: Drill['by'], key: string, entity: Drill['entity'], flag: Flag): Drill => ({ by, key, entity, value: flag, field: 'light' });
const overdueDrill = (by: Drill['by'], key: string): Drill => ({ by, key, entity: 'task', value: 'overdue', field: 'standing' });

/** The totals: tasks and targets by light, and the tasks overdue. */
export function LightSummary({ total, onDrill }: { total: DashboardGroup; onDrill(d: Drill): void }) {
  const tile = (entity: Drill['entity'], flag: Flag) => {
    const n = (entity === 'task' ? total.taskLights : total.targetLights)[flag];
    const c = FLAG_COLORS[flag];
    return (
      <button key={`${entity}${flag}`} type="button" className="light-tile" style={{ background: c.fill, color: c.text }} disabled={!n}
        data-drill={`all||${entity}-light|${flag}`} onClick={() => onDrill(lightDrill('all', '', entity, flag))}>
        <span>{LIGHT_NAMES[flag]}</span><b>{n}</b>
      </button>
    );
  };
  return (
    <div className="light-summary" aria-label="预警汇总">
      <div className="light-group"><span className="light-caption">任务</span>{(['red', 'yellow', 'green'] as const).map((f) => tile('task', f))}
        <button type="button" className="light-tile overdue" disabled={!total.taskStanding.overdue} data-drill="all||task-standing|overdue"
          onClick={() => onDrill(overdueDrill('all', ''))}><span>逾期</span><b>{total.taskStanding.overdue}</b></button>
      </div>
      <div className="light-group"><span className="light-caption">指标</span>{(['red', 'yellow', 'green'] as const).map((f) => tile('target', f))}
        <button type="button" className="light-tile" disabled={!total.targets['待人工研判']} data-drill="all||target-verdict|待人工研判"
          onClick={() => onDrill({ by: 'all', key: '', entity: 'target', value: '待人工研判' })}><span>待人工研判</span><b>{total.targets['待人工研判']}</b></button>
      </div>
    </div>
  );
}

/** Per plan or per unit: tasks by light and overdue, targets by light. */
export function LightTable({ groups, by, onDrill }: { groups: DashboardGroup[]; by: Drill['by']; onDrill(d: Drill): void }) {
  const rows = groups.filter((g) => g.tasks.total + g.targets.total > 0);
  const head = (f: Flag) => <th key={f} className={`light-head ${f}`}>{LIGHT_NAMES[f]}</th>;
  return (
    <table className="dash-table light-table" aria-label="预警灯">
      <caption>预警灯(点击数字查看)</caption>
      <thead>
        <tr><th rowSpan={2}>{by === 'plan' ? '规划' : '责任单位'}</th><th colSpan={5}>重点任务(项)</th><th colSpan={4}>主要指标(个)</th></tr>
        <tr>{SHOWN.map(head)}<th>逾期</th>{SHOWN.map(head)}</tr>
      </thead>
      <tbody>
        {rows.map((g) => (
          <tr key={g.key}>
            <th scope="row" title={g.label}>{g.label}</th>
            {SHOWN.map((f) => <td key={`t${f}`}><Num n={g.taskLights[f]} drill={lightDrill(by, g.key, 'task', f)} label={`${g.label} 任务${LIGHT_NAMES[f]}`} onDrill={onDrill} /></td>)}
            <td><Num n={g.taskStanding.overdue} drill={overdueDrill(by, g.key)} label={`${g.label} 逾期任务`} onDrill={onDrill} /></td>
            {SHOWN.map((f) => <td key={`g${f}`}><Num n={g.targetLights[f]} drill={lightDrill(by, g.key, 'target', f)} label={`${g.label} 指标${LIGHT_NAMES[f]}`} onDrill={onDrill} /></td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
