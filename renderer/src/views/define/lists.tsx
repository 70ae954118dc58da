// The small editors of a definition in the detail panel: a text saved on Enter or when it loses focus (with the
// service's refusal shown under it), units as chips picked from the directory or typed new, target milestones (year,
// value, qualifier, 期间累计) and 节点 (date and what) as short lists; a list is saved once every line of it is complete.
import { useEffect, useState } from 'react';
import { NO_UNIT } from '../../../../contract/model';
import { send } from '../../api';
import { onUnitsChanged } from './save';
import { DateInput } from '../../components/DateInput';

type Save = (v: unknown) => Promise<void>;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function useSaver(save: Save): [(v: unknown) => Promise<boolean>, string] {
  const [error, setError] = useState('');
  const run = async (v: unknown) => {
    try { await save(v); setError(''); return true; } catch (e) { setError(message(e)); return false; }
  };
  return [run, error];
}

export function DefText({ label, value, save, placeholder, list, multiline, hint }: {
  label: string; value: string; save: Save; placeholder?: string; list?: string[]; multiline?: boolean; hint?: string;
}) {
  const [text, setText] = useState(value);
  const [run, error] = useSaver(save);
  useEffect(() => setText(value), [value]);
  const commit = () => { if (text !== value) void run(text); };
  const id = `dl-${label}`;
  const common = { 'aria-label': label, value: text, placeholder, onBlur: commit, 'aria-invalid': !!error || undefined };
  return (
    <label className={`auto-field${error ? ' has-error' : ''}`}>
      <span className="auto-label">{label}{hint && <em className="auto-note">{hint}</em>}</span>
      {multiline
        ? <textarea rows={3} {...common} onChange={(e) => setText(e.target.value)} />
        : <input type="text" {...common} list={list ? id : undefined} onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); commit(); } if (e.key === 'Escape') setText(value); }} />}
      {list && <datalist id={id}>{list.map((x) => <option key={x} value={x} />)}</datalist>}
      {error && <span className="auto-error" role="alert">{error}</span>}
    </label>
  );
}

export function DefChoice({ label, value, options, save }: { label: string; value: string; options: [string, string][]; save: Save }) {
  const [run, error] = useSaver(save);
  return (
    <label className={`auto-field${error ? ' has-error' : ''}`}>
      <span className="auto-label">{label}</span>
      <select aria-label={label} value={value} onChange={(e) => void run(e.target.value)}>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
      {error && <span className="auto-error" role="alert">{error}</span>}
    </label>
  );
}

let directory: Promise<string[]> | null = null;
const knownUnits = () => (directory ??= send('units.list', {}).then((u) => u.map((x) => x.unit).filter((x) => x !== NO_UNIT), () => []));
onUnitsChanged(() => { directory = null; });

/** Units as chips; one is added from the directory's list or typed new, and removed with its ×. */
export function UnitsField({ label, value, save }: { label: string; value: string[]; save: Save }) {
  const [adding, setAdding] = useState('');
  const [known, setKnown] = useState<string[]>([]);
  const [run, error] = useSaver(save);
  useEffect(() => { void knownUnits().then(setKnown); }, [value]);
  const add = async () => {
    const names = adding.split(/[、,，;；\n]+/).map((x) => x.trim()).filter(Boolean);
    if (!names.length) return;
    if (await run([...value, ...names])) setAdding('');
  };
  const id = `units-${label}`;
  return (
    <div className={`auto-field units-field${error ? ' has-error' : ''}`} role="group" aria-label={label}>
      <span className="auto-label">{label}</span>
      <div className="chips">
        {value.map((u) => (
          <span key={u} className="unit-chip">{u}<button type="button" aria-label={`去掉${u}`} onClick={() => void run(value.filter((x) => x !== u))}>×</button></span>
        ))}
        {!value.length && <span className="muted">{NO_UNIT}</span>}
      </div>
      <div className="chip-add">
        <input type="text" aria-label={`添加${label}`} list={id} value={adding} placeholder="从目录选择或输入新单位,回车添加"
          onChange={(e) => setAdding(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void add(); } }} />
        <datalist id={id}>{known.filter((u) => !value.includes(u)).map((u) => <option key={u} value={u} />)}</datalist>
        <button type="button" onClick={() => void add()} disabled={!adding.trim()}>添加</button>
      </div>
      {error && <span className="auto-error" role="alert">{error}</span>}
    </div>
  );
}

