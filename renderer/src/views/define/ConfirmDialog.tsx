// A question the planner answers before a step goes ahead (deleting rows that hold evaluations): the service's own
// message, 确定 or 取消; asked through a promise so the caller reads like a plain function.
import { useCallback, useState, type ReactElement } from 'react';
import { Dialog } from '../../components/Dialog';

interface Asked { title: string; message: string; resolve(ok: boolean): void }

export function useConfirm(): { confirm(title: string, message: string): Promise<boolean>; dialog: ReactElement | null } {
  const [asked, setAsked] = useState<Asked | null>(null);
  const confirm = useCallback((title: string, message: string) => new Promise<boolean>((resolve) => setAsked({ title, message, resolve })), []);
  const answer = (ok: boolean) => { asked?.resolve(ok); setAsked(null); };
  const dialog = asked ? (
    <Dialog title={asked.title} onClose={() => answer(false)} buttons={(
      <>
        <button type="button" onClick={() => answer(false)}>取消</button>
        <button type="button" className="dlg-primary" autoFocus onClick={() => answer(true)}>确定</button>
      </>
    )}>
      <p>{asked.message}</p>
    </Dialog>
  ) : null;
  return { confirm, dialog };
}
