// Reviewing an import before it lands, against a real SQLite file: every item listed with its kind; reclassify, edit,
// move and place lines; commit the revised copy; a re-import keeps the planner's corrections and lists each field the
// new document contradicts with a choice; a workbook of targets merged into an existing plan by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { call, dispatch } from '../../core/dispatch';
import { fixtureDb, snapshot } from '../helpers/db';
import { DIGITAL_PLAN } from '../helpers/plan-data';

const PLAN = DIGITAL_PLAN;
const file = (text: string, name = '数字经济行动方案.txt') => ({ name, base64: Buffer.from(text).toString('base64') });
type T = ReturnType<typeof fixtureDb>;
const item = (doc: { review: { items: { key: string; title: string }[] } }, title: string) => doc.review.items.find((i) => i.title.startsWith(title))!;

async function reviewed(t: T) {
  const p = await call(t.ctx, 'import.preview', { files: [file(PLAN)] });
  const doc = p.documents[0];
  // The parser reads item (三) as a task holding its number as a target; the planner keeps only the target.
  assert.deepEqual(doc.review.items.map((i) => i.kind), ['task', 'task', 'task', 'safeguard', 'target', 'target', 'target', 'target', 'target', 'target']);
  assert.deepEqual(doc.review.headings, [['二、重点任务'], ['三、保障措施']]);
  const r = await call(t.ctx, 'import.revise', { previewId: p.previewId, key: doc.key, revisions: [
    { op: 'kind', keys: [item(doc, '数字化改造企业数量达到').key], kind: 'ignore' },
    { op: 'kind', keys: [item(doc, '建设新型基础设施').key], kind: 'project' },
    { op: 'set', key: item(doc, '培育氢能产业').key, field: 'title', value: '培育氢能产业集群' },
    { op: 'set', key: item(doc, '数字经济核心产业增加值').key, field: 'baselineValue', value: '320' },
    { op: 'set', key: item(doc, '数字经济核心产业增加值').key, field: 'baselineYear', value: '2023' },
    { op: 'kind', keys: [item(doc, '规上工业企业数字化改造覆盖率').key], kind: 'ignore' },
    { op: 'move', keys: [item(doc, '加强组织领导').key], path: ['二、重点任务'] },
  ] });
  return { p, r };
}

test('the planner reclassifies, edits and moves items in the preview; the commit writes the revised copy', async () => {
  const t = fixtureDb();
  const { p, r } = await reviewed(t);
  const kinds = Object.fromEntries(r.review.items.map((i) => [i.title, i.kind]));
  assert.deepEqual(kinds, { 建设新型基础设施: 'project', 培育氢能产业集群: 'task', '数字化改造企业数量达到100家': 'ignore', 加强组织领导: 'safeguard',
    数字经济核心产业增加值: 'target', 规上工业企业数字化改造覆盖率: 'ignore', 新建基站: 'target', 建设加氢站: 'target', 引进氢能企业: 'target',
    数字化改造企业数量: 'target' });
  const made = r.review.items.find((i) => i.title === '数字化改造企业数量')!;
  assert.deepEqual([made.milestones[0].year, made.milestones[0].value, made.responsibleUnits], [2026, '100', ['区经济信息委']]);
  const before = snapshot(t.db);
  const bad = await dispatch(t.ctx, 'import.revise', { previewId: p.previewId, key: r.key, revisions: [
    { op: 'set', key: item(r, '数字经济核心产业增加值').key, field: 'baselineYear', value: '去年' }] });
  assert.ok(!bad.ok && /「数字经济核心产业增加值」的基期年份:「去年」不是有效的年份.*预览未改变/.test(bad.error.message), JSON.stringify(bad));
  assert.equal(snapshot(t.db), before, 'a preview writes nothing');

  await call(t.ctx, 'import.commit', { previewId: p.previewId });
  const planId = (t.db.prepare('SELECT id FROM plans WHERE title LIKE ?').get('某区数字经济%') as { id: string }).id;
  const tasks = (await call(t.ctx, 'tasks.query', { roundId: t.roundId, planIds: [planId] })).rows;
  assert.deepEqual(tasks.map((x) => [x.title, x.kind, x.chapter]), [
    ['建设新型基础设施', 'project', '二、重点任务'], ['培育氢能产业集群', 'task', '二、重点任务'], ['加强组织领导', 'safeguard', '二、重点任务']]);
  const targets = (await call(t.ctx, 'targets.query', { roundId: t.roundId, planIds: [planId] })).rows;
  assert.deepEqual(targets.map((g) => g.name), ['数字经济核心产业增加值', '新建基站', '建设加氢站', '引进氢能企业', '数字化改造企业数量']);
  assert.deepEqual(targets[0].baseline, { year: 2023, value: '320' });
  assert.deepEqual(targets[0].edited.sort(), ['baselineValue', 'baselineYear']);
  t.close();
});

