// The seed documents parse into the plans, tasks and targets read by hand from their texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InterchangePlan } from '../../contract/interchange';
import { parseSeeds } from '../../core/import/seed';

const plansP = parseSeeds();
const byTitle = async (part: string): Promise<InterchangePlan> => {
  const p = (await plansP).find((x) => x.title.includes(part));
  assert.ok(p, `plan ${part}`);
  return p;
};
const task = (p: InterchangePlan, title: string) => {
  const t = p.tasks.find((x) => x.title === title);
  assert.ok(t, `task ${title} in ${p.title}`);
  return t;
};
const target = (p: InterchangePlan, name: string) => {
  const t = p.targets.find((x) => x.name === name);
  assert.ok(t, `target ${name} in ${p.title}`);
  return t;
};
const counts = (p: InterchangePlan) => [p.tasks.length, ...['table', 'goal_text', 'in_task'].map((s) => p.targets.filter((t) => t.scope === s).length)];

test('thirteen documents in a stable order with stable ids', async () => {
  const plans = await plansP;
  assert.equal(plans.length, 13);
  const again = await parseSeeds();
  assert.deepEqual(again.map((p) => p.id), plans.map((p) => p.id));
  assert.deepEqual(again.flatMap((p) => p.tasks.map((t) => t.id)), plans.flatMap((p) => p.tasks.map((t) => t.id)));
  const ids = plans.flatMap((p) => [p.id, ...p.tasks.map((t) => t.id), ...p.targets.map((t) => t.id)]);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[A-Za-z0-9_-]{1,100}$/);
  for (const p of plans) for (const t of p.tasks) assert.doesNotMatch(t.title, /bookmark|扫一扫|来源|\[\d\]/);
});

test('江北区智造强区十四五规划', async () => {
  const p = await byTitle('江北区建设智造强区');
  assert.deepEqual([p.docNumber, p.issuer, p.issued, p.periodStart, p.periodEnd, p.kind], ['江北府发〔2021〕18号', '重庆市江北区人民政府', '2021-07-12', 2021, 2025, 'plan']);
  assert.deepEqual(counts(p), [85, 7, 1, 2]);
  const car = task(p, '引导优化汽车整车结构');
  assert.deepEqual(car.path, ['四、建设智造强区的重点任务', '(一)转型升级构建“3+X”先进制造业产业新体系', '1.推动汽车产业向新能源和智能网联方向突破']);
  assert.equal(task(p, '氢能产业园').kind, 'project');
  assert.equal(task(p, '打造鱼复协同创新智慧生态新城').code, '1');
  assert.equal(task(p, '建立发展咨询智库').kind, 'safeguard');
  const out = target(p, '工业总产值');
  assert.deepEqual([out.unit, out.attribute, out.baseline, out.milestones[0]!.value], ['亿元', '预期性', { year: 2020, value: '971.4' }, '1300']);
  const inv = target(p, '智能制造总投资');
  assert.deepEqual([inv.baseline.value, inv.milestones[0]!.value, inv.milestones[0]!.cumulative], [null, '[200]', true]);
  assert.equal(target(p, '规模以上工业全员劳动生产率').milestones[0]!.qualifier, '>');
  assert.equal(target(p, '单位工业增加值能耗下降率').attribute, '约束性');
  const share = target(p, '工业增加值在国民经济占比');
  assert.deepEqual([share.scope, share.milestones[0]!.value, share.milestones[0]!.qualifier], ['goal_text', '16', '左右']);
  assert.ok(!p.targets.some((t) => t.scope === 'goal_text' && t.milestones[0]!.value === '1300'), 'restated table row');
  const proj = p.targets.find((t) => t.scope === 'in_task' && t.unit === '亿元')!;
  assert.equal(proj.taskId, task(p, '“新能源+智能”项目').id);
});

test('制造业高质量发展行动方案(run-on text)', async () => {
  const p = await byTitle('新时代新征程新重庆制造业');
  assert.deepEqual([p.issuer, p.periodStart, p.periodEnd, p.kind], ['中共重庆市委办公厅、重庆市人民政府办公厅', 2023, 2027, 'action_plan']);
  assert.deepEqual(counts(p), [48, 0, 22, 18]);
  const alloy = task(p, '轻合金材料');
  assert.deepEqual([alloy.leadUnits, alloy.responsibleUnits], [['市经济信息委'], ['市发展改革委', '市科技局']]);
  assert.match(task(p, '培育知名品牌').body, /支持企业实施多品牌战略/);
  assert.equal(task(p, '严格责任落实').kind, 'safeguard');
  assert.deepEqual(['有研发机构的企业占比', '有研发活动的企业占比'].map((n) => target(p, n).milestones[0]!.value), ['40', '60']);
  assert.equal(target(p, '科技型企业').unit, '万家');
  assert.equal(target(p, '规模以上工业企业研发投入').milestones[0]!.qualifier, '超过');
  const green = target(p, '全市累计新建绿色工厂');
  assert.deepEqual([green.milestones[0]!.value, green.milestones[0]!.cumulative, green.taskId], ['200', true, task(p, '健全绿色制造体系').id]);
});

