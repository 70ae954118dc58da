// 责任单位推进情况: per unit, its tasks and targets done, on track, lagging, overdue and unjudged, with the share on track,
// ranked as the service ranks them and sortable by any column; a number opens the grid with exactly those rows (the
// tasks grid, or the targets grid when the unit has only targets there: the filter holds for both tabs).
import { useMemo, useState } from 'react';
import type { UnitProgress } from '../../../../contract';
import { STANDINGS, STANDING_LABELS, type Standing } from '../../../../contract/lights';
import { toast } from '../../toast';
import type { Drill } from './Dashboard';

type Key = 'rank' | 'unit' | 'items' | Standing | 'share';
const COLUMNS: { key: Key; label: string }[] = [
  { key: 'rank', label: '排名' }, { key: 'unit', label: '责任单位' }, { key: 'items', label: '任务和指标' },
  ...STANDINGS.map((s) => ({ key: s as Key, label: STANDING_LABELS[s] })), { key: 'share', label: '正常推进率' },
];

const shareText = (s: number | null) => (s == null ? '—' : `${(s * 100).toFixed(1)}%`);

export function UnitRanking({ units, onDrill }: { units: UnitProgress[]; onDrill(d: Drill): void }) {
  const [sort, setSort] = useState<{ key: Key; desc: boolean }>({ key: 'rank', desc: false });
  const ranked = useMemo(() => units.map((u, i) => ({ ...u, rank: i + 1 })), [units]);
  const rows = useMemo(() => {
    const value = (u: (typeof ranked)[number]): number | string => (sort.key === 'share' ? u.share ?? -1 : u[sort.key]);
    const out = [...ranked].sort((a, b) => {
      const x = value(a), y = value(b);
      const c = typeof x === 'string' ? x.localeCompare(String(y), 'zh-CN') : x - (y as number);
      return (sort.desc ? -c : c) || a.rank - b.rank;
    });
    return out;
  }, [ranked, sort]);
  const by = (key: Key) => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'rank' && key !== 'unit' }));

  const open = (u: UnitProgress, s: Standing) => {
    const tasks = u.tasks[s], targets = u.targets[s];
    onDrill({ by: 'unit', key: u.unit, entity: tasks ? 'task' : 'target', value: s, field: 'standing' });
    if (tasks && targets) toast(`「${u.unit}」${STANDING_LABELS[s]}:任务 ${tasks} 项、指标 ${targets} 个;已打开任务表,切换到“指标”查看指标`);
  };

  if (!units.length) return null;
  return (
    <table className="dash-table rank-table" aria-label="责任单位推进情况">
      <caption>责任单位推进情况(点击表头排序,点击数字查看;正常推进率 = (已完成 + 正常推进) ÷ 已研判的任务和指标)</caption>
      <thead>
        <tr>{COLUMNS.map((c) => (
          <th key={c.key} aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
            <button type="button" className="sort" onClick={() => by(c.key)}>{c.label}{sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}</button>
          </th>
        ))}</tr>
      </thead>
      <tbody>
        {rows.map((u) => (
          <tr key={u.unit} className={u.overdue ? 'has-overdue' : ''}>
            <td className="rank">{u.rank}</td>
            <th scope="row" title={u.unit}>{u.unit}</th>
            <td>{u.items}</td>
            {STANDINGS.map((s) => (
              <td key={s} className={`st-${s}`}>
                {u[s] ? <button type="button" className="num" data-drill={`unit|${u.unit}|standing|${s}`} aria-label={`${u.unit} ${STANDING_LABELS[s]} ${u[s]}`}
                  title={`任务 ${u.tasks[s]} 项、指标 ${u.targets[s]} 个`} onClick={() => open(u, s)}>{u[s]}</button> : <span className="zero">0</span>}
              </td>
            ))}
            <td className="share"><span className="bar" style={{ width: `${Math.round((u.share ?? 0) * 60)}px` }} />{shareText(u.share)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
