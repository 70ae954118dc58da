// The frame every dialog shares: a modal window with a title, a body, a button row, and a busy bar that shows
// the elapsed time while a long export or import runs.
import { useEffect, useState, type ReactNode } from 'react';
import { send } from '../api';
import type { JobProgress } from '../../../contract';
import './dialog.css';

export function Dialog(props: { title: string; onClose(): void; children: ReactNode; buttons: ReactNode; wide?: boolean }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') props.onClose(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props]);
  return (
    <div className="dlg-backdrop" role="presentation" onMouseDown={(e) => { if (e.target === e.currentTarget) props.onClose(); }}>
      <div className={`dlg-dialog${props.wide ? ' dlg-wide' : ''}`} role="dialog" aria-modal="true" aria-label={props.title}>
        <header className="dlg-head">
          <h2>{props.title}</h2>
          <button type="button" className="dlg-x" aria-label="关闭" onClick={props.onClose}>×</button>
        </header>
        <div className="dlg-body">{props.children}</div>
        <footer className="dlg-buttons">{props.buttons}</footer>
      </div>
    </div>
  );
}

/** A busy bar with the elapsed time; given the operation's name it also asks the service how far it has come. */
export function Busy({ text, op }: { text: string; op?: string }) {
  const [seconds, setSeconds] = useState(0);
  const [job, setJob] = useState<JobProgress | null>(null);
  useEffect(() => {
    const t0 = Date.now();
    const id = setInterval(() => {
      setSeconds(Math.floor((Date.now() - t0) / 1000));
      if (op) send('jobs.progress', { op }).then((j) => setJob(j && j.at >= t0 ? j : null), () => undefined);
    }, 500);
    return () => clearInterval(id);
  }, [op]);
  const pct = job && job.total ? Math.min(100, Math.round((job.done / job.total) * 100)) : null;
  return (
    <div className="dlg-busy" role="progressbar" aria-label={text} aria-valuenow={pct ?? undefined} aria-valuemin={0} aria-valuemax={100}>
      <div className={`dlg-bar${pct != null ? ' dlg-bar-known' : ''}`}><span style={pct != null ? { width: `${pct}%` } : undefined} /></div>
      <p>{text}…{job && pct != null ? `${job.done} / ${job.total} 行(${pct}%),` : ''}已用 {seconds} 秒</p>
    </div>
  );
}
