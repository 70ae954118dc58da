// End to end in Chromium: the layout of a planner's day at 1280×720 and 1920×1080. The columns a planner works in fit
// without scrolling sideways, the round's name is not cut, columns are chosen and kept, the side panes fold and the
// detail panel widens (kept on the next start), long labels give their full text on hover, 目标值 reads as the plan
// writes it, a read-only cell answers a key with its reason, and dates are YYYY-MM-DD with a Chinese calendar on a
// system in English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { openDatabaseSync } from '../../db/connection';
import { storePlans } from '../../core/import/store';
import { fixtureFile } from '../helpers/db';
import { fixturePlans } from '../helpers/fixture';
import { launchBrowser, serve, openApp, screenshot, until, pageErrors, type Served } from '../helpers/browser';

let browser: Browser;
let file: string;
let served: Served;

before(async () => {
  browser = await launchBrowser();
  file = fixtureFile('layout.db');
  const db = openDatabaseSync(file);
  const [plan] = fixturePlans();
  plan.targets = [
    ...plan.targets,
    { id: 'nt-1', code: '1', name: '研发经费投入强度', unit: '%', category: '创新驱动', attribute: '预期性', baseline: { year: 2020, value: '2.1' },
      milestones: [{ year: 2025, value: '16', qualifier: '左右', cumulative: false }], scope: 'table', taskId: null, responsibleUnits: ['区科技局'] },
    { id: 'nt-2', code: '2', name: '新增城镇就业人数', unit: '万人', category: '民生福祉', attribute: '预期性', baseline: { year: 2020, value: '—' },
      milestones: [{ year: 2025, value: '200', qualifier: '', cumulative: true }], scope: 'table', taskId: null, responsibleUnits: ['区人力社保局'] },
    { id: 'nt-3', code: '3', name: '规上工业企业数', unit: '家', category: '经济发展', attribute: '预期性', baseline: { year: 2020, value: '620' },
      milestones: [{ year: 2023, value: '700', qualifier: '', cumulative: false }, { year: 2025, value: '800', qualifier: '超过', cumulative: false }],
      scope: 'table', taskId: null, responsibleUnits: ['区经济信息委'] },
  ];
  plan.tasks = plan.tasks.map((t) => ({ ...t, title: t.id === 'fx-t1' ? '培育氢能产业集群,建设燃料电池汽车示范应用城市群核心区' : t.title }));
  storePlans(db, [plan, fixturePlans()[1]], 'layout');
  db.close();
  served = await serve(file);
});
after(async () => { await served?.close(); await browser?.close(); });

const layouts = () => {
  const db = openDatabaseSync(file);
  try {
    const r = db.prepare(`SELECT value FROM settings WHERE key = 'layouts'`).get() as { value: string } | undefined;
    return (r ? JSON.parse(r.value) : {}) as Record<string, unknown>;
  } finally { db.close(); }
};

/**
 * The columns whose header lies wholly inside the grid's visible width, with the grid scrolled to its left edge and
 * room kept for the vertical scroll bar a city's rows bring.
 */
async function columnsInView(page: Page, ids: string[]): Promise<string[]> {
  const view = await page.locator('.grid').first().boundingBox();
  const inView: string[] = [];
  for (const id of ids) {
    const box = await page.locator(`.ag-header-cell[col-id="${id}"]`).first().boundingBox();
    if (box && view && box.x >= view.x && box.x + box.width <= view.x + view.width - 16) inView.push(id);
  }
  return inView;
}

test('at 1280×720 the columns a planner works in are in view without scrolling sideways, and the round\'s name is whole', async () => {
  const page = await openApp(browser, served.host.url, undefined, { width: 1280, height: 720 });
  try {
    assert.equal(await page.locator('.ag-body-horizontal-scroll-viewport').first().evaluate((e) => e.scrollLeft), 0);
    const taskCols = ['title', 'light', 'status', 'progress', 'evidence'];
    assert.deepEqual(await columnsInView(page, taskCols), taskCols);
    // The round selector is wide enough for the whole name of the round.
    const fit = await page.getByLabel('评估轮次', { exact: true }).evaluate((s) => {
      const sel = s as HTMLSelectElement;
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = getComputedStyle(sel).font;
      return { need: ctx.measureText(sel.options[sel.selectedIndex].text).width, have: sel.clientWidth - 28 };
    });
    assert.ok(fit.need <= fit.have, `the round's name needs ${fit.need}px and has ${fit.have}px`);
    await screenshot(page, 'layout-1280-tasks');

    await page.getByRole('tab', { name: '指标' }).click();
    await page.locator('.ag-row[row-id="nt-1"]').first().waitFor();
    const targetCols = ['name', 'unit', 'milestones', 'actual', 'completion', 'verdict', 'flag'];
    assert.deepEqual(await columnsInView(page, targetCols), targetCols);
    await screenshot(page, 'layout-1280-targets');
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.close();
  }
});

