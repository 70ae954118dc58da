// Power-cut safety: a child process doing bulk edits, or importing plans, is killed with SIGKILL mid-way; the database
// reopens, passes integrity_check, and holds every step the child reported as committed (and no half of any other).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { openDatabase, openDatabaseSync } from '../../db/connection';
import { createContext } from '../../core/common/context';
import { call } from '../../core/dispatch';
import { synthesize } from '../../core/synth/generate';
import { synthInterchange } from '../../core/synth/interchange';
import { storePlans } from '../../core/import/store';
import { insertRound } from '../../db/repos/rounds';
import { fixturePlans } from '../helpers/fixture';
import { tempDir } from '../helpers/db';
import { fileIn } from '../helpers/files';

const CHUNK = 40;
const ack = (line: string) => fs.writeSync(1, line + '\n');

/** The child: commits steps one after another and prints each one's id once its transaction is committed. */
async function child(mode: string, file: string, dir: string): Promise<void> {
  const db = await openDatabase(file);
  const ctx = createContext(db, file, 'cli', path.join(dir, 'exports'));
  if (mode === 'edits') {
    const roundId = (db.prepare('SELECT max(id) AS id FROM rounds').get() as { id: number }).id;
    const ids = (db.prepare('SELECT id FROM tasks ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    for (let i = 0; ; i++) {
      const chunk = ids.slice((i * CHUNK) % ids.length, ((i * CHUNK) % ids.length) + CHUNK);
      const r = await call(ctx, 'tasks.bulkSet', { roundId, ids: chunk, field: 'note', value: `断电测试-${process.env.CRASH_TAG}-${i}` });
      ack(`ACK ${i} ${r.changed.actionId}`);
    }
  }
  const files = fs.readdirSync(path.join(dir, 'plans')).sort();
  for (const f of files) {
    const preview = await call(ctx, 'import.preview', { files: [fileIn(ctx, path.join(dir, 'plans', f))] });
    const r = await call(ctx, 'import.commit', { previewId: preview.previewId });
    ack(`ACK ${f} ${r.changed.actionId}`);
  }
  ack('DONE');
}

/** Runs the child until it has acknowledged `after` steps, lets it run a little more, then kills it. */
function runAndKill(mode: string, file: string, dir: string, after: number, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', __filename], {
      env: { ...process.env, CRASH_CHILD: mode, CRASH_DB: file, CRASH_DIR: dir, CRASH_TAG: String(delayMs) }, stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let armed = false;
    p.stdout.setEncoding('utf8');
    p.stdout.on('data', (d: string) => {
      out += d;
      const acks = out.split('\n').filter((l) => l.startsWith('ACK ')).length;
      if (!armed && acks >= after) {
        armed = true;
        setTimeout(() => p.kill('SIGKILL'), delayMs);
      }
    });
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself (${code}): ${out.slice(-500)}`));
      else resolve(out.split('\n').filter((l) => l.startsWith('ACK ')));
    });
  });
}

if (process.env.CRASH_CHILD) {
  void child(process.env.CRASH_CHILD, process.env.CRASH_DB!, process.env.CRASH_DIR!).catch((e) => {
    console.error(e);
    process.exit(3);
  });
} else {
  test('bulk edits killed mid-way: every acknowledged edit is kept, integrity holds', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'city.db');
    synthesize(file, { plans: 8, tasks: 1200, targetsPerPlan: 4 });
    try {
      for (const delay of [0, 7, 23]) {
        const acks = await runAndKill('edits', file, dir, 4 + delay, delay);
        assert.ok(acks.length >= 4, 'the child made progress before the kill');
        const db = openDatabaseSync(file);
        try {
          assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
          const ids = (db.prepare('SELECT id FROM tasks ORDER BY id').all() as { id: string }[]).map((r) => r.id);
          const roundId = (db.prepare('SELECT max(id) AS id FROM rounds').get() as { id: number }).id;
          // Later chunks overwrite nothing of earlier ones until the ids wrap around; check the newest write of each row.
          const expect = new Map<string, string>();
          for (const line of acks) {
            const [, i, actionId] = line.split(' ');
            const n = Number(i);
            assert.ok(db.prepare('SELECT 1 FROM actions WHERE id = ?').get(Number(actionId)), `action ${actionId} is there`);
            const start = (n * CHUNK) % ids.length;
            for (const id of ids.slice(start, start + CHUNK)) expect.set(id, `断电测试-${delay}-${n}`);
          }
          const note = db.prepare('SELECT note FROM task_evals WHERE round_id = ? AND task_id = ?');
          for (const [id, want] of expect) {
            const got = (note.get(roundId, id) as { note: string }).note;
            // A step after the last acknowledged one may have committed too (killed between commit and print).
            const step = (v: string) => (v.startsWith(`断电测试-${delay}-`) ? Number(v.split('-')[2]) : -1);
            assert.ok(got === want || step(got) > step(want), `${id}: ${got} ≠ ${want}`);
          }
          // No action is half applied: each one has exactly CHUNK history cells.
          const partial = db.prepare(`SELECT a.id, count(h.id) AS n FROM actions a LEFT JOIN history h ON h.action_id = a.id
            WHERE a.source = 'bulk' GROUP BY a.id HAVING n NOT IN (0, ?)`).all(CHUNK);
          assert.deepEqual(partial, []);
        } finally {
          db.close();
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an import killed mid-way: acknowledged plans are complete, the interrupted one is absent, integrity holds', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plans.db');
    const db0 = openDatabaseSync(file);
    storePlans(db0, fixturePlans(), 'fixture');
    db0.transaction(() => insertRound(db0, '2023年中期评估', '2023-06-30', null))();
    db0.close();
    const plans = synthInterchange(12, 150);
    fs.mkdirSync(path.join(dir, 'plans'));
    plans.forEach((p, i) => fs.writeFileSync(path.join(dir, 'plans', `${String(i).padStart(2, '0')}.json`),
      JSON.stringify({ format: 'plan-review', version: 1, plans: [p] })));
    try {
      const acks = await runAndKill('import', file, dir, 2, 15);
      const db = openDatabaseSync(file);
      try {
        assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
        const done = new Set(acks.map((l) => Number(l.split(' ')[1].slice(0, 2))));
        for (const [i, p] of plans.entries()) {
          const n = (db.prepare('SELECT count(*) AS n FROM tasks WHERE plan_id = ?').get(p.id) as { n: number }).n;
          if (done.has(i)) assert.equal(n, p.tasks.length, `acknowledged plan ${i} is complete`);
          else assert.ok(n === 0 || n === p.tasks.length, `plan ${i} is all or nothing (${n})`);
        }
        const units = (db.prepare(`SELECT count(*) AS n FROM entity_units WHERE entity = 'task' AND entity_id NOT IN (SELECT id FROM tasks)`).get() as { n: number }).n;
        assert.equal(units, 0, 'no unit rows without their task');
      } finally {
        db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
