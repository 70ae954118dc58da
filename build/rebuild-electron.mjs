// Builds better-sqlite3 for Electron's ABI into build/native/electron-<version>/, leaving the Node build
// in node_modules untouched for the tests. Needs Electron's headers (downloaded by node-gyp, or ELECTRON_HEADERS_DIR).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const outDir = path.join(root, 'build', 'native', `electron-${electronVersion}`);
const src = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bsql-electron-'));

fs.cpSync(src, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) && !p.endsWith(`${path.sep}build`) });
const gyp = require.resolve('node-gyp/bin/node-gyp.js');
const args = [gyp, 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.env.npm_config_arch ?? process.arch}`, '--runtime=electron'];
if (process.env.ELECTRON_HEADERS_DIR) args.push(`--nodedir=${process.env.ELECTRON_HEADERS_DIR}`);
else args.push('--dist-url=https://electronjs.org/headers');
console.log(`为 Electron ${electronVersion} 编译 better-sqlite3 …`);
const r = spawnSync(process.execPath, args, { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: process.env.ELECTRON_HEADERS_DIR ?? '' } });
if (r.status !== 0) {
  console.error('为 Electron 编译 better-sqlite3 失败:需要联网下载 Electron 头文件,或用 ELECTRON_HEADERS_DIR 指定已下载的头文件目录。');
  process.exit(1);
}
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), path.join(outDir, 'better_sqlite3.node'));
fs.rmSync(work, { recursive: true, force: true });
console.log(`完成:${path.join(outDir, 'better_sqlite3.node')}`);
