// End to end in Chromium: 编辑规划. A baseline typed shows its verdict; ten baselines pasted from a sheet land as one
// step; a task with a deadline and a target are added (the task moved up in its chapter); a definition edit is undone
// and redone; milestones and 节点 are edited in the detail panel; two units merged are followed by the filter, the
// dashboard, the report and the returns.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openDatabaseSync } from '../../db/connection';
import { storePlans } from '../../core/import/store';
import { insertRound } from '../../db/repos/rounds';
import { fixturePlans } from '../helpers/fixture';
import { tempDir } from '../helpers/db';
import { launchBrowser, serve, openApp, screenshot, until, pageErrors, type Served } from '../helpers/browser';
import { sqlOn, typeInCell } from '../helpers/plan-data';
import type { InterchangePlan } from '../../contract/interchange';

let browser: Browser;
let file: string;
let served: Served;
let page: Page;

/** A plan of twelve indicators without base values, as many documents give them. */
const indicators: InterchangePlan = {
  id: 'px', title: '某区工业指标体系', docNumber: null, issuer: null, issued: null, periodStart: 2021, periodEnd: 2025, kind: 'plan',
  source: { file: null, line: null }, tasks: [],
  targets: Array.from({ length: 12 }, (_, i) => ({
    id: `px-g${i + 1}`, code: String(i + 1), name: `工业指标${i + 1}`, unit: '亿元', category: '', attribute: '', baseline: { year: null, value: null },
    milestones: [{ year: 2025, value: String(200 + i * 10), qualifier: '', cumulative: false }], scope: 'table' as const, taskId: null, responsibleUnits: [],
  })),
};

before(async () => {
  browser = await launchBrowser();
  file = path.join(tempDir(), 'define.db');
  const db = openDatabaseSync(file);
  storePlans(db, [...fixturePlans(), indicators], 'fixture');
  const round = db.transaction(() => insertRound(db, '2023年中期评估', '2023-06-30', null))();
  db.prepare(`UPDATE targets SET baseline_value = NULL WHERE id = 'fx-g1'`).run();
  db.prepare(`INSERT INTO target_evals (round_id, target_id, actual, updated_at) VALUES (?, 'fx-g1', '1000', '2023-06-30')`).run(round.id);
  db.close();
  served = await serve(file);
  page = await openApp(browser, served.host.url);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.host.url.replace(/\/\?.*$/, '').replace(/\/$/, '') });
  await page.getByRole('button', { name: '编辑规划' }).click();
  await page.locator('.define-bar').waitFor();
});
afterEach(() => assert.deepEqual(pageErrors(page).splice(0), []));
after(async () => {
  await page?.close();
  await served?.close();
  await browser?.close();
});

const sql = <T>(q: string, ...params: unknown[]): T[] => sqlOn(file)<T>(q, ...params);
const cell = (id: string, col: string) => page.locator(`.ag-row[row-id="${id}"] [col-id="${col}"]`);
const shown = async (id: string, col: string) => (await cell(id, col).innerText()).trim();
const waitShown = (id: string, col: string, want: string) => until(async () => (await shown(id, col)) === want, `${id}.${col} 显示「${want}」`);
const focusCell = async (id: string, col: string) => { await cell(id, col).click(); await until(async () => (await cell(id, col).getAttribute('class'))!.includes('ag-cell-focus'), `${id}.${col} 获得焦点`); };
const typeInto = (id: string, col: string, text: string) => typeInCell(page, id, col, text);
const lastAction = () => sql<{ source: string; label: string }>('SELECT source, label FROM actions ORDER BY id DESC LIMIT 1')[0];

