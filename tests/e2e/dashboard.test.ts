// End to end in Chromium over the real seed database: the dashboard's numbers (table and chart) equal the database's
// and the grid's counts when clicked through; a filter and a saved view; grouping by plan and chapter.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { openDatabaseSync, type DB } from '../../db/connection';
import { applyEdits } from '../../core/write/edits';
import { tempDir } from '../helpers/db';
import { launchBrowser, serve, openApp, screenshot, until, type Served, pageErrors } from '../helpers/browser';

let browser: Browser;
let file: string;
let served: Served;
let page: Page;
const STATUSES = ['序时推进', '滞后', '已完成', '超序时'];

before(async () => {
  browser = await launchBrowser();
  file = path.join(tempDir(), 'seed.db');
  execFileSync(process.execPath, ['--import', 'tsx', path.resolve(__dirname, '../../cli/main.ts'), 'build-db', '--out', file], { stdio: 'ignore' });
  const db = openDatabaseSync(file);
  const round = (db.prepare('SELECT id FROM rounds ORDER BY id LIMIT 1').get() as { id: number }).id;
  const tasks = db.prepare('SELECT id FROM tasks ORDER BY plan_id, seq').all() as { id: string }[];
  applyEdits(db, 'task', round, tasks.filter((_, i) => i % 3 === 0).map((t, i) => ({ id: t.id, field: 'status', value: STATUSES[i % 4] })), { source: 'edit' });
  const targets = db.prepare('SELECT id FROM targets ORDER BY plan_id, seq').all() as { id: string }[];
  applyEdits(db, 'target', round, targets.filter((_, i) => i % 4 === 0).map((t) => ({ id: t.id, field: 'actual', value: '1' })), { source: 'edit' });
  db.close();
  served = await serve(file);
  page = await openApp(browser, served.host.url);
});
// Every test ends without a page error or an AG Grid report (an unregistered module, a bad option).
afterEach(() => assert.deepEqual(pageErrors(page).splice(0), []));

after(async () => {
  await page?.close();
  await served?.close();
  await browser?.close();
});

const withDb = <T>(f: (db: DB) => T): T => { const db = openDatabaseSync(file); try { return f(db); } finally { db.close(); } };
const gridCount = async () => {
  const text = await page.locator('.status-bar').innerText();
  const m = text.match(/显示 (\d+) \/ 共 (\d+)/);
  return m ? Number(m[1]) : -1;
};
const openDashboard = async () => {
  await page.getByRole('tab', { name: '看板' }).click();
  await page.locator('.dash-table').first().waitFor();
};

test('each number of the dashboard opens the grid with exactly that many rows, and equals the database', async () => {
  await openDashboard();
  await screenshot(page, 'dashboard-plans');
  const cells = await page.locator('.dash-table button.num').evaluateAll((bs) => bs.map((b) => ({ drill: b.getAttribute('data-drill') ?? '', n: Number(b.textContent) })));
  assert.ok(cells.length > 20);
  // Every task number per plan and status equals the database's count.
  const byDb = withDb((db) => db.prepare(`SELECT t.plan_id AS plan, COALESCE(e.status, '待评估') AS s, count(*) AS n FROM tasks t
    LEFT JOIN task_evals e ON e.task_id = t.id GROUP BY plan, s`).all() as { plan: string; s: string; n: number }[]);
  for (const c of cells.filter((x) => x.drill.includes('|task|') && !x.drill.endsWith('|'))) {
    const [, plan, , status] = c.drill.split('|');
    assert.equal(c.n, byDb.find((r) => r.plan === plan && r.s === status)?.n, c.drill);
  }
  // Click through a sample of numbers (tasks and targets, a status and a total) and compare with the grid.
  const sample = [
    ...cells.filter((x) => x.drill.includes('|task|滞后')).slice(0, 2),
    ...cells.filter((x) => x.drill.includes('|task|') && x.drill.endsWith('|')).slice(0, 1),
    ...cells.filter((x) => x.drill.includes('|target|数据暂缺')).slice(0, 1),
    ...cells.filter((x) => x.drill.includes('|target|') && !x.drill.includes('数据暂缺') && !x.drill.endsWith('|')).slice(0, 1),
  ];
  assert.ok(sample.length >= 4);
  for (const c of sample) {
    await openDashboard();
    await page.locator(`.dash-table button.num[data-drill="${c.drill}"]`).click();
    await until(async () => (await gridCount()) === c.n, `${c.drill} 的表格行数为 ${c.n}`);
  }
  await screenshot(page, 'dashboard-drilled');
});