test('a re-import keeps every correction, leaves out what the planner removed, and offers a choice per contradicted field', async () => {
  const t = fixtureDb();
  const { p } = await reviewed(t);
  await call(t.ctx, 'import.commit', { previewId: p.previewId });
  const planId = (t.db.prepare('SELECT id FROM plans WHERE title LIKE ?').get('某区数字经济%') as { id: string }).id;
  const hydrogen = (await call(t.ctx, 'tasks.query', { roundId: t.roundId, planIds: [planId], search: '氢能' })).rows[0];
  await call(t.ctx, 'tasks.define', { roundId: t.roundId, source: 'edit', edits: [{ id: hydrogen.id, field: 'deadline', value: '2025年底' },
    { id: hydrogen.id, field: 'responsibleUnits', value: '区发展改革委、区科技局' }] });
  const infra = (await call(t.ctx, 'tasks.query', { roundId: t.roundId, planIds: [planId], search: '基础设施' })).rows[0];
  await call(t.ctx, 'tasks.move', { ids: [infra.id], path: ['三、保障措施'] });

  // The new version of the document says other things for the units and adds a task.
  const v2 = PLAN.replace('(责任单位:区发展改革委)', '(责任单位:区发展改革委、区住房城乡建设委)').replace('三、保障措施', '(四)发展数字文旅。(责任单位:区文化旅游委)\n三、保障措施');
  const again = await call(t.ctx, 'import.preview', { files: [file(v2)] });
  const doc = again.documents[0];
  assert.equal(doc.existing, true);
  const c = doc.review.conflicts;
  assert.deepEqual(c.map((x) => [x.title, x.label, x.stored, x.document, x.take]).sort(), [
    ['加强组织领导', '任务的所在章节', '二、重点任务', '三、保障措施', 'keep'],
    ['建设新型基础设施', '任务的类别', '重点项目', '任务', 'keep'],
    ['建设新型基础设施', '任务的所在章节', '三、保障措施', '二、重点任务', 'keep'],
    ['培育氢能产业集群', '任务的标题', '培育氢能产业集群', '培育氢能产业', 'keep'],
    ['培育氢能产业集群', '任务的责任单位', '区发展改革委、区科技局', '区发展改革委、区住房城乡建设委', 'keep'],
    ['数字化改造企业数量达到100家', '删除', '已删除', '文件中仍有此项', 'keep'],
    ['规上工业企业数字化改造覆盖率', '删除', '已删除', '文件中仍有此项', 'keep'],
  ].sort());
  assert.ok(doc.review.items.find((i) => i.title.startsWith('数字化改造企业数量达到'))!.keptOut, 'what the planner took out is shown as left out');
  assert.ok(!doc.review.items.find((i) => i.title === '培育氢能产业')!.keptOut);
  const units = c.find((x) => x.label === '任务的责任单位')!;
  const r = await call(t.ctx, 'import.revise', { previewId: again.previewId, key: doc.key, revisions: [{ op: 'choose', keys: [units.key], take: 'document' }] });
  assert.equal(r.review.conflicts.find((x) => x.key === units.key)!.take, 'document');
  await call(t.ctx, 'import.commit', { previewId: again.previewId });

  const after = await call(t.ctx, 'tasks.get', { id: hydrogen.id, roundId: t.roundId });
  assert.deepEqual([after.title, after.deadline, after.responsibleUnits], ['培育氢能产业集群', '2025', ['区发展改革委', '区住房城乡建设委']]);
  assert.ok(!after.edited.includes('responsibleUnits') && after.edited.includes('title'));
  const titles = (await call(t.ctx, 'tasks.query', { roundId: t.roundId, planIds: [planId] })).rows.map((x) => x.title);
  assert.deepEqual(titles, ['培育氢能产业集群', '发展数字文旅', '加强组织领导', '建设新型基础设施'], 'moved tasks keep their chapters, in the tree\'s order');
  const tree = (await call(t.ctx, 'plans.tree', {})).find((n) => n.plan.id === planId)!;
  assert.deepEqual(tree.chapters.map((c) => c.name), ['二、重点任务', '三、保障措施']);
  assert.equal((await call(t.ctx, 'tasks.query', { roundId: t.roundId, planIds: [planId], search: '组织领导' })).rows[0].chapter, '二、重点任务');
  const targets = (await call(t.ctx, 'targets.query', { roundId: t.roundId, planIds: [planId] })).rows;
  assert.deepEqual(targets.map((g) => [g.name, g.baseline.value]), [['数字经济核心产业增加值', '320'], ['新建基站', null], ['建设加氢站', null],
    ['引进氢能企业', null], ['数字化改造企业数量', null]]);
  const h = await call(t.ctx, 'history.entity', { entity: 'task', id: hydrogen.id });
  assert.ok(h.some((x) => x.source === 'import' && x.field === 'responsibleUnits'), 'the document\'s value taken over a correction is in the history');
  t.close();
});

