// End to end in Chromium against the web host: open the app, search, change a status in the grid, reload, see it kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { openDatabaseSync } from '../../db/connection';
import { fixtureFile } from '../helpers/db';
import { launchBrowser, serve, openApp, screenshot, cjkRendered, until, visibleRowIds, pageErrors, chooseInCell, recordOps } from '../helpers/browser';

let browser: Browser;
let file: string;

before(async () => {
  browser = await launchBrowser();
  file = fixtureFile('e2e.db');
});
after(async () => { await browser?.close(); });

test('at start each question is asked once, and the grid\'s first page before the chapter tree and the unit list', async () => {
  const served = await serve(file);
  const asked: string[] = [];
  const page = await openApp(browser, served.host.url, (p) => recordOps(p, asked));
  try {
    await page.locator('.sidebar').getByText('某区建设智造强区', { exact: false }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const count = (op: string) => asked.filter((o) => o === op).length;
    for (const op of ['rounds.list', 'settings.get', 'tasks.query', 'plans.tree', 'units.list']) assert.equal(count(op), 1, `${op} asked once: ${asked.join(', ')}`);
    assert.ok(asked.indexOf('tasks.query') < asked.indexOf('plans.tree'), asked.join(', '));
    assert.ok(asked.indexOf('tasks.query') < asked.indexOf('units.list'), asked.join(', '));
  } finally {
    await page.close();
    await served.close();
  }
});

test('one status edit is one request: the grid and the detail panel take the rows of its answer', async () => {
  const served = await serve(file);
  const asked: string[] = [];
  const page = await openApp(browser, served.host.url, (p) => recordOps(p, asked));
  try {
    const cell = page.locator('.ag-row[row-id="fx-t3"] [col-id="status"]');
    await cell.click();
    await page.locator('.detail h2').filter({ hasText: '实施智能化改造' }).waitFor();
    await page.waitForLoadState('networkidle');
    asked.length = 0;
    await page.keyboard.press('3');
    await until(async () => (await cell.innerText()).trim() === '序时推进', 'the cell shows 序时推进');
    await page.locator('.detail .chip').filter({ hasText: '序时推进' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(asked, ['tasks.edit'], 'the status edit asked nothing else');

    // With the history open, the edit reads the history again, and only that.
    await page.locator('.history-box > summary').click();
    await page.locator('.history li').filter({ hasText: '序时推进' }).first().waitFor();
    await cell.click();
    await page.waitForLoadState('networkidle');
    asked.length = 0;
    await page.keyboard.press('5');
    await until(async () => (await cell.innerText()).trim() === '滞后', 'the cell shows 滞后');
    await page.locator('.history li').filter({ hasText: '滞后' }).first().waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(asked, ['tasks.edit', 'history.entity']);
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.close();
    await served.close();
  }
});

test('find a task by search, set its status in the grid, and find it kept after a restart', async () => {
  let served = await serve(file);
  let page = await openApp(browser, served.host.url);
  assert.ok(await cjkRendered(page), 'Chinese text renders with real glyphs');
  await page.getByRole('searchbox', { name: '搜索' }).fill('芯片');
  await page.locator('.ag-row[row-id="fx-t2"] [col-id="title"]').filter({ hasText: '发展芯片设计与封测' }).waitFor();
  await until(async () => (await visibleRowIds(page)).join() === 'fx-t2', 'only the searched task is shown');

  const cell = page.locator('.ag-row[row-id="fx-t2"] [col-id="status"]');
  await chooseInCell(cell, '滞后');
  await until(async () => (await cell.innerText()).trim() === '滞后', 'the status cell shows 滞后');
  // The detail panel shows the history of the edit once saved.
  await page.locator('.ag-row[row-id="fx-t2"] [col-id="title"]').click();
  await page.locator('.history-box > summary').click();
  await page.locator('.history li').filter({ hasText: '滞后' }).first().waitFor();
  await screenshot(page, 'foundation-edited');
  await page.close();
  await served.close();

  served = await serve(file);
  page = await openApp(browser, served.host.url);
  await page.getByRole('searchbox', { name: '搜索' }).fill('芯片');
  await until(async () => (await visibleRowIds(page)).join() === 'fx-t2', 'only the searched task is shown');
  const status = await page.locator('.ag-row[row-id="fx-t2"] [col-id="status"]').innerText();
  assert.equal(status.trim(), '滞后');
  const db = openDatabaseSync(file);
  const h = db.prepare(`SELECT field, old_value, new_value FROM history WHERE entity = 'task' AND entity_id = 'fx-t2'`).all();
  db.close();
  assert.deepEqual(h, [{ field: 'status', old_value: '待评估', new_value: '滞后' }]);
  assert.deepEqual(pageErrors(page), []);
  await page.close();
  await served.close();
});

test('the web host refuses requests without the token or from a foreign host', async () => {
  const served = await serve(file);
  const base = `http://127.0.0.1:${served.host.port}`;
  const api = (headers: Record<string, string>) => fetch(`${base}/api`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ op: 'plans.list', args: {} }) });
  assert.equal((await api({})).status, 401);
  assert.equal((await api({ 'X-Plan-Review-Token': 'wrong' })).status, 401);
  const ok = await api({ 'X-Plan-Review-Token': served.host.token });
  assert.equal(ok.status, 200);
  assert.equal(((await ok.json()) as { ok: boolean }).ok, true);
  assert.equal((await api({ 'X-Plan-Review-Token': served.host.token, Origin: 'http://evil.example' })).status, 403);
  // The page holds no secret (it reads the token from its address); only /api asks for it.
  const page = await fetch(`${base}/`);
  assert.equal(page.status, 200);
  const body = (await (await api({})).json()) as { error: { message: string } };
  assert.match(body.error.message, /访问令牌/);
  const unknown = await api({ 'X-Plan-Review-Token': served.host.token });
  assert.ok(unknown.headers.get('content-security-policy')?.includes("default-src 'self'"));
  await served.close();
});
