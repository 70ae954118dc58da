// Judgement through the service on real SQLite: task lights from deadlines and milestones (grid, one task, the light
// filter, the dashboard and the report's rows agree), the data date (per round and per target), warnings for actuals
// that are not numbers, the planner's override of kind and direction, a baseline year derived from the plan's period,
// the unit ranking, and the data date in the interchange JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { readInterchange } from '../../core/import/parse/json';
import { storePlans } from '../../core/import/store';
import { outTo } from '../helpers/files';
import { call } from '../../core/dispatch';
import { fixtureDb } from '../helpers/db';
import { iterateTasks } from '../../core/report/data';
import { FLAGS } from '../../contract/model';
import { STANDINGS } from '../../contract/lights';

const setDeadline = (t: ReturnType<typeof fixtureDb>, id: string, deadline: string) =>
  t.db.prepare('UPDATE tasks SET deadline = ? WHERE id = ?').run(deadline, id);

test('a task whose deadline passed is red with its overdue days, everywhere it is read', async () => {
  const t = fixtureDb();
  try {
    // Cut-off 2023-06-30: fx-t1 was due 2023-03-31 (91 days ago), fx-t2 is due within 30 days, fx-t3 is done late.
    setDeadline(t, 'fx-t1', '2023-03-31');
    setDeadline(t, 'fx-t2', '2023-07-15');
    setDeadline(t, 'fx-t3', '2022');
    await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t3', field: 'status', value: '已完成' }] });
    const rows = (await call(t.ctx, 'tasks.query', { roundId: t.roundId })).rows;
    const by = new Map(rows.map((r) => [r.id, r]));
    assert.deepEqual(by.get('fx-t1')!.light, { flag: 'red', reason: '已超过完成时限（2023-03-31）91天仍未完成', overdueDays: 91 });
    assert.equal(by.get('fx-t1')!.deadline, '2023-03-31');
    assert.equal(by.get('fx-t2')!.light.flag, 'yellow');
    assert.match(by.get('fx-t2')!.light.reason, /还有15天/);
    assert.deepEqual([by.get('fx-t3')!.light.flag, by.get('fx-t3')!.light.overdueDays], ['green', null]);
    assert.deepEqual([by.get('fx-t4')!.light.flag, by.get('fx-t4')!.light.reason], ['none', '尚未评估；未设完成时限'], 'not evaluated yet: no light');
    assert.equal((await call(t.ctx, 'tasks.get', { id: 'fx-t1', roundId: t.roundId })).light.overdueDays, 91);

    // The light filter: exactly the red ones, paged.
    const red = await call(t.ctx, 'tasks.query', { roundId: t.roundId, lights: ['red'] });
    assert.deepEqual([red.rows.map((r) => r.id), red.total], [['fx-t1'], 1]);
    const notGreen = await call(t.ctx, 'tasks.query', { roundId: t.roundId, lights: ['red', 'yellow'], offset: 1, limit: 1 });
    assert.deepEqual([notGreen.rows.map((r) => r.id), notGreen.total], [['fx-t2'], 2]);

    // The dashboard counts the same lights, per plan, per unit and in total, as the grid's filter finds.
    const d = await call(t.ctx, 'dashboard.summary', { roundId: t.roundId });
    for (const flag of FLAGS) {
      assert.equal(d.total.taskLights[flag], (await call(t.ctx, 'tasks.query', { roundId: t.roundId, lights: [flag] })).total, `total ${flag}`);
      for (const g of d.byPlan) assert.equal(g.taskLights[flag], (await call(t.ctx, 'tasks.query', { roundId: t.roundId, planIds: [g.key], lights: [flag] })).total, `${g.label} ${flag}`);
      for (const g of d.byUnit) {
        assert.equal(g.taskLights[flag], (await call(t.ctx, 'tasks.query', { roundId: t.roundId, unit: g.key, lights: [flag] })).total, `${g.label} tasks ${flag}`);
        assert.equal(g.targetLights[flag], (await call(t.ctx, 'targets.query', { roundId: t.roundId, unit: g.key, lights: [flag] })).total, `${g.label} targets ${flag}`);
      }
    }
    assert.equal(d.total.taskStanding.overdue, 1);
    const econ = d.units.find((u) => u.unit === '区经济信息委')!;
    assert.equal(econ.overdue, 1, 'fx-t1 is led by 区经济信息委');
    assert.equal(econ.done, 1, 'fx-t3 is done');
    assert.equal(econ.items, econ.done + econ.onTrack + econ.lagging + econ.overdue + econ.unjudged);
    assert.equal(econ.share, Math.round(((econ.done + econ.onTrack) / (econ.items - econ.unjudged)) * 1000) / 1000);
    // Every number of the ranking is what the grids' standing filter finds, tasks and targets together.
    for (const u of d.units) {
      for (const s of STANDINGS) {
        const n = (await call(t.ctx, 'tasks.query', { roundId: t.roundId, unit: u.unit, standings: [s] })).total
          + (await call(t.ctx, 'targets.query', { roundId: t.roundId, unit: u.unit, standings: [s] })).total;
        assert.equal(u[s], n, `${u.unit} ${s}`);
        assert.equal(u.tasks[s], (await call(t.ctx, 'tasks.query', { roundId: t.roundId, unit: u.unit, standings: [s] })).total, `${u.unit} tasks ${s}`);
      }
    }
    const shares = d.units.map((u) => u.share ?? -1);
    assert.deepEqual(shares, [...shares].sort((a, b) => b - a), 'ranked by share on track');

    // The report's rows carry the same light and deadline.
    const report = [...iterateTasks(t.db, t.roundId, undefined, {})];
    const r1 = report.find((r) => r.id === 'fx-t1')!;
    assert.deepEqual([r1.deadline, r1.light], ['2023-03-31', by.get('fx-t1')!.light]);
    assert.deepEqual(report.map((r) => r.light.flag).sort(), rows.map((r) => r.light.flag).sort());

    // Moving the cut-off before the deadline takes the red away; the due-soon days are a setting.
    await call(t.ctx, 'rounds.update', { id: t.roundId, cutoff: '2023-03-01' });
    const moved = await call(t.ctx, 'tasks.get', { id: 'fx-t1', roundId: t.roundId });
    assert.deepEqual([moved.light.flag, moved.light.overdueDays], ['yellow', null]);
    await call(t.ctx, 'settings.setThresholds', { yellow: 10, red: 30, dueSoonDays: 7 });
    assert.equal((await call(t.ctx, 'tasks.get', { id: 'fx-t1', roundId: t.roundId })).light.flag, 'none');
    await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t1', field: 'status', value: '序时推进' }] });
    assert.equal((await call(t.ctx, 'tasks.get', { id: 'fx-t1', roundId: t.roundId })).light.flag, 'green');
  } finally {
    t.close();
  }
});

