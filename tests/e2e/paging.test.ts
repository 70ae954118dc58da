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
    // Each press is timed where it lands, in the page (the same clock as this process): on a loaded machine a click may
    // take a while to arrive, so the test's own timing says nothing of when the grid saw it.
    await page.evaluate(() => {
      const w = window as unknown as { presses: number[] };
      w.presses = [];
      document.addEventListener('pointerdown', () => w.presses.push(Date.now()), true);
    });
    for (let i = 0; i < 12; i++) {
      await cell.click();
      await page.waitForTimeout(250);
    }
    await allLoaded(page, total);
    assert.deepEqual(asked.map((a) => a.offset), [0, FIRST_PAGE, FIRST_PAGE + NEXT_PAGE]);
    const presses = await page.evaluate(() => (window as unknown as { presses: number[] }).presses);
    assert.equal(presses.length, 12);
    // No page leaves within a second of the press before it (the request is seen here a little after it left).
    const third = asked[2].at;
    const before = presses.filter((t) => t < third).at(-1)!;
    assert.ok(third - before >= 980, `the third page waited a second after the last press before it (${third - before} ms)`);
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.close();
    await served.close();
  }
});

test('rows sorted in above the focused cell while pages load: the focus and the range stay on their rows', async () => {
  const sorted = path.join(dir, 'paging-sorted.db');
  synthesize(sorted, { plans: 6, tasks: FIRST_PAGE + NEXT_PAGE, targetsPerPlan: 1 });
  const served = await serve(sorted);
  // The next page is held back until the range is made, so its rows arrive into a grid sorted by plan, newest first:
  // they all go above the focused row.
  let release!: () => void;
  const held = new Promise<void>((r) => { release = r; });
  const page = await openApp(browser, served.host.url, (p) => void p.route('**/api', async (route) => {
    const body = route.request().postData() ?? '';
    if (body.includes('"op":"tasks.query"') && !body.includes('"offset":0,')) await held;
    await route.continue();
  }));
  try {
    const head = page.locator('.ag-header-cell[col-id="planTitle"] .ag-header-cell-label');
    await head.click();
    await until(async () => (await page.locator('.ag-header-cell[col-id="planTitle"]').getAttribute('aria-sort')) === 'ascending', '按规划升序');
    await head.click();
    await until(async () => (await page.locator('.ag-header-cell[col-id="planTitle"]').getAttribute('aria-sort')) === 'descending', '按规划降序');
    const rowAt = (i: number) => page.locator(`.ag-row[row-index="${i}"]`).first();
    const [anchor, end] = [await rowAt(4).getAttribute('row-id'), await rowAt(5).getAttribute('row-id')];
    await rowAt(4).locator('[col-id="status"]').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await until(async () => (await page.locator('.ag-cell.pr-range').count()) === 4, '选区 4 个单元格');
    release();
    await allLoaded(page, FIRST_PAGE + NEXT_PAGE);
    const endIndex = Number(await page.locator(`.ag-row[row-id="${end}"]`).first().getAttribute('row-index'));
    assert.ok(endIndex > 5, `rows came in above the focused one (now at ${endIndex})`);
    const focused = await page.locator('.ag-cell-focus').first().evaluate((c) => [c.closest('.ag-row')?.getAttribute('row-id'), c.getAttribute('col-id')]);
    assert.deepEqual(focused, [end, 'progress'], 'the focus stays on its row and column');
    // (A row moving away may stand twice in the page for a moment, so the cells are counted once each.)
    const inRange = await page.locator('.ag-cell.pr-range').evaluateAll((cs) => cs.map((c) => `${c.closest('.ag-row')?.getAttribute('row-id')}.${c.getAttribute('col-id')}`));
    assert.deepEqual([...new Set(inRange)].sort(), [`${anchor}.progress`, `${anchor}.status`, `${end}.progress`, `${end}.status`].sort());
    // The next key acts on that row: a number key sets its status (5 滞后, or 2 未启动 where it is 滞后 already).
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowLeft');
    const was = (await page.locator(`.ag-row[row-id="${end}"] [col-id="status"]`).first().innerText()).trim();
    const [key, want] = was === '滞后' ? ['2', '未启动'] : ['5', '滞后'];
    await page.keyboard.press(key);
    const last = () => served.db.prepare('SELECT h.entity_id AS entity, h.new_value AS v FROM history h ORDER BY h.id DESC LIMIT 1').get() as { entity: string; v: string } | undefined;
    await until(async () => last()?.v === want, `数字键 ${key} 保存了「${want}」`);
    assert.equal(last()!.entity, end, 'the number key set the status of the focused row');
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.close();
    await served.close();
  }
});
