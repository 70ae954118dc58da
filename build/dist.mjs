// Packages the app with electron-builder (`npm run dist`): tells electron-builder.yml which Electron's native build of
// better-sqlite3 to ship (build/native/electron-<version>), and refuses to start without it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const version = require('electron/package.json').version;
const native = path.join(root, 'build', 'native', `electron-${version}`, 'better_sqlite3.node');
if (!fs.existsSync(native)) {
  console.error(`缺少为 Electron ${version} 编译的 better-sqlite3(${native}),请先运行 npm run rebuild:electron`);
  process.exit(1);
}
const builder = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
const r = spawnSync(process.execPath, [builder, '--config', 'electron-builder.yml', ...process.argv.slice(2)], {
  cwd: root, stdio: 'inherit', env: { ...process.env, ELECTRON_VERSION: version },
});
process.exit(r.status ?? 1);
