// End to end in Chromium over a real SQLite file: a task whose deadline passes turns red in the grid (with its days
// overdue), the detail panel and the dashboard, and the report's rows say the same; every light count of the dashboard
// and of the unit ranking opens exactly that many rows; status, light and verdict are in view at 1600 px; the due-soon
// days set on the administration page; the data date of a target and the warning on an actual that is not a number; a
// finalised round refuses edits until it is reopened.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { openDatabaseSync, type DB } from '../../db/connection';
import { applyEdits } from '../../core/write/edits';
import { iterateTasks } from '../../core/report/data';
import { lightedTasks } from '../../core/judgement/tasks';
import { judgedTargets } from '../../core/judgement/targets';
import { fixtureFile } from '../helpers/db';
import { launchBrowser, serve, openApp, screenshot, until, type Served, pageErrors } from '../helpers/browser';

let browser: Browser;
let file: string;
let served: Served;
let page: Page;

before(async () => {
  browser = await launchBrowser();
  file = fixtureFile('judgement.db');
  const db = openDatabaseSync(file);
  // The round's cut-off is 2023-06-30: fx-t1 is due in three months, fx-t2 in a fortnight, fx-t3 is a standing task.
  const deadline = db.prepare('UPDATE tasks SET deadline = ? WHERE id = ?');
  deadline.run('2023-09-30', 'fx-t1');
  deadline.run('2023-07-15', 'fx-t2');
  deadline.run('长期', 'fx-t3');
  deadline.run('2024-01-31', 'fx-t4');
  applyEdits(db, 'task', 1, [
    { id: 'fx-t1', field: 'status', value: '序时推进' }, { id: 'fx-t3', field: 'status', value: '已完成' },
    { id: 'fx-t4', field: 'status', value: '序时推进' }, { id: 'fx-m1', field: 'status', value: '滞后' },
  ], { source: 'edit' });
  applyEdits(db, 'target', 1, [{ id: 'fx-g1', field: 'actual', value: '1100' }, { id: 'fx-g2', field: 'actual', value: '6' }], { source: 'edit' });
  db.close();
  served = await serve(file);
  page = await openApp(browser, served.host.url);
  await page.setViewportSize({ width: 1600, height: 900 });
});
afterEach(() => assert.deepEqual(pageErrors(page).splice(0), []));
after(async () => { await page?.close(); await served?.close(); await browser?.close(); });

const withDb = <T>(f: (db: DB) => T): T => { const db = openDatabaseSync(file); try { return f(db); } finally { db.close(); } };
const cell = (id: string, col: string) => page.locator(`.ag-row[row-id="${id}"] [col-id="${col}"]`).first();
const shown = async (id: string, col: string) => (await cell(id, col).innerText()).trim();
const gridCount = async () => Number((await page.locator('.status-bar').innerText()).match(/显示 (\d+) \/ 共/)?.[1] ?? -1);
const tab = (name: string) => page.getByRole('tab', { name, exact: true }).click();
const openDashboard = async () => { await tab('看板'); await page.locator('.light-table').waitFor(); };

test('status, light and verdict are in view at 1600 px without scrolling', async () => {
  const inView = async (cols: string[]) => {
    const grid = await page.locator('.grid').boundingBox();
    for (const c of cols) {
      const box = await page.locator(`.ag-header-cell[col-id="${c}"]`).boundingBox();
      assert.ok(grid && box && box.x >= grid.x && box.x + box.width <= grid.x + grid.width, `${c} in view: ${JSON.stringify({ grid, box })}`);
    }
  };
  await inView(['title', 'light', 'status', 'deadline']);
  await tab('指标');
  await page.locator('.ag-row[row-id="fx-g1"]').first().waitFor();
  await inView(['name', 'flag', 'verdict', 'actual', 'dataDate']);
  await screenshot(page, 'judgement-targets-1600');
  await tab('任务');
});

