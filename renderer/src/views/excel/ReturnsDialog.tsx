// 下发填报 / 回收汇总: export one fill-in workbook per responsible unit; read filled ones back, preview every changed
// cell with conflicts flagged, accept or reject per row or all at once, and apply.
import { useEffect, useMemo, useState } from 'react';
import type { Changed, ReturnsPreview, ReturnRowPreview, ExportResult } from '../../../../contract';
import { send, chooseFiles, deliver, pickFolder, isDesktop } from '../../api';
import { toast, toastError } from '../../toast';
import { Dialog, Busy } from '../../components/Dialog';
import './ReturnsDialog.css';

const SHOWN = 1000;

export function ReturnsDialog(props: { roundId: number; onClose(): void; onApplied(changed: Changed): void }) {
  const [tab, setTab] = useState<'out' | 'in'>('out');
  const [busy, setBusy] = useState('');
  const [preview, setPreview] = useState<ReturnsPreview | null>(null);
  const close = () => {
    if (busy) return;
    if (preview?.previewId) void send('returns.cancel', { previewId: preview.previewId }).catch(() => undefined);
    props.onClose();
  };
  return (
    <Dialog title="下发填报与回收汇总" wide onClose={close} buttons={<button type="button" onClick={close} disabled={!!busy}>关闭</button>}>
      <div className="rt-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'out'} className={tab === 'out' ? 'on' : ''} onClick={() => setTab('out')} disabled={!!busy}>下发填报</button>
        <button type="button" role="tab" aria-selected={tab === 'in'} className={tab === 'in' ? 'on' : ''} onClick={() => setTab('in')} disabled={!!busy}>回收汇总</button>
      </div>
      {tab === 'out'
        ? <SendOut roundId={props.roundId} busy={busy} setBusy={setBusy} />
        : <Collect busy={busy} setBusy={setBusy} preview={preview} setPreview={setPreview} onApplied={props.onApplied} />}
      {busy && <Busy text={busy} />}
    </Dialog>
  );
}

interface Step { busy: string; setBusy(s: string): void }

