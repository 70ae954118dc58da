// One previewed document as the planner reviews it: its details (corrected in place), whether it becomes a plan of
// its own or is merged into an existing one (rows matched by name), every item found with its kind, the lines the
// parser could not place (未识别的内容) to add as a task or target, and on a re-import each corrected field the new
// document says otherwise, with the choice between the correction and the document.
import { useState } from 'react';
import type { ImportDocumentPreview, ImportRevision, PlanSummary } from '../../../../contract';
import { PLAN_KIND_LABELS, TASK_KIND_LABELS, TASK_KINDS } from '../../../../contract/model';
import { fieldLabel } from '../../../../contract/labels';
import { send } from '../../api';
import { toastError } from '../../toast';
import { ImportPreviewItems } from './ImportPreviewItems';

interface Props {
  previewId: string; doc: ImportDocumentPreview; plans: PlanSummary[]; picked: boolean;
  onPick(): void; onDoc(d: ImportDocumentPreview): void;
}

const META = ['docNumber', 'issuer', 'issued', 'periodStart', 'periodEnd'] as const;

export function ImportPreview({ previewId, doc, plans, picked, onPick, onDoc }: Props) {
  const [error, setError] = useState('');
  const [placeAt, setPlaceAt] = useState('');
  const r = doc.review;
  const revise = async (revisions: ImportRevision[]) => {
    try {
      onDoc(await send('import.revise', { previewId, key: doc.key, revisions }));
      setError('');
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      toastError(e);
      return false;
    }
  };
  const meta = (f: (typeof META)[number] | 'title') => {
    const v = doc[f];
    return (
      <label key={f} className={`imp-meta${f === 'title' ? ' wide' : ''}`}><span>{fieldLabel(f)}</span>
        <input type="text" aria-label={`文档的${fieldLabel(f)}`} defaultValue={v == null ? '' : String(v)} key={`${f}:${v}`}
          onBlur={(e) => { if (e.target.value !== (v == null ? '' : String(v))) void revise([{ op: 'plan', field: f, value: e.target.value }]); }} />
      </label>
    );
  };
  return (
    <section className="imp-doc" aria-label={doc.title}>
      <header>
        <label><input type="checkbox" checked={picked} onChange={onPick} aria-label={`导入「${doc.title}」`} /> <b className="imp-title">{doc.title}</b></label>
        <span className="chip">{PLAN_KIND_LABELS[doc.kind]}</span>
        {doc.existing && <span className="chip warn">已存在,将原位更新(保留已有评估和规划内容的更正)</span>}
        {r.mergeInto && <span className="chip warn">合并到「{r.mergeInto.title}」</span>}
      </header>
      <p className="dlg-muted">{doc.file}</p>
      <p className="imp-counts"><b>{doc.taskCount}</b> 项任务 · <b>{doc.targetCount}</b> 个指标</p>
      {doc.warnings.length > 0 && <ul className="imp-warn">{doc.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>}
      <div className="imp-metas">
        {meta('title')}
        {META.map(meta)}
        <label className="imp-meta wide"><span>导入方式</span>
          <select aria-label="导入方式" value={r.mergeInto?.planId ?? ''} onChange={(e) => void revise([{ op: 'mergeInto', planId: e.target.value || null }])}>
            <option value="">{doc.existing ? '更新已有的同一文件' : '作为新的规划导入'}</option>
            {plans.map((p) => <option key={p.id} value={p.id}>合并到「{p.title}」(按名称对应,只补充和更新)</option>)}
          </select>
        </label>
      </div>
      {r.conflicts.length > 0 && (
        <section className="imp-conflicts" aria-label="与已更正内容不同之处">
          <h4>新文件与已更正的内容不同({r.conflicts.length} 处):默认保留更正</h4>
          <table className="imp-table">
            <thead><tr><th>项</th><th>内容</th><th>已更正为</th><th>新文件为</th><th>采用</th></tr></thead>
            <tbody>{r.conflicts.map((c) => (
              <tr key={c.key}>
                <td>{c.title}</td><td>{c.label}</td><td>{c.stored}</td><td>{c.document}</td>
                <td className="take">
                  <label><input type="radio" name={c.key} checked={c.take === 'keep'} onChange={() => void revise([{ op: 'choose', keys: [c.key], take: 'keep' }])} />保留更正</label>
                  <label><input type="radio" name={c.key} checked={c.take === 'document'} onChange={() => void revise([{ op: 'choose', keys: [c.key], take: 'document' }])} />采用新文件</label>
                </td>
              </tr>
            ))}</tbody>
          </table>
        </section>
      )}
      <ImportPreviewItems items={r.items} headings={r.headings} revise={revise} />
      {r.unplaced.length > 0 && (
        <section className="imp-unplaced" aria-label="未识别的内容">
          <h4>未识别的内容({r.unplaced.length} 行)</h4>
          <label className="dlg-field"><span>加入到章节</span>
            <select aria-label="加入到章节" value={placeAt} onChange={(e) => setPlaceAt(e.target.value)}>
              <option value="">(无)</option>
              {r.headings.map((h) => <option key={h.join(' / ')} value={h.join(' / ')}>{h.join(' / ')}</option>)}
            </select>
          </label>
          <ul>{r.unplaced.map((u) => (
            <li key={u.line}>
              <span className="line">第 {u.line} 行</span> <span className="text">{u.text}</span>
              <select aria-label={`把第 ${u.line} 行加为`} value="" onChange={(e) => void revise([{ op: 'place', line: u.line, as: e.target.value as 'task', path: placeAt ? placeAt.split(' / ') : undefined }])}>
                <option value="">加为…</option>
                <option value="target">指标</option>
                {TASK_KINDS.map((k) => <option key={k} value={k}>{TASK_KIND_LABELS[k]}</option>)}
              </select>
            </li>
          ))}</ul>
        </section>
      )}
      {error && <p className="dlg-error" role="alert">{error}</p>}
    </section>
  );
}
