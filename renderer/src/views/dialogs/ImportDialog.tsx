// 导入规划文件: the chosen files are read and previewed (per document: title, kind, counts, sample tasks and targets,
// warnings; problems per file), then imported in one transaction or discarded.
import { useEffect, useState } from 'react';
import type { ImportPreview, ImportResult, FileInput } from '../../../../contract';
import { PLAN_KIND_LABELS, TASK_KIND_LABELS } from '../../../../contract/model';
import { send } from '../../api';
import { toast } from '../../toast';
import { Dialog, Busy } from '../../components/Dialog';

export function ImportDialog({ files, onClose, onDone }: { files: FileInput[]; onClose(): void; onDone(r: ImportResult): void }) {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState('正在读取文件');
  const [error, setError] = useState('');

  useEffect(() => {
    send('import.preview', { files }).then((p) => { setPreview(p); setPicked(new Set(p.documents.map((d) => d.key))); }, (e) => setError(String(e.message ?? e)))
      .finally(() => setBusy(''));
  }, [files]);

  const cancel = () => {
    if (preview?.previewId) void send('import.cancel', { previewId: preview.previewId }).catch(() => undefined);
    onClose();
  };
  const commit = async () => {
    if (!preview) return;
    setBusy('正在导入');
    try {
      const r = await send('import.commit', { previewId: preview.previewId, keys: [...picked] });
      toast(`已导入 ${r.plans} 个规划(新增 ${r.added},更新 ${r.updated}):${r.tasks} 项任务,${r.targets} 个指标`, 'success');
      onDone(r);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy('');
    }
  };
  const toggle = (k: string) => setPicked((s) => { const n = new Set(s); if (n.has(k)) n.delete(k); else n.add(k); return n; });

  return (
    <Dialog title="导入规划文件" wide onClose={cancel} buttons={(
      <>
        <button type="button" onClick={cancel} disabled={busy === '正在导入'}>取消</button>
        <button type="button" className="dlg-primary" onClick={() => void commit()} disabled={!!busy || !preview?.previewId || !picked.size}>
          确认导入{picked.size ? `(${picked.size} 个文档)` : ''}
        </button>
      </>
    )}>
      {busy && <Busy text={busy} />}
      {error && <p className="dlg-error" role="alert">{error}</p>}
      {preview && !preview.documents.length && <p className="dlg-error">没有识别出可以导入的文档。</p>}
      {preview && preview.problems.length > 0 && (
        <section className="imp-problems" aria-label="无法处理的内容">
          <h3>无法处理的内容</h3>
          <ul>{preview.problems.map((p, i) => <li key={i}><b>{p.file}</b>:{p.message}</li>)}</ul>
        </section>
      )}
      {preview?.documents.map((d) => (
        <section key={d.key} className="imp-doc" aria-label={d.title}>
          <header>
            <label><input type="checkbox" checked={picked.has(d.key)} onChange={() => toggle(d.key)} aria-label={`导入「${d.title}」`} /> <b className="imp-title">{d.title}</b></label>
            <span className="chip">{PLAN_KIND_LABELS[d.kind]}</span>
            {d.existing && <span className="chip warn">已存在,将原位更新(保留已有评估)</span>}
          </header>
          <p className="dlg-muted">
            {d.file}{d.docNumber ? ` · ${d.docNumber}` : ''}{d.issuer ? ` · ${d.issuer}` : ''}{d.issued ? ` · ${d.issued}` : ''}
            {d.periodStart ? ` · ${d.periodStart}–${d.periodEnd ?? ''}年` : ''}
          </p>
          <p className="imp-counts"><b>{d.taskCount}</b> 项任务 · <b>{d.targetCount}</b> 个指标</p>
          {d.warnings.length > 0 && <ul className="imp-warn">{d.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>}
          {d.sampleTasks.length > 0 && (
            <table className="imp-table"><thead><tr><th>编号</th><th>任务</th><th>类别</th><th>牵头单位</th><th>责任单位</th></tr></thead>
              <tbody>{d.sampleTasks.slice(0, 8).map((t, i) => (
                <tr key={i}><td>{t.code}</td><td title={t.path.join(' › ')}>{t.title}</td><td>{TASK_KIND_LABELS[t.kind]}</td><td>{t.leadUnits.join('、')}</td><td>{t.responsibleUnits.join('、')}</td></tr>
              ))}</tbody></table>
          )}
          {d.sampleTargets.length > 0 && (
            <table className="imp-table"><thead><tr><th>指标</th><th>单位</th><th>基期值</th><th>目标值</th></tr></thead>
              <tbody>{d.sampleTargets.slice(0, 8).map((t, i) => (
                <tr key={i}><td>{t.name}</td><td>{t.unit}</td><td>{t.baseline ?? ''}</td><td>{t.milestones}</td></tr>
              ))}</tbody></table>
          )}
        </section>
      ))}
    </Dialog>
  );
}
