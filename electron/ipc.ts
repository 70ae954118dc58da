// The one IPC channel: checks the sender is our own window and page, then hands {op, args} to dispatch with the
// window as the client (its own undo stack). File dialogs are operations of the contract like any other.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import crypto from 'node:crypto';
import { dispatch } from '../core/dispatch';
import type { Context } from '../core/common/context';
import { API_CHANNEL } from '../contract/bridge';

/** Window ids start again at 1 in every run: the run's own nonce keeps one run's undo stack from the next one's. */
const RUN = crypto.randomBytes(6).toString('hex');

export function isTrustedSender(e: IpcMainInvokeEvent, trusted: () => WebContents | null, appUrl: string): boolean {
  const wc = trusted();
  if (!wc || e.sender !== wc) return false;
  const frameUrl = e.senderFrame?.url ?? '';
  return frameUrl.startsWith(appUrl);
}

export function registerIpc(ctx: Context, trusted: () => WebContents | null, appUrl: string): void {
  ipcMain.handle(API_CHANNEL, async (e, msg: unknown) => {
    if (!isTrustedSender(e, trusted, appUrl)) return { ok: false, error: { code: 'forbidden', message: '拒绝访问:请求不是来自本程序的窗口' } };
    if (!msg || typeof msg !== 'object') return { ok: false, error: { code: 'bad_args', message: '请求格式不正确' } };
    const { op, args } = msg as { op?: unknown; args?: unknown };
    return dispatch(ctx, op, args, `ipc:${RUN}:${e.sender.id}`);
  });
}
