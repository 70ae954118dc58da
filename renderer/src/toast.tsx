// Short messages at the bottom of the window: saved, failed (with the Chinese reason), undone.
import { useEffect, useState } from 'react';

type Kind = 'info' | 'error' | 'success' | 'warn';
interface Toast { id: number; kind: Kind; text: string }
let listeners: ((t: Toast) => void)[] = [];
let next = 1;

export function toast(text: string, kind: Kind = 'info'): void {
  const t = { id: next++, kind, text };
  for (const l of listeners) l(t);
}
export const toastError = (e: unknown) => toast(e instanceof Error ? e.message : String(e), 'error');

export function Toasts() {
  const [items, setItems] = useState<Toast[]>([]);
  useEffect(() => {
    const l = (t: Toast) => {
      setItems((xs) => [...xs.slice(-3), t]);
      setTimeout(() => setItems((xs) => xs.filter((x) => x.id !== t.id)), t.kind === 'error' || t.kind === 'warn' ? 8000 : 3000);
    };
    listeners.push(l);
    return () => { listeners = listeners.filter((x) => x !== l); };
  }, []);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {items.map((t) => <div key={t.id} className={`toast toast-${t.kind}`}>{t.text}</div>)}
    </div>
  );
}
