// End to end in Chromium over the real seed database, at 1280×720 and 1920×1080: each main view (the task grid with
// the detail panel, the targets grid, the long-text editor, search results, the dashboard, the administration page)
// lies within the window, Chinese is drawn with real glyphs, no two controls of the bars overlap, and the grids hold
// rows. The screenshots are looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { openDatabaseSync } from '../../db/connection';
import { applyEdits } from '../../core/write/edits';
import { tempDir } from '../helpers/db';
import { launchBrowser, serve, openApp, screenshot, until, cjkRendered, pageErrors, visibleRowIds, type Served } from '../helpers/browser';

const EVIDENCE = '截至评估时点,已完成年度投资计划的62%,建成重点项目8个,在建项目15个;'
  + '引进龙头企业3家、配套企业21家,产业集群规模稳步扩大;组织开展专题调度4次,协调解决用地、融资等问题11项。';
const OTHER = '项目已完成备案,正在开展施工图设计。';
const PROBLEMS = '部分项目前期手续办理滞后,要素保障压力较大。';

let browser: Browser;
let served: Served;

before(async () => {
  browser = await launchBrowser();
  const file = path.join(tempDir(), 'seed.db');
  execFileSync(process.execPath, ['--import', 'tsx', path.resolve(__dirname, '../../cli/main.ts'), 'build-db', '--out', file], { stdio: 'ignore' });
  const db = openDatabaseSync(file);
  const round = (db.prepare('SELECT id FROM rounds ORDER BY id LIMIT 1').get() as { id: number }).id;
  const tasks = db.prepare('SELECT id FROM tasks').all() as { id: string }[];
  applyEdits(db, 'task', round, tasks.flatMap((t, i) => [
    { id: t.id, field: 'status', value: ['序时推进', '滞后', '已完成', '超序时'][i % 4] },
    { id: t.id, field: 'progress', value: String(40 + (i % 60)) },
    { id: t.id, field: 'evidence', value: i % 3 ? EVIDENCE : OTHER },
    { id: t.id, field: 'problems', value: PROBLEMS },
  ]), { source: 'edit' });
  db.close();
  served = await serve(file);
});
after(async () => { await served?.close(); await browser?.close(); });

/**
 * What is wrong with the window's layout: the page wider than the window, a control of the bars outside it or over
 * another, Chinese drawn as boxes.
 */
async function layoutFaults(page: Page): Promise<string[]> {
  const faults: string[] = await page.evaluate(`(() => {
    const faults = [];
    const w = window.innerWidth, h = window.innerHeight;
    if (document.documentElement.scrollWidth > w) faults.push('the page is ' + document.documentElement.scrollWidth + 'px wide');
    const bars = ['.toolbar', '.subbar', '.guide', '.filter-bar', '.grid-bar', '.status-bar', '.pane-head'];
    for (const bar of bars) for (const b of document.querySelectorAll(bar)) {
      const controls = [...b.querySelectorAll('button, select, input, label, .hint, h1, h2')]
        .filter((e) => e.getClientRects().length && !e.closest('.menu-list') && !(e.tagName === 'INPUT' && e.closest('label')) && !(e.closest('label') && e.closest('label') !== e));
      const boxes = controls.map((e) => ({ e, r: e.getBoundingClientRect() })).filter((x) => x.r.width && x.r.height);
      for (const { e, r } of boxes) if (r.left < 0 || r.right > w + 0.5 || r.top < 0 || r.bottom > h + 0.5) faults.push(bar + ': ' + (e.textContent || e.getAttribute('aria-label')).trim().slice(0, 20) + ' lies outside the window');
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], c = boxes[j];
        if (a.e.contains(c.e) || c.e.contains(a.e)) continue;
        const x = Math.min(a.r.right, c.r.right) - Math.max(a.r.left, c.r.left), y = Math.min(a.r.bottom, c.r.bottom) - Math.max(a.r.top, c.r.top);
        if (x > 1 && y > 1) faults.push(bar + ': ' + (a.e.textContent || a.e.getAttribute('aria-label')).trim().slice(0, 12) + ' overlaps ' + (c.e.textContent || c.e.getAttribute('aria-label')).trim().slice(0, 12));
      }
    }
    return faults;
  })()`);
  if (!(await cjkRendered(page))) faults.push('Chinese is drawn as boxes');
  return faults;
}

