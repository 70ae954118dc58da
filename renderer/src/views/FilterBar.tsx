// The review filters above the grid: kind or source, unit, status or verdict, light, changed since, grouping, and saved
// views; a standing chosen in the dashboard's unit ranking shows as a chip that clears it.
import type { ReactNode } from 'react';
import { TASK_KINDS, TASK_KIND_LABELS, TASK_STATUSES, TARGET_SCOPES, VERDICTS, FLAGS } from '../../../contract/model';
import { LIGHT_NAMES, STANDING_LABELS } from '../../../contract/lights';
import { MultiSelect } from '../components/MultiSelect';
import { activeFilters, NO_FILTERS, type Filters } from '../state/filters';
import { SCOPE_LABELS } from './TargetsView';

interface Props {
  grid: 'tasks' | 'targets'; filters: Filters; onFilters(f: Filters): void; units: string[];
  grouping: boolean; onGrouping(g: boolean): void; children?: ReactNode;
}

export function FilterBar({ grid, filters: f, onFilters, units, grouping, onGrouping, children }: Props) {
  const set = (patch: Partial<Filters>) => onFilters({ ...f, ...patch });
  const n = activeFilters(f, grid);
  return (
    <div className="filter-bar" role="toolbar" aria-label="筛选">
      {grid === 'tasks'
        ? <MultiSelect label="类别" options={TASK_KINDS} labels={TASK_KIND_LABELS} value={f.kinds} onChange={(kinds) => set({ kinds })} />
        : <MultiSelect label="来源" options={TARGET_SCOPES} labels={SCOPE_LABELS} value={f.scopes} onChange={(scopes) => set({ scopes })} />}
      <label className="field">
        <span>单位</span>
        <select aria-label="责任单位" className="unit-select" value={f.unit} onChange={(e) => set({ unit: e.target.value })}>
          <option value="">全部单位</option>
          {f.unit && !units.includes(f.unit) && <option value={f.unit}>{f.unit}</option>}
          {units.map((u) => <option key={u} value={u}>{u}</option>)}
        </select>
      </label>
      {grid === 'tasks'
        ? <MultiSelect label="评估状态" options={TASK_STATUSES} value={f.statuses} onChange={(statuses) => set({ statuses })} />
        : <MultiSelect label="评估结论" options={VERDICTS} value={f.verdicts} onChange={(verdicts) => set({ verdicts })} />}
      <MultiSelect label="预警" options={FLAGS} labels={LIGHT_NAMES} value={f.lights ?? []} onChange={(lights) => set({ lights })} />
      {(f.standings ?? []).length > 0 && (
        <button type="button" className="chip standing-chip" title="清除推进情况筛选" onClick={() => set({ standings: [] })}>
          推进情况:{f.standings.map((s) => STANDING_LABELS[s]).join('、')} ×
        </button>
      )}
      <label className="field">
        <span>修改于</span>
        <input type="date" aria-label="修改于此日期之后" value={f.changedSince} onChange={(e) => set({ changedSince: e.target.value })} />
        <span>之后</span>
      </label>
      <label className="field check">
        <input type="checkbox" checked={grouping} onChange={(e) => onGrouping(e.target.checked)} />
        <span>按规划和章节分组</span>
      </label>
      {(n > 0 || f.planId) && (
        <button type="button" className="link" onClick={() => onFilters({ ...NO_FILTERS, search: f.search })}>清除筛选{n ? `(${n})` : ''}</button>
      )}
      <div className="spacer" />
      {children}
    </div>
  );
}