test('a task whose deadline passes turns red in the grid, the detail panel and the dashboard; the report says so too', async () => {
  await until(async () => (await shown('fx-t1', 'light')) === '绿灯', 'fx-t1 is green three months before its deadline');
  assert.equal(await shown('fx-t2', 'light'), '黄灯', 'fx-t2 is due within 30 days');
  assert.equal(await shown('fx-m1', 'light'), '红灯', 'status 滞后 is red');
  await openDashboard();
  assert.match(await page.locator('.light-summary').innerText(), /逾期\s*0/);

  // The cut-off moves past the deadline.
  await page.getByRole('button', { name: '轮次 ▾' }).click();
  await page.getByRole('menuitem', { name: '修改轮次…' }).click();
  await page.getByLabel('截止日期').fill('2023-10-31');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByRole('dialog', { name: '修改评估轮次' }).waitFor({ state: 'detached' });
  await openDashboard();
  await until(async () => /逾期\s*2/.test(await page.locator('.light-summary').innerText()), 'the dashboard counts two tasks overdue');
  await screenshot(page, 'judgement-dashboard');
  await page.locator('.light-summary [data-drill="all||task-standing|overdue"]').click();
  await until(async () => (await gridCount()) === 2, 'the overdue tile opens the two overdue tasks');
  assert.equal(await shown('fx-t1', 'light'), '红灯 逾期31天');
  assert.equal(await shown('fx-t2', 'light'), '红灯 逾期108天');
  await cell('fx-t1', 'title').click();
  await page.locator('.detail .light-reason').filter({ hasText: '已超过完成时限（2023-09-30）31天仍未完成' }).waitFor();
  await screenshot(page, 'judgement-overdue');

  // The report reads the same light.
  const report = withDb((db) => [...iterateTasks(db, 1, undefined, {})]);
  assert.deepEqual(report.find((r) => r.id === 'fx-t1')?.light, { flag: 'red', reason: '已超过完成时限（2023-09-30）31天仍未完成', overdueDays: 31 });
  await page.getByRole('button', { name: /清除筛选/ }).click();
});

test('every light count of the dashboard and of the unit ranking opens exactly that many rows', async () => {
  for (const by of ['按规划', '按责任单位']) {
    await openDashboard();
    await page.getByRole('tab', { name: by }).click();
    const cells = await page.locator('.light-table button.num, .light-summary button:not([disabled])').evaluateAll((bs) =>
      bs.map((b) => ({ drill: b.getAttribute('data-drill') ?? '', n: Number(b.textContent?.replace(/\D/g, '')) })));
    assert.ok(cells.length >= 6, `${by}: ${cells.length}`);
    for (const c of cells) {
      await openDashboard();
      await page.getByRole('tab', { name: by }).click();
      await page.locator(`[data-drill="${c.drill}"]`).first().click();
      await until(async () => (await gridCount()) === c.n, `${by} ${c.drill}: ${c.n} 行`);
    }
  }
  // The ranking: each number, tasks and targets together (the filter holds for both tabs).
  await openDashboard();
  const ranks = await page.locator('.rank-table button.num').evaluateAll((bs) => bs.map((b) => ({ drill: b.getAttribute('data-drill') ?? '', n: Number(b.textContent) })));
  assert.ok(ranks.length >= 5);
  for (const c of ranks.slice(0, 8)) {
    const [, unit, , standing] = c.drill.split('|');
    const args = { roundId: 1, unit, standings: [standing as 'done'] };
    const want = withDb((db) => [lightedTasks(db, args).total, judgedTargets(db, args).total]);
    assert.equal(want[0] + want[1], c.n, c.drill);
    await openDashboard();
    await page.locator(`.rank-table [data-drill="${c.drill}"]`).click();
    for (const [i, t] of (['任务', '指标'] as const).entries()) {
      await tab(t);
      await until(async () => (await gridCount()) === want[i], `${c.drill}:${t} ${want[i]} 行`);
    }
  }
  await page.getByRole('button', { name: /清除筛选/ }).click();
  // Sorting the ranking by 逾期 puts the most overdue unit first.
  await openDashboard();
  await page.locator('.rank-table thead button', { hasText: '逾期' }).click();
  const first = Number(await page.locator('.rank-table tbody tr').first().locator('td.st-overdue').innerText());
  const all = await page.locator('.rank-table tbody td.st-overdue').evaluateAll((tds) => tds.map((t) => Number(t.textContent)));
  assert.equal(first, Math.max(...all));
});

test('the due-soon days set on the administration page turn a task yellow, and the page says the one rule', async () => {
  await tab('任务');
  await until(async () => (await shown('fx-t4', 'light')) === '绿灯', 'fx-t4 is due in 92 days');
  await page.getByRole('button', { name: '管理' }).click();
  await page.getByLabel('临期天数').fill('100');
  const rule = page.getByLabel('亮灯规则');
  await until(async () => (await rule.innerText()).includes('距完成时限100天以内(含当天)'), 'the rule follows what is typed');
  assert.match(await rule.innerText(), /落后10个百分点及以上为黄灯，30个百分点及以上为红灯/);
  await page.locator('form.thresholds').getByRole('button', { name: '保存', exact: true }).click();
  await page.locator('.toast-success').filter({ hasText: '预警阈值已设为' }).waitFor();
  await tab('任务');
  await until(async () => (await shown('fx-t4', 'light')) === '黄灯', 'within 100 days it is yellow');
  assert.deepEqual(withDb((db) => JSON.parse(db.prepare(`SELECT value FROM settings WHERE key = 'thresholds'`).pluck().get() as string)), { yellow: 10, red: 30, dueSoonDays: 100 });
});

