// End to end: a set larger than the first page paints its first rows, then loads the rest in the background until the
// grid holds every row (the scheduling itself is tested in tests/unit/paging.test.ts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
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

/** Records the grid's page requests (tasks.query) of a page, with when each left. */
function recordPages(page: Page): { offset: number; limit: number; at: number }[] {
  const asked: { offset: number; limit: number; at: number }[] = [];
  page.on('request', (r) => {
    const body = r.postData() ?? '';
    if (body.includes('"op":"tasks.query"')) asked.push({ ...(JSON.parse(body) as { args: { offset: number; limit: number } }).args, at: Date.now() });
  });
  return asked;
}
const footer = (page: Page) => page.getByText(/显示 \d+ \/ 共 \d+ 项任务/).first().innerText();
const allLoaded = (page: Page, total: number) =>
  until(async () => (await footer(page)).startsWith(`显示 ${total} / 共 ${total} 项任务`), 'every row loaded');

test('a set larger than the first page shows its first rows, then every row, asked for page by page', async () => {
  const served = await serve(file);
  let asked: { offset: number; limit: number }[] = [];
  const page = await openApp(browser, served.host.url, (p) => { asked = recordPages(p); });
  try {
    await allLoaded(page, TASKS);
    assert.doesNotMatch(await footer(page), /正在载入/);
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

test('no page is asked for while the planner clicks in the grid, and the rest loads a second after the clicks stop', async () => {
  const bigger = path.join(dir, 'paging-more.db');
  const total = FIRST_PAGE + NEXT_PAGE + 600;
  synthesize(bigger, { plans: 6, tasks: total, targetsPerPlan: 1 });
  const served = await serve(bigger);
  let asked: { offset: number; at: number }[] = [];
  const page = await openApp(browser, served.host.url, (p) => {
    asked = recordPages(p);
    // The second page is answered late, so the clicks below start while it is on its way.
    void p.route('**/api', async (route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('"op":"tasks.query"') && body.includes(`"offset":${FIRST_PAGE},`)) await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
  });
  try {
    const cell = page.locator('.ag-row[row-index="3"] [col-id="title"]').first();
    let lastClick = 0;
    for (let i = 0; i < 12; i++) {
      await cell.click();
      lastClick = Date.now();
      await page.waitForTimeout(250);
    }
    await allLoaded(page, total);
    assert.deepEqual(asked.map((a) => a.offset), [0, FIRST_PAGE, FIRST_PAGE + NEXT_PAGE]);
    const third = asked[2].at;
    assert.ok(third >= lastClick + 900, `the third page waited for the clicks to stop (${third - lastClick} ms after the last click)`);
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.close();
    await served.close();
  }
});