test('复函 to proposal 0389', async () => {
  const p = await byTitle('复函');
  assert.deepEqual([p.issuer, p.issued, p.kind], ['重庆市经济和信息化委员会', '2021-05-20', 'reply']);
  assert.deepEqual(counts(p), [10, 0, 0, 0]);
  assert.equal(task(p, '实施“支柱产业提质”工程,筑牢经济发展基本盘').subpoints.length, 5);
  assert.equal(task(p, '积极发展数字经济').code, '(三)');
});

test('中小企业梯度培育工作方案', async () => {
  const p = await byTitle('优质中小企业梯度培育');
  assert.deepEqual([p.docNumber, p.issued, p.periodStart, p.periodEnd], ['渝府办发〔2024〕14号', '2024-02-04', 2024, 2027]);
  assert.deepEqual(counts(p), [34, 10, 0, 0]);
  assert.deepEqual(task(p, '以硬核科技企业生成为重点系统选苗育苗').responsibleUnits, ['市经济信息委', '市科技局', '市国资委', '市知识产权局', '各区县政府']);
  assert.deepEqual(task(p, '完善科技创新服务体系').responsibleUnits.slice(0, 2), ['市科技局', '市教委']);
  const listed = target(p, '新增制造业上市企业');
  assert.deepEqual(listed.milestones.map((m) => [m.year, m.value]), [[2024, '5'], [2025, '10'], [2027, '40']]);
  assert.deepEqual(listed.responsibleUnits, ['市地方金融管理局', '市经济信息委']);
  assert.equal(target(p, '科技型企业').unit, '万家');
});

test('稳增长22条, 满天星2024, AI机器人', async () => {
  const m = await byTitle('稳增长稳预期');
  assert.deepEqual([m.kind, m.tasks.length, m.targets.length], ['measures', 22, 0]);
  assert.ok(m.tasks.every((t) => t.kind === 'measure'));
  assert.equal(m.tasks[18]!.code, '19');
  const s = await byTitle('满天星');
  assert.deepEqual([s.docNumber, s.periodStart, s.periodEnd, ...counts(s)], ['渝经信软件〔2024〕7号', 2024, 2024, 10, 0, 6, 0]);
  assert.equal(target(s, '全市软件和信息服务业实现主营业务收入').milestones[0]!.value, '4200');
  const ai = await byTitle('AI及服务机器人');
  assert.deepEqual([ai.docNumber, ai.issued, ...counts(ai)], [null, '2023-12-15', 26, 0, 5, 0]);
  assert.equal(task(ai, '优化数据供给').code, '(七)');
  assert.equal(task(ai, '打造应用示范场景').code, '(五)');
});

test('汽车零部件集群, 渝车出海, 跨境电商, two notices', async () => {
  const a = await byTitle('零部件产业集群提升');
  assert.deepEqual(counts(a), [21, 0, 2, 22]);
  const first = task(a, '加强整零协同');
  assert.deepEqual([first.leadUnits, first.responsibleUnits], [['市经济信息委'], ['市发展改革委', '市招商投资局', '有关区县政府']]);
  assert.deepEqual(task(a, '培育行业优质企业').leadUnits, ['市经济信息委', '市国资委']);
  const y = await byTitle('渝车出海');
  assert.deepEqual([y.docNumber, y.issued, ...counts(y)], ['渝府办发〔2023〕89号', '2023-11-25', 20, 0, 3, 0]);
  assert.deepEqual(task(y, '积极研究海外市场政策法规').responsibleUnits, ['市经济信息委', '市市场监管局', '市商务委']);
  assert.equal(target(y, '年出口金额').milestones[0]!.qualifier, '超过');
  const c = await byTitle('跨境电商');
  assert.deepEqual([c.kind, ...counts(c)], ['measures', 15, 0, 0, 7]);
  for (const part of ['产业地图', '传感器']) {
    const n = await byTitle(part);
    assert.deepEqual([n.kind, n.tasks.length, n.targets.length], ['notice_only', 0, 0]);
  }
  assert.equal((await byTitle('传感器')).issued, '2023-11-09');
});

test('高新区先进制造业十四五规划', async () => {
  const p = await byTitle('重庆高新区');
  assert.deepEqual([p.periodStart, p.periodEnd, ...counts(p)], [2021, 2025, 40, 6, 0, 9]);
  assert.equal(task(p, '汽车').path.at(-1), '1.汽车摩托车。顺应高端化、轻量化、绿色化发展趋势，鼓励现有制造业企业通过开展产学研合作、与国际知名品牌合作、实施数字化智能化改造提升、产品研发创新、品牌价值提升、产品档次提升等方式实现转型升级');
  assert.equal(task(p, '突出精准联动招商，引育优质市场主体').code, '（五）');
  const rd = target(p, '企业牵头高端创新平台数');
  assert.deepEqual([rd.category, rd.unit, rd.baseline, rd.milestones.map((m) => m.year)], ['创新能力', '个', { year: 2020, value: '1' }, [2022, 2025]]);
});
