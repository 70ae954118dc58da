// End to end in Chromium: the first start and the administration page. An empty database shows the four steps of an
// evaluation and says where to begin, the guide closes for good, an empty grid says what to do; the 管理 page names
// the operator and the office, sets the thresholds, deletes a round or a plan after a question (backed up first),
// and lists the backups with what each holds, restoring one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { openDatabaseSync } from '../../db/connection';
import { createContext } from '../../core/common/context';
import { call } from '../../core/dispatch';
import { fixtureFile, fixtureDb } from '../helpers/db';
import { launchBrowser, serve, openApp, screenshot, until, pageErrors, visibleRowIds } from '../helpers/browser';

let browser: Browser;

before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const read = <T>(file: string, sql: string, ...args: unknown[]): T[] => {
  const db = openDatabaseSync(file);
  try { return db.prepare(sql).all(...args) as T[]; } finally { db.close(); }
};

test('the first start shows where to begin; the guide closes for good; an empty grid says what to do', async () => {
  const t = fixtureDb({ empty: true });
  t.db.close();
  const served = await serve(t.file);
  let page = await openApp(browser, served.host.url, undefined, { width: 1280, height: 720, waitFor: false });
  try {
    const guide = page.getByRole('region', { name: '使用步骤' });
    await guide.waitFor();
    assert.deepEqual(await guide.getByRole('button').allInnerTexts(), ['1 导入规划', '2 填写评估', '3 下发填报', '4 导出报告', '不再显示']);
    await page.getByText('还没有规划').waitFor();
    await page.locator('.grid-empty').getByRole('button', { name: '导入规划文件…' }).waitFor();
    await page.getByText('未选中任务').waitFor();
    await screenshot(page, 'admin-1280-first-start');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'admin-1920-first-start');
    await guide.getByRole('button', { name: '不再显示' }).click();
    await guide.waitFor({ state: 'detached' });
    await until(async () => read<{ value: string }>(t.file, `SELECT value FROM settings WHERE key = 'layouts'`).some((r) => JSON.parse(r.value).window?.guideClosed === true), 'closed for good');
    await page.close();
    page = await openApp(browser, served.host.url, undefined, { width: 1280, height: 720, waitFor: false });
    await page.getByText('还没有规划').waitFor();
    assert.equal(await page.getByRole('region', { name: '使用步骤' }).count(), 0, 'not shown again');
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.close();
    await served.close();
    t.close();
  }
});

test('no rows for the filters: the grid says so and clears them with one click', async () => {
  const served = await serve(fixtureFile('empty-filter.db'));
  const page = await openApp(browser, served.host.url, undefined, { width: 1280, height: 720 });
  try {
    await page.getByRole('searchbox', { name: '搜索' }).fill('量子计算');
    await page.getByText('没有符合条件的任务').waitFor();
    await screenshot(page, 'admin-1280-no-rows');
    await page.getByRole('button', { name: '清除搜索和筛选' }).click();
    await until(async () => (await visibleRowIds(page)).length === 7, 'every task again');
    assert.equal(await page.getByRole('searchbox', { name: '搜索' }).inputValue(), '');
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.close();
    await served.close();
  }
});

test('管理: the operator and the office are named, and the operator is recorded with each step', async () => {
  const file = fixtureFile('admin.db');
  const served = await serve(file);
  const page = await openApp(browser, served.host.url, undefined, { width: 1280, height: 720 });
  try {
    await page.getByRole('button', { name: '管理' }).click();
    const people = page.getByRole('region', { name: '操作人与评估单位' });
    await people.getByLabel('操作人').fill('王芳');
    await people.getByLabel('操作人').press('Enter');
    await page.locator('.toast-success').filter({ hasText: '操作人已设为「王芳」' }).waitFor();
    await people.getByLabel('评估单位').fill('某区发展和改革委员会');
    await people.locator('form').nth(1).getByRole('button', { name: '保存' }).click();
    await page.locator('.toast-success').filter({ hasText: '评估单位已设为「某区发展和改革委员会」' }).waitFor();
    assert.deepEqual(read(file, `SELECT key, value FROM settings WHERE key IN ('operator', 'office') ORDER BY key`),
      [{ key: 'office', value: '"某区发展和改革委员会"' }, { key: 'operator', value: '"王芳"' }]);
    await screenshot(page, 'admin-1280-page');
    await page.getByRole('tab', { name: '任务' }).click();
    await page.locator('.ag-row[row-id="fx-t1"] [col-id="status"]').first().click();
    await page.keyboard.press('3');
    await until(async () => read(file, `SELECT 1 FROM actions WHERE operator = '王芳'`).length === 1, 'the step carries the operator');
    await page.locator('.history-box > summary').click();
    await page.locator('.history .when').filter({ hasText: '王芳' }).waitFor();
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.close();
    await served.close();
  }
});

