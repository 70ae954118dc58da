// 导出评估报告: choose the scope (everything, one plan, one unit, or exactly the rows the grid shows), write the workbook
// with a busy bar, then open its folder (desktop) or download it (browser).
import { useEffect, useState } from 'react';
import type { PlanSummary, ExportResult } from '../../../../contract';
import { send, chooseSavePath, deliver, isDesktop } from '../../api';
import { toastError } from '../../toast';
import { Dialog, Busy } from '../../components/Dialog';
import './ExportReportDialog.css';

type Scope = 'all' | 'plan' | 'unit' | 'grid';

export function ExportReportDialog(props: {
  roundId: number; compareRoundId?: number; planIds?: string[]; unit?: string; visibleTaskIds?: string[]; visibleTargetIds?: string[]; onClose(): void;
}) {
  const hasGrid = props.visibleTaskIds != null || props.visibleTargetIds != null;
  // The whole report unless the planner narrowed the view to one plan or unit; "what the grid shows" is one click away.
  const [scope, setScope] = useState<Scope>(props.unit ? 'unit' : props.planIds?.length === 1 ? 'plan' : 'all');
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [units, setUnits] = useState<string[]>([]);
  const [planId, setPlanId] = useState(props.planIds?.[0] ?? '');
  const [unit, setUnit] = useState(props.unit ?? '');
  const [compare, setCompare] = useState(props.compareRoundId != null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ExportResult | null>(null);

  useEffect(() => {
    send('plans.list', {}).then((p) => { setPlans(p); setPlanId((id) => id || p[0]?.id || ''); }, toastError);
    send('units.list', {}).then((u) => { setUnits(u.map((x) => x.unit)); setUnit((x) => x || u[0]?.unit || ''); }, toastError);
  }, []);

  const gridCount = (props.visibleTaskIds?.length ?? 0) + (props.visibleTargetIds?.length ?? 0);

  async function run() {
    const args: Parameters<typeof send<'export.report'>>[1] = { roundId: props.roundId };
    if (compare && props.compareRoundId != null) args.compareRoundId = props.compareRoundId;
    if (scope === 'plan') args.scope = { planIds: [planId] };
    if (scope === 'unit') args.scope = { unit };
    if (scope === 'grid') args.scope = { taskIds: props.visibleTaskIds ?? [], targetIds: props.visibleTargetIds ?? [] };
    const plan = plans.find((p) => p.id === planId);
    const what = scope === 'plan' && plan ? `-${plan.title}` : scope === 'unit' ? `-${unit}` : '';
    const out = await chooseSavePath(`中期评估报告${what}.xlsx`);
    if (out === null) return;
    setBusy(true);
    try {
      setDone(await send('export.report', out ? { ...args, out } : args));
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  }

  const buttons = done ? (
    <>
      <button type="button" className="dlg-primary" onClick={() => deliver(done)}>{isDesktop ? '打开所在文件夹' : '下载'}</button>
      <button type="button" onClick={props.onClose}>关闭</button>
    </>
  ) : (
    <>
      <button type="button" onClick={props.onClose} disabled={busy}>取消</button>
      <button type="button" className="dlg-primary" onClick={() => void run()} disabled={busy || (scope === 'plan' && !planId) || (scope === 'unit' && !unit)}>导出</button>
    </>
  );

  return (
    <Dialog title="导出评估报告(Excel)" onClose={() => { if (!busy) props.onClose(); }} buttons={buttons}>
      {done ? (
        <p className="dlg-ok">已导出「{done.name}」,共 {done.rows} 行。</p>
      ) : (
        <fieldset className="xr-scope" disabled={busy}>
          <legend>导出范围</legend>
          <label className="dlg-field"><input type="radio" checked={scope === 'all'} onChange={() => setScope('all')} />本轮全部规划</label>
          <label className="dlg-field">
            <input type="radio" checked={scope === 'plan'} onChange={() => setScope('plan')} />一个规划
            <select value={planId} onChange={(e) => { setPlanId(e.target.value); setScope('plan'); }}>
              {plans.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
            </select>
          </label>
          <label className="dlg-field">
            <input type="radio" checked={scope === 'unit'} onChange={() => setScope('unit')} />一个责任单位
            <select value={unit} onChange={(e) => { setUnit(e.target.value); setScope('unit'); }}>
              {units.map((u) => <option key={u} value={u}>{u}</option>)}
            </select>
          </label>
          {hasGrid && (
            <label className="dlg-field"><input type="radio" checked={scope === 'grid'} onChange={() => setScope('grid')} />表格当前显示的 {gridCount} 行</label>
          )}
          {props.compareRoundId != null && (
            <label className="dlg-field"><input type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} />同时列出对比轮次的状态和实际值</label>
          )}
          <p className="dlg-muted">工作簿包含:汇总(含统计图)、主要指标完成情况表、重点任务进展情况表,有专栏项目时另含重大项目表;A4 横向打印。</p>
        </fieldset>
      )}
      {busy && <Busy text="正在写入工作簿" op="export.report" />}
    </Dialog>
  );
}