test('per unit, and a click on a chart bar, give the grid the same count', async () => {
  await openDashboard();
  await page.getByRole('tab', { name: '按责任单位' }).click();
  const first = page.locator('.dash-table').first().locator('tbody tr').first();
  const unit = (await first.locator('th').innerText()).trim();
  const total = Number(await first.locator('td.total').innerText());
  await screenshot(page, 'dashboard-units');
  await first.locator('td.total button').click();
  await until(async () => (await gridCount()) === total, `单位「${unit}」共 ${total} 项任务`);
  assert.equal(await page.getByLabel('责任单位').inputValue(), unit);

  // The chart: the 滞后 segment of the first plan's bar (SVG drawn by echarts) opens the same rows as the table's number.
  await openDashboard();
  await page.getByRole('tab', { name: '按规划' }).click();
  const want = await page.locator('.dash-table').first().locator('button.num[data-drill*="|task|滞后"]').first().evaluate((b) => ({ drill: b.getAttribute('data-drill') ?? '', n: Number(b.textContent) }));
  // Chart bars and table rows list the same plans in the same order: the topmost 滞后 segment is the first plan with any.
  const box = await page.locator('.dash-chart').first().locator('path').evaluateAll((paths) => {
    const bars = paths.map((p) => ({ r: p.getBoundingClientRect(), fill: (p.getAttribute('fill') ?? '').toUpperCase().replace(/\s/g, '') }))
      .filter((p) => (p.fill === '#FBE0DE' || p.fill === 'RGB(251,224,222)') && p.r.height > 12)
      .sort((a, b) => a.r.top - b.r.top);
    const bar = bars[0];
    return bar ? { x: bar.r.left + bar.r.width / 2, y: bar.r.top + bar.r.height / 2 } : null;
  });
  assert.ok(box, 'the chart draws a 滞后 segment');
  await page.mouse.click(box.x, box.y);
  await until(async () => (await page.getByRole('tab', { name: '任务' }).getAttribute('aria-selected')) === 'true', '点击图表后打开任务表');
  await until(async () => (await gridCount()) === want.n, `图表的滞后段打开 ${want.n} 行`);
});

test('a filter narrows the grid, a saved view brings filters, grouping and columns back', async () => {
  await page.getByRole('tab', { name: '任务' }).click();
  await page.getByRole('button', { name: '清除筛选' }).click().catch(() => undefined);
  await page.locator('.tree .node.all .label').click();
  const all = withDb((db) => (db.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n);
  await until(async () => (await gridCount()) === all, '全部任务');
  await page.getByRole('button', { name: '评估状态' }).click();
  await page.getByRole('listbox', { name: '评估状态' }).getByLabel('已完成').check();
  await page.keyboard.press('Escape');
  const done = withDb((db) => (db.prepare(`SELECT count(*) AS n FROM task_evals WHERE status = '已完成'`).get() as { n: number }).n);
  await until(async () => (await gridCount()) === done, `已完成的 ${done} 项任务`);
  await page.getByRole('searchbox', { name: '搜索' }).fill('氢能');
  await until(async () => (await gridCount()) < done || done === 0, '再按“氢能”搜索');
  await page.getByRole('searchbox', { name: '搜索' }).fill('');
  await until(async () => (await gridCount()) === done, '清空搜索');
  await page.getByLabel('按规划和章节分组').check();
  await page.locator('.pr-group-0').first().waitFor();
  await page.getByRole('button', { name: '保存视图…' }).click();
  await page.getByLabel('视图名称').fill('已完成分组');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.locator('.toast-success').filter({ hasText: '已保存视图「已完成分组」' }).waitFor();
  const saved = withDb((db) => db.prepare(`SELECT name, state FROM saved_views WHERE name = '已完成分组'`).get() as { name: string; state: string } | undefined);
  assert.ok(saved);
  const state = JSON.parse(saved.state) as { filters: { statuses: string[] }; grouping: boolean; columns: unknown[] };
  assert.deepEqual([state.filters.statuses, state.grouping, state.columns.length > 5], [['已完成'], true, true]);
  await screenshot(page, 'dashboard-grouped-view');

  await page.getByRole('button', { name: /清除筛选/ }).click();
  await page.getByLabel('按规划和章节分组').uncheck();
  await until(async () => (await gridCount()) === all, '清除后显示全部');
  await page.getByLabel('保存的视图').selectOption({ label: '已完成分组' });
  await until(async () => (await gridCount()) === done, '视图恢复筛选');
  assert.equal(await page.getByLabel('按规划和章节分组').isChecked(), true);
  // A plan group folds away its rows.
  const label = (await page.locator('.ag-row[row-index="0"] .pr-group-0 .label').innerText()).trim();
  const firstGroup = page.locator('.pr-group-0').filter({ has: page.locator('.label', { hasText: label }) });
  const before = await gridCount();
  await firstGroup.click();
  await until(async () => (await gridCount()) < before, '折叠一个规划');
  await screenshot(page, 'dashboard-folded');
  await firstGroup.click();
  await until(async () => (await gridCount()) === before, '展开');
});
