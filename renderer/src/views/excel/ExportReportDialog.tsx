// 导出评估报告: what to write (the Excel workbook, the Word report or the units' 督办通知), the scope (everything, one plan,
// one unit, exactly the rows the grid shows; only evaluated, red and yellow or with 存在问题), the round's kind and the
// evaluating office named on the documents; a busy bar while it runs, then its folder (desktop) or a download (browser).
import { useEffect, useState } from 'react';
import type { PlanSummary, ExportResult, NoticeFile } from '../../../../contract';
import { ROUND_KINDS } from '../../../../contract';
import { send, chooseSavePath, pickFolder, deliver, isDesktop } from '../../api';
import { toastError } from '../../toast';
import { Dialog, Busy } from '../../components/Dialog';
import { ScopeFields, type ScopeChoice, scopeArgs } from './ExportScope';
import './ExportReportDialog.css';
import { DateInput } from '../../components/DateInput';

type What = 'xlsx' | 'docx' | 'notices';
const WHAT: Record<What, { label: string; busy: string }> = {
  xlsx: { label: '评估报告(Excel)', busy: '正在写入工作簿' },
  docx: { label: '评估报告(Word 初稿)', busy: '正在撰写评估报告' },
  notices: { label: '督办通知(Word,每个单位一份)', busy: '正在生成督办通知' },
};

