// The shape of the code, checked on every run: arrows point down only (electron, cli, renderer → core → db, every
// room → contract), no file imports itself round in a circle, core's folders form no circle, the renderer sees only
// the contract, only electron/ imports electron, and no source file is longer than 300 lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const ROOMS = ['contract', 'core', 'db', 'cli', 'electron', 'renderer'];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'node_modules') out.push(...sources(p)); } else if (/\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}
const files = ROOMS.filter((r) => fs.existsSync(path.join(root, r))).flatMap((r) => sources(path.join(root, r)));
const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');

interface Import { spec: string; target: string | null; typeOnly: boolean; line: number }

/** Every import and re-export of a file, with whether it survives compilation (type-only ones do not). */
function importsOf(file: string): Import[] {
  const src = fs.readFileSync(file, 'utf8');
  const out: Import[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of src.matchAll(re)) {
    const spec = m[4] ?? m[5] ?? m[6];
    const clause = m[3] ?? '';
    const braces = /^\{([^}]*)\}$/.exec(clause.trim());
    const allTypes = !!braces && braces[1].split(',').map((x) => x.trim()).filter(Boolean).every((x) => x.startsWith('type '));
    const typeOnly = !!m[2] || (allTypes && m[1] === 'import');
    out.push({ spec, target: resolve(file, spec), typeOnly, line: src.slice(0, m.index).split('\n').length });
  }
  return out;
}
function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return null;
}
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const room = (f: string) => rel(f).split('/')[0];
const coreFolder = (f: string) => { const parts = rel(f).split('/'); return parts.length > 2 ? `core/${parts[1]}` : 'core'; };

test('arrows point down: db imports nothing above it, contract nothing but itself, the renderer only the contract', () => {
  const allowed: Record<string, string[]> = {
    contract: ['contract'], db: ['db', 'contract'], core: ['core', 'db', 'contract'],
    cli: ['cli', 'core', 'db', 'contract'], electron: ['electron', 'core', 'db', 'contract'], renderer: ['renderer', 'contract'],
  };
  const bad: string[] = [];
  for (const [f, imps] of graph) {
    for (const i of imps) {
      if (!i.target) continue;
      const to = room(i.target);
      // A type is no run-time arrow, but the renderer and the contract may not even name types from below.
      const strict = room(f) === 'renderer' || room(f) === 'contract';
      if (!allowed[room(f)].includes(to) && (strict || !i.typeOnly)) bad.push(`${rel(f)}:${i.line} → ${rel(i.target)}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('only electron/ imports electron; nothing under core, db or contract imports React, AG Grid or the renderer', () => {
  const bad: string[] = [];
  for (const [f, imps] of graph) {
    for (const i of imps) {
      if (/^electron(\/|$)/.test(i.spec) && room(f) !== 'electron') bad.push(`${rel(f)}:${i.line} ${i.spec}`);
      if (['core', 'db', 'contract'].includes(room(f)) && /^(react|react-dom|ag-grid-|@ag-grid-|echarts)/.test(i.spec) && !(i.spec.startsWith('echarts') && room(f) === 'core')) bad.push(`${rel(f)}:${i.line} ${i.spec}`);
    }
  }
  assert.deepEqual(bad, []);
});

/** The first circle of run-time imports found in a graph, or null. */
function findCycle<N>(nodes: N[], next: (n: N) => N[], name: (n: N) => string): string[] | null {
  const state = new Map<N, 1 | 2>();
  const stack: N[] = [];
  const visit = (n: N): string[] | null => {
    state.set(n, 1);
    stack.push(n);
    for (const m of next(n)) {
      if (state.get(m) === 1) return [...stack.slice(stack.indexOf(m)), m].map(name);
      if (!state.has(m)) { const c = visit(m); if (c) return c; }
    }
    stack.pop();
    state.set(n, 2);
    return null;
  };
  for (const n of nodes) if (!state.has(n)) { const c = visit(n); if (c) return c; }
  return null;
}

test('no circle of run-time imports between files', () => {
  const runtime = (f: string) => (graph.get(f) ?? []).filter((i) => i.target && !i.typeOnly).map((i) => i.target!);
  assert.equal(findCycle(files, runtime, rel)?.join(' → ') ?? null, null);
});

test("no circle among core's folders (the top files dispatch and handlers stand above them all)", () => {
  const top = new Set(['core/dispatch.ts', 'core/handlers.ts', 'core/app-db.ts']);
  const edges = new Map<string, Set<string>>();
  for (const [f, imps] of graph) {
    if (room(f) !== 'core' || top.has(rel(f))) continue;
    for (const i of imps) {
      if (!i.target || i.typeOnly || room(i.target) !== 'core' || top.has(rel(i.target))) continue;
      const a = coreFolder(f), b = coreFolder(i.target);
      if (a !== b) { if (!edges.has(a)) edges.set(a, new Set()); edges.get(a)!.add(b); }
    }
  }
  const folders = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((s) => [...s])])];
  assert.equal(findCycle(folders, (n) => [...(edges.get(n) ?? [])], (n) => n)?.join(' → ') ?? null, null);
  assert.ok(!folders.includes('core'), `core's own root holds only dispatch, handlers and app-db: ${[...edges].filter(([a, b]) => a === 'core' || b.has('core')).map(([a]) => a).join(', ')}`);
});

test('every source file opens with a line on its role and is at most 300 lines long', () => {
  const long: string[] = [];
  const silent: string[] = [];
  const all = [...files, ...['tests', 'bench', 'build'].flatMap((d) => sources(path.join(root, d)))];
  for (const f of all) {
    const text = fs.readFileSync(f, 'utf8');
    const lines = text.split('\n').length;
    if (lines > 300) long.push(`${rel(f)} (${lines})`);
    if (!/^(\/\/|\/\*)/.test(text.trimStart())) silent.push(rel(f));
  }
  assert.deepEqual(long, []);
  assert.deepEqual(silent, []);
});
