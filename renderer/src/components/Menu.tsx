// A small drop-down menu behind a button: a list of actions, opened by click, Enter, Space or ↓, walked with the
// arrow keys, closed by Esc or a click elsewhere (the keyboard then goes back to the button).
import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface MenuItem { label: string; title?: string; run(): void; disabled?: boolean }

export function Menu({ label, items, title, className }: { label: ReactNode; items: MenuItem[]; title?: string; className?: string }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => { if (!ref.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('mousedown', close);
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus();
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  const close = () => { setOpen(false); button.current?.focus(); };
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape' && open) { e.preventDefault(); e.stopPropagation(); close(); return; }
    if (!open && e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); return; }
    if (!open || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
    e.preventDefault();
    const all = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    all[(at + (e.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length]?.focus();
  };
  return (
    <div className={`menu ${className ?? ''}`} ref={ref} onKeyDown={onKey}>
      <button type="button" ref={button} aria-haspopup="menu" aria-expanded={open} title={title} onClick={() => setOpen(!open)}>{label}</button>
      {open && (
        <div className="menu-pop" role="menu">
          {items.map((it) => (
            <button key={it.label} type="button" role="menuitem" title={it.title} disabled={it.disabled}
              onClick={() => { close(); it.run(); }}>{it.label}</button>
          ))}
        </div>
      )}
    </div>
  );
}
