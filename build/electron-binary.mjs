// Finds the Electron binary installed by the electron package, or tells why there is none.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @returns {{ path: string | null, version: string | null, reason: string | null }} */
export function electronBinary() {
  let version = null;
  try {
    version = require('electron/package.json').version;
  } catch {
    return { path: null, version: null, reason: '未安装 electron 依赖包' };
  }
  try {
    const p = require('electron');
    if (typeof p === 'string' && fs.existsSync(p)) return { path: p, version, reason: null };
  } catch {
    // the package throws when its binary was never downloaded
  }
  return { path: null, version, reason: `Electron ${version} 的程序文件未能下载(需要联网安装)` };
}
