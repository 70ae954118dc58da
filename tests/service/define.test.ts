// The one write path for definitions against a real SQLite file: every field's check (a Chinese message, nothing
// changed), edits with their history and corrections, the verdict following a new baseline, undo and redo, restoring
// an earlier value, adding, deleting and moving rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dispatch, call } from '../../core/dispatch';
import { fixtureDb, snapshot } from '../helpers/db';

const defineTarget = (t: ReturnType<typeof fixtureDb>, id: string, field: string, value: unknown, source: 'edit' | 'paste' = 'edit') =>
  call(t.ctx, 'targets.define', { roundId: t.roundId, source, edits: [{ id, field: field as 'name', value: value as string }] });
const defineTask = (t: ReturnType<typeof fixtureDb>, id: string, field: string, value: unknown) =>
  call(t.ctx, 'tasks.define', { roundId: t.roundId, source: 'edit', edits: [{ id, field: field as 'title', value: value as string }] });

test('every definition field refuses a bad value with a Chinese message and changes nothing', async () => {
  const t = fixtureDb();
  const before = snapshot(t.db);
  const long = '某'.repeat(2000);
  const target = (field: string, value: unknown, msg: RegExp) => ['targets.define', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g1', field, value }] }, msg] as const;
  const task = (field: string, value: unknown, msg: RegExp) => ['tasks.define', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t1', field, value }] }, msg] as const;
  const plan = (field: string, value: unknown, msg: RegExp) => ['plans.update', { id: 'fx-plan-a', changes: { [field]: value } }, msg] as const;
  const cases: (readonly [string, unknown, RegExp])[] = [
    target('baselineYear', '二〇二〇年', /指标「规上工业总产值」的基期年份:「二〇二〇年」不是有效的年份.*未做任何修改/),
    target('baselineYear', '2030', /基期年份 2030 应早于目标年份 2025/),
    target('baselineValue', long, /基期值.*过长\(2000 字\)/),
    target('milestones', [{ year: 2025, value: '' }], /目标值:2025 年的目标值为空/),
    target('milestones', '1300以上', /「1300以上」缺少年份/),
    target('milestones', [{ year: 2025, value: '1300', qualifier: '大约' }], /「大约」不是可用的限定词/),
    target('milestones', '2025:1300;2025:1400', /2025 年的目标值写了两次/),
    target('milestones', [{ year: 'abc', value: '1' }], /「abc」不是有效的年份/),
    target('responsibleUnits', long, /单位名称「某+…」过长\(2000 字\),最多 100 字/),
    target('name', '  ', /指标名称:不能为空/),
    target('attribute', '指导性', /不是有效的指标属性,可选:预期性、约束性/),
    target('judgeDirection', '看情况', /不是有效的研判方向,可选:自动识别、越大越好、越小越好/),
    target('judgeKind', '平均', /不是有效的研判方式/),
    target('taskId', '不存在的任务', /所属任务:本规划中没有任务「不存在的任务」/),
    target('unit', '亿'.repeat(31), /单位:内容过长\(31 字\)/),
    target('code', '1'.repeat(51), /编号:内容过长\(51 字\)/),
    target('category', '类'.repeat(101), /指标类别:内容过长\(101 字\)/),
    task('body', '文'.repeat(100_001), /内容:内容过长\(100001 字\)/),
    task('subpoints', ['分项'.repeat(1001)], /分项:内容过长/),
    plan('docNumber', '号'.repeat(101), /发文字号:内容过长/),
    plan('issuer', '府'.repeat(201), /发文机关:内容过长/),
    task('title', '', /任务「培育氢能产业集群。」的标题:不能为空/),
    task('deadline', '下个月', /「下个月」不是有效的完成时限,请写成日期\(2025-06-30\)、年份\(2025\)或“长期”/),
    task('deadline', '2025-02-30', /不是有效的完成时限/),
    task('taskMilestones', '完成选址', /节点「完成选址」缺少日期/),
    task('taskMilestones', [{ due: '2024-06-30', what: '' }], /2024-06-30 的节点没有写要完成的事项/),
    task('taskMilestones', [{ due: '明年', what: '完成' }], /「明年」不是有效的日期/),
    task('kind', '工程', /不是有效的任务类别,可选:任务、重点项目、政策措施、保障措施/),
    task('leadUnits', `区发改委、${long}`, /单位名称.*过长\(2000 字\)/),
    task('path', ['三、主要任务', long], /章节标题.*过长/),
    plan('periodStart', '2026', /起始年份 2026 晚于终止年份 2025/),
    plan('periodEnd', '25', /「25」不是有效的年份/),
    plan('issued', '2021年13月1日', /不是存在的日期|不是有效的日期/),
    plan('title', '', /标题:不能为空/),
    plan('kind', '方案', /不是有效的规划类别/),
    ['targets.define', { roundId: t.roundId, source: 'paste', edits: [{ id: 'fx-g1', field: 'baselineValue', value: '780' }, { id: 'fx-g2', field: 'baselineYear', value: 'x' }] }, /第 2 个单元格,指标「单位工业增加值能耗下降」的基期年份/],
    ['targets.define', { roundId: t.roundId, source: 'edit', edits: [{ id: 'no-such', field: 'name', value: 'x' }] }, /找不到指标/],
    ['targets.define', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g1', field: 'actual', value: '1' }] }, /参数不正确/],
    ['tasks.create', { roundId: t.roundId, planId: 'fx-plan-a', values: { deadline: '2025' } }, /新任务须填写标题/],
    ['tasks.create', { roundId: t.roundId, planId: 'fx-plan-a', values: { title: '新任务', deadline: '很快' } }, /新任务的完成时限:「很快」不是有效的完成时限/],
    ['targets.create', { roundId: t.roundId, planId: 'no-plan', values: { name: 'x' } }, /找不到规划/],
    ['units.rename', { from: '区经济信息委', to: long }, /新名称:单位名称「某+…」过长/],
    ['units.rename', { from: '区经济信息委', to: '区科技局' }, /已有单位「区科技局」.*请用“合并”/],
    ['units.merge', { from: ['区不存在局'], into: '区科技局' }, /找不到单位「区不存在局」/],
    ['units.merge', { from: ['区科技局'], into: '未明确责任单位' }, /不能用作单位名称/],
  ];
  for (const [op, args, msg] of cases) {
    const r = await dispatch(t.ctx, op, args);
    assert.equal(r.ok, false, `${op} ${JSON.stringify(args).slice(0, 120)} should fail`);
    if (!r.ok) assert.match(r.error.message, msg, `${op}: ${r.error.message}`);
  }
  assert.equal(snapshot(t.db), before);
  t.close();
});

test('values are normalised as a planner types them: years, unit lists, milestones, deadlines, 节点', async () => {
  const t = fixtureDb();
  let r = await defineTarget(t, 'fx-g1', 'milestones', '2023年:1000;2025:1300以上');
  assert.deepEqual(r.rows[0].milestones, [
    { year: 2023, value: '1000', qualifier: '', cumulative: false }, { year: 2025, value: '1300以上', qualifier: '以上', cumulative: false }]);
  r = await defineTarget(t, 'fx-g1', 'milestones', [{ year: '2025', value: '[200]' }]);
  assert.deepEqual(r.rows[0].milestones, [{ year: 2025, value: '[200]', qualifier: '', cumulative: true }]);
  r = await defineTarget(t, 'fx-g1', 'responsibleUnits', '区经济信息委、区统计局,区统计局');
  assert.deepEqual(r.rows[0].responsibleUnits, ['区经济信息委', '区统计局']);
  r = await defineTarget(t, 'fx-g1', 'judgeDirection', '越小越好');
  assert.equal(r.rows[0].judgeDirection, 'down');
  r = await defineTarget(t, 'fx-g1', 'judgeKind', '期间累计');
  assert.equal(r.rows[0].judgeKind, 'cumulative', 'a common synonym of a label is understood');
  const deadlines: [string, string][] = [['2025年底', '2025'], ['持续推进', '长期'], ['2025年6月', '2025-06-30'], ['2024/2/1', '2024-02-01'], ['2025年上半年', '2025-06-30'], ['', '']];
  for (const [typed, stored] of deadlines) assert.equal((await defineTask(t, 'fx-t1', 'deadline', typed)).rows[0].deadline, stored, typed);
  const ms = await defineTask(t, 'fx-t1', 'taskMilestones', '2025年底:建成投产;2024-06-30 完成选址');
  assert.deepEqual(ms.rows[0].milestones, [{ due: '2024-06-30', what: '完成选址' }, { due: '2025-12-31', what: '建成投产' }]);
  assert.deepEqual(ms.rows[0].edited.sort(), ['deadline', 'taskMilestones']);
  t.close();
});

test('a baseline typed makes the verdict appear; the history shows it, undo and redo follow it, the evaluation stays', async () => {
  const t = fixtureDb();
  await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g2', field: 'actual', value: '[6]' }] });
  await defineTarget(t, 'fx-g2', 'baselineValue', '');
  const verdict = async () => (await call(t.ctx, 'targets.get', { id: 'fx-g1', roundId: t.roundId })).judgement;
  await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g1', field: 'actual', value: '1000' }] });
  await defineTarget(t, 'fx-g1', 'baselineValue', '');
  assert.equal((await verdict()).verdict, '数据暂缺');
  const r = await defineTarget(t, 'fx-g1', 'baselineValue', '780');
  assert.equal(r.rows[0].judgement.verdict, '基本符合预期', r.rows[0].judgement.explanation);
  assert.equal(r.rows[0].eval.actual, '1000', 'the evaluation is not disturbed');
  assert.ok(r.rows[0].edited.includes('baselineValue'));
  const h = await call(t.ctx, 'history.entity', { entity: 'target', id: 'fx-g1' });
  assert.deepEqual([h[0].field, h[0].oldValue, h[0].newValue, h[0].source], ['baselineValue', '', '780', 'define']);
  const u = await call(t.ctx, 'history.undo', {});
  assert.deepEqual(u.changed.targets, ['fx-g1']);
  assert.equal((await verdict()).verdict, '数据暂缺');
  await call(t.ctx, 'history.redo', {});
  assert.equal((await verdict()).verdict, '基本符合预期');
  // Restoring the value before the edit is an edit of its own.
  await call(t.ctx, 'history.restore', { historyId: h[0].id, which: 'old' });
  assert.equal((await call(t.ctx, 'targets.get', { id: 'fx-g1', roundId: t.roundId })).baseline.value, null);
  assert.equal((await call(t.ctx, 'history.entity', { entity: 'target', id: 'fx-g1' }))[0].source, 'restore');
  t.close();
});

test('undo of a definition keeps a cell changed since in another window, and drops the correction mark it made', async () => {
  const t = fixtureDb();
  const other = { ...t.ctx, client: 'window-2' };
  await defineTarget(t, 'fx-g1', 'unit', '万元');
  await call(other, 'targets.define', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g1', field: 'unit', value: '元' }] });
  const u = await call(t.ctx, 'history.undo', {});
  assert.equal(u.kept, 1);
  assert.match(u.note, /已在另一窗口修改/);
  assert.equal((await call(t.ctx, 'targets.get', { id: 'fx-g1', roundId: t.roundId })).unit, '元');
  await defineTask(t, 'fx-t2', 'deadline', '2025');
  await call(t.ctx, 'history.undo', {});
  const row = await call(t.ctx, 'tasks.get', { id: 'fx-t2', roundId: t.roundId });
  assert.equal(row.deadline, '');
  assert.deepEqual(row.edited, [], 'a correction undone is no correction');
  t.close();
});

test('a target is added and deleted with its evaluations after a confirmation; undo brings all of it back', async () => {
  const t = fixtureDb();
  const c = await call(t.ctx, 'targets.create', { roundId: t.roundId, planId: 'fx-plan-a', after: 'fx-g1', values: {
    name: '研发投入强度', unit: '%', baselineYear: '2020', baselineValue: '2.1', milestones: '2025:3', responsibleUnits: '区科技局' } });
  assert.equal(c.row.name, '研发投入强度');
  assert.deepEqual(c.changed.plans, ['fx-plan-a']);
  const order = async () => (await call(t.ctx, 'targets.query', { roundId: t.roundId, planIds: ['fx-plan-a'] })).rows.map((x) => x.name);
  assert.deepEqual(await order(), ['规上工业总产值', '研发投入强度', '单位工业增加值能耗下降']);
  await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: c.row.id, field: 'actual', value: '2.6' }] });
  const before = snapshot(t.db);
  const refused = await dispatch(t.ctx, 'targets.delete', { ids: [c.row.id] });
  assert.ok(!refused.ok && refused.error.code === 'confirm' && /已有评估记录\(1 条\).*确定删除吗/.test(refused.error.message), JSON.stringify(refused));
  assert.equal(snapshot(t.db), before);
  await call(t.ctx, 'targets.delete', { ids: [c.row.id], confirmed: true });
  assert.deepEqual(await order(), ['规上工业总产值', '单位工业增加值能耗下降']);
  assert.equal((t.db.prepare('SELECT count(*) AS n FROM target_evals WHERE target_id = ?').get(c.row.id) as { n: number }).n, 0);
  await call(t.ctx, 'history.undo', {});
  const back = await call(t.ctx, 'targets.get', { id: c.row.id, roundId: t.roundId });
  assert.deepEqual([back.eval.actual, back.milestones.length, back.responsibleUnits[0], back.baseline.value], ['2.6', 1, '区科技局', '2.1']);
  assert.deepEqual((await call(t.ctx, 'targets.query', { roundId: t.roundId, search: '研发投入' })).rows.map((x) => x.id), [c.row.id], 'searchable again');
  await call(t.ctx, 'history.redo', {});
  assert.deepEqual(await order(), ['规上工业总产值', '单位工业增加值能耗下降']);
  // Undo the deletion, the evaluation, then the creation: the plan is as it was.
  await call(t.ctx, 'history.undo', {});
  await call(t.ctx, 'history.undo', {});
  await call(t.ctx, 'history.undo', {});
  assert.deepEqual(await order(), ['规上工业总产值', '单位工业增加值能耗下降']);
  assert.equal((t.db.prepare('SELECT count(*) AS n FROM targets WHERE id = ?').get(c.row.id) as { n: number }).n, 0);
  t.close();
});

