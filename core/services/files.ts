// The desktop app's file dialogs as operations: the main process shows them, the chosen paths stay here and the
// page gets handles. Without a desktop shell (browser, command line) they answer that the dialogs are not there.
import type { Handlers } from '../dispatch';
import type { Context, Shell } from '../common/context';
import { AppError } from '../common/errors';

function shellOf(ctx: Context): Shell {
  if (!ctx.shell) throw new AppError('unsupported', '此操作只在桌面程序中可用;在浏览器中请用上传和下载');
  return ctx.shell;
}

export const fileHandlers: Pick<Handlers, 'files.open' | 'files.saveAs' | 'files.pickFolder' | 'files.reveal'> = {
  'files.open': async (ctx, { kind }) => (await shellOf(ctx).openFiles(kind)).map((f) => ctx.handles.register(f, 'read')),
  'files.saveAs': async (ctx, { defaultName }) => {
    const f = await shellOf(ctx).saveFile(defaultName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_'));
    return f ? ctx.handles.register(f, 'write') : null;
  },
  'files.pickFolder': async (ctx) => {
    const d = await shellOf(ctx).pickFolder();
    return d ? ctx.handles.register(d, 'folder') : null;
  },
  'files.reveal': (ctx, { handle }) => {
    shellOf(ctx).reveal(ctx.handles.resolve(handle, 'read'));
    return { shown: true };
  },
};
