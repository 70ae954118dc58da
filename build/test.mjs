// npm test: strict typecheck, build, then every test (unit, end-to-end in Chromium, Electron where a binary exists)
// with node's test runner. Pass file or folder names to run only those tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (args, label) => {
  console.log(`\n== ${label}`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${label} 失败`);
    process.exit(r.status ?? 1);
  }
};

function collect(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...collect(p));
    else if (e.name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

const wanted = process.argv.slice(2);
const files = (wanted.length ? wanted.map((w) => path.resolve(root, w)) : [path.join(root, 'tests')])
  .flatMap((p) => (fs.statSync(p).isDirectory() ? collect(p) : [p]));

if (!wanted.length) run([path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit'], '类型检查 (tsc --strict)');
run([path.join(root, 'build/build.mjs')], '构建');
run(['--import', 'tsx', '--test', '--test-reporter=spec', ...(process.env.TEST_CONCURRENCY ? [`--test-concurrency=${process.env.TEST_CONCURRENCY}`] : []), ...files],
  `测试(${files.length} 个文件)`);
