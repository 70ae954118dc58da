// A small month calendar in Chinese (weeks from Monday), the same on every system whatever its locale: the arrows move
// the day, PageUp/PageDown the month, Enter or a click picks it, Esc closes; 今天 and 清除 below.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { isoDay, parseDay } from '../dates';

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];
const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
const addMonths = (d: Date, n: number) => {
  const last = new Date(d.getFullYear(), d.getMonth() + n + 1, 0).getDate();
  return new Date(d.getFullYear(), d.getMonth() + n, Math.min(d.getDate(), last));
};

export function Calendar({ value, onPick, onClose }: { value: string; onPick(v: string): void; onClose(): void }) {
  const chosen = parseDay(value);
  const [cursor, setCursor] = useState<Date>(chosen ?? new Date());
  const grid = useRef<HTMLDivElement>(null);
  useEffect(() => { grid.current?.querySelector<HTMLButtonElement>('[tabindex="0"]')?.focus(); }, [cursor]);

  const first = new Date(cursor.getFullYear(), cursor.getMonth(), 1);
  const start = addDays(first, -((first.getDay() + 6) % 7));
  const days = Array.from({ length: 42 }, (_, i) => addDays(start, i));
  const today = isoDay(new Date());

  const onKey = (e: KeyboardEvent) => {
    const move: Record<string, () => Date> = {
      ArrowLeft: () => addDays(cursor, -1), ArrowRight: () => addDays(cursor, 1), ArrowUp: () => addDays(cursor, -7), ArrowDown: () => addDays(cursor, 7),
      PageUp: () => addMonths(cursor, e.shiftKey ? -12 : -1), PageDown: () => addMonths(cursor, e.shiftKey ? 12 : 1),
      Home: () => addDays(cursor, -((cursor.getDay() + 6) % 7)), End: () => addDays(cursor, 6 - ((cursor.getDay() + 6) % 7)),
    };
    if (move[e.key]) { e.preventDefault(); e.stopPropagation(); setCursor(move[e.key]()); }
    else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onClose(); }
  };

  return (
    <div className="calendar" role="dialog" aria-label="选择日期" onKeyDown={onKey} onMouseDown={(e) => e.preventDefault()}>
      <div className="cal-head">
        <button type="button" aria-label="上一年" onClick={() => setCursor(addMonths(cursor, -12))}>«</button>
        <button type="button" aria-label="上一月" onClick={() => setCursor(addMonths(cursor, -1))}>‹</button>
        <span className="cal-title" aria-live="polite">{cursor.getFullYear()}年{cursor.getMonth() + 1}月</span>
        <button type="button" aria-label="下一月" onClick={() => setCursor(addMonths(cursor, 1))}>›</button>
        <button type="button" aria-label="下一年" onClick={() => setCursor(addMonths(cursor, 12))}>»</button>
      </div>
      <div className="cal-grid" role="grid" ref={grid}>
        {WEEK.map((w) => <span key={w} className="cal-week" role="columnheader">{w}</span>)}
        {days.map((d) => {
          const iso = isoDay(d);
          const focus = iso === isoDay(cursor);
          return (
            <button key={iso} type="button" role="gridcell" tabIndex={focus ? 0 : -1} aria-selected={iso === value}
              aria-label={`${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`}
              className={`cal-day${d.getMonth() !== cursor.getMonth() ? ' other' : ''}${iso === value ? ' chosen' : ''}${iso === today ? ' today' : ''}`}
              onClick={() => onPick(iso)}>{d.getDate()}</button>
          );
        })}
      </div>
      <div className="cal-foot">
        <button type="button" onClick={() => onPick(today)}>今天</button>
        <button type="button" onClick={() => onPick('')}>清除</button>
      </div>
    </div>
  );
}
