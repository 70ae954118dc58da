// A date box that reads and writes YYYY-MM-DD whatever the system's locale: digits get their dashes as they are typed,
// 2023/6/30 or 2023年6月30日 become 2023-06-30 when the box is left, and the button beside it (or Alt+↓) opens a
// Chinese calendar. The box reports every change; `onCommit` tells when a value is settled (picked, Enter, left).
import { useRef, useState, type KeyboardEvent } from 'react';
import { Calendar } from './Calendar';
import { maskDay, normalizeDay } from '../dates';

interface Props {
  value: string; label: string; onChange(v: string): void; onCommit?(v: string): void;
  autoFocus?: boolean; invalid?: boolean; onKeyDown?(e: KeyboardEvent<HTMLInputElement>): void; startOpen?: boolean; disabled?: boolean;
}

export function DateInput({ value, label, onChange, onCommit, autoFocus, invalid, onKeyDown, startOpen, disabled }: Props) {
  const [open, setOpen] = useState(!!startOpen);
  const box = useRef<HTMLInputElement>(null);
  const settle = (v: string) => { onChange(v); onCommit?.(v); };
  const pick = (v: string) => { setOpen(false); settle(v); box.current?.focus(); };
  return (
    <span className="date-input" onBlur={(e) => {
      if (e.currentTarget.contains(e.relatedTarget as Node)) return;
      setOpen(false);
      settle(normalizeDay(value));
    }}>
      <input ref={box} type="text" inputMode="numeric" aria-label={label} placeholder="YYYY-MM-DD" value={value} maxLength={12}
        autoFocus={autoFocus} disabled={disabled} aria-invalid={invalid || undefined} autoComplete="off" spellCheck={false}
        onChange={(e) => onChange(maskDay(e.target.value))}
        onKeyDown={(e) => {
          if (e.altKey && e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); return; }
          if (e.key === 'Enter') settle(normalizeDay(value));
          onKeyDown?.(e);
        }} />
      <button type="button" className="date-btn" aria-label="打开日历" title="打开日历" tabIndex={-1} disabled={disabled}
        onMouseDown={(e) => e.preventDefault()} onClick={() => setOpen(!open)}>
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden><rect x="1.5" y="2.5" width="11" height="10" rx="1.5" fill="none" stroke="currentColor" /><path d="M1.5 5.5h11M4.5 1v3M9.5 1v3" stroke="currentColor" /></svg>
      </button>
      {open && <Calendar value={value} onPick={pick} onClose={() => { setOpen(false); box.current?.focus(); }} />}
    </span>
  );
}