test('a baseline typed in 编辑规划 shows its verdict at once; undo and redo follow it', async () => {
  await page.getByRole('tab', { name: '指标' }).click();
  await cell('fx-g1', 'verdict').waitFor();
  assert.equal(await shown('fx-g1', 'verdict'), '数据暂缺');
  assert.match((await cell('fx-g1', 'actual').getAttribute('class'))!, /pr-readonly/, 'evaluation columns are read-only here');
  await typeInto('fx-g1', 'baselineValue', '780');
  await waitShown('fx-g1', 'verdict', '基本符合预期');
  assert.deepEqual(sql('SELECT baseline_value AS v FROM targets WHERE id = ?', 'fx-g1'), [{ v: '780' }]);
  assert.equal(lastAction().source, 'define');
  assert.match((await cell('fx-g1', 'baselineValue').getAttribute('class'))!, /pr-corrected/);
  await screenshot(page, 'define-baseline-verdict');
  await page.keyboard.press('Control+Z');
  await waitShown('fx-g1', 'verdict', '数据暂缺');
  await waitShown('fx-g1', 'baselineValue', '');
  await page.keyboard.press('Control+Y');
  await waitShown('fx-g1', 'baselineValue', '780');
  await waitShown('fx-g1', 'verdict', '基本符合预期');
});

test('ten baselines pasted from a sheet land as one step', async () => {
  await page.locator('.tree .plan .label').filter({ hasText: '某区工业指标体系' }).click();
  await cell('px-g1', 'baselineValue').waitFor();
  await focusCell('px-g1', 'baselineYear');
  const tsv = Array.from({ length: 10 }, (_, i) => `2020\t${100 + i}`).join('\r\n');
  await page.evaluate((t) => navigator.clipboard.writeText(t), tsv);
  await page.keyboard.press('Control+V');
  await waitShown('px-g10', 'baselineValue', '109');
  assert.deepEqual(sql(`SELECT count(*) AS n FROM targets WHERE plan_id = 'px' AND baseline_year = 2020 AND baseline_value IS NOT NULL`), [{ n: 10 }]);
  assert.equal(await shown('px-g11', 'baselineValue'), '');
  assert.deepEqual(lastAction(), { source: 'define', label: '粘贴 20 个单元格(规划内容)' });
  assert.equal(await shown('px-g3', 'baselineValue'), '102');
  await screenshot(page, 'define-paste-baselines');
  await page.locator('.tree .label').filter({ hasText: '全部规划' }).click();
});

test('a task with a deadline and a target are added; milestones and 节点 are edited in the detail panel', async () => {
  await page.getByRole('tab', { name: '任务' }).click();
  await focusCell('fx-t3', 'title');
  await page.getByRole('button', { name: '＋ 新增任务' }).click();
  const dlg = page.getByRole('dialog', { name: '新增任务' });
  assert.equal(await dlg.getByLabel('所在章节').inputValue(), '三、主要任务 / (二)推进数字化转型');
  await dlg.getByLabel('任务标题').fill('建设工业互联网平台');
  await dlg.getByLabel('牵头单位').fill('区经济信息委');
  await dlg.getByLabel('完成时限').fill('2025年底');
  await dlg.getByRole('button', { name: '新增任务' }).click();
  await dlg.waitFor({ state: 'detached' });
  const [t] = sql<{ id: string; deadline: string; seq: number }>(`SELECT id, deadline, seq FROM tasks WHERE title = '建设工业互联网平台'`);
  assert.equal(t.deadline, '2025');
  await waitShown(t.id, 'deadline', '2025');
  assert.equal(t.seq, 4, 'placed after the task in focus');
  await focusCell(t.id, 'title');
  await page.getByRole('button', { name: '上移' }).click();
  await until(async () => sql<{ seq: number }>('SELECT seq FROM tasks WHERE id = ?', t.id)[0].seq === 3, '上移到本章节前一项之前');
  assert.deepEqual(sql(`SELECT id FROM tasks WHERE plan_id = 'fx-plan-a' AND seq = 4`), [{ id: 'fx-t3' }]);
  // 节点 in the detail panel: a line is saved once it has a date and what must be done.
  await focusCell(t.id, 'title');
  const detail = page.getByRole('complementary', { name: '详情' });
  await detail.getByRole('button', { name: '＋ 添加节点' }).click();
  await detail.getByLabel('第 1 个节点的日期').fill('2024-06-30');
  await detail.getByLabel('第 1 个节点要完成的事项').fill('完成平台招标');
  await detail.getByLabel('第 1 个节点要完成的事项').press('Tab');
  await until(async () => sql(`SELECT due, what FROM task_milestones WHERE task_id = ?`, t.id).length === 1, '节点已保存');
  await waitShown(t.id, 'taskMilestones', '2024-06-30 完成平台招标');

  await page.getByRole('tab', { name: '指标' }).click();
  await focusCell('fx-g2', 'name');
  await page.getByRole('button', { name: '＋ 新增指标' }).click();
  const tdlg = page.getByRole('dialog', { name: '新增指标' });
  await tdlg.getByLabel('指标名称').fill('研发投入强度');
  await tdlg.getByLabel('单位', { exact: true }).fill('%');
  await tdlg.getByLabel('目标值').fill('2025:3');
  await tdlg.getByRole('button', { name: '新增指标' }).click();
  await tdlg.waitFor({ state: 'detached' });
  const [g] = sql<{ id: string }>(`SELECT id FROM targets WHERE name = '研发投入强度'`);
  await waitShown(g.id, 'milestones', '2025:3');
  await focusCell(g.id, 'name');
  await detail.getByRole('button', { name: '＋ 添加年份' }).click();
  await detail.getByLabel('2026年目标值').fill('3.2');
  await detail.getByLabel('2026年目标值').press('Tab');
  await waitShown(g.id, 'milestones', '2025:3;2026:3.2');
  await detail.getByLabel('删去2025年').click();
  await waitShown(g.id, 'milestones', '2026:3.2');
  await screenshot(page, 'define-target-detail');
});

