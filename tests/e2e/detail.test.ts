// End to end in Chromium: the detail panel always shows the focused row and is cleared when the grid changes (a
// search, a filter, the other tab), so a key never acts on a row other than the one shown; a value the service
// refused is shown once with its reason and is not kept as a draft (drafts are for what the service never received).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabaseSync } from '../../db/connection';
import { screenshot, until, visibleRowIds } from '../helpers/browser';
import { oneWindow } from '../helpers/window';

const w = oneWindow('detail', { width: 1280, height: 720 });

const cell = (id: string, col: string) => w.page.locator(`.ag-row[row-id="${id}"] [col-id="${col}"]`).first();
const heading = () => w.page.locator('.detail .pane-body h2, .detail .pane-body .detail-empty b').first().innerText();
const shows = (text: string) => until(async () => (await heading()).includes(text), `the detail panel shows 「${text}」`);
const history = () => {
  const db = openDatabaseSync(w.file);
  try { return (db.prepare('SELECT count(*) AS n FROM history').get() as { n: number }).n; } finally { db.close(); }
};
const drafts = () => w.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pr-draft:')));

test('the panel follows the focused cell, by mouse and by keys', async () => {
  await shows('未选中任务');
  await cell('fx-t2', 'status').click();
  await shows('发展芯片设计与封测');
  await w.page.keyboard.press('ArrowDown');
  await shows('实施智能化改造');
  await w.page.keyboard.press('ArrowUp');
  await w.page.keyboard.press('ArrowUp');
  await shows('培育氢能产业集群');
});

test('a search, a filter or the other tab clears the panel, and a number key then changes nothing', async () => {
  await cell('fx-t2', 'status').click();
  await shows('发展芯片设计与封测');
  await w.page.getByRole('searchbox', { name: '搜索' }).fill('氢能');
  await until(async () => (await visibleRowIds(w.page)).join() === 'fx-t1', 'searched');
  await shows('未选中任务');
  await cell('fx-t1', 'status').click();
  await shows('培育氢能产业集群');
  await w.page.getByRole('searchbox', { name: '搜索' }).fill('');
  await until(async () => (await visibleRowIds(w.page)).length === 7, 'every row again');
  await shows('未选中任务');
  assert.equal(await w.page.locator('.grid .ag-cell-focus').count(), 0, 'no cell keeps a stale focus');
  const before = history();
  await w.page.locator('.grid .ag-body-viewport, .grid .ag-grid-viewport').first().focus().catch(() => undefined);
  await w.page.keyboard.press('3');
  assert.equal(history(), before, 'the key set no status on some other row');
  await screenshot(w.page, 'detail-1280-cleared');

  await cell('fx-t3', 'title').click();
  await shows('实施智能化改造');
  await w.page.getByRole('button', { name: '评估状态', exact: true }).click();
  await w.page.getByRole('listbox', { name: '评估状态' }).getByLabel('待评估').check();
  await shows('未选中任务');
  await w.page.getByRole('button', { name: '清除筛选(1)' }).click();
  await cell('fx-t3', 'title').click();
  await shows('实施智能化改造');
  await w.page.getByRole('tab', { name: '指标' }).click();
  await shows('未选中指标');
  await cell('fx-g1', 'name').click();
  await shows('规上工业总产值');
  await w.page.getByRole('tab', { name: '任务' }).click();
  await shows('未选中任务');
});

test('a value the service refuses is shown once with its reason, and is not kept as a draft', async () => {
  await cell('fx-t4', 'title').click();
  await shows('新能源汽车零部件产业园项目');
  const progress = w.page.getByRole('textbox', { name: '进度(%)' });
  await progress.fill('五十');
  await progress.blur();
  await w.page.locator('.auto-error').filter({ hasText: '进度应为 0 到 100' }).waitFor();
  assert.equal(await progress.inputValue(), '五十', 'the refused value stays on screen with its reason');
  assert.deepEqual(await drafts(), [], 'no draft of a refused value');
  await screenshot(w.page, 'detail-1280-refused');
  // In the grid too: the cell is refused with a message and nothing is kept.
  await cell('fx-t5', 'progress').dblclick();
  await w.page.keyboard.type('差不多一半');
  await w.page.keyboard.press('Enter');
  await w.page.locator('.toast-error').filter({ hasText: '进度应为 0 到 100' }).first().waitFor();
  assert.deepEqual(await drafts(), []);

  await w.page.reload();
  await cell('fx-t4', 'title').click();
  await shows('新能源汽车零部件产业园项目');
  assert.equal(await w.page.getByRole('textbox', { name: '进度(%)' }).inputValue(), '');
  assert.equal(await w.page.locator('.auto-error').count(), 0, 'shown once: not again after a restart');
  assert.equal(await w.page.locator('.auto-note').filter({ hasText: '已恢复' }).count(), 0, 'nothing restored');
  assert.equal((await cell('fx-t5', 'progress').innerText()).trim(), '');
  await w.page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(w.page, 'detail-1920-after-restart');
  await w.page.setViewportSize({ width: 1280, height: 720 });
});