test('a task with a deadline is added under a chapter, moved, reordered and deleted; its targets stay, unlinked', async () => {
  const t = fixtureDb();
  const c = await call(t.ctx, 'tasks.create', { roundId: t.roundId, planId: 'fx-plan-a', path: ['三、主要任务', '(二)推进数字化转型'],
    values: { title: '建设工业互联网平台。', deadline: '2025年底', leadUnits: '区经济信息委', taskMilestones: '2024-06-30 完成招标' } });
  assert.deepEqual([c.row.deadline, c.row.milestones.length, c.row.chapter], ['2025', 1, '三、主要任务 / (二)推进数字化转型']);
  const titles = async () => (await call(t.ctx, 'tasks.query', { roundId: t.roundId, planIds: ['fx-plan-a'] })).rows.map((x) => x.title);
  assert.deepEqual((await titles()).slice(2, 4), ['实施智能化改造。', '建设工业互联网平台。'], 'after the last task of its chapter');
  await call(t.ctx, 'tasks.move', { ids: [c.row.id], before: 'fx-t1' });
  assert.equal((await titles())[0], '建设工业互联网平台。');
  await call(t.ctx, 'tasks.move', { ids: [c.row.id], path: ['五、保障措施'] });
  const moved = await call(t.ctx, 'tasks.get', { id: c.row.id, roundId: t.roundId });
  assert.deepEqual([moved.chapter, (await titles()).at(-1)], ['五、保障措施', '建设工业互联网平台。']);
  const tree = (await call(t.ctx, 'plans.tree', {}))[0].chapters.map((ch) => ch.name);
  assert.deepEqual(tree, ['三、主要任务', '专栏3-2 重点项目', '五、保障措施'], 'the tree keeps its order');
  await defineTarget(t, 'fx-g1', 'taskId', '建设工业互联网平台。');
  assert.equal((await call(t.ctx, 'targets.get', { id: 'fx-g1', roundId: t.roundId })).taskId, c.row.id);
  await call(t.ctx, 'tasks.delete', { ids: [c.row.id] });
  assert.equal((await call(t.ctx, 'targets.get', { id: 'fx-g1', roundId: t.roundId })).taskId, null);
  await call(t.ctx, 'history.undo', {});
  assert.equal((await call(t.ctx, 'targets.get', { id: 'fx-g1', roundId: t.roundId })).taskId, c.row.id, 'undo links it again');
  t.close();
});

test('plan details are corrected in one step and undone in one', async () => {
  const t = fixtureDb();
  const r = await call(t.ctx, 'plans.update', { id: 'fx-plan-a', changes: { docNumber: '某府发〔2021〕19号', issued: '2021年7月13日', periodEnd: '2026年' } });
  assert.deepEqual([r.plan.docNumber, r.plan.issued, r.plan.periodEnd], ['某府发〔2021〕19号', '2021-07-13', 2026]);
  const h = await call(t.ctx, 'history.entity', { entity: 'plan', id: 'fx-plan-a' });
  assert.equal(h.filter((x) => x.actionId === r.changed.actionId).length, 3);
  await call(t.ctx, 'history.undo', {});
  const p = (await call(t.ctx, 'plans.list', {})).find((x) => x.id === 'fx-plan-a')!;
  assert.deepEqual([p.docNumber, p.issued, p.periodEnd], ['某府发〔2021〕18号', '2021-07-12', 2025]);
  t.close();
});
