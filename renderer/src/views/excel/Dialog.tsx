// The frame shared by the Excel dialogs: a modal window with a title, a body, a button row, and a busy bar that shows
// the elapsed time while a long export or import runs.
import { useEffect, useState, type ReactNode } from 'react';
import './dialog.css';

export function Dialog(props: { title: string; onClose(): void; children: ReactNode; buttons: ReactNode; wide?: boolean }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') props.onClose(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props]);
  return (
    <div className="xl-backdrop" role="presentation" onMouseDown={(e) => { if (e.target === e.currentTarget) props.onClose(); }}>
      <div className={`xl-dialog${props.wide ? ' xl-wide' : ''}`} role="dialog" aria-modal="true" aria-label={props.title}>
        <header className="xl-head">
          <h2>{props.title}</h2>
          <button type="button" className="xl-x" aria-label="关闭" onClick={props.onClose}>×</button>
        </header>
        <div className="xl-body">{props.children}</div>
        <footer className="xl-buttons">{props.buttons}</footer>
      </div>
    </div>
  );
}

export function Busy({ text }: { text: string }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const t0 = Date.now();
    const id = setInterval(() => setSeconds(Math.floor((Date.now() - t0) / 1000)), 500);
    return () => clearInterval(id);
  }, []);
  return (
    <div className="xl-busy" role="progressbar" aria-label={text}>
      <div className="xl-bar"><span /></div>
      <p>{text}…已用 {seconds} 秒</p>
    </div>
  );
}