test('a bad value is refused in Chinese and the cell keeps its value', async () => {
  await typeInto('fx-g1', 'baselineYear', '二〇二〇');
  await page.locator('.toast-error').filter({ hasText: '不是有效的年份' }).waitFor();
  assert.equal(await shown('fx-g1', 'baselineYear'), '2020');
  assert.deepEqual(sql('SELECT baseline_year AS y FROM targets WHERE id = ?', 'fx-g1'), [{ y: 2020 }]);
});

test('two units merged: the filter, the dashboard, the report and the returns list the merged unit only', async () => {
  await page.getByRole('tab', { name: '责任单位' }).click();
  const dir = page.getByRole('region', { name: '责任单位目录' });
  await dir.getByLabel('选择区科技局').check();
  await dir.getByLabel('选择区经济信息委').check();
  await dir.getByLabel('合并后的单位名称').fill('区经济信息委');
  await dir.getByRole('button', { name: '合并所选' }).click();
  await page.locator('.toast-success').filter({ hasText: '已合并为「区经济信息委」' }).waitFor();
  await until(async () => (await dir.locator('td.aliases').filter({ hasText: '区科技局' }).count()) === 1, '曾用名显示区科技局');
  await screenshot(page, 'define-units-merged');
  assert.deepEqual(sql(`SELECT alias, unit FROM unit_aliases`), [{ alias: '区科技局', unit: '区经济信息委' }]);

  await page.getByRole('tab', { name: '任务' }).click();
  const options = async () => page.getByLabel('责任单位', { exact: true }).locator('option').allInnerTexts();
  await until(async () => !(await options()).includes('区科技局') && (await options()).includes('区经济信息委'), '筛选的单位列表已合并');
  await page.getByRole('tab', { name: '看板' }).click();
  await page.getByRole('tab', { name: '按责任单位' }).click();
  const dash = page.locator('.dashboard');
  await dash.locator('.dash-table').first().waitFor();
  assert.ok(!(await dash.innerText()).includes('区科技局'));
  assert.ok((await dash.innerText()).includes('区经济信息委'));
  await page.getByRole('button', { name: '导出评估报告…' }).click();
  const report = page.getByRole('dialog', { name: '导出评估报告' });
  const reportUnits = async () => report.getByLabel('责任单位', { exact: true }).locator('option').allInnerTexts();
  await until(async () => (await reportUnits()).includes('区经济信息委'), '报告的单位列表已读取');
  assert.ok(!(await reportUnits()).includes('区科技局'));
  await report.getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '下发填报/回收汇总…' }).click();
  const returns = page.getByRole('dialog');
  await returns.locator('.rt-units label').nth(1).waitFor();
  const listed = await returns.locator('.rt-units').innerText();
  assert.ok(listed.includes('区经济信息委') && !listed.includes('区科技局'), listed);
  await page.keyboard.press('Escape');
  await returns.waitFor({ state: 'detached' });
});
