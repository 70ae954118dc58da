// Bundles the renderer (React app), the Electron main and preload, and the parsing worker with esbuild into dist/.
// Usage: node build/build.mjs [--renderer] [--electron] [--watch]; with no flag both are built.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const all = !args.has('--renderer') && !args.has('--electron');
const dist = path.join(root, 'dist');

async function renderer() {
  const out = path.join(dist, 'renderer');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints: { app: path.join(root, 'renderer/src/main.tsx') },
    // ES modules with code splitting: parts used later (the dashboard and its charts) load on first use.
    bundle: true, outdir: out, format: 'esm', splitting: true, chunkNames: 'chunks/[name]-[hash]', platform: 'browser', target: ['chrome120'],
    minify: true, sourcemap: false, legalComments: 'none', jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' }, loader: { '.svg': 'dataurl', '.png': 'dataurl' }, logLevel: 'warning',
  });
  fs.copyFileSync(path.join(root, 'renderer/index.html'), path.join(out, 'index.html'));
}

async function electron() {
  const out = path.join(dist, 'electron');
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', outdir: out, logLevel: 'warning', sourcemap: false };
  await esbuild.build({ ...common, entryPoints: { main: path.join(root, 'electron/main.ts') }, packages: 'external' });
  // The parsing worker (core/files/in-worker.ts starts it from beside main.js): files from outside are read there.
  await esbuild.build({ ...common, entryPoints: { 'parse-worker': path.join(root, 'core/services/parse-jobs.ts') }, packages: 'external' });
  await esbuild.build({ ...common, entryPoints: { preload: path.join(root, 'electron/preload.ts') }, external: ['electron'] });
}

const t0 = Date.now();
if (all || args.has('--renderer')) await renderer();
if (all || args.has('--electron')) await electron();
console.log(`构建完成(${Date.now() - t0} ms)`);
