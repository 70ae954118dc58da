// The seed database and base years: a target whose document gives no base year keeps it empty (it is derived from the
// plan's period, the year before it starts, and shown as derived until the planner types one), every such target has a
// period to derive it from, and with the derived year no target lacks a verdict for want of one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { buildSeedDatabase } from '../../core/app-db';
import { openDatabaseSync } from '../../db/connection';
import { createContext } from '../../core/common/context';
import { call } from '../../core/dispatch';
import { tempDir } from '../helpers/db';

async function seed() {
  const dir = tempDir();
  const file = path.join(dir, 'seed.db');
  await buildSeedDatabase(file);
  const db = openDatabaseSync(file);
  return { db, ctx: createContext(db, file, 'test', path.join(dir, 'exports')) };
}

test('on the seed database a missing base year stays empty and every such target has a period to derive it from', async () => {
  const { db } = await seed();
  const r = db.prepare(`SELECT count(*) AS n, sum(g.baseline_year IS NULL) AS empty, sum(g.baseline_year IS NULL AND p.period_start IS NULL) AS orphan
    FROM targets g JOIN plans p ON p.id = g.plan_id`).get() as { n: number; empty: number; orphan: number };
  assert.ok(r.n > 100 && r.empty > 0, JSON.stringify(r));
  assert.equal(r.orphan, 0, 'every target without a base year belongs to a plan with a start year');
  db.close();
});

test('on the seed database, with an actual value for every target, none is 数据暂缺 for want of a base year', async () => {
    const { db, ctx } = await seed();
    const round = (await call(ctx, 'rounds.list', {}))[0];
    const targets = (await call(ctx, 'targets.query', { roundId: round.id })).rows;
    await call(ctx, 'targets.edit', { roundId: round.id, source: 'paste', edits: targets.map((g) => ({ id: g.id, field: 'actual', value: g.milestones.at(-1)?.value ?? '1' })) });
    const judged = (await call(ctx, 'targets.query', { roundId: round.id })).rows;
    const lacking = judged.filter((g) => /缺少基期年份/.test(g.judgement.explanation)).map((g) => g.name);
    assert.deepEqual(lacking, []);
    db.close();
  });
