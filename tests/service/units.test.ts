// The unit directory against a real SQLite file: counts, vague units, 未明确责任单位 wherever units are listed (filter,
// dashboard, report, returns), renaming and merging with the old name kept for the next import, and undo of a merge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { call } from '../../core/dispatch';
import { fixtureDb } from '../helpers/db';
import { folderTo, writtenPath } from '../helpers/files';

const NO_UNIT = '未明确责任单位';

test('the directory counts every unit in use, marks vague ones, and lists the rows without any unit', async () => {
  const t = fixtureDb();
  await call(t.ctx, 'tasks.define', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t4', field: 'leadUnits', value: '' }, { id: 'fx-t5', field: 'responsibleUnits', value: '各区县政府、有关部门' }] });
  const dir = await call(t.ctx, 'units.directory', {});
  const jx = dir.find((u) => u.unit === '区经济信息委')!;
  assert.deepEqual([jx.tasks, jx.targets, jx.leadTasks, jx.responsibleTasks, jx.vague], [3, 1, 2, 1, false]);
  assert.deepEqual(dir.filter((u) => u.vague).map((u) => u.unit).sort(), ['各区县政府', '有关部门']);
  const none = dir.at(-1)!;
  assert.deepEqual([none.unit, none.virtual, none.tasks, none.targets], [NO_UNIT, true, 1, 0]);
  assert.deepEqual((await call(t.ctx, 'units.list', {})).at(-1), { unit: NO_UNIT, tasks: 1, targets: 0 });
  t.close();
});

test('未明确责任单位 is a unit for the filter, the dashboard, the report and the returns', async () => {
  const t = fixtureDb();
  await call(t.ctx, 'tasks.define', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-m2', field: 'leadUnits', value: [] }] });
  await call(t.ctx, 'targets.define', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g2', field: 'responsibleUnits', value: [] }] });
  const tasks = await call(t.ctx, 'tasks.query', { roundId: t.roundId, unit: NO_UNIT });
  assert.deepEqual(tasks.rows.map((r) => r.id), ['fx-m2']);
  assert.deepEqual((await call(t.ctx, 'targets.query', { roundId: t.roundId, unit: NO_UNIT })).rows.map((r) => r.id), ['fx-g2']);
  const dash = await call(t.ctx, 'dashboard.summary', { roundId: t.roundId });
  const g = dash.byUnit.find((u) => u.key === NO_UNIT)!;
  assert.deepEqual([g.tasks.total, g.targets.total], [1, 1]);
  const report = await call(t.ctx, 'export.report', { roundId: t.roundId, scope: { unit: NO_UNIT } });
  assert.equal(report.rows, 2);
  const ret = await call(t.ctx, 'export.returns', { roundId: t.roundId, units: [NO_UNIT], folder: folderTo(t.ctx, path.join(t.dir, 'out')) });
  assert.deepEqual([ret.files[0].unit, ret.files[0].tasks, ret.files[0].targets], [NO_UNIT, 1, 1]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(writtenPath(t.ctx, ret.files[0].handle));
  assert.equal(wb.getWorksheet('重点任务')!.getRow(4).getCell(1).value, 'fx-m2');
  t.close();
});

test('merging units moves every row to the new name, keeps the old as an alias the next import maps, and undoes in one step', async () => {
  const t = fixtureDb();
  const r = await call(t.ctx, 'units.merge', { from: ['区科技局'], into: '区经济信息委' });
  assert.deepEqual(r.changed.tasks.sort(), ['fx-t1', 'fx-t2']);
  const t2 = await call(t.ctx, 'tasks.get', { id: 'fx-t2', roundId: t.roundId });
  assert.deepEqual([t2.leadUnits, t2.responsibleUnits], [['区经济信息委'], ['区经济信息委']]);
  assert.deepEqual((await call(t.ctx, 'tasks.query', { roundId: t.roundId, unit: '区科技局' })).rows, []);
  assert.equal((await call(t.ctx, 'tasks.query', { roundId: t.roundId, unit: '区经济信息委' })).rows.length, 3);
  const dir = await call(t.ctx, 'units.directory', {});
  assert.deepEqual(dir.find((u) => u.unit === '区经济信息委')!.aliases, ['区科技局']);
  assert.ok(!(await call(t.ctx, 'dashboard.summary', { roundId: t.roundId })).byUnit.some((u) => u.key === '区科技局'));
  assert.ok(!(await call(t.ctx, 'units.list', {})).some((u) => u.unit === '区科技局'));

  // The next import writes the old name as the new one.
  const doc = `某区科技创新行动方案(2024—2026年)\n一、重点任务\n(一)建设创新平台。新建研发中心5家。(责任单位:区科技局、区财政局)\n`;
  const p = await call(t.ctx, 'import.preview', { files: [{ name: '科技创新.txt', base64: Buffer.from(doc).toString('base64') }] });
  await call(t.ctx, 'import.commit', { previewId: p.previewId });
  const imported = (await call(t.ctx, 'tasks.query', { roundId: t.roundId, search: '创新平台' })).rows[0];
  assert.deepEqual(imported.responsibleUnits, ['区经济信息委', '区财政局']);

  // A rename into an existing unit is a merge; a rename of a unit into a free name keeps the old as an alias too.
  await call(t.ctx, 'units.rename', { from: '区财政局', to: '区财政局(区国资办)' });
  assert.deepEqual((await call(t.ctx, 'units.directory', {})).find((u) => u.unit === '区财政局(区国资办)')!.aliases, ['区财政局']);
  await call(t.ctx, 'history.undo', {});
  t.close();
  const u = fixtureDb();
  const data = () => JSON.stringify([u.db.prepare('SELECT * FROM tasks ORDER BY id').all(), u.db.prepare('SELECT * FROM targets ORDER BY id').all(),
    u.db.prepare('SELECT * FROM entity_units ORDER BY entity, entity_id, unit, role').all(), u.db.prepare('SELECT * FROM unit_aliases').all()]);
  const was = data();
  await call(u.ctx, 'units.merge', { from: ['区科技局'], into: '区经济信息委' });
  assert.notEqual(data(), was);
  await call(u.ctx, 'history.undo', {});
  assert.equal(data(), was);
  assert.deepEqual((await call(u.ctx, 'tasks.get', { id: 'fx-t2', roundId: u.roundId })).leadUnits, ['区科技局']);
  assert.deepEqual((await call(u.ctx, 'units.directory', {})).find((x) => x.unit === '区经济信息委')!.aliases, [], 'the alias goes with the undo');
  assert.equal((u.db.prepare('SELECT count(*) AS n FROM unit_aliases').get() as { n: number }).n, 0);
  await call(u.ctx, 'history.redo', {});
  assert.deepEqual((await call(u.ctx, 'tasks.get', { id: 'fx-t2', roundId: u.roundId })).leadUnits, ['区经济信息委']);
  u.close();
});