test('lines the parser could not place are added as a task or a target under a heading', async () => {
  const t = fixtureDb();
  const json = { format: 'plan-review', version: 1, plans: [{ id: 'px', title: '某区行动方案', docNumber: null, issuer: null, issued: null, periodStart: 2024,
    periodEnd: 2026, kind: 'action_plan', source: { file: null, line: null }, targets: [], tasks: [{ id: 'px-t1', code: '(一)', path: ['一、重点任务'], title: '建设平台',
      body: '', kind: 'task', leadUnits: [], responsibleUnits: [], subpoints: [] }],
    unplaced: [{ line: 12, text: '到2026年,新增市场主体达到3万户。' }, { line: 14, text: '开展营商环境专项行动' }] }] };
  const p = await call(t.ctx, 'import.preview', { files: [file(JSON.stringify(json), 'x.json')] });
  assert.equal(p.documents[0].review.unplaced.length, 2);
  const r = await call(t.ctx, 'import.revise', { previewId: p.previewId, key: 'px', revisions: [
    { op: 'place', line: 12, as: 'target' }, { op: 'place', line: 14, as: 'task', path: ['一、重点任务'] }] });
  assert.deepEqual(r.review.unplaced, []);
  const g = r.review.items.find((i) => i.kind === 'target')!;
  assert.deepEqual([g.title, g.unit, g.milestones[0].year, g.milestones[0].value], ['新增市场主体', '万户', 2026, '3']);
  await call(t.ctx, 'import.revise', { previewId: p.previewId, key: 'px', revisions: [{ op: 'set', key: g.key, field: 'title', value: '新增市场主体数量' },
    { op: 'set', key: g.key, field: 'unit', value: '户' }, { op: 'set', key: g.key, field: 'milestones', value: '2026:30000' }] });
  await call(t.ctx, 'import.commit', { previewId: p.previewId });
  const rows = (await call(t.ctx, 'tasks.query', { roundId: t.roundId, planIds: ['px'] })).rows;
  assert.deepEqual(rows.map((x) => [x.title, x.chapter]), [['建设平台', '一、重点任务'], ['开展营商环境专项行动', '一、重点任务']]);
  const target = (await call(t.ctx, 'targets.query', { roundId: t.roundId, planIds: ['px'] })).rows[0];
  assert.deepEqual([target.name, target.unit, target.milestones[0].value], ['新增市场主体数量', '户', '30000']);
  t.close();
});

