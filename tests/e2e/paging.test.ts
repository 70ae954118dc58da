// End to end: a set larger than the first page paints its first rows, then loads the rest in the background until the
// grid holds every row (the scheduling itself is tested in tests/unit/paging.test.ts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { synthesize } from '../../core/synth/generate';
import { FIRST_PAGE, NEXT_PAGE } from '../../renderer/src/grid/pages';
import { tempDir } from '../helpers/db';
import { launchBrowser, serve, openApp, until, pageErrors } from '../helpers/browser';

const TASKS = 3000;
let browser: Browser;
let dir: string;
let file: string;

before(async () => {
  browser = await launchBrowser();
  dir = tempDir();
  file = path.join(dir, 'paging.db');
  synthesize(file, { plans: 6, tasks: TASKS, targetsPerPlan: 3 });
});
after(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a set larger than the first page shows its first rows, then every row, asked for page by page', async () => {
  const served = await serve(file);
  const asked: { offset: number; limit: number }[] = [];
  const page = await openApp(browser, served.host.url, (p) => p.on('request', (r) => {
    const body = r.postData() ?? '';
    if (body.includes('"op":"tasks.query"')) asked.push((JSON.parse(body) as { args: { offset: number; limit: number } }).args);
  }));
  try {
    const footer = () => page.getByText(/显示 \d+ \/ 共 \d+ 项任务/).first().innerText();
    await until(async () => (await footer()).startsWith(`显示 ${TASKS} / 共 ${TASKS} 项任务`), 'every row loaded');
    assert.doesNotMatch(await footer(), /正在载入/);
    assert.deepEqual(asked.map((a) => [a.offset, a.limit]), [[0, FIRST_PAGE], [FIRST_PAGE, NEXT_PAGE]]);
    // The last task of the set is in the grid: Ctrl+End goes to it.
    const last = served.db.prepare('SELECT t.title FROM tasks t JOIN plans p ON p.id = t.plan_id ORDER BY p.seq DESC, t.seq DESC LIMIT 1').get() as { title: string };
    await page.locator('.ag-row[row-index="0"] [col-id="title"]').click();
    await page.keyboard.press('Control+End');
    await page.locator('.ag-row [col-id="title"]').filter({ hasText: last.title }).first().waitFor();
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.close();
    await served.close();
  }
});
