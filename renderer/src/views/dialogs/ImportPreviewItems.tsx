// The items of a previewed document as a table the planner corrects before anything is written: kind (task, project,
// measure, safeguard, target, or 不导入), title, heading, unit, base and target values, units. Several checked items
// take a kind or a heading at once. Each change is applied to the pending copy by the service and comes back checked.
import { useMemo, useState } from 'react';
import type { ImportItem, ImportItemKind, ImportRevision } from '../../../../contract';
import { IMPORT_ITEM_KINDS, IMPORT_ITEM_KIND_LABELS } from '../../../../contract';

const PAGE = 200;
type Revise = (r: ImportRevision[]) => Promise<boolean>;
const pathKey = (p: string[]) => p.join(' / ');
const msText = (i: ImportItem) => i.milestones.map((m) => `${m.year}:${m.value}`).join(';');

/** A text cell that sends its value when it loses focus or on Enter, only when it changed. */
function Cell({ value, label, onSave, wide }: { value: string; label: string; onSave(v: string): void; wide?: boolean }) {
  const [text, setText] = useState(value);
  const [was, setWas] = useState(value);
  if (was !== value) { setWas(value); setText(value); }
  const done = () => { if (text !== value) onSave(text); };
  return <input type="text" className={wide ? 'wide' : ''} aria-label={label} value={text} onChange={(e) => setText(e.target.value)} onBlur={done}
    onKeyDown={(e) => { if (e.key === 'Enter') done(); if (e.key === 'Escape') setText(value); }} />;
}

