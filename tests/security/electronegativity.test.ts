// Electronegativity, run offline over the Electron sources and the built dist/electron: every finding must be explained
// in build/electronegativity-allow.json, and every entry there must still match a finding (so the list stays reviewed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = path.resolve(__dirname, '..', '..');
const TOOL = path.join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const OFFLINE = path.join(__dirname, 'offline.cjs');
const INPUTS = ['electron', 'dist/electron'];

interface AllowList { excludedChecks: { check: string; reason: string }[]; allow: { check: string; file: string; reason: string }[] }
interface Finding { check: string; file: string; line: number | null; message: string }

function electronVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  return pkg.devDependencies.electron.replace(/^[^\d]*/, '');
}

function scan(input: string, excluded: string[]): Finding[] {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-')), 'out.sarif');
  const r = spawnSync(process.execPath, ['--require', OFFLINE, TOOL, '-i', path.join(ROOT, input), '-o', out, '-r', '-v', 'false',
    '-e', electronVersion(), ...(excluded.length ? ['-x', excluded.join(',')] : [])], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `electronegativity failed on ${input}: ${r.stderr || r.stdout}`);
  assert.ok(fs.existsSync(out), `electronegativity wrote no report for ${input}: ${r.stdout}`);
  const sarif = JSON.parse(fs.readFileSync(out, 'utf8')) as {
    runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } } }[] }[] }[];
  };
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  return sarif.runs.flatMap((run) => run.results.map((res) => {
    const loc = res.locations[0]?.physicalLocation;
    return { check: res.ruleId, file: `${input}/${loc?.artifactLocation.uri ?? ''}`, line: loc?.region?.startLine ?? null, message: res.message.text };
  }));
}

test('Electronegativity finds nothing unexplained in electron/ and dist/electron', { timeout: 300_000 }, () => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'electron', 'main.js'))) {
    const b = spawnSync(process.execPath, [path.join(ROOT, 'build', 'build.mjs'), '--electron'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
  }
  const list = JSON.parse(fs.readFileSync(path.join(ROOT, 'build', 'electronegativity-allow.json'), 'utf8')) as AllowList;
  for (const e of [...list.allow, ...list.excludedChecks]) assert.ok(e.reason && e.reason.length > 20, `allow-list entry ${e.check} has no reason`);
  const findings = INPUTS.flatMap((input) => scan(input, list.excludedChecks.map((e) => e.check)));
  const explained = (f: Finding) => list.allow.some((a) => a.check === f.check && a.file === f.file);
  const unexplained = findings.filter((f) => !explained(f));
  assert.deepEqual(unexplained.map((f) => `${f.check} ${f.file}:${f.line ?? '?'} ${f.message}`), [], 'findings not explained in build/electronegativity-allow.json');
  const stale = list.allow.filter((a) => !findings.some((f) => f.check === a.check && f.file === a.file));
  assert.deepEqual(stale.map((a) => `${a.check} ${a.file}`), [], 'allow-list entries that match no finding any more: remove them');
});
