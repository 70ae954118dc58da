// City scale in the real UI: the synthetic 100 000-task database served by the web host and opened in Chromium.
// Figures: navigation to a painted grid, a scroll step, and a status edit from the dropdown to a committed row.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { cachedSynthDb, workingCopy } from '../core/synth/cache';
import { launchBrowser, serve } from '../tests/helpers/browser';
import { currentRound } from '../core/services/settings';
import { SCALE, type Figure } from './scale.bench';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const ms = (x: number) => Math.round(x);

async function waitFor(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

const maxRowIndex = async (page: Page): Promise<number> =>
  Math.max(-1, ...(await page.locator('.ag-center-cols-container .ag-row[row-index]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('row-index'))))));

export async function run(): Promise<Figure[]> {
  const cache = cachedSynthDb({ ...SCALE });
  const work = workingCopy(cache.file, 'plan-review-scale-ui-');
  const browser = await launchBrowser();
  const served = await serve(work.file);
  const figures: Figure[] = [];
  try {
    const paints: number[] = [];
    let page: Page | null = null;
    for (let i = 0; i < 6; i++) {
      await page?.close();
      page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const t0 = performance.now();
      await page.goto(served.host.url);
      await page.locator('.ag-row').first().waitFor({ state: 'visible', timeout: 60_000 });
      if (i > 0) paints.push(performance.now() - t0);
    }
    figures.push({ name: `ui: navigation to a painted grid (${SCALE.tasks} tasks)`, value: ms(median(paints)), unit: 'ms', goal: '< 1500 ms' });
    const p = page!;

    const scrolls: number[] = [];
    await p.locator('.ag-center-cols-container .ag-row').first().hover();
    for (let i = 0; i < 8; i++) {
      const before = await maxRowIndex(p);
      const t0 = performance.now();
      await p.mouse.wheel(0, 4000);
      await waitFor(async () => (await maxRowIndex(p)) > before + 40, 'rows further down');
      scrolls.push(performance.now() - t0);
    }
    figures.push({ name: 'ui: scroll step of 4000 px to rows rendered', value: ms(median(scrolls)), unit: 'ms' });

    const roundId = currentRound(served.db).id;
    const row = p.locator('.ag-row[row-index="0"]').first();
    const id = (await row.getAttribute('row-id'))!;
    const cell = p.locator(`.ag-row[row-id="${id}"] [col-id="status"]`);
    const stored = () => (served.db.prepare('SELECT status FROM task_evals WHERE round_id = ? AND task_id = ?').get(roundId, id) as { status: string } | undefined)?.status;
    const edits: number[] = [];
    for (let i = 0; i < 21; i++) {
      const want = stored() === '滞后' ? '超序时' : '滞后';
      await cell.dblclick();
      await p.locator('.ag-cell-editor .ag-picker-field-wrapper').click();
      const item = p.locator('.ag-list-item').getByText(want, { exact: true });
      await item.waitFor();
      const t0 = performance.now();
      await item.click();
      await waitFor(() => stored() === want, 'the edit committed');
      if (i > 0) edits.push(performance.now() - t0);
      await waitFor(async () => (await cell.innerText()).trim() === want, 'the cell shows the new status');
    }
    figures.push({ name: 'ui: status edit, choice clicked to row committed, median', value: ms(median(edits)), unit: 'ms' });
    figures.push({ name: 'ui: status edit, choice clicked to row committed, p95', value: ms(p95(edits)), unit: 'ms', goal: '< 50 ms' });
  } finally {
    await browser.close();
    await served.close();
    fs.rmSync(work.dir, { recursive: true, force: true });
  }
  return figures;
}

if (require.main === module) void run().then((r) => console.table(r));