/** A short editable list: each line is complete or not; the list is saved when every line is complete. */
function useLines<L>(value: L[], complete: (l: L) => boolean, save: Save) {
  const [lines, setLines] = useState<L[]>(value);
  const [run, error] = useSaver(save);
  const key = JSON.stringify(value);
  useEffect(() => setLines(value), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const commit = (next: L[]) => { setLines(next); if (next.every(complete) && JSON.stringify(next) !== key) void run(next); };
  const pending = lines.some((l) => !complete(l));
  return { lines, setLines, commit, error, pending };
}

export interface MilestoneLine { year: string; value: string; qualifier: string; cumulative: boolean }
const QUALIFIER_HINTS = ['以上', '左右', '以内', '不低于', '不超过', '超过', '以下'];

export function MilestonesEditor({ value, nextYear, save }: { value: MilestoneLine[]; nextYear: number; save: Save }) {
  const { lines, setLines, commit, error, pending } = useLines(value, (l) => !!l.year.trim() && !!l.value.trim(), (ls) =>
    save((ls as MilestoneLine[]).map((l) => ({ year: l.year, value: l.value, qualifier: l.qualifier, cumulative: l.cumulative }))));
  const set = (i: number, patch: Partial<MilestoneLine>, now = false) => {
    const next = lines.map((l, k) => (k === i ? { ...l, ...patch } : l));
    if (now) commit(next); else setLines(next);
  };
  const last = lines.length ? Number(lines[lines.length - 1].year) : NaN;
  return (
    <div className="auto-field lines" role="group" aria-label="目标值">
      <span className="auto-label">目标值{pending && <em className="auto-note">填写年份和数值后保存</em>}</span>
      {lines.map((l, i) => (
        <div key={i} className="line">
          <input type="text" className="year" aria-label={`第 ${i + 1} 个目标值的年份`} value={l.year} onChange={(e) => set(i, { year: e.target.value })} onBlur={() => commit(lines)} />
          <span>年</span>
          <input type="text" className="value" aria-label={`${l.year || '第 ' + (i + 1) + ' 个'}年目标值`} value={l.value} onChange={(e) => set(i, { value: e.target.value })} onBlur={() => commit(lines)} />
          <input type="text" className="qual" aria-label={`${l.year}年限定词`} list="ms-quals" placeholder="限定" value={l.qualifier} onChange={(e) => set(i, { qualifier: e.target.value })} onBlur={() => commit(lines)} />
          <label className="cum" title="期间累计值(原文写作 [200])"><input type="checkbox" checked={l.cumulative} onChange={(e) => set(i, { cumulative: e.target.checked }, true)} />累计</label>
          <button type="button" aria-label={`删去${l.year}年`} onClick={() => commit(lines.filter((_, k) => k !== i))}>×</button>
        </div>
      ))}
      <datalist id="ms-quals">{QUALIFIER_HINTS.map((q) => <option key={q} value={q} />)}</datalist>
      <button type="button" className="link" onClick={() => setLines([...lines, { year: String(Number.isFinite(last) ? last + 1 : nextYear), value: '', qualifier: '', cumulative: false }])}>＋ 添加年份</button>
      {error && <span className="auto-error" role="alert">{error}</span>}
    </div>
  );
}

export function TaskMilestonesEditor({ value, save }: { value: { due: string; what: string }[]; save: Save }) {
  const { lines, setLines, commit, error, pending } = useLines(value, (l) => !!l.due && !!l.what.trim(), save);
  const set = (i: number, patch: Partial<{ due: string; what: string }>) => setLines(lines.map((l, k) => (k === i ? { ...l, ...patch } : l)));
  return (
    <div className="auto-field lines" role="group" aria-label="节点">
      <span className="auto-label">节点{pending && <em className="auto-note">填写日期和事项后保存</em>}</span>
      {lines.map((l, i) => (
        <div key={i} className="line">
          <DateInput label={`第 ${i + 1} 个节点的日期`} value={l.due} onChange={(v) => set(i, { due: v })} onCommit={(v) => commit(lines.map((x, k) => (k === i ? { ...x, due: v } : x)))} />
          <input type="text" className="what" aria-label={`第 ${i + 1} 个节点要完成的事项`} value={l.what} placeholder="要完成的事项" onChange={(e) => set(i, { what: e.target.value })} onBlur={() => commit(lines)} />
          <button type="button" aria-label={`删去第 ${i + 1} 个节点`} onClick={() => commit(lines.filter((_, k) => k !== i))}>×</button>
        </div>
      ))}
      <button type="button" className="link" onClick={() => setLines([...lines, { due: '', what: '' }])}>＋ 添加节点</button>
      {error && <span className="auto-error" role="alert">{error}</span>}
    </div>
  );
}
