// The review of returns: each file with its unit and contacts (entered here when the unit left them out), each changed
// row with its cells, and the planner's decision per cell — take the unit's value or keep the one here, conflicts shown
// side by side — or per row, or for all at once; then the accepted cells are applied.
import { useMemo, useState } from 'react';
import type { Changed, ReturnsPreview as Preview, ReturnRowPreview, ReturnsApplyResult } from '../../../../contract';
import { send } from '../../api';
import { toast, toastError } from '../../toast';
import { ContactsForm } from './ContactsForm';
import './ReturnsDialog.css';

const SHOWN = 1000;
type Choice = Map<string, Set<string>>;

/** What the planner takes unless deciding otherwise: a row taken by default, its conflicting cells kept as they are here. */
function defaults(p: Preview, blocked: Set<string>): Choice {
  const c: Choice = new Map();
  for (const r of p.rows) {
    if (r.problem || r.role !== 'lead' || blocked.has(r.file)) continue;
    const fields = r.changes.filter((x) => !x.conflict).map((x) => x.field);
    if (fields.length) c.set(r.key, new Set(fields));
  }
  return c;
}

interface Props {
  preview: Preview; busy: string; setBusy(s: string): void;
  onApplied(changed: Changed, result: ReturnsApplyResult): void;
}

