// Packaging leaves the Node build of better-sqlite3 alone: electron-builder does not rebuild node_modules, the packaged
// app takes the Electron build from its resources, node-gyp (used to make that build) is declared, and npm runs the
// install scripts of exactly the packages that need them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const yml = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, Record<string, unknown>>;

test('electron-builder does not rebuild node_modules and ships the Electron build of better-sqlite3 as a resource', () => {
  assert.match(yml, /^npmRebuild:\s*false\s*$/m);
  assert.doesNotMatch(yml, /^npmRebuild:\s*true/m);
  assert.match(yml, /from: build\/native\/electron-\$\{env\.ELECTRON_VERSION\}\n\s+to: native/);
  const main = fs.readFileSync(path.join(root, 'electron', 'main.ts'), 'utf8');
  assert.match(main, /process\.resourcesPath, 'native', 'better_sqlite3\.node'/);
});

test('node-gyp is a declared dev dependency, and the dist script goes through build/dist.mjs', () => {
  assert.ok(pkg.devDependencies['node-gyp'], 'node-gyp in devDependencies');
  assert.match(String(pkg.scripts.dist), /rebuild:electron && node build\/dist\.mjs/);
});

test('install scripts: better-sqlite3 and esbuild approved, the others denied', () => {
  assert.deepEqual(pkg.allowScripts, { 'better-sqlite3': true, esbuild: true, 'electron-winstaller': false, 'es5-ext': false });
});
