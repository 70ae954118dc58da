// Finds the Electron binary of the installed electron package. The package fetches its binary on first use;
// `download: true` tries that fetch once, quietly, so a machine without internet gets one clear reason instead of a trace.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function installedPath(dir) {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return fs.existsSync(p) ? p : null;
  }
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const p = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(p) ? p : null;
}

/** @returns {{ path: string | null, version: string | null, reason: string | null }} */
export function electronBinary({ download = false } = {}) {
  let dir;
  let version;
  try {
    const pkg = require.resolve('electron/package.json');
    dir = path.dirname(pkg);
    version = JSON.parse(fs.readFileSync(pkg, 'utf8')).version;
  } catch {
    return { path: null, version: null, reason: '未安装 electron 依赖包' };
  }
  let found = installedPath(dir);
  if (!found && download) {
    spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'pipe', timeout: 10 * 60_000 });
    found = installedPath(dir);
  }
  if (found) return { path: found, version, reason: null };
  return { path: null, version, reason: `无法获得 Electron ${version} 程序文件(首次运行需联网下载)` };
}