test('a workbook of targets is merged into an existing plan by name, as one undoable step', async () => {
  const t = fixtureDb();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标');
  ws.addRow(['序号', '指标名称', '单位', '2020年', '2025年目标', '属性']);
  ws.addRow([1, '规上工业总产值', '亿元', 800, '1350', '预期性']);
  ws.addRow([2, '单位工业增加值能耗下降', '%', '—', '[16]', '约束性']);
  ws.addRow([3, '工业投资增速', '%', 5, '8', '预期性']);
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  const p = await call(t.ctx, 'import.preview', { files: [{ name: '指标基数.xlsx', base64: data.toString('base64') }] });
  const key = p.documents[0].key;
  const r = await call(t.ctx, 'import.revise', { previewId: p.previewId, key, revisions: [{ op: 'mergeInto', planId: 'fx-plan-a' }] });
  assert.deepEqual(r.review.mergeInto, { planId: 'fx-plan-a', title: '某区建设智造强区"十四五"规划' });
  assert.deepEqual(r.review.items.map((i) => [i.title, i.existingId]), [['规上工业总产值', 'fx-g1'], ['单位工业增加值能耗下降', 'fx-g2'], ['工业投资增速', null]]);
  const res = await call(t.ctx, 'import.commit', { previewId: p.previewId });
  assert.equal(res.updated, 1);
  const rows = (await call(t.ctx, 'targets.query', { roundId: t.roundId, planIds: ['fx-plan-a'] })).rows;
  assert.deepEqual(rows.map((g) => [g.name, g.baseline.value, g.milestones.map((m) => m.value).join()]), [
    ['规上工业总产值', '800', '1350'], ['单位工业增加值能耗下降', '—', '[16]'], ['工业投资增速', '5', '8']]);
  assert.equal((t.db.prepare('SELECT count(*) AS n FROM plans').get() as { n: number }).n, 2, 'no new plan');
  assert.ok(rows[0].edited.includes('baselineValue'), 'merged values are corrections a re-import keeps');
  await call(t.ctx, 'history.undo', {});
  const undone = (await call(t.ctx, 'targets.query', { roundId: t.roundId, planIds: ['fx-plan-a'] })).rows;
  assert.deepEqual(undone.map((g) => [g.name, g.baseline.value]), [['规上工业总产值', '780'], ['单位工业增加值能耗下降', '—']]);
  t.close();
});

test('the interchange JSON carries deadlines, 节点, judge overrides, corrections and unit aliases, and reads them back', async () => {
  const t = fixtureDb();
  await call(t.ctx, 'tasks.define', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t1', field: 'deadline', value: '2025' },
    { id: 'fx-t1', field: 'taskMilestones', value: '2024-06-30 完成选址' }] });
  await call(t.ctx, 'targets.define', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g1', field: 'judgeKind', value: '累计' }] });
  await call(t.ctx, 'units.merge', { from: ['区科技局'], into: '区经济信息委' });
  const out = await call(t.ctx, 'export.json', {});
  const text = (await import('node:fs')).readFileSync((await import('../helpers/files')).writtenPath(t.ctx, out.handle), 'utf8');
  const data = JSON.parse(text);
  const task = data.plans[0].tasks.find((x: { id: string }) => x.id === 'fx-t1');
  assert.deepEqual([task.deadline, task.milestones, task.edited], ['2025', [{ due: '2024-06-30', what: '完成选址' }], ['deadline', 'taskMilestones']]);
  assert.equal(data.plans[0].targets[0].judgeKind, 'cumulative');
  assert.deepEqual(data.unitAliases, [{ alias: '区科技局', unit: '区经济信息委' }]);
  const u = fixtureDb({ empty: true });
  const p = await call(u.ctx, 'import.preview', { files: [file(text, 'data.json')] });
  await call(u.ctx, 'import.commit', { previewId: p.previewId });
  const back = await call(u.ctx, 'tasks.get', { id: 'fx-t1', roundId: u.roundId });
  assert.deepEqual([back.deadline, back.milestones.length, back.edited], ['2025', 1, ['deadline', 'taskMilestones']]);
  assert.equal((await call(u.ctx, 'targets.get', { id: 'fx-g1', roundId: u.roundId })).judgeKind, 'cumulative');
  assert.deepEqual((await call(u.ctx, 'units.directory', {})).find((x) => x.unit === '区经济信息委')!.aliases, ['区科技局']);
  t.close();
  u.close();
});