test('milestones of a task: behind a node passed is yellow', async () => {
  const t = fixtureDb();
  try {
    setDeadline(t, 'fx-t4', '2024-12-31');
    const ins = t.db.prepare('INSERT INTO task_milestones (task_id, seq, due, what) VALUES (?, ?, ?, ?)');
    ins.run('fx-t4', 1, '2022-12-31', '完成土地征收');
    ins.run('fx-t4', 2, '2023-06-01', '主体开工，完成投资40%');
    await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t4', field: 'progress', value: 30 }] });
    const row = await call(t.ctx, 'tasks.get', { id: 'fx-t4', roundId: t.roundId });
    assert.deepEqual(row.milestones, [{ due: '2022-12-31', what: '完成土地征收' }, { due: '2023-06-01', what: '主体开工，完成投资40%' }]);
    assert.equal(row.light.flag, 'yellow');
    assert.match(row.light.reason, /2023-06-01节点.*应完成约40%，填报进度30%/);
  } finally {
    t.close();
  }
});

test('the data date: per round, per target, and the time progress at it', async () => {
  const t = fixtureDb();
  try {
    // 规上工业总产值 780 → 1300 (2020 → 2025); cut-off 2023-06-30.
    await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g1', field: 'actual', value: '1100' }] });
    const at = async () => (await call(t.ctx, 'targets.get', { id: 'fx-g1', roundId: t.roundId })).judgement;
    assert.deepEqual([(await at()).dataDate, (await at()).timeProgress], ['2023-06-30', 49.9]);
    const r = await call(t.ctx, 'rounds.setDataDate', { id: t.roundId, dataDate: '2022-12-31' });
    assert.equal(r.dataDate, '2022-12-31');
    assert.deepEqual([(await at()).dataDate, (await at()).timeProgress], ['2022-12-31', 40.0]);
    const edited = await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g1', field: 'dataDate', value: '2023/3/31' }] });
    assert.equal(edited.rows[0].eval.dataDate, '2023-03-31');
    assert.deepEqual([edited.rows[0].judgement.dataDate, edited.rows[0].judgement.timeProgress], ['2023-03-31', 44.9]);
    const bad = await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g1', field: 'dataDate', value: '2023-02-30' }] }).catch((e) => e);
    assert.match(String(bad.message), /不是存在的日期/);
    // Back to the round's default when cleared; a new round takes its own; a round copied keeps each target's date.
    await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g1', field: 'dataDate', value: '' }] });
    assert.equal((await at()).dataDate, '2022-12-31');
    await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g1', field: 'dataDate', value: '2023-03-31' }] });
    const next = await call(t.ctx, 'rounds.create', { name: '2024年评估', cutoff: '2024-06-30', dataDate: '2023-12-31', copyFrom: t.roundId });
    assert.equal(next.dataDate, '2023-12-31');
    assert.equal((await call(t.ctx, 'targets.get', { id: 'fx-g1', roundId: next.id })).judgement.dataDate, '2023-03-31');
    assert.equal((await call(t.ctx, 'targets.get', { id: 'fx-g2', roundId: next.id })).judgement.dataDate, '2023-12-31');
    const h = t.db.prepare(`SELECT field, old_value, new_value FROM history WHERE entity = 'round' AND field = 'dataDate'`).all();
    assert.deepEqual(h, [{ field: 'dataDate', old_value: '', new_value: '2022-12-31' }]);
  } finally {
    t.close();
  }
});

