// Rounds, comparison and thresholds through the real UI: a new round starting from the values of an earlier one,
// the earlier round shown side by side, and the red/yellow thresholds changing a target's flag.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { openDatabaseSync } from '../../db/connection';
import { createContext } from '../../core/common/context';
import { call } from '../../core/dispatch';
import { fixtureFile } from '../helpers/db';
import { launchBrowser, serve, openApp, screenshot, until, pageErrors, chooseInCell, type Served } from '../helpers/browser';

let browser: Browser;
let served: Served;
let page: Page;
let file: string;

const sql = <T>(q: string, ...args: unknown[]): T[] => {
  const db = openDatabaseSync(file);
  try { return db.prepare(q).all(...args) as T[]; } finally { db.close(); }
};

before(async () => {
  browser = await launchBrowser();
  file = fixtureFile('rounds.db');
  const db = openDatabaseSync(file);
  const ctx = createContext(db, file, 'test');
  await call(ctx, 'tasks.edit', { roundId: 1, source: 'edit', edits: [{ id: 'fx-t1', field: 'status', value: '序时推进' }] });
  await call(ctx, 'targets.edit', { roundId: 1, source: 'edit', edits: [{ id: 'fx-g1', field: 'actual', value: '950' }] });
  db.close();
  served = await serve(file);
  page = await openApp(browser, served.host.url);
});
// Every test ends without a page error or an AG Grid report (an unregistered module, a bad option).
afterEach(() => assert.deepEqual(pageErrors(page).splice(0), []));

after(async () => { await page?.close(); await served?.close(); await browser?.close(); });

const roundSelect = () => page.getByLabel('评估轮次', { exact: true });
const cellText = async (id: string, col: string) => (await page.locator(`.ag-row[row-id="${id}"] [col-id="${col}"]`).first().innerText()).trim();

test('a new round starts from the earlier one, and the earlier one shows side by side', async () => {
  await page.getByRole('button', { name: '轮次 ▾' }).click();
  await page.getByRole('menuitem', { name: '新建轮次…' }).click();
  await page.getByRole('textbox', { name: '轮次名称' }).fill('2024年评估');
  await page.getByLabel('截止日期').fill('2024-06-30');
  await page.getByLabel('起始数据').selectOption({ label: '沿用「2023年中期评估」的评估内容' });
  await page.getByRole('button', { name: '新建', exact: true }).click();
  await until(async () => sql(`SELECT 1 FROM rounds WHERE name = '2024年评估' AND cutoff = '2024-06-30'`).length === 1, 'the round is created');
  await page.getByRole('dialog', { name: '新建评估轮次' }).waitFor({ state: 'detached' });
  const [r2] = sql<{ id: number }>(`SELECT id FROM rounds WHERE name = '2024年评估'`);
  assert.deepEqual(sql(`SELECT status FROM task_evals WHERE round_id = ? AND task_id = 'fx-t1'`, r2.id), [{ status: '序时推进' }]);

  await roundSelect().selectOption(String(r2.id));
  await until(async () => (await cellText('fx-t1', 'status')) === '序时推进', 'the new round shows the copied status');
  await chooseInCell(page.locator('.ag-row[row-id="fx-t1"] [col-id="status"]'), '已完成');
  await until(async () => sql(`SELECT 1 FROM task_evals WHERE round_id = ? AND task_id = 'fx-t1' AND status = '已完成'`, r2.id).length === 1, 'saved in the new round');
  assert.deepEqual(sql(`SELECT status FROM task_evals WHERE round_id = 1 AND task_id = 'fx-t1'`), [{ status: '序时推进' }], 'the earlier round is untouched');

  await page.getByLabel('对比轮次', { exact: true }).selectOption({ label: '2023年中期评估' });
  await until(async () => (await page.locator('.ag-row[row-id="fx-t1"] [col-id="cmp:status"]').count()) > 0, 'comparison columns appear');
  await until(async () => (await cellText('fx-t1', 'cmp:status')) === '序时推进', 'the earlier round\'s status beside the current one');
  assert.equal(await cellText('fx-t1', 'status'), '已完成');
  await screenshot(page, 'rounds-compare');
  await page.getByLabel('对比轮次', { exact: true }).selectOption({ index: 0 });
  await roundSelect().selectOption('1');
});

test('changing the thresholds changes a target flag from yellow to green', async () => {
  await roundSelect().selectOption('1');
  await page.getByRole('tab', { name: '指标' }).click();
  const flag = () => cellText('fx-g1', 'flag');
  await until(async () => (await flag()) === '黄灯', 'with 10/30 the target is 10–30 points behind: yellow').catch(async (e) => {
    await screenshot(page, 'rounds-thresholds-failed');
    throw new Error(`${(e as Error).message}(预警列为「${await flag().catch(() => '?')}」)`);
  });
  // The thresholds are set on the administration page.
  await page.getByRole('button', { name: '管理' }).click();
  await page.getByLabel('黄灯阈值').fill('20');
  await page.getByLabel('红灯阈值').fill('40');
  await page.getByRole('region', { name: '操作人与评估单位' }).locator('form.thresholds').getByRole('button', { name: '保存' }).click();
  await page.locator('.toast-success').filter({ hasText: '预警阈值已设为' }).waitFor();
  await page.getByRole('tab', { name: '指标' }).click();
  await until(async () => (await flag()) === '绿灯', 'with 20/40 the same gap is green');
  assert.equal(await cellText('fx-g1', 'verdict'), '基本符合预期');
  assert.deepEqual(sql(`SELECT value FROM settings WHERE key = 'thresholds'`), [{ value: JSON.stringify({ yellow: 20, red: 40, dueSoonDays: 30 }) }]);
});

test('the 调整结论 list in the targets grid: refused without a reason, replaces the computed verdict with one, 不调整 clears it', async () => {
  const override = () => sql<{ o: string; r: string }>(
    `SELECT verdict_override AS o, override_reason AS r FROM target_evals WHERE target_id = 'fx-g1' AND round_id = 1`)[0] ?? { o: '', r: '' };
  const overrideCell = page.locator('.ag-row[row-id="fx-g1"] [col-id="verdictOverride"]').first();
  await chooseInCell(overrideCell, '快于预期');
  await page.locator('.toast').filter({ hasText: '须填写调整理由' }).first().waitFor();
  assert.equal(override().o, '');
  assert.equal(await cellText('fx-g1', 'verdict'), '基本符合预期');

  await page.locator('.ag-row[row-id="fx-g1"] [col-id="overrideReason"]').first().dblclick();
  await page.keyboard.type('统计口径调整');
  await page.keyboard.press('Enter');
  await until(async () => override().r === '统计口径调整', 'the reason saved');
  await chooseInCell(overrideCell, '快于预期');
  await until(async () => (await cellText('fx-g1', 'verdict')) === '快于预期', 'the override replaces the computed verdict');
  assert.deepEqual(override(), { o: '快于预期', r: '统计口径调整' });
  assert.equal(await cellText('fx-g1', 'computed'), '基本符合预期');

  await chooseInCell(overrideCell, '不调整');
  await until(async () => (await cellText('fx-g1', 'verdict')) === '基本符合预期', 'cleared, the computed verdict again');
  assert.equal(override().o, '');
});
