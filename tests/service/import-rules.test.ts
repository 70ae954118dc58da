// Import through the edit rules: evaluation values in an interchange file are normalised and refused exactly as edits
// are, a task id of another plan makes a new task instead of moving that one, and what the import added, removed and
// changed is in the history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { call, dispatch } from '../../core/dispatch';
import { storePlans } from '../../core/import/store';
import { fixtureDb, snapshot, type TestDb } from '../helpers/db';
import { fileIn } from '../helpers/files';
import type { InterchangePlan } from '../../contract/interchange';

const ROUND = '2023年中期评估';
const taskEval = (over: Record<string, unknown>) => ({
  cutoff: '2023-06-30', status: '序时推进', progress: 50, evidence: '', problems: '', nextSteps: '', note: '', reporter: '', reportedOn: '', ...over,
});
const targetEval = (over: Record<string, unknown>) => ({
  cutoff: '2023-06-30', actual: '', dataSource: '', note: '', verdictOverride: '', overrideReason: '', reporter: '', reportedOn: '', ...over,
});

function planFile(t: TestDb, name: string, tasks: Record<string, unknown>[], targets: Record<string, unknown>[] = [], planId = 'json-plan'): string {
  const plan = {
    id: planId, title: `交换文件规划${planId}`, docNumber: null, issuer: null, issued: null, periodStart: 2021, periodEnd: 2025, kind: 'plan',
    source: { file: null, line: null },
    tasks: tasks.map((x, i) => ({ id: `jt${i + 1}`, code: String(i + 1), path: ['一、任务'], title: `交换任务${i + 1}`, body: '', kind: 'task', leadUnits: [], responsibleUnits: [], subpoints: [], ...x })),
    targets: targets.map((x, i) => ({
      id: `jg${i + 1}`, code: String(i + 1), name: `交换指标${i + 1}`, unit: '%', category: '', attribute: '预期性', baseline: { year: 2020, value: '1' },
      milestones: [{ year: 2025, value: '2', qualifier: '', cumulative: false }], scope: 'table', taskId: null, responsibleUnits: [], ...x,
    })),
  };
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, JSON.stringify({ format: 'plan-review', version: 1, plans: [plan] }));
  return file;
}

test('evaluation values from a file are refused like edits: a formula as status, progress 250, a non-date, an override without reason, overlong text', async () => {
  const t = fixtureDb();
  try {
    const before = snapshot(t.db);
    const cases: [string, Record<string, unknown>[], Record<string, unknown>[], RegExp][] = [
      ['status', [{ evaluation: { [ROUND]: taskEval({ status: '=1+1' }) } }], [], /评估状态.*不是有效的评估状态/],
      ['progress', [{ evaluation: { [ROUND]: taskEval({ progress: 250 }) } }], [], /进度.*0 到 100/],
      ['date', [{ evaluation: { [ROUND]: taskEval({ reportedOn: '上个月' }) } }], [], /不是有效的日期/],
      ['length', [{ evaluation: { [ROUND]: taskEval({ evidence: '长'.repeat(20_001) }) } }], [], /超过 20000 个字/],
      ['override', [], [{ evaluation: { [ROUND]: targetEval({ verdictOverride: '提前实现' }) } }], /调整评估结论.*调整理由/],
      ['verdict', [], [{ evaluation: { [ROUND]: targetEval({ verdictOverride: '完美', overrideReason: '因为' }) } }], /不是有效的评估结论/],
    ];
    for (const [what, tasks, targets, message] of cases) {
      const p = await call(t.ctx, 'import.preview', { files: [fileIn(t.ctx, planFile(t, `${what}.json`, tasks, targets))] });
      assert.equal(p.previewId, '', `${what}: nothing is offered for import`);
      assert.match(p.problems.map((x) => x.message).join('|'), message, what);
      // Written straight through the store (as the generator or a later caller might), the import is refused whole.
      const plans = JSON.parse(fs.readFileSync(path.join(t.dir, `${what}.json`), 'utf8')).plans as InterchangePlan[];
      assert.throws(() => storePlans(t.db, plans, 'x'), message, what);
    }
    assert.equal(snapshot(t.db), before, 'nothing changed');
  } finally {
    t.close();
  }
});