test('目标值 reads as the plan writes it: qualifiers, [..] period totals, each year when there are several', async () => {
  const page = await openApp(browser, served.host.url, undefined, { width: 1920, height: 1080 });
  try {
    await page.getByRole('tab', { name: '指标' }).click();
    const cell = (id: string) => page.locator(`.ag-row[row-id="${id}"] [col-id="milestones"]`).first();
    await cell('nt-1').waitFor();
    assert.equal((await cell('nt-1').innerText()).trim(), '16左右');
    assert.equal((await cell('nt-2').innerText()).trim(), '[200]');
    assert.equal((await cell('nt-3').innerText()).trim(), '2023年 700;2025年 超过800');
    assert.equal((await cell('fx-g2').innerText()).trim(), '[15]', 'a value the plan wrote with its brackets keeps them once');
    await page.locator('.ag-row[row-id="nt-1"] [col-id="name"]').first().click();
    await page.locator('.detail dd').filter({ hasText: '2025年 16左右' }).waitFor();
    await screenshot(page, 'layout-1920-targets');
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.close();
  }
});

test('a column chooser hides columns, and the choice is kept on the next start; 恢复默认 shows them again', async () => {
  let page = await openApp(browser, served.host.url, undefined, { width: 1280, height: 720 });
  try {
    await page.getByRole('button', { name: '选择显示的列' }).click();
    const list = page.getByRole('listbox', { name: '显示的列' });
    assert.equal(await list.getByLabel('任务', { exact: true }).isDisabled(), true, 'the pinned name column always stays');
    await list.getByLabel('存在问题', { exact: true }).uncheck();
    await list.getByLabel('编号', { exact: true }).uncheck();
    await page.locator('.ag-header-cell[col-id="problems"]').waitFor({ state: 'detached' });
    await screenshot(page, 'layout-1280-columns');
    await until(async () => JSON.stringify(layouts().tasks ?? []).includes('"colId":"problems","width":180,"hide":true'), 'the layout is saved with 存在问题 hidden');
    await page.close();

    page = await openApp(browser, served.host.url, undefined, { width: 1280, height: 720 });
    assert.equal(await page.locator('.ag-header-cell[col-id="problems"]').count(), 0, 'still hidden after a restart');
    assert.equal(await page.locator('.ag-header-cell[col-id="nextSteps"]').count(), 1);
    await page.getByRole('button', { name: '选择显示的列' }).click();
    await page.getByRole('button', { name: '恢复默认(全部显示)' }).click();
    await page.locator('.ag-header-cell[col-id="problems"]').first().waitFor();
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.close();
  }
});

test('the detail panel folds and widens, the plan tree folds, and both are kept on the next start', async () => {
  let page = await openApp(browser, served.host.url, undefined, { width: 1280, height: 720 });
  try {
    const detail = page.locator('aside.pane-right');
    const width = async () => Math.round((await detail.boundingBox())!.width);
    assert.equal(await width(), 320);
    const splitter = page.getByRole('separator', { name: '调整详情宽度' });
    await splitter.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await until(async () => (await width()) === 380, 'three steps wider');
    // Dragged with the mouse too.
    const s = (await splitter.boundingBox())!;
    await page.mouse.move(s.x + 4, s.y + 200);
    await page.mouse.down();
    await page.mouse.move(s.x - 36, s.y + 200, { steps: 4 });
    await page.mouse.up();
    await until(async () => (await width()) === 420, 'dragged 40 px wider');
    await page.getByRole('button', { name: '收起规划' }).click();
    await page.locator('aside.pane-left.folded').waitFor();
    await screenshot(page, 'layout-1280-tree-folded');
    await until(async () => {
      const w = layouts().window as Record<string, unknown> | undefined;
      return w?.treeOpen === false && w.detailOpen === true && w.detailWidth === 420;
    }, 'the arrangement is saved');
    await page.close();

    page = await openApp(browser, served.host.url, undefined, { width: 1280, height: 720 });
    assert.equal(await page.locator('aside.pane-left.folded').count(), 1, 'the tree is still folded');
    assert.equal(Math.round((await page.locator('aside.pane-right').boundingBox())!.width), 420, 'the detail panel keeps its width');
    await page.getByRole('button', { name: '收起详情' }).click();
    await page.locator('aside.pane-right.folded').waitFor();
    const grid = (await page.locator('.main').boundingBox())!;
    assert.ok(grid.width > 1280 - 2 * 26 - 10, `the grid takes the room (${grid.width}px)`);
    await screenshot(page, 'layout-1280-both-folded');
    await page.getByRole('button', { name: '展开详情' }).click();
    await page.getByRole('button', { name: '展开规划' }).click();
    await page.locator('aside.pane-right:not(.folded)').waitFor();
    await until(async () => (layouts().window as { treeOpen: boolean }).treeOpen === true, 'open again, saved');
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.close();
  }
});

