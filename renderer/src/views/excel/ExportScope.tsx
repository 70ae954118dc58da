// The scope of a report in the export dialog: everything, one plan, one unit or the grid's rows, and the narrower
// choices (only evaluated items, only red and yellow ones, only tasks with 存在问题), as the contract's scope.
import type { PlanSummary } from '../../../../contract';

export interface ScopeChoice {
  scope: 'all' | 'plan' | 'unit' | 'grid'; planId: string; unit: string;
  evaluatedOnly: boolean; warningsOnly: boolean; problemsOnly: boolean;
}

/** The `scope` argument of export.report, export.docx and export.notices; undefined for the whole round. */
export function scopeArgs(c: ScopeChoice, taskIds?: string[], targetIds?: string[]) {
  const only = {
    ...(c.evaluatedOnly ? { evaluatedOnly: true } : {}), ...(c.warningsOnly ? { warningsOnly: true } : {}), ...(c.problemsOnly ? { problemsOnly: true } : {}),
  };
  const rows = c.scope === 'plan' ? { planIds: [c.planId] } : c.scope === 'unit' ? { unit: c.unit }
    : c.scope === 'grid' ? { taskIds: taskIds ?? [], targetIds: targetIds ?? [] } : {};
  const scope = { ...rows, ...only };
  return Object.keys(scope).length ? scope : undefined;
}

export function ScopeFields(p: {
  value: ScopeChoice; onChange(v: ScopeChoice): void; plans: PlanSummary[]; units: string[]; gridCount: number | null; disabled: boolean;
}) {
  const v = p.value;
  const set = (patch: Partial<ScopeChoice>) => p.onChange({ ...v, ...patch });
  return (
    <fieldset className="xr-scope" disabled={p.disabled}>
      <legend>导出范围</legend>
      <label className="dlg-field"><input type="radio" name="xr-scope" checked={v.scope === 'all'} onChange={() => set({ scope: 'all' })} />本轮全部规划</label>
      <label className="dlg-field">
        <input type="radio" name="xr-scope" checked={v.scope === 'plan'} onChange={() => set({ scope: 'plan' })} />一个规划
        <select value={v.planId} onChange={(e) => set({ planId: e.target.value, scope: 'plan' })} aria-label="规划">
          {p.plans.map((x) => <option key={x.id} value={x.id}>{x.title}</option>)}
        </select>
      </label>
      <label className="dlg-field">
        <input type="radio" name="xr-scope" checked={v.scope === 'unit'} onChange={() => set({ scope: 'unit' })} />一个责任单位
        <select value={v.unit} onChange={(e) => set({ unit: e.target.value, scope: 'unit' })} aria-label="责任单位">
          {p.units.map((u) => <option key={u} value={u}>{u}</option>)}
        </select>
      </label>
      {p.gridCount != null && (
        <label className="dlg-field"><input type="radio" name="xr-scope" checked={v.scope === 'grid'} onChange={() => set({ scope: 'grid' })} />表格当前显示的 {p.gridCount} 行</label>
      )}
      <div className="xr-only">
        <span className="dlg-muted">只导出:</span>
        <label><input type="checkbox" checked={v.evaluatedOnly} onChange={(e) => set({ evaluatedOnly: e.target.checked })} />已评估的事项</label>
        <label><input type="checkbox" checked={v.warningsOnly} onChange={(e) => set({ warningsOnly: e.target.checked })} />亮红灯、黄灯或滞后的事项</label>
        <label><input type="checkbox" checked={v.problemsOnly} onChange={(e) => set({ problemsOnly: e.target.checked })} />填写了存在问题的任务</label>
      </div>
    </fieldset>
  );
}