test('imported evaluation values are normalised as an edit normalises them', async () => {
  const t = fixtureDb();
  try {
    const file = planFile(t, 'ok.json', [{ evaluation: { [ROUND]: taskEval({ status: '完成', progress: 60.004, reportedOn: '2023/6/3' }) } }],
      [{ evaluation: { [ROUND]: targetEval({ actual: ' １２.５ ', verdictOverride: '提前实现', overrideReason: '已提前完成' }) } }]);
    const p = await call(t.ctx, 'import.preview', { files: [fileIn(t.ctx, file)] });
    assert.ok(p.previewId, JSON.stringify(p.problems));
    await call(t.ctx, 'import.commit', { previewId: p.previewId });
    const task = await call(t.ctx, 'tasks.get', { id: 'jt1', roundId: t.roundId });
    assert.deepEqual([task.eval.status, task.eval.progress, task.eval.reportedOn], ['已完成', 60, '2023-06-03']);
    const target = await call(t.ctx, 'targets.get', { id: 'jg1', roundId: t.roundId });
    assert.deepEqual([target.eval.actual, target.eval.verdictOverride], ['12.5', '提前实现']);
  } finally {
    t.close();
  }
});

test("a task id of another plan makes a new task in the imported plan; the other plan's task stays where and what it was", async () => {
  const t = fixtureDb();
  try {
    const before = await call(t.ctx, 'tasks.get', { id: 'fx-t1', roundId: t.roundId });
    const file = planFile(t, 'takeover.json', [{ id: 'fx-t1', title: '被冒用编号的任务' }], [{ id: 'fx-g1', name: '被冒用编号的指标' }]);
    const p = await call(t.ctx, 'import.preview', { files: [fileIn(t.ctx, file)] });
    await call(t.ctx, 'import.commit', { previewId: p.previewId });
    const after = await call(t.ctx, 'tasks.get', { id: 'fx-t1', roundId: t.roundId });
    assert.equal(after.planId, before.planId);
    assert.equal(after.title, before.title);
    const rows = t.db.prepare(`SELECT id, title FROM tasks WHERE plan_id = 'json-plan'`).all() as { id: string; title: string }[];
    assert.deepEqual(rows, [{ id: 'fx-t1-2', title: '被冒用编号的任务' }]);
    assert.equal((t.db.prepare(`SELECT plan_id FROM targets WHERE id = 'fx-g1'`).get() as { plan_id: string }).plan_id, 'fx-plan-a');
    assert.equal((t.db.prepare(`SELECT count(*) AS n FROM targets WHERE plan_id = 'json-plan'`).get() as { n: number }).n, 1);
  } finally {
    t.close();
  }
});

test('the history holds what an import added and removed and the evaluation cells it changed', async () => {
  const t = fixtureDb();
  try {
    const first = planFile(t, 'h1.json', [{ evaluation: { [ROUND]: taskEval({ status: '滞后' }) } }, {}], [{}]);
    await call(t.ctx, 'import.commit', { previewId: (await call(t.ctx, 'import.preview', { files: [fileIn(t.ctx, first)] })).previewId });
    const planLines = async () => (await call(t.ctx, 'history.entity', { entity: 'plan', id: 'json-plan' })).map((h) => [h.field, h.oldValue, h.newValue]);
    const lines = await planLines();
    assert.deepEqual(lines.filter((l) => /^导入新增/.test(String(l[0]))).map((l) => l[2]).sort(), ['交换任务1 [jt1]', '交换任务2 [jt2]', '交换指标1 [jg1]']);
    const cells = await call(t.ctx, 'history.entity', { entity: 'task', id: 'jt1' });
    assert.deepEqual(cells.map((h) => [h.field, h.newValue, h.source]).filter((c) => c[0] === 'status'), [['status', '滞后', 'import']]);
    // Again without the second task: its removal is recorded, and the task with nothing recorded goes.
    const second = planFile(t, 'h2.json', [{ evaluation: { [ROUND]: taskEval({ status: '滞后' }) } }], [{}]);
    await call(t.ctx, 'import.commit', { previewId: (await call(t.ctx, 'import.preview', { files: [fileIn(t.ctx, second)] })).previewId });
    assert.ok((await planLines()).some((l) => l[0] === '导入删除任务' && l[1] === '交换任务2 [jt2]'));
    assert.equal(t.db.prepare(`SELECT 1 FROM tasks WHERE id = 'jt2'`).get(), undefined);
    const bad = await dispatch(t.ctx, 'history.entity', { entity: 'plan', id: 'json-plan' });
    assert.equal(bad.ok, true);
  } finally {
    t.close();
  }
});

