// 导入规划文件: the chosen files are read and previewed (per document: its details, every item found, warnings; problems
// per file); the planner corrects the preview (see ImportPreview), then it is imported in one transaction or discarded.
import { useEffect, useState } from 'react';
import type { ImportPreview as Preview, ImportResult, FileInput, PlanSummary } from '../../../../contract';
import { send } from '../../api';
import { ImportPreview } from './ImportPreview';
import './import.css';
import { toast } from '../../toast';
import { Dialog, Busy } from '../../components/Dialog';

export function ImportDialog({ files, onClose, onDone }: { files: FileInput[]; onClose(): void; onDone(r: ImportResult): void }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState('正在读取文件');
  const [error, setError] = useState('');

  useEffect(() => { send('plans.list', {}).then(setPlans, () => undefined); }, []);
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
        <ImportPreview key={d.key} previewId={preview.previewId} doc={d} plans={plans} picked={picked.has(d.key)} onPick={() => toggle(d.key)}
          onDoc={(nd) => setPreview((p) => (p ? { ...p, documents: p.documents.map((x) => (x.key === nd.key ? nd : x)) } : p))} />
      ))}
    </Dialog>
  );
}