test('an actual that is not a number is saved with a warning; a target without a number waits for a hand judgement', async () => {
  const t = fixtureDb();
  try {
    const r = await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g1', field: 'actual', value: 'abc' }] });
    assert.equal(r.rows[0].eval.actual, 'abc', 'the edit is accepted');
    assert.equal(r.rows[0].judgement.verdict, '数据暂缺');
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0], /指标「规上工业总产值」:实际值“abc”不是数值/);
    const ok = await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g1', field: 'actual', value: '1000' }] });
    assert.deepEqual(ok.warnings, []);

    t.db.prepare(`UPDATE target_milestones SET value = '完成市下达目标' WHERE target_id = 'fx-g2'`).run();
    const g2 = await call(t.ctx, 'targets.get', { id: 'fx-g2', roundId: t.roundId });
    assert.deepEqual([g2.judgement.verdict, g2.judgement.flag], ['待人工研判', 'none']);
    const manual = await call(t.ctx, 'targets.query', { roundId: t.roundId, verdicts: ['待人工研判'] });
    assert.deepEqual(manual.rows.map((x) => x.id), ['fx-g2']);
    const noReason = await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g2', field: 'verdictOverride', value: '滞后' }] }).catch((e) => e);
    assert.match(String(noReason.message), /须填写调整理由/);
    const judged = await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [
      { id: 'fx-g2', field: 'verdictOverride', value: '滞后' }, { id: 'fx-g2', field: 'overrideReason', value: '未完成市下达的年度目标' }] });
    assert.deepEqual([judged.rows[0].judgement.verdict, judged.rows[0].judgement.computed, judged.rows[0].judgement.flag], ['滞后', '待人工研判', 'red']);
    const d = await call(t.ctx, 'dashboard.summary', { roundId: t.roundId });
    assert.equal(d.total.targets['滞后'], 1);
    assert.equal(d.total.targetLights.red, 1);
  } finally {
    t.close();
  }
});

test('the planner’s override of kind and direction, and a baseline year derived from the plan', async () => {
  const t = fixtureDb();
  try {
    await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g1', field: 'actual', value: '1100' }] });
    t.db.prepare(`UPDATE targets SET judge_kind = 'manual' WHERE id = 'fx-g1'`).run();
    const g1 = await call(t.ctx, 'targets.get', { id: 'fx-g1', roundId: t.roundId });
    assert.deepEqual([g1.judgeKind, g1.judgement.verdict, g1.judgement.method], ['manual', '待人工研判', '人工研判']);
    t.db.prepare(`UPDATE targets SET judge_kind = 'growth' WHERE id = 'fx-g1'`).run();
    assert.equal((await call(t.ctx, 'targets.get', { id: 'fx-g1', roundId: t.roundId })).judgement.method, '增速类');
    t.db.prepare(`UPDATE targets SET judge_kind = '', judge_direction = 'down' WHERE id = 'fx-g1'`).run();
    const down = await call(t.ctx, 'targets.get', { id: 'fx-g1', roundId: t.roundId });
    assert.deepEqual([down.judgeDirection, down.judgement.direction], ['down', 'down']);

    // 能耗下降 [15] of a 2021–2025 plan: without a baseline year the year 2020 is used, and said to be derived.
    t.db.prepare(`UPDATE targets SET baseline_year = NULL WHERE id = 'fx-g2'`).run();
    await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g2', field: 'actual', value: '7' }] });
    const g2 = await call(t.ctx, 'targets.get', { id: 'fx-g2', roundId: t.roundId });
    assert.deepEqual(g2.baseline, { year: null, value: '—', derivedYear: 2020 });
    assert.equal(g2.judgement.timeProgress, 49.9);
    assert.match(g2.judgement.explanation, /按规划期起点前一年（2020年）计/);
  } finally {
    t.close();
  }
});

test('the data date goes out in the interchange JSON and comes back; a file without it still reads', async () => {
  const t = fixtureDb();
  const t2 = fixtureDb({ empty: true });
  try {
    await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [
      { id: 'fx-g1', field: 'actual', value: '1050' }, { id: 'fx-g1', field: 'dataDate', value: '2022-12-31' }] });
    const out = path.join(t.dir, 'data.json');
    await call(t.ctx, 'export.json', { out: outTo(t.ctx, out) });
    const text = fs.readFileSync(out, 'utf8');
    const plans = readInterchange('data.json', text).plans;
    assert.equal(plans[0].targets.find((g) => g.id === 'fx-g1')?.evaluation?.['2023年中期评估'].dataDate, '2022-12-31');
    storePlans(t2.db, plans, 'data.json');
    const g1 = await call(t2.ctx, 'targets.get', { id: 'fx-g1', roundId: t2.roundId });
    assert.deepEqual([g1.eval.dataDate, g1.judgement.dataDate], ['2022-12-31', '2022-12-31']);
    const old = text.replace(/,\s*"dataDate":\s*"[^"]*"/g, '');
    assert.ok(!old.includes('dataDate'));
    assert.equal(readInterchange('old.json', old).plans[0].targets.length, 2);
  } finally {
    t.close();
    t2.close();
  }
});