test('the unit rows of imported tasks and targets are their unit lists, for new rows and re-imported ones; the lines of new rows follow the document', async () => {
  const t = fixtureDb();
  try {
    const units = () => t.db.prepare(`SELECT entity, entity_id, unit, role FROM entity_units WHERE entity_id IN ('jt1','jt2','jt3','jg1','jg2') ORDER BY 1, 2, 3, 4`).raw().all();
    const first = planFile(t, 'u1.json', [
      { title: '乙任务', leadUnits: ['市发展改革委', ' 市财政局 ', '市发展改革委'], responsibleUnits: ['市财政局', ''] },
      { title: '甲任务', leadUnits: [], responsibleUnits: ['市商务局'] },
      { title: '丙任务' },
    ], [{ responsibleUnits: ['市统计局', '市发展改革委'] }, { name: '乙指标' }]);
    await call(t.ctx, 'import.commit', { previewId: (await call(t.ctx, 'import.preview', { files: [fileIn(t.ctx, first)] })).previewId });
    assert.deepEqual(units(), [
      ['target', 'jg1', '市发展改革委', 'responsible'], ['target', 'jg1', '市统计局', 'responsible'],
      ['task', 'jt1', '市发展改革委', 'lead'], ['task', 'jt1', '市财政局', 'lead'], ['task', 'jt1', '市财政局', 'responsible'],
      ['task', 'jt2', '市商务局', 'responsible'],
    ]);
    const added = t.db.prepare(`SELECT new_value FROM history WHERE entity = 'plan' AND entity_id = 'json-plan' AND field LIKE '导入新增%' ORDER BY id`).pluck().all();
    assert.deepEqual(added, ['乙任务 [jt1]', '甲任务 [jt2]', '丙任务 [jt3]', '交换指标1 [jg1]', '乙指标 [jg2]']);
    // Again with other units: the stored rows take the new lists, a new task gets its own.
    const second = planFile(t, 'u2.json', [
      { title: '乙任务', leadUnits: ['市财政局'], responsibleUnits: [] },
      { title: '甲任务', leadUnits: ['市商务局'], responsibleUnits: ['市商务局'] },
      { title: '丙任务', leadUnits: ['市科技局'] },
    ], [{ responsibleUnits: [] }, { name: '乙指标', responsibleUnits: ['市统计局'] }]);
    await call(t.ctx, 'import.commit', { previewId: (await call(t.ctx, 'import.preview', { files: [fileIn(t.ctx, second)] })).previewId });
    assert.deepEqual(units(), [
      ['target', 'jg2', '市统计局', 'responsible'],
      ['task', 'jt1', '市财政局', 'lead'], ['task', 'jt2', '市商务局', 'lead'], ['task', 'jt2', '市商务局', 'responsible'], ['task', 'jt3', '市科技局', 'lead'],
    ]);
  } finally {
    t.close();
  }
});

test('the import checks the kinds and scopes the schema allows itself: a value outside them rolls the whole write back, and SQLite checks them again afterwards', () => {
  const t = fixtureDb();
  try {
    const before = snapshot(t.db);
    const plan = (kind: string, scope: string): InterchangePlan => ({
      id: 'bad-kind', title: '类别有误的规划', docNumber: null, issuer: null, issued: null, periodStart: 2021, periodEnd: 2025, kind: 'plan', source: { file: null, line: null },
      tasks: [{ id: 'bk1', code: '1', path: [], title: '任务一', body: '', kind, leadUnits: [], responsibleUnits: [], subpoints: [] }],
      targets: [{ id: 'bg1', code: '1', name: '指标一', unit: '%', category: '', attribute: '', baseline: { year: null, value: null }, milestones: [], scope, taskId: null, responsibleUnits: [] }],
    } as unknown as InterchangePlan);
    assert.throws(() => storePlans(t.db, [plan('任意', 'table')], '测试'), /任务类别「任意」不是允许的取值/);
    assert.throws(() => storePlans(t.db, [plan('task', 'elsewhere')], '测试'), /指标来源「elsewhere」不是允许的取值/);
    assert.deepEqual(snapshot(t.db), before);
    assert.throws(() => t.db.prepare("UPDATE tasks SET kind = 'other' WHERE id = (SELECT id FROM tasks LIMIT 1)").run(), /CHECK constraint failed/);
  } finally {
    t.close();
  }
});