function SendOut({ roundId, busy, setBusy }: Step & { roundId: number }) {
  const [units, setUnits] = useState<{ unit: string; tasks: number; targets: number }[]>([]);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [files, setFiles] = useState<(ExportResult & { unit: string; tasks: number; targets: number })[]>([]);
  useEffect(() => { send('units.list', {}).then((u) => { setUnits(u); setPicked(new Set(u.map((x) => x.unit))); }, toastError); }, []);
  const toggle = (u: string) => setPicked((s) => { const n = new Set(s); if (n.has(u)) n.delete(u); else n.add(u); return n; });

  async function run() {
    const folder = await pickFolder();
    if (folder === null) return;
    setBusy(`正在为 ${picked.size} 个单位生成填报表`);
    try {
      const r = await send('export.returns', { roundId, units: [...picked], ...(folder ? { folder } : {}) });
      setFiles(r.files);
      toast(`已生成 ${r.files.length} 个填报表`, 'success');
    } catch (e) {
      toastError(e);
    } finally {
      setBusy('');
    }
  }

  return (
    <section>
      <p className="dlg-muted">为每个责任单位生成一个填报表:浅黄色列可填写,其余列锁定;评估状态为下拉选择;附填报说明。</p>
      <div className="rt-units">
        <label className="rt-all"><input type="checkbox" checked={picked.size === units.length && units.length > 0} onChange={(e) => setPicked(new Set(e.target.checked ? units.map((u) => u.unit) : []))} />全选({units.length} 个单位)</label>
        {units.map((u) => (
          <label key={u.unit}><input type="checkbox" checked={picked.has(u.unit)} onChange={() => toggle(u.unit)} />{u.unit}<span className="dlg-muted"> 任务 {u.tasks} · 指标 {u.targets}</span></label>
        ))}
      </div>
      <button type="button" className="dlg-primary" disabled={!!busy || !picked.size} onClick={() => void run()}>导出填报表</button>
      {files.length > 0 && (
        <ul className="rt-files">
          {files.map((f) => (
            <li key={f.handle}>{f.unit}:{f.name}(任务 {f.tasks},指标 {f.targets})
              <button type="button" onClick={() => deliver(f)}>{isDesktop ? '打开所在文件夹' : '下载'}</button></li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Collect({ busy, setBusy, preview, setPreview, onApplied }: Step & {
  preview: ReturnsPreview | null; setPreview(p: ReturnsPreview | null): void; onApplied(c: Changed): void;
}) {
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [onlyConflicts, setOnlyConflicts] = useState(false);
  const usable = (r: ReturnRowPreview) => !r.problem;

  async function choose() {
    const files = await chooseFiles('returns').catch((e) => { toastError(e); return []; });
    if (!files.length) return;
    if (preview?.previewId) await send('returns.cancel', { previewId: preview.previewId }).catch(() => undefined);
    setBusy(`正在读取 ${files.length} 个填报表`);
    try {
      const p = await send('returns.preview', { files });
      setPreview(p);
      setAccepted(new Set(p.rows.filter((r) => usable(r) && !r.conflict).map((r) => r.key)));
    } catch (e) {
      toastError(e);
    } finally {
      setBusy('');
    }
  }

  async function apply() {
    if (!preview) return;
    const keys = [...accepted];
    const withConflicts = preview.rows.some((r) => r.conflict && accepted.has(r.key));
    setBusy(`正在写入 ${keys.length} 行`);
    try {
      const r = await send('returns.apply', { previewId: preview.previewId, accept: keys, overrideConflicts: withConflicts });
      toast(`已接受 ${r.appliedRows} 行、${r.appliedCells} 个单元格${r.skippedConflicts ? `;${r.skippedConflicts} 行因冲突未写入` : ''}`, 'success');
      setPreview(null);
      setAccepted(new Set());
      onApplied(r.changed);
    } catch (e) {
      toastError(e);
    } finally {
      setBusy('');
    }
  }

  const rows = useMemo(() => (preview?.rows ?? []).filter((r) => !onlyConflicts || r.conflict), [preview, onlyConflicts]);
  const toggle = (k: string) => setAccepted((s) => { const n = new Set(s); if (n.has(k)) n.delete(k); else n.add(k); return n; });

  return (
    <section>
      <div className="rt-bar">
        <button type="button" className="dlg-primary" disabled={!!busy} onClick={() => void choose()}>选择回收的填报表…</button>
        {preview && preview.rows.length > 0 && (
          <>
            <button type="button" disabled={!!busy} onClick={() => setAccepted(new Set(preview.rows.filter(usable).map((r) => r.key)))}>全部接受</button>
            <button type="button" disabled={!!busy} onClick={() => setAccepted(new Set())}>全部拒绝</button>
            <label><input type="checkbox" checked={onlyConflicts} onChange={(e) => setOnlyConflicts(e.target.checked)} />只看冲突</label>
            <button type="button" className="dlg-primary" disabled={!!busy || !accepted.size} onClick={() => void apply()}>接受选中的 {accepted.size} 行</button>
          </>
        )}
      </div>
      {preview && (
        <ul className="rt-files">
          {preview.files.map((f, i) => (
            <li key={i} className={f.error ? 'dlg-error' : ''}>{f.file}:{f.error ?? `${f.unit},${f.roundName},${f.rows} 行,其中 ${f.changedRows} 行有改动、${f.conflicts} 行有冲突`}</li>
          ))}
        </ul>
      )}
      {preview && !preview.rows.length && !preview.files.some((f) => f.error) && <p className="dlg-muted">填报表与本机数据一致,没有需要接受的改动。</p>}
      {rows.length > 0 && (
        <table className="rt-rows">
          <thead><tr><th>接受</th><th>单位</th><th>任务 / 指标</th><th>改动(原值 → 填报值)</th></tr></thead>
          <tbody>
            {rows.slice(0, SHOWN).map((r) => (
              <tr key={r.key} className={r.conflict ? 'rt-conflict' : r.problem ? 'rt-problem' : ''}>
                <td><input type="checkbox" aria-label={`接受 ${r.title}`} disabled={!usable(r)} checked={accepted.has(r.key)} onChange={() => toggle(r.key)} /></td>
                <td>{r.unit}</td>
                <td>{r.entity === 'task' ? '任务' : '指标'}:{r.title}</td>
                <td>
                  {r.changes.map((c) => (
                    <div key={c.field} className={c.conflict ? 'rt-cell-conflict' : ''}>
                      <b>{c.label}</b>:<span className="rt-old">{c.oldValue || '(空)'}</span> → <span className="rt-new">{c.newValue || '(空)'}</span>
                      {c.conflict && <span className="rt-flag">冲突:本机已改为「{c.currentValue || '空'}」</span>}
                    </div>
                  ))}
                  {r.problem && <div className="dlg-error">{r.problem}(此行不能接受)</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > SHOWN && <p className="dlg-muted">另有 {rows.length - SHOWN} 行未列出;“全部接受”“全部拒绝”对它们同样有效。</p>}
    </section>
  );
}