/** Ten days from today, as YYYY-MM-DD: the default date to reply to a notice by. */
function inTenDays(): string {
  const d = new Date();
  d.setDate(d.getDate() + 10);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function ExportReportDialog(props: {
  roundId: number; compareRoundId?: number; planIds?: string[]; unit?: string; visibleTaskIds?: string[]; visibleTargetIds?: string[]; onClose(): void;
}) {
  const hasGrid = props.visibleTaskIds != null || props.visibleTargetIds != null;
  const [what, setWhat] = useState<What>('xlsx');
  // The whole report unless the planner narrowed the view to one plan or unit; "what the grid shows" is one click away.
  const [choice, setChoice] = useState<ScopeChoice>({
    scope: props.unit ? 'unit' : props.planIds?.length === 1 ? 'plan' : 'all', planId: props.planIds?.[0] ?? '', unit: props.unit ?? '',
    evaluatedOnly: false, warningsOnly: false, problemsOnly: false,
  });
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [units, setUnits] = useState<string[]>([]);
  const [compare, setCompare] = useState(props.compareRoundId != null);
  const [kind, setKind] = useState('');
  const [office, setOffice] = useState<string | null>(null);
  const [savedOffice, setSavedOffice] = useState('');
  const [replyBy, setReplyBy] = useState(inTenDays);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ExportResult[] | null>(null);

  useEffect(() => {
    send('plans.list', {}).then((p) => { setPlans(p); setChoice((c) => ({ ...c, planId: c.planId || p[0]?.id || '' })); }, toastError);
    send('units.list', {}).then((u) => { setUnits(u.map((x) => x.unit)); setChoice((c) => ({ ...c, unit: c.unit || u[0]?.unit || '' })); }, toastError);
    send('rounds.list', {}).then((r) => setKind(r.find((x) => x.id === props.roundId)?.kind ?? '中期评估'), toastError);
    send('settings.get', {}).then((s) => { setOffice(s.office); setSavedOffice(s.office); }, toastError);
  }, [props.roundId]);

  const gridCount = (props.visibleTaskIds?.length ?? 0) + (props.visibleTargetIds?.length ?? 0);
  const plan = plans.find((p) => p.id === choice.planId);

  /** The round's kind and the office are kept where the app keeps them, before the documents name them. */
  async function keepHeading(): Promise<void> {
    const round = (await send('rounds.list', {})).find((r) => r.id === props.roundId);
    if (round && kind && round.kind !== kind) await send('rounds.update', { id: props.roundId, kind: kind as (typeof ROUND_KINDS)[number] });
    if (office != null && office.trim() !== savedOffice) setSavedOffice((await send('settings.setOffice', { office })).office);
  }

  async function run() {
    const scope = scopeArgs(choice, props.visibleTaskIds, props.visibleTargetIds);
    const of = choice.scope === 'plan' && plan ? `-${plan.title}` : choice.scope === 'unit' ? `-${choice.unit}` : '';
    const base = { roundId: props.roundId, ...(scope ? { scope } : {}) };
    try {
      if (what === 'notices') {
        const folder = await pickFolder();
        if (folder === null) return;
        setBusy(true);
        await keepHeading();
        const r = await send('export.notices', { ...base, replyBy, ...(folder ? { folder } : {}) });
        setDone(r.files);
        return;
      }
      const out = await chooseSavePath(`${kind || '中期评估'}报告${of}.${what}`);
      if (out === null) return;
      setBusy(true);
      await keepHeading();
      const args = { ...base, ...(compare && props.compareRoundId != null ? { compareRoundId: props.compareRoundId } : {}), ...(out ? { out } : {}) };
      setDone([what === 'xlsx' ? await send('export.report', args) : await send('export.docx', args)]);
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  }

  const ready = !(choice.scope === 'plan' && !choice.planId) && !(choice.scope === 'unit' && !choice.unit) && !(what === 'notices' && !/^\d{4}-\d{2}-\d{2}$/.test(replyBy));
  const buttons = done ? (
    <>
      {done.length === 1 && <button type="button" className="dlg-primary" onClick={() => deliver(done[0])}>{isDesktop ? '打开所在文件夹' : '下载'}</button>}
      <button type="button" onClick={props.onClose}>关闭</button>
    </>
  ) : (
    <>
      <button type="button" onClick={props.onClose} disabled={busy}>取消</button>
      <button type="button" className="dlg-primary" onClick={() => void run()} disabled={busy || !ready}>导出</button>
    </>
  );

  return (
    <Dialog title="导出评估报告" onClose={() => { if (!busy) props.onClose(); }} buttons={buttons}>
      {done ? <Done files={done} what={what} /> : (
        <div className="xr-form">
          <fieldset className="xr-scope" disabled={busy}>
            <legend>导出内容</legend>
            {(Object.keys(WHAT) as What[]).map((w) => (
              <label key={w} className="dlg-field"><input type="radio" name="xr-what" checked={what === w} onChange={() => setWhat(w)} />{WHAT[w].label}</label>
            ))}
          </fieldset>
          <ScopeFields value={choice} onChange={setChoice} plans={plans} units={units} gridCount={hasGrid ? gridCount : null} disabled={busy} />
          <fieldset className="xr-scope" disabled={busy}>
            <legend>标题与落款</legend>
            <label className="dlg-field">评估类型
              <select value={kind} onChange={(e) => setKind(e.target.value)} aria-label="评估类型">
                {ROUND_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
              </select>
            </label>
            <label className="dlg-field">评估单位
              <input className="xr-office" value={office ?? ''} maxLength={100} placeholder="如:某市发展和改革委员会" onChange={(e) => setOffice(e.target.value)} aria-label="评估单位" />
            </label>
            {what === 'notices' && (
              <label className="dlg-field">回复期限<DateInput label="回复期限" value={replyBy} onChange={setReplyBy} /></label>
            )}
            {what !== 'notices' && props.compareRoundId != null && (
              <label className="dlg-field"><input type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} />同时列出对比轮次的状态和实际值</label>
            )}
          </fieldset>
          <p className="dlg-muted">{DESCRIBE[what]}</p>
        </div>
      )}
      {busy && <Busy text={WHAT[what].busy} op={what === 'xlsx' ? 'export.report' : undefined} />}
    </Dialog>
  );
}

const DESCRIBE: Record<What, string> = {
  xlsx: '工作簿包含:汇总(含责任单位推进情况)、统计图、主要指标完成情况表、重点任务进展情况表,有专栏项目时另含重大项目表;按规划分节,A4 横向打印。',
  docx: '按公文格式(GB/T 9704)撰写评估报告初稿:总体情况、主要指标完成情况、重点任务推进情况、存在的主要问题、下一步工作建议,附指标和任务表。',
  notices: '为有红灯、黄灯或滞后事项的每个责任单位生成一份督办通知,列出滞后事项和回复期限。',
};

function Done({ files, what }: { files: ExportResult[]; what: What }) {
  if (what !== 'notices') return <p className="dlg-ok">已导出「{files[0].name}」,共 {files[0].rows} {what === 'xlsx' ? '行' : '项'}。</p>;
  return (
    <>
      <p className="dlg-ok">已生成 {files.length} 份督办通知。</p>
      <ul className="xr-files">
        {(files as NoticeFile[]).map((f) => (
          <li key={f.handle}>{f.unit}(指标 {f.targets},任务 {f.tasks})
            <button type="button" onClick={() => deliver(f)}>{isDesktop ? '打开所在文件夹' : '下载'}</button></li>
        ))}
      </ul>
    </>
  );
}