test('a target’s data date in the grid moves its time progress; an actual that is not a number is saved with a warning', async () => {
  await tab('指标');
  await page.locator('.ag-row[row-id="fx-g1"]').first().waitFor();
  assert.equal(await shown('fx-g1', 'dataDate'), '2023-10-31', 'the round’s cut-off stands in while no date is set');
  const before = await shown('fx-g1', 'timeProgress');
  await cell('fx-g1', 'dataDate').dblclick();
  await page.locator('.ag-cell-inline-editing input').waitFor();
  await page.keyboard.type('2022/12/31');
  await page.keyboard.press('Enter');
  await until(async () => (await shown('fx-g1', 'timeProgress')) === '40%', `序时进度 ${before} → 40%`);
  assert.equal(await shown('fx-g1', 'dataDate'), '2022-12-31');
  assert.equal(await cell('fx-g1', 'dataDate').evaluate((e) => getComputedStyle(e).fontStyle), 'normal', 'a date of its own is not shown as the default');
  assert.equal(await cell('fx-g2', 'dataDate').evaluate((e) => getComputedStyle(e).fontStyle), 'italic', 'the default is shown in grey italics');
  await cell('fx-g1', 'actual').dblclick();
  await page.locator('.ag-cell-inline-editing input').waitFor();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('待统计局核实');
  await page.keyboard.press('Enter');
  await page.locator('.toast-warn').filter({ hasText: '实际值“待统计局核实”不是数值' }).waitFor();
  assert.equal(withDb((db) => db.prepare(`SELECT actual FROM target_evals WHERE target_id = 'fx-g1'`).pluck().get()), '待统计局核实');
  assert.equal(await shown('fx-g1', 'verdict'), '数据暂缺');
  await until(async () => (await cell('fx-g1', 'actual').evaluate((e) => getComputedStyle(e).backgroundColor)) === 'rgb(255, 243, 196)', 'the actual that cannot be judged is marked');
  await screenshot(page, 'judgement-warning');
});

test('a finalised round refuses an edit in the grid until it is reopened', async () => {
  await tab('任务');
  await page.getByRole('button', { name: '轮次 ▾' }).click();
  await page.getByRole('menuitem', { name: '修改轮次…' }).click();
  await page.getByLabel('定稿说明').fill('报区政府审定稿');
  await page.getByRole('button', { name: '定稿', exact: true }).click();
  await page.getByRole('dialog', { name: '修改评估轮次' }).waitFor({ state: 'detached' });
  await page.locator('.round-final').waitFor();
  await cell('fx-t5', 'evidence').dblclick();
  await page.locator('.ag-popup-editor .pr-text-editor textarea').waitFor();
  await page.keyboard.type('定稿后的修改');
  await page.keyboard.press('Control+Enter');
  await page.locator('.toast-error').filter({ hasText: /已于\d{4}-\d{2}-\d{2}定稿，不能修改/ }).first().waitFor();
  assert.equal(withDb((db) => db.prepare(`SELECT count(*) FROM task_evals WHERE task_id = 'fx-t5' AND evidence <> ''`).pluck().get()), 0);
  await screenshot(page, 'judgement-finalised');

  await page.getByRole('button', { name: '轮次 ▾' }).click();
  await page.getByRole('menuitem', { name: '修改轮次…' }).click();
  await page.getByLabel('撤销定稿的原因').fill('补充数据');
  await page.getByRole('button', { name: '撤销定稿', exact: true }).click();
  await page.getByRole('dialog', { name: '修改评估轮次' }).waitFor({ state: 'detached' });
  await until(async () => (await page.locator('.round-final').count()) === 0, 'reopened');
  await cell('fx-t5', 'evidence').dblclick();
  await page.locator('.ag-popup-editor .pr-text-editor textarea').waitFor();
  await page.keyboard.type('重新打开后的修改');
  await page.keyboard.press('Control+Enter');
  await until(async () => withDb((db) => db.prepare(`SELECT evidence FROM task_evals WHERE task_id = 'fx-t5'`).pluck().get()) === '重新打开后的修改', 'saved after reopening');
  const reasons = withDb((db) => db.prepare(`SELECT detail FROM actions WHERE source = 'finalize' ORDER BY id`).pluck().all());
  assert.deepEqual(reasons, ['报区政府审定稿', '补充数据']);
});