export function ReturnsPreview({ preview, busy, setBusy, onApplied }: Props) {
  const [files, setFiles] = useState(preview.files);
  const blocked = useMemo(() => new Set(files.filter((f) => f.blocked).map((f) => f.file)), [files]);
  const [choice, setChoice] = useState<Choice>(() => defaults(preview, blocked));
  const [only, setOnly] = useState<'all' | 'conflict' | 'shared'>('all');
  const [editing, setEditing] = useState<number | null>(null);
  const usable = (r: ReturnRowPreview) => !r.problem && !blocked.has(r.file);

  const rows = useMemo(() => preview.rows.filter((r) => only === 'all' || (only === 'conflict' ? r.conflict : r.role === 'responsible')), [preview, only]);
  const cells = [...choice.values()].reduce((n, s) => n + s.size, 0);
  const set = (key: string, fields: string[]) => setChoice((c) => {
    const n = new Map(c);
    if (fields.length) n.set(key, new Set(fields)); else n.delete(key);
    return n;
  });
  const toggleCell = (r: ReturnRowPreview, field: string, on: boolean) => {
    const now = new Set(choice.get(r.key) ?? []);
    if (on) now.add(field); else now.delete(field);
    set(r.key, r.changes.map((c) => c.field).filter((f) => now.has(f)));
  };
  const everything = () => setChoice(new Map(preview.rows.filter(usable).map((r) => [r.key, new Set(r.changes.map((c) => c.field))])));

  async function apply() {
    const accept = [...choice].map(([key, fields]) => ({ key, fields: [...fields] }));
    setBusy(`正在写入 ${choice.size} 行`);
    try {
      const r = await send('returns.apply', { previewId: preview.previewId, accept });
      const held = [r.skippedConflicts ? `${r.skippedConflicts} 行在预览后又被修改,未写入` : '', r.skippedBlocked ? `${r.skippedBlocked} 行因填报信息不全未写入` : '']
        .filter(Boolean).join(';');
      toast(`已接受 ${r.appliedRows} 行、${r.appliedCells} 个单元格${held ? `;${held}` : ''}`, 'success');
      onApplied(r.changed, r);
    } catch (e) {
      toastError(e);
    } finally {
      setBusy('');
    }
  }

  return (
    <section className="rt-preview">
      <ul className="rt-files">
        {files.map((f, i) => (
          <li key={i} className={f.error ? 'dlg-error' : ''}>
            <b>{f.file}</b>:{f.error ?? `${f.unit},${f.roundName},${f.rows} 行,其中 ${f.changedRows} 行有改动、${f.conflicts} 行有冲突`}
            {f.contacts && !f.blocked && <span className="dlg-muted"> · 填报人 {f.contacts.filler} {f.contacts.phone} · 审核人 {f.contacts.reviewer} · {f.contacts.filledOn}</span>}
            {f.blocked && <div className="rt-blocked">{f.blocked}
              {f.receivedId != null && editing !== i && <button type="button" onClick={() => setEditing(i)}>补录填报信息…</button>}
            </div>}
            {editing === i && f.receivedId != null && (
              <ContactsForm receivedId={f.receivedId} initial={f.contacts} onCancel={() => setEditing(null)} onSaved={(contacts, still) => {
                setEditing(null);
                setFiles((xs) => xs.map((x, k) => (k === i ? { ...x, contacts, blocked: still } : x)));
                if (!still) setChoice((c) => {
                  const n = new Map(c);
                  for (const r of preview.rows) if (r.file === f.file && r.role === 'lead' && !r.problem) n.set(r.key, new Set(r.changes.filter((x) => !x.conflict).map((x) => x.field)));
                  return n;
                });
              }} />
            )}
          </li>
        ))}
      </ul>
      {!preview.rows.length && !files.some((f) => f.error) && <p className="dlg-muted">填报表与本机数据一致,没有需要接受的改动。</p>}
      {preview.rows.length > 0 && (
        <div className="rt-bar">
          <button type="button" disabled={!!busy} onClick={() => setChoice(defaults(preview, blocked))} title="牵头单位的改动,冲突处保留本机值">按默认选择</button>
          <button type="button" disabled={!!busy} onClick={everything}>全部采用填报值</button>
          <button type="button" disabled={!!busy} onClick={() => setChoice(new Map())}>全部不采用</button>
          <label className="field"><span>显示</span>
            <select value={only} onChange={(e) => setOnly(e.target.value as typeof only)} aria-label="显示哪些行">
              <option value="all">全部 {preview.rows.length} 行</option>
              <option value="conflict">只看冲突</option>
              <option value="shared">只看责任单位的填报</option>
            </select>
          </label>
          <span className="spacer" />
          <button type="button" className="dlg-primary" disabled={!!busy || !preview.previewId} onClick={() => void apply()}>{cells ? `接受选中的 ${cells} 个单元格` : '全部不采用,完成审核'}</button>
        </div>
      )}
      {rows.length > 0 && (
        <table className="rt-rows">
          <thead><tr><th>采用</th><th>单位</th><th>任务 / 指标</th><th>改动(下发时 → 填报值)</th></tr></thead>
          <tbody>
            {rows.slice(0, SHOWN).map((r) => {
              const chosen = choice.get(r.key);
              const all = !!chosen && chosen.size === r.changes.length;
              return (
                <tr key={r.key} className={r.conflict ? 'rt-conflict' : r.problem ? 'rt-problem' : r.role === 'responsible' ? 'rt-shared' : ''}>
                  <td><input type="checkbox" aria-label={`采用 ${r.unit} ${r.title}`} disabled={!usable(r) || !!busy} checked={all}
                    ref={(el) => { if (el) el.indeterminate = !!chosen && !all; }}
                    onChange={(e) => set(r.key, e.target.checked ? r.changes.map((c) => c.field) : [])} /></td>
                  <td>{r.unit}{r.role === 'responsible' && <div className="rt-role">责任单位</div>}</td>
                  <td>{r.entity === 'task' ? '任务' : '指标'}:{r.title}</td>
                  <td>
                    {r.changes.map((c) => {
                      const on = !!chosen?.has(c.field);
                      const name = `${r.key}#${c.field}`;
                      return c.conflict ? (
                        <div key={c.field} className="rt-cell rt-cell-conflict" role="radiogroup" aria-label={`${r.title} ${c.label} 的冲突`}>
                          <b>{c.label}</b>:<span className="rt-old">{c.oldValue || '(空)'}</span>
                          <label className="rt-pick"><input type="radio" name={name} disabled={!usable(r) || !!busy} checked={on} onChange={() => toggleCell(r, c.field, true)} />
                            用填报值 <span className="rt-new">{c.newValue || '(空)'}</span></label>
                          <label className="rt-pick"><input type="radio" name={name} disabled={!usable(r) || !!busy} checked={!on} onChange={() => toggleCell(r, c.field, false)} />
                            保留本机值 <span className="rt-here">{c.currentValue || '(空)'}</span></label>
                        </div>
                      ) : (
                        <label key={c.field} className="rt-cell">
                          <input type="checkbox" aria-label={`采用 ${r.title} ${c.label}`} disabled={!usable(r) || !!busy} checked={on} onChange={(e) => toggleCell(r, c.field, e.target.checked)} />
                          <b>{c.label}</b>:<span className="rt-old">{c.oldValue || '(空)'}</span> → <span className="rt-new">{c.newValue || '(空)'}</span>
                        </label>
                      );
                    })}
                    {r.problem && <div className="dlg-error">{r.problem}(此行不能接受)</div>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {rows.length > SHOWN && <p className="dlg-muted">另有 {rows.length - SHOWN} 行未列出;上方的“按默认选择”“全部采用填报值”“全部不采用”对它们同样有效。</p>}
    </section>
  );
}
