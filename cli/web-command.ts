// `web`: serves the app to a browser on 127.0.0.1 over a database (the default one when none is named). The port is
// checked before the database is touched; a damaged database opens the recovery screen, a read-only one the 只读 banner.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { str, num } from './args';
import { createContext } from '../core/common/context';
import { openAppDatabase, defaultDbFile } from '../core/app-db';
import { startWebHost } from './web-host';
import type { Command } from './command';

const DEFAULT_PORT = 5178;

/** Whether a port on 127.0.0.1 can be listened on now (a second host, or another program, may hold it). */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

const busyMessage = (port: number) =>
  `端口 ${port} 已被占用(可能已有一个规划评估台的网页服务在运行,或其他程序在使用该端口)。请先关闭它,或用 --port 指定其他端口。`;

export const webCommand: Command = {
  usage: 'web [--db FILE] [--port N]', what: '在浏览器中使用(仅本机 127.0.0.1,默认端口 5178)',
  run: async (p) => {
    const staticDir = path.resolve(__dirname, '..', 'dist', 'renderer');
    if (!fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error('界面尚未构建,请先运行 npm run build');
    // A steady port keeps the page's origin, and with it any unsaved drafts, across restarts; a busy default one falls
    // back to a free port, a busy port asked for stops here, before the database is opened.
    const wanted = num(p, 'port');
    let port = wanted ?? DEFAULT_PORT;
    if (port !== 0 && !(await portFree(port))) {
      if (wanted != null) throw new Error(busyMessage(port));
      console.log(`默认端口 ${port} 已被占用,改用其他端口。`);
      port = 0;
    }
    const file = path.resolve(str(p, 'db') ?? defaultDbFile());
    const { store, created } = await openAppDatabase(file);
    if (created) console.log(`已从内置种子文档创建数据库:${file}`);
    if (store.damaged) console.log(`数据库无法使用:${store.damaged}。请在浏览器中打开下面的地址,从备份恢复。`);
    if (store.readOnly) console.log(`注意:${store.readOnly},以只读方式打开,不能修改。`);
    for (const w of store.warnings) console.log(`注意:${w}`);
    const ctx = createContext(store, file, 'web');
    const host = await startWebHost(ctx, { port, staticDir }).catch((e) => {
      store.close();
      throw (e as { code?: string }).code === 'EADDRINUSE' ? new Error(busyMessage(port)) : e;
    });
    console.log(`规划评估台已在浏览器中可用:${host.url}`);
    console.log(`数据库:${file}(按 Ctrl+C 退出)`);
    const stop = async () => {
      await host.close();
      store.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    await new Promise(() => undefined);
  },
};