test('管理: a round and a plan are deleted after a question and a backup; a backup lists what it holds and restores', async () => {
  const file = fixtureFile('admin-delete.db');
  const db = openDatabaseSync(file);
  await call(createContext(db, file, 'test'), 'rounds.create', { name: '2024年评估', cutoff: '2024-06-30', copyFrom: 1 });
  db.close();
  const served = await serve(file);
  const page = await openApp(browser, served.host.url, undefined, { width: 1920, height: 1080 });
  try {
    await page.getByRole('button', { name: '管理' }).click();
    const rounds = page.getByRole('region', { name: '评估轮次' });
    await rounds.getByRole('button', { name: '删除轮次「2024年评估」' }).click();
    const ask = page.getByRole('dialog', { name: '删除评估轮次' });
    await ask.getByText('这一轮填写的全部评估内容').waitFor();
    await screenshot(page, 'admin-1920-confirm');
    // Cancelled: nothing happens.
    await ask.getByRole('button', { name: '取消' }).click();
    assert.equal(read(file, 'SELECT 1 FROM rounds').length, 2);
    await rounds.getByRole('button', { name: '删除轮次「2024年评估」' }).click();
    await ask.getByRole('button', { name: '删除轮次' }).click();
    await page.locator('.toast-success').filter({ hasText: '已删除评估轮次「2024年评估」' }).waitFor();
    assert.deepEqual(read(file, 'SELECT name FROM rounds'), [{ name: '2023年中期评估' }]);
    await until(async () => (await rounds.getByRole('button', { name: /^删除轮次/ }).count()) === 1, 'the list follows');
    assert.equal(await rounds.getByRole('button', { name: '删除轮次「2023年中期评估」' }).isDisabled(), true, 'the last round stays');

    const plans = page.getByRole('region', { name: '规划' });
    await plans.getByRole('button', { name: '删除规划「某市推动中小企业发展若干政策措施」' }).click();
    const askPlan = page.getByRole('dialog', { name: '删除规划' });
    await askPlan.getByText('它的 2 项任务、0 个指标').waitFor();
    await askPlan.getByRole('button', { name: '删除规划' }).click();
    await page.locator('.toast-success').filter({ hasText: '已删除规划「某市推动中小企业发展若干政策措施」' }).waitFor();
    assert.deepEqual(read(file, 'SELECT id FROM plans'), [{ id: 'fx-plan-a' }]);

    // The backups: each with its date, why it was made, what it holds.
    const backups = page.getByRole('region', { name: '备份与恢复' });
    const beforePlan = backups.locator('tr').filter({ hasText: '删除规划前' });
    await beforePlan.filter({ hasText: '2 个规划 · 7 项任务 · 2 个指标 · 1 个轮次' }).waitFor();
    await backups.locator('tr').filter({ hasText: '删除轮次前' }).filter({ hasText: '2 个规划 · 7 项任务 · 2 个指标 · 2 个轮次' }).waitFor();
    assert.match(await beforePlan.locator('td').first().innerText(), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await screenshot(page, 'admin-1920-backups');
    await beforePlan.getByRole('button', { name: /^从 .* 的备份恢复$/ }).click();
    const askRestore = page.getByRole('dialog', { name: '从备份恢复' });
    await askRestore.getByText('备份中有 2 个规划 · 7 项任务').waitFor();
    await askRestore.getByRole('button', { name: '恢复', exact: true }).click();
    await page.locator('.toast-success').filter({ hasText: '的备份恢复' }).waitFor();
    assert.deepEqual(read(file, 'SELECT id FROM plans ORDER BY id'), [{ id: 'fx-plan-a' }, { id: 'fx-plan-b' }]);
    await plans.getByRole('button', { name: '删除规划「某市推动中小企业发展若干政策措施」' }).waitFor();
    await backups.locator('tr').filter({ hasText: '恢复前' }).first().waitFor();
    assert.ok(fs.readdirSync(path.join(path.dirname(file), 'backups')).some((f) => f.includes('before-restore')));
    // Back in the grid, the restored plan's tasks are there.
    await page.getByRole('tab', { name: '任务' }).click();
    await until(async () => (await visibleRowIds(page)).length === 7, 'the restored tasks');
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.close();
    await served.close();
  }
});
