// 下发填报 / 回收汇总: export one fill-in workbook per responsible unit (one issued again replaces the unit's earlier one);
// read filled ones back, preview every changed cell with conflicts flagged, decide per cell, per row or all at once.
import { useEffect, useState } from 'react';
import type { Changed, ReturnsPreview, ExportResult } from '../../../../contract';
import { send, chooseFiles, deliver, pickFolder, isDesktop } from '../../api';
import { toast, toastError } from '../../toast';
import { Dialog, Busy } from '../../components/Dialog';
import { ReturnsPreview as ReturnsPreviewTable } from './ReturnsPreview';
import './ReturnsDialog.css';

export function ReturnsDialog(props: { roundId: number; onClose(): void; onApplied(changed: Changed): void; start?: 'out' | 'in'; units?: string[] }) {
  const [tab, setTab] = useState<'out' | 'in'>(props.start ?? 'out');
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
        ? <SendOut roundId={props.roundId} busy={busy} setBusy={setBusy} only={props.units} />
        : <Collect busy={busy} setBusy={setBusy} preview={preview} setPreview={setPreview} onApplied={props.onApplied} />}
      {busy && <Busy text={busy} />}
    </Dialog>
  );
}

interface Step { busy: string; setBusy(s: string): void }

function SendOut({ roundId, busy, setBusy, only }: Step & { roundId: number; only?: string[] }) {
  const [units, setUnits] = useState<{ unit: string; tasks: number; targets: number }[]>([]);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [files, setFiles] = useState<(ExportResult & { unit: string; tasks: number; targets: number; replaced: boolean })[]>([]);
  useEffect(() => { send('units.list', {}).then((u) => { setUnits(u); setPicked(new Set(only ?? u.map((x) => x.unit))); }, toastError); }, [only]);
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
      <p className="dlg-muted">为每个责任单位生成一个填报表:浅黄色列可填写,其余列锁定;评估状态为下拉选择;附填报说明和填报人信息栏。
        再次下发给同一单位时,新表取代旧表,旧表交回时不再导入。</p>
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
            <li key={f.handle}>{f.unit}:{f.name}(任务 {f.tasks},指标 {f.targets}){f.replaced ? ',已取代先前下发的表' : ''}
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
  async function choose() {
    const files = await chooseFiles('returns').catch((e) => { toastError(e); return []; });
    if (!files.length) return;
    if (preview?.previewId) await send('returns.cancel', { previewId: preview.previewId }).catch(() => undefined);
    setBusy(`正在读取 ${files.length} 个填报表`);
    try {
      setPreview(await send('returns.preview', { files }));
    } catch (e) {
      toastError(e);
    } finally {
      setBusy('');
    }
  }

  return (
    <section>
      <div className="rt-bar">
        <button type="button" className="dlg-primary" disabled={!!busy} onClick={() => void choose()}>选择回收的填报表…</button>
        <span className="dlg-muted">可一次选择多个单位的填报表;收到的表都记入回收看板,未接受的改动可在看板中随时审核。</span>
      </div>
      {preview && <ReturnsPreviewTable key={preview.previewId || 'none'} preview={preview} busy={busy} setBusy={setBusy}
        onApplied={(c) => { setPreview(null); onApplied(c); }} />}
    </section>
  );
}
