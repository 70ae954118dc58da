// Edits while a backup is restored, against the real web host: two clients keep editing (each with its own undo
// stack), a third restores. Requests that arrive meanwhile are answered "正在恢复" and sent again, as the window's
// send() does; every acknowledged edit is then either in the copy kept of the replaced state (made before) or in the
// restored database (made after). None is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { synthesize } from '../../core/synth/generate';
import { serveApart } from '../helpers/browser';
import { tempDir } from '../helpers/db';
import { apiOf, valueOf, type Api } from '../helpers/http';

interface Client { api: Api; acked: string[]; held: number }

/** Sends until the answer is not "正在恢复" (as renderer/src/api send() does), counting the times it was held. */
async function sendHeld(c: Client, op: string, args: unknown) {
  for (;;) {
    const r = await c.api(op, args);
    if (r.ok || r.error.code !== 'restoring') return r;
    assert.equal(r.error.message, '正在恢复,请稍候');
    c.held++;
    await new Promise((res) => setTimeout(res, 20));
  }
}

test('edits made while a restore runs are held and retried; every acknowledged edit is kept', { timeout: 300_000 }, async () => {
  const dir = tempDir();
  const file = path.join(dir, 'plan.db');
  synthesize(file, { plans: 8, tasks: 2000, targetsPerPlan: 3 });
  const host = await serveApart(file);
  try {
    const admin = apiOf(host);
    const roundId = valueOf<{ id: number }[]>(await admin('rounds.list', {})).at(-1)!.id;
    const ids = valueOf<{ rows: { id: string }[] }>(await admin('tasks.query', { roundId, limit: 200 })).rows.map((r) => r.id);
    const backup = valueOf<{ name: string }>(await admin('backups.create', { reason: 'manual' }));
    const clients: Client[] = [0, 1].map(() => ({ api: apiOf(host, crypto.randomUUID()), acked: [], held: 0 }));
    let stop = false;
    const editing = clients.map(async (c, k) => {
      for (let n = 0; !stop; n++) {
        const value = `客户端${k}-第${n}次`;
        const r = await sendHeld(c, 'tasks.edit', { roundId, source: 'edit', edits: [{ id: ids[(n * 7 + k) % ids.length], field: 'note', value }] });
        assert.equal(r.ok, true, JSON.stringify(r));
        c.acked.push(value);
      }
    });
    await new Promise((res) => setTimeout(res, 400));
    const restored = await sendHeld({ api: admin, acked: [], held: 0 }, 'backups.restore', { name: backup.name });
    assert.equal(restored.ok, true, JSON.stringify(restored));
    const safety = (restored.ok ? restored.value : null) as { safetyBackup: { file: string } };
    await new Promise((res) => setTimeout(res, 400));
    stop = true;
    await Promise.all(editing);

    const notes = (f: string) => {
      const db = new Database(f, { readonly: true });
      try {
        return new Set(db.prepare(`SELECT new_value FROM history WHERE field = 'note'`).pluck().all() as string[]);
      } finally {
        db.close();
      }
    };
    const before = notes(safety.safetyBackup.file);
    const after = notes(file);
    const acked = clients.flatMap((c) => c.acked);
    const lost = acked.filter((v) => !before.has(v) && !after.has(v));
    assert.deepEqual(lost, [], `${acked.length} acknowledged edits, ${lost.length} lost`);
    assert.ok(acked.some((v) => before.has(v)) && acked.some((v) => after.has(v)), 'edits on both sides of the restore');
    assert.ok(clients.every((c) => c.acked.length > 3), 'both clients kept editing');
    assert.ok(clients.reduce((n, c) => n + c.held, 0) > 0, 'some edits arrived during the restore and were held');
    // Each client's undo stack is its own: undoing in one leaves the other's last edit.
    const last = clients.map((c) => c.acked.at(-1)!);
    const undo = await clients[0].api('history.undo', {});
    assert.equal(undo.ok, true);
    assert.ok(notes(file).has(last[1]));
  } finally {
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
