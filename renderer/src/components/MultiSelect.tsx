// A compact filter control: a button naming what is chosen, opening a list of checkboxes (statuses, verdicts, kinds).
import { useEffect, useRef, useState } from 'react';

interface Props<V extends string> { label: string; options: readonly V[]; labels?: Record<string, string>; value: V[]; onChange(v: V[]): void }

export function MultiSelect<V extends string>({ label, options, labels, value, onChange }: Props<V>) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => { if (!ref.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  const name = (v: V) => labels?.[v] ?? v;
  const summary = value.length === 0 ? '全部' : value.length <= 2 ? value.map(name).join('、') : `${value.length} 项`;
  const toggle = (v: V) => onChange(value.includes(v) ? value.filter((x) => x !== v) : options.filter((o) => o === v || value.includes(o)));
  return (
    <div className="multi" ref={ref} onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}>
      <button type="button" className={value.length ? 'on' : ''} aria-haspopup="listbox" aria-expanded={open} aria-label={label} onClick={() => setOpen(!open)}>
        {label}:{summary} ▾
      </button>
      {open && (
        <div className="multi-pop" role="listbox" aria-label={label} aria-multiselectable>
          {options.map((o) => (
            <label key={o} className="multi-item">
              <input type="checkbox" checked={value.includes(o)} onChange={() => toggle(o)} />{name(o)}
            </label>
          ))}
          {value.length > 0 && <button type="button" className="link" onClick={() => onChange([])}>清除</button>}
        </div>
      )}
    </div>
  );
}