export function ImportPreviewItems({ items, headings, revise }: { items: ImportItem[]; headings: string[][]; revise: Revise }) {
  const [show, setShow] = useState<'all' | 'task' | 'target' | 'ignore'>('all');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [limit, setLimit] = useState(PAGE);
  const isTarget = (i: ImportItem) => i.kind === 'target';
  const counts = useMemo(() => ({
    all: items.length, task: items.filter((i) => i.kind !== 'target' && i.kind !== 'ignore').length,
    target: items.filter(isTarget).length, ignore: items.filter((i) => i.kind === 'ignore').length,
  }), [items]);
  const shown = items.filter((i) => show === 'all' || (show === 'task' ? i.kind !== 'target' && i.kind !== 'ignore' : i.kind === show));
  const keys = [...picked].filter((k) => items.some((i) => i.key === k));
  const set = (i: ImportItem, field: Extract<ImportRevision, { op: 'set' }>['field'], value: string) =>
    void revise([{ op: 'set', key: i.key, field, value }]);
  const toggle = (k: string) => setPicked((s) => { const n = new Set(s); if (n.has(k)) n.delete(k); else n.add(k); return n; });
  const kindAll = (kind: ImportItemKind) => { if (keys.length) void revise([{ op: 'kind', keys, kind }]).then((ok) => ok && setPicked(new Set())); };
  const moveAll = (p: string) => { if (keys.length && p) void revise([{ op: 'move', keys, path: p.split(' / ') }]).then((ok) => ok && setPicked(new Set())); };

  return (
    <div className="imp-items">
      <div className="imp-items-bar" role="toolbar" aria-label="识别出的内容">
        {(['all', 'task', 'target', 'ignore'] as const).map((k) => (
          <button key={k} type="button" className={show === k ? 'on' : ''} aria-pressed={show === k} onClick={() => setShow(k)}>
            {{ all: '全部', task: '任务类', target: '指标', ignore: '不导入' }[k]}({counts[k]})
          </button>
        ))}
        <span className="spacer" />
        <span className="dlg-muted">已勾选 {keys.length} 项</span>
        <select aria-label="把勾选的项改为" value="" disabled={!keys.length} onChange={(e) => kindAll(e.target.value as ImportItemKind)}>
          <option value="">改为…</option>
          {IMPORT_ITEM_KINDS.map((k) => <option key={k} value={k}>{IMPORT_ITEM_KIND_LABELS[k]}</option>)}
        </select>
        <select aria-label="把勾选的项移到" value="" disabled={!keys.length} onChange={(e) => moveAll(e.target.value)}>
          <option value="">移到章节…</option>
          {headings.map((h) => <option key={pathKey(h)} value={pathKey(h)}>{'　'.repeat(h.length - 1)}{h[h.length - 1]}</option>)}
        </select>
      </div>
      <table className="imp-table imp-edit">
        <thead><tr><th /><th>类别</th><th>编号</th><th>标题 / 指标名称</th><th>所在章节</th><th>单位</th><th>基期</th><th>目标值</th><th>责任单位</th><th>行</th></tr></thead>
        <tbody>
          {shown.slice(0, limit).map((i) => (
            <tr key={i.key} className={`kind-${i.kind}${i.keptOut ? ' kept-out' : ''}`} data-key={i.key} title={i.keptOut ? '此项已被删除,保留删除时不导入(见上方的选择)' : undefined}>
              <td><input type="checkbox" aria-label={`勾选「${i.title}」`} checked={picked.has(i.key)} onChange={() => toggle(i.key)} /></td>
              <td>
                <select aria-label={`「${i.title}」的类别`} value={i.kind} onChange={(e) => void revise([{ op: 'kind', keys: [i.key], kind: e.target.value as ImportItemKind }])}>
                  {IMPORT_ITEM_KINDS.map((k) => <option key={k} value={k}>{IMPORT_ITEM_KIND_LABELS[k]}</option>)}
                </select>
              </td>
              <td className="code">{i.code}{i.existingId && <span className="imp-existing" title="更新已有的一行">已有</span>}{i.keptOut && <span className="imp-kept-out">已删除</span>}</td>
              <td>{i.kind === 'ignore' ? <span className="imp-ignored">{i.title}</span> : <Cell value={i.title} label={`「${i.title}」的标题`} wide onSave={(v) => set(i, 'title', v)} />}</td>
              <td>
                {i.kind === 'ignore' ? null : (
                  <select aria-label={`「${i.title}」所在章节`} value={pathKey(i.path)} onChange={(e) => void revise([{ op: 'move', keys: [i.key], path: e.target.value ? e.target.value.split(' / ') : [] }])}>
                    <option value="">(无)</option>
                    {!headings.some((h) => pathKey(h) === pathKey(i.path)) && i.path.length > 0 && <option value={pathKey(i.path)}>{pathKey(i.path)}</option>}
                    {headings.map((h) => <option key={pathKey(h)} value={pathKey(h)}>{'　'.repeat(h.length - 1)}{h[h.length - 1]}</option>)}
                  </select>
                )}
              </td>
              <td>{isTarget(i) && <Cell value={i.unit} label={`「${i.title}」的单位`} onSave={(v) => set(i, 'unit', v)} />}</td>
              <td className="base">{isTarget(i) && (
                <div>
                  <Cell value={i.baseline.year == null ? '' : String(i.baseline.year)} label={`「${i.title}」的基期年份`} onSave={(v) => set(i, 'baselineYear', v)} />
                  <Cell value={i.baseline.value ?? ''} label={`「${i.title}」的基期值`} onSave={(v) => set(i, 'baselineValue', v)} />
                </div>
              )}</td>
              <td>{isTarget(i) && <Cell value={msText(i)} label={`「${i.title}」的目标值`} onSave={(v) => set(i, 'milestones', v)} />}</td>
              <td>{i.kind !== 'ignore' && <Cell value={i.responsibleUnits.join('、')} label={`「${i.title}」的责任单位`} onSave={(v) => set(i, 'responsibleUnits', v)} />}</td>
              <td className="line">{i.line ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length > limit && <button type="button" className="link" onClick={() => setLimit(shown.length)}>显示全部 {shown.length} 项</button>}
    </div>
  );
}
