// `web`: serves the app to a browser on 127.0.0.1 over a database (the default one when none is named).
import fs from 'node:fs';
import path from 'node:path';
import { str, num } from './args';
import { createContext } from '../core/common/context';
import { openAppDatabase, defaultDbFile } from '../core/app-db';
import { startWebHost } from './web-host';
import type { Command } from './command';

const DEFAULT_PORT = 5178;

export const webCommand: Command = {
  usage: 'web [--db FILE] [--port N]', what: '在浏览器中使用(仅本机 127.0.0.1,默认端口 5178)',
  run: async (p) => {
    const file = path.resolve(str(p, 'db') ?? defaultDbFile());
    const { db, created } = await openAppDatabase(file);
    if (created) console.log(`已从内置种子文档创建数据库:${file}`);
    const ctx = createContext(db, file, 'web');
    const staticDir = path.resolve(__dirname, '..', 'dist', 'renderer');
    if (!fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error('界面尚未构建,请先运行 npm run build');
    // A steady port keeps the page's origin, and with it any unsaved drafts, across restarts; a busy one falls back.
    const wanted = num(p, 'port');
    const host = await startWebHost(ctx, { port: wanted ?? DEFAULT_PORT, staticDir })
      .catch((e) => (wanted == null ? startWebHost(ctx, { port: 0, staticDir }) : Promise.reject(e)));
    console.log(`规划评估台已在浏览器中可用:${host.url}`);
    console.log(`数据库:${file}(按 Ctrl+C 退出)`);
    const stop = async () => {
      await host.close();
      db.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    await new Promise(() => undefined);
  },
};
