// Nothing typed is lost: a grid edit made while the local service is gone stays as a draft, and once the service is
// back (same address, new token) opening the row's detail restores the draft and saves it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { openDatabaseSync } from '../../db/connection';
import { fixtureFile } from '../helpers/db';
import { launchBrowser, serve, openApp, until } from '../helpers/browser';

let browser: Browser;
let file: string;

before(async () => {
  browser = await launchBrowser();
  file = fixtureFile('drafts.db');
});
after(async () => { await browser?.close(); });

const evidence = () => {
  const db = openDatabaseSync(file);
  const r = db.prepare(`SELECT evidence FROM task_evals WHERE task_id = 'fx-t3'`).get() as { evidence: string } | undefined;
  db.close();
  return r?.evidence ?? '';
};

test('a cell typed while the service is down is kept and saved when the service is back', async () => {
  let served = await serve(file);
  const port = served.host.port;
  const page = await openApp(browser, served.host.url);
  await served.close();

  const cell = page.locator('.ag-row[row-id="fx-t3"] [col-id="evidence"]');
  await cell.click();
  await page.keyboard.press('F2');
  await page.locator('.ag-popup-editor textarea').waitFor();
  await page.keyboard.type('已完成智能化改造企业32家');
  await page.keyboard.press('Control+Enter');
  await page.locator('.toast').filter({ hasText: '输入的内容已暂存' }).waitFor();
  assert.equal(evidence(), '', 'nothing reached the database while the service was down');

  served = await serve(file, port);
  try {
    await page.goto(served.host.url);
    await page.locator('.ag-row[row-id="fx-t3"]').first().waitFor();
    await page.locator('.ag-row[row-id="fx-t3"] [col-id="title"]').click();
    await until(async () => evidence() === '已完成智能化改造企业32家', 'the draft is saved once the row is opened');
    await until(async () => (await page.locator('.ag-row[row-id="fx-t3"] [col-id="evidence"]').innerText()).includes('32家'), 'the grid shows it');
  } finally {
    await page.close();
    await served.close();
  }
});
