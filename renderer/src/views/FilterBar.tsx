// The review filters above the grid: kind or source, unit, status or verdict, light, changed since, 只看有变化 (with a
// comparison round), grouping and saved views; a standing chosen in the dashboard's unit ranking shows as a chip that clears it.
import { useEffect, useState, type ReactNode } from 'react';
import { TASK_KINDS, TASK_KIND_LABELS, TASK_STATUSES, TARGET_SCOPES, VERDICTS, FLAGS } from '../../../contract/model';
import { LIGHT_NAMES, STANDING_LABELS } from '../../../contract/lights';
import { MultiSelect } from '../components/MultiSelect';
import { DateInput } from '../components/DateInput';
import { activeFilters, NO_FILTERS, type Filters } from '../state/filters';
import { parseDay } from '../dates';
import { SCOPE_LABELS } from './TargetsView';

interface Props {
  grid: 'tasks' | 'targets'; filters: Filters; onFilters(f: Filters): void; units: string[]; comparing: boolean;
  grouping: boolean; onGrouping(g: boolean): void; children?: ReactNode;
}

export function FilterBar({ grid, filters: f, onFilters, units, comparing, grouping, onGrouping, children }: Props) {
  const set = (patch: Partial<Filters>) => onFilters({ ...f, ...patch });
  const n = activeFilters(f, grid, comparing);
  // The date filter applies once a whole date (or nothing) is in the box.
  const [since, setSince] = useState(f.changedSince);
  useEffect(() => setSince(f.changedSince), [f.changedSince]);
  const typeSince = (v: string) => {
    setSince(v);
    if ((v === '' || parseDay(v)) && v !== f.changedSince) set({ changedSince: v });
  };
  return (
    <div className="filter-bar" role="toolbar" aria-label="筛选">
      {grid === 'tasks'
        ? <MultiSelect label="类别" options={TASK_KINDS} labels={TASK_KIND_LABELS} value={f.kinds} onChange={(kinds) => set({ kinds })} />
        : <MultiSelect label="来源" options={TARGET_SCOPES} labels={SCOPE_LABELS} value={f.scopes} onChange={(scopes) => set({ scopes })} />}
      <select aria-label="责任单位" className="unit-select" value={f.unit} title={f.unit || '全部单位'} onChange={(e) => set({ unit: e.target.value })}>
        <option value="">全部单位</option>
        {f.unit && !units.includes(f.unit) && <option value={f.unit}>{f.unit}</option>}
        {units.map((u) => <option key={u} value={u}>{u}</option>)}
      </select>
      {grid === 'tasks'
        ? <MultiSelect label="评估状态" options={TASK_STATUSES} value={f.statuses} onChange={(statuses) => set({ statuses })} />
        : <MultiSelect label="评估结论" options={VERDICTS} value={f.verdicts} onChange={(verdicts) => set({ verdicts })} />}
      <MultiSelect label="预警" options={FLAGS} labels={LIGHT_NAMES} value={f.lights ?? []} onChange={(lights) => set({ lights })} />
      {(f.standings ?? []).length > 0 && (
        <button type="button" className="chip standing-chip" title="清除推进情况筛选" onClick={() => set({ standings: [] })}>
          推进情况:{f.standings.map((s) => STANDING_LABELS[s]).join('、')} ×
        </button>
      )}
      <label className="field" title="只显示在这一天或之后修改过的行">
        <span>修改于</span>
        <DateInput label="修改于此日期之后" value={since} onChange={typeSince} invalid={since !== '' && !parseDay(since)} />
        <span>后</span>
      </label>
      <label className="field check" title={comparing ? '只显示本轮与对比轮次评估内容不同的行' : '先在上方选择对比轮次'}>
        <input type="checkbox" checked={comparing && f.changedOnly} disabled={!comparing} onChange={(e) => set({ changedOnly: e.target.checked })} />
        <span>只看有变化</span>
      </label>
      <label className="field check" title="按规划和章节(指标按类别)分组">
        <input type="checkbox" aria-label="按规划和章节分组" checked={grouping} onChange={(e) => onGrouping(e.target.checked)} />
        <span>分组</span>
      </label>
      {(n > 0 || f.planId) && (
        <button type="button" className="link" onClick={() => onFilters({ ...NO_FILTERS, search: f.search })}>清除筛选{n ? `(${n})` : ''}</button>
      )}
      {children}
    </div>
  );
}
