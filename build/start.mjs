// npm start: builds, then opens the desktop app in Electron; where no Electron binary can be had,
// says so in one line and serves the same app through the local web host instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });

if (run(process.execPath, ['build/build.mjs']).status !== 0) process.exit(1);

const bin = electronBinary({ download: true });
if (bin.path) {
  const native = path.join(root, 'build', 'native', `electron-${bin.version}`, 'better_sqlite3.node');
  if (!fs.existsSync(native) && run(process.execPath, ['build/rebuild-electron.mjs']).status !== 0) process.exit(1);
  const child = spawn(bin.path, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`${bin.reason},改为在浏览器中打开规划评估台:`);
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, 'cli/main.ts', 'web', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
