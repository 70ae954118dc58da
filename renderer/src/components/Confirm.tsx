// A question before a step that removes or replaces data: what will happen, in the planner's words, and two buttons;
// the one that acts is named for what it does and shows the work while it runs.
import { useState, type ReactNode } from 'react';
import { Dialog, Busy } from './Dialog';

export function Confirm({ title, children, action, onConfirm, onClose }: {
  title: string; children: ReactNode; action: string; onConfirm(): Promise<void>; onClose(): void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const go = async () => {
    setBusy(true);
    setError('');
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} onClose={() => { if (!busy) onClose(); }} buttons={(
      <>
        <button type="button" onClick={onClose} disabled={busy}>取消</button>
        <button type="button" className="dlg-primary dlg-danger" onClick={() => void go()} disabled={busy}>{action}</button>
      </>
    )}>
      <div className="confirm-text">{children}</div>
      {busy && <Busy text={`正在${action}`} />}
      {error && <p className="dlg-error" role="alert">{error}</p>}
    </Dialog>
  );
}