for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
  const at = `${size.width}`;
  test(`at ${size.width}×${size.height} every main view lies within the window, in Chinese, with nothing over anything`, async () => {
    const page = await openApp(browser, served.host.url, undefined, size);
    try {
      // The task grid with the detail panel of a row with long texts.
      await page.locator('.ag-row[row-index="1"] [col-id="title"]').first().click();
      await page.getByRole('textbox', { name: '存在问题' }).waitFor();
      assert.equal(await page.getByRole('textbox', { name: '存在问题' }).inputValue(), PROBLEMS);
      assert.ok((await visibleRowIds(page)).length >= 10, 'the grid holds rows');
      assert.deepEqual(await layoutFaults(page), []);
      await screenshot(page, `views-${at}-tasks`);

      // The long-text editor opens whole inside the window, on the first row and on the last one in view.
      // (the horizontal scroll bar lies between the last row and the status bar)
      const bottom = (await page.locator('.status-bar').boundingBox())!.y - 16;
      const rows = await page.locator('.ag-row [col-id="evidence"]').evaluateAll((cs, bottom) => cs
        .filter((c) => c.getBoundingClientRect().bottom <= bottom).map((c) => Number(c.closest('.ag-row')!.getAttribute('row-index'))), bottom);
      for (const [i, row] of [Math.min(...rows), Math.max(...rows)].entries()) {
        await page.locator(`.ag-row[row-index="${row}"] [col-id="evidence"]`).first().dblclick();
        const editor = page.locator('.ag-popup-editor .pr-text-editor');
        await editor.waitFor();
        const box = (await editor.boundingBox())!;
        assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height, `the editor of row ${row} lies in the window: ${JSON.stringify(box)}`);
        await screenshot(page, `views-${at}-editor${i ? '-last' : ''}`);
        await page.keyboard.press('Escape');
        await editor.waitFor({ state: 'detached' });
      }

      // Search results, marked in the grid's 进展情况 in view.
      await page.getByRole('searchbox', { name: '搜索' }).fill('专题调度');
      await until(async () => /显示 2\d\d \/ 共 2\d\d 项任务/.test(await page.locator('.status-bar').innerText()), 'two in three tasks are found');
      // Every row drawn holds the word, marked in view (the rows of the last search have gone).
      const evidence = page.locator('.ag-row [col-id="evidence"]');
      await until(async () => {
        const cells = await evidence.evaluateAll((cs) => cs.map((c) => [...c.querySelectorAll('mark.hit')].map((m) => m.textContent).join()));
        return cells.length >= 10 && cells.every((m) => m === '专题调度');
      }, 'every row shown has the word marked');
      const mark = (await page.locator('.ag-row[row-index="0"] [col-id="evidence"] mark.hit').boundingBox())!;
      const cellBox = (await evidence.first().boundingBox())!;
      assert.ok(mark.x + mark.width <= cellBox.x + cellBox.width, 'the marked word is in view in its cell');
      assert.deepEqual(await layoutFaults(page), []);
      await page.mouse.move(5, size.height - 5);
      await screenshot(page, `views-${at}-search`);
      await page.getByRole('searchbox', { name: '搜索' }).fill('');

      await page.getByRole('tab', { name: '指标' }).click();
      await page.locator('.ag-header-cell[col-id="verdict"]').first().waitFor();
      await page.locator('.ag-row[row-index="0"] [col-id="name"]').first().click();
      await page.locator('.detail h2').waitFor();
      assert.deepEqual(await layoutFaults(page), []);
      await screenshot(page, `views-${at}-targets`);

      await page.getByRole('tab', { name: '看板' }).click();
      await page.locator('.dash-table').first().waitFor();
      assert.deepEqual(await layoutFaults(page), []);
      await screenshot(page, `views-${at}-dashboard`);

      await page.getByRole('button', { name: '管理', exact: true }).click();
      await page.getByRole('heading', { name: '备份与恢复' }).waitFor();
      assert.deepEqual(await layoutFaults(page), []);
      await screenshot(page, `views-${at}-admin`);
      assert.deepEqual(pageErrors(page), []);
    } finally { await page.close(); }
  });
}