test('long labels are shortened with their full text on hover', async () => {
  const page = await openApp(browser, served.host.url, undefined, { width: 1280, height: 720 });
  try {
    const plan = page.getByRole('treeitem').filter({ hasText: '某区建设智造强区' });
    assert.equal(await plan.getAttribute('title'), '某区建设智造强区"十四五"规划\n某府发〔2021〕18号');
    assert.ok(await plan.locator('.label').evaluate((e) => e.scrollWidth > e.clientWidth), 'the plan title is cut in the tree');
    const title = page.locator('.ag-row[row-id="fx-t1"] [col-id="title"]').first();
    assert.ok(await title.locator('.pr-marked').evaluate((e) => (e.parentElement as HTMLElement).scrollWidth > (e.parentElement as HTMLElement).clientWidth), 'the long title is cut in its cell');
    await title.hover();
    await page.locator('.ag-tooltip').filter({ hasText: '培育氢能产业集群,建设燃料电池汽车示范应用城市群核心区' }).waitFor();
    await page.locator('.ag-header-cell[col-id="progress"]').hover();
    await page.locator('.ag-tooltip').filter({ hasText: '进度(%)' }).waitFor();
    await screenshot(page, 'layout-1280-tooltip');
  } finally {
    await page.close();
  }
});

test('a key on a read-only cell says why it is read-only, and changes nothing', async () => {
  const page = await openApp(browser, served.host.url, undefined, { width: 1280, height: 720 });
  try {
    const before = openDatabaseSync(file);
    const n = (before.prepare('SELECT count(*) AS n FROM history').get() as { n: number }).n;
    before.close();
    await page.locator('.ag-row[row-id="fx-t2"] [col-id="title"]').first().click();
    await page.keyboard.press('a');
    await page.locator('.pr-cell-tip').filter({ hasText: '「任务」属于规划内容,此处只读;编辑规划模式下可修改' }).waitFor();
    await screenshot(page, 'layout-1280-readonly');
    await page.getByRole('tab', { name: '指标' }).click();
    await page.locator('.ag-row[row-id="nt-1"] [col-id="verdict"]').first().click();
    await page.keyboard.press('Delete');
    await page.locator('.pr-cell-tip').filter({ hasText: '「评估结论」由实际值、目标值和序时进度计算,只读' }).waitFor();
    await page.locator('.ag-row[row-id="nt-1"] [col-id="milestones"]').first().dblclick();
    await page.locator('.pr-cell-tip').filter({ hasText: '「目标值」属于规划内容' }).waitFor();
    const after = openDatabaseSync(file);
    assert.equal((after.prepare('SELECT count(*) AS n FROM history').get() as { n: number }).n, n);
    after.close();
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.close();
  }
});

test('on a system in English dates still read YYYY-MM-DD and the calendar is in Chinese', async () => {
  const page = await openApp(browser, served.host.url, undefined, { width: 1280, height: 720, locale: 'en-US' });
  try {
    assert.equal(await page.evaluate(() => navigator.language), 'en-US');
    // The grid's 填报日期: its editor opens with the calendar; a day picked is saved as YYYY-MM-DD.
    const cell = page.locator('.ag-row[row-id="fx-t3"] [col-id="reportedOn"]').first();
    await cell.scrollIntoViewIfNeeded();
    await cell.dblclick();
    const cal = page.getByRole('dialog', { name: '选择日期' });
    await cal.waitFor();
    assert.deepEqual(await cal.getByRole('columnheader').allInnerTexts(), ['一', '二', '三', '四', '五', '六', '日']);
    assert.match(await cal.locator('.cal-title').innerText(), /^\d{4}年\d{1,2}月$/);
    await screenshot(page, 'layout-1280-calendar');
    await cal.getByRole('button', { name: '上一月' }).click();
    const title = await cal.locator('.cal-title').innerText();
    const [, y, m] = /^(\d{4})年(\d{1,2})月$/.exec(title)!;
    await cal.getByRole('gridcell', { name: `${y}年${m}月15日` }).click();
    const want = `${y}-${m.padStart(2, '0')}-15`;
    await until(async () => (await cell.innerText()).trim() === want, `the cell shows ${want}`);
    const db = openDatabaseSync(file);
    assert.equal((db.prepare(`SELECT reported_on AS d FROM task_evals WHERE task_id = 'fx-t3'`).get() as { d: string }).d, want);
    db.close();
    // Typed digits get their dashes; a date typed another way is read as YYYY-MM-DD.
    const since = page.getByLabel('修改于此日期之后');
    await since.click();
    await page.keyboard.type('20240105');
    assert.equal(await since.inputValue(), '2024-01-05');
    await since.fill('2024/1/6');
    await since.blur();
    assert.equal(await since.inputValue(), '2024-01-06');
    // The history's times too.
    await page.locator('.ag-row[row-id="fx-t3"] [col-id="title"]').first().click();
    await page.locator('.history-box > summary').click();
    assert.match(await page.locator('.history .when').first().innerText(), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} · /);
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.close();
  }
});
