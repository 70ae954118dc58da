// End to end in Chromium against the web host and a real SQLite file: the spreadsheet editing of the evaluation grid
// (bulk status, TSV paste and copy, fill down, undo and redo after sorting, an input method) and restoring from history.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { openDatabaseSync } from '../../db/connection';
import { fixtureFile } from '../helpers/db';
import { launchBrowser, serve, openApp, screenshot, until, visibleRowIds, type Served, pageErrors } from '../helpers/browser';

let browser: Browser;
let file: string;
let served: Served;
let page: Page;

before(async () => {
  browser = await launchBrowser();
  file = fixtureFile('evaluation.db');
  served = await serve(file);
  page = await openApp(browser, served.host.url);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.host.url.replace(/\/\?.*$/, '').replace(/\/$/, '') });
});
// Every test ends without a page error or an AG Grid report (an unregistered module, a bad option).
afterEach(() => assert.deepEqual(pageErrors(page).splice(0), []));

after(async () => {
  await page?.close();
  await served?.close();
  await browser?.close();
});

const cell = (id: string, col: string) => page.locator(`.ag-row[row-id="${id}"] [col-id="${col}"]`);
const shown = async (id: string, col: string) => (await cell(id, col).innerText()).trim();
const sql = <T>(q: string, ...params: unknown[]): T[] => {
  const db = openDatabaseSync(file);
  try { return db.prepare(q).all(...params) as T[]; } finally { db.close(); }
};
const taskField = (id: string, col: string) =>
  sql<{ v: unknown }>(`SELECT ${col} AS v FROM task_evals WHERE task_id = ?`, id)[0]?.v ?? null;
const lastAction = () => sql<{ source: string; label: string; state: string }>('SELECT source, label, state FROM actions ORDER BY id DESC LIMIT 1')[0];
const waitShown = (id: string, col: string, want: string) => until(async () => (await shown(id, col)) === want, `${id}.${col} 显示「${want}」`);
const focusCell = async (id: string, col: string) => { await cell(id, col).click(); await until(async () => (await cell(id, col).getAttribute('class'))!.includes('ag-cell-focus'), `${id}.${col} 获得焦点`); };

test('several rows get one status at once, as one bulk action', async () => {
  for (const id of ['fx-t1', 'fx-t3', 'fx-t5']) await page.locator(`.ag-row[row-id="${id}"] .ag-selection-checkbox input`).check();
  await until(async () => (await page.locator('.status-bar').innerText()).includes('已勾选 3 行'), '状态栏显示勾选 3 行');
  await page.getByLabel('批量设置评估状态').selectOption('序时推进');
  for (const id of ['fx-t1', 'fx-t3', 'fx-t5']) await waitShown(id, 'status', '序时推进');
  assert.equal(await shown('fx-t2', 'status'), '待评估');
  assert.deepEqual(sql(`SELECT task_id, status FROM task_evals ORDER BY task_id`), [
    { task_id: 'fx-t1', status: '序时推进' }, { task_id: 'fx-t3', status: '序时推进' }, { task_id: 'fx-t5', status: '序时推进' },
  ]);
  assert.equal(lastAction().source, 'bulk');
  await screenshot(page, 'evaluation-bulk');
  for (const id of ['fx-t1', 'fx-t3', 'fx-t5']) await page.locator(`.ag-row[row-id="${id}"] .ag-selection-checkbox input`).uncheck();
});

test('a TSV block from Excel pastes into the cells from the focused one, as one paste action; read-only columns are skipped', async () => {
  await focusCell('fx-t1', 'status');
  await page.evaluate((t) => navigator.clipboard.writeText(t), '已完成\t100\t"建成加氢站5座,\n产业链基本形成"\r\n滞后\t35%\t进度滞后\r\n');
  await page.keyboard.press('Control+V');
  await waitShown('fx-t2', 'progress', '35%');
  assert.equal(await shown('fx-t1', 'status'), '已完成');
  assert.equal(await shown('fx-t1', 'progress'), '100%');
  assert.equal(await shown('fx-t2', 'status'), '滞后');
  assert.equal(taskField('fx-t1', 'evidence'), '建成加氢站5座,\n产业链基本形成');
  assert.equal(taskField('fx-t2', 'progress'), 35);
  assert.equal(taskField('fx-t2', 'evidence'), '进度滞后');
  const a = lastAction();
  assert.equal(a.source, 'paste');
  assert.equal(sql<{ n: number }>(`SELECT count(*) AS n FROM history WHERE action_id = (SELECT max(id) FROM actions)`)[0].n, 6);

  // A block that starts on the title column: the title is read-only and is skipped with a message naming it.
  await focusCell('fx-t3', 'title');
  await page.evaluate((t) => navigator.clipboard.writeText(t), '改不了的标题\t绿灯\t已完成');
  await page.keyboard.press('Control+V');
  await waitShown('fx-t3', 'status', '已完成');
  await page.locator('.toast').filter({ hasText: '「任务」「预警」为只读列,已跳过' }).waitFor();
  assert.equal(sql<{ title: string }>(`SELECT title FROM tasks WHERE id = 'fx-t3'`)[0].title, '实施智能化改造。');

  // A bad value refuses the whole block, naming the row, and writes nothing.
  const before = sql<{ n: number }>('SELECT count(*) AS n FROM history')[0].n;
  await focusCell('fx-t4', 'status');
  await page.evaluate((t) => navigator.clipboard.writeText(t), '已完成\n差不多吧');
  await page.keyboard.press('Control+V');
  await page.locator('.toast-error').filter({ hasText: '差不多吧' }).filter({ hasText: '加强组织领导' }).waitFor();
  assert.equal(sql<{ n: number }>('SELECT count(*) AS n FROM history')[0].n, before);
  assert.equal(await shown('fx-t4', 'status'), '待评估');
  await screenshot(page, 'evaluation-paste');
});

test('Shift+arrows select a range that Ctrl+C copies as TSV', async () => {
  await focusCell('fx-t1', 'status');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await until(async () => (await page.locator('.ag-cell.pr-range').count()) === 4, '选区高亮 4 个单元格');
  assert.match(await page.locator('.status-bar').innerText(), /选区 2 行 × 2 列/);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.keyboard.press('Control+C');
  await until(async () => (await page.evaluate(() => navigator.clipboard.readText())) !== '', '剪贴板有内容');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '已完成\t100%\r\n滞后\t35%');
  await screenshot(page, 'evaluation-range');
});

test('Ctrl+D fills the first row of the range down, as one fill action', async () => {
  await focusCell('fx-t1', 'nextSteps');
  await page.keyboard.press('F2');
  await page.locator('.ag-popup-editor textarea').waitFor();
  await page.keyboard.type('加快推进');
  await page.keyboard.press('Control+Enter');
  await until(async () => taskField('fx-t1', 'next_steps') === '加快推进', '下步打算已保存');
  await focusCell('fx-t1', 'nextSteps');
  await cell('fx-t4', 'nextSteps').click({ modifiers: ['Shift'] });
  await until(async () => (await page.locator('.ag-cell.pr-range').count()) === 4, 'Shift+点击选中 4 行');
  await page.keyboard.press('Control+D');
  for (const id of ['fx-t2', 'fx-t3', 'fx-t4']) await waitShown(id, 'nextSteps', '加快推进');
  assert.equal(await shown('fx-t5', 'nextSteps'), '');
  assert.equal(lastAction().source, 'fill');
  assert.deepEqual(sql(`SELECT task_id FROM task_evals WHERE next_steps = '加快推进' ORDER BY task_id`).map((r) => (r as { task_id: string }).task_id), ['fx-t1', 'fx-t2', 'fx-t3', 'fx-t4']);
});

test('Ctrl+Z and Ctrl+Y undo and redo, and the rows refresh in place after sorting', async () => {
  await page.locator('.ag-header-cell[col-id="title"] .ag-header-cell-label').click();
  await until(async () => (await page.locator('.ag-header-cell[col-id="title"]').getAttribute('aria-sort')) === 'ascending', '按任务排序');
  await focusCell('fx-t3', 'code');
  await page.keyboard.press('Control+Z');
  for (const id of ['fx-t2', 'fx-t3', 'fx-t4']) await waitShown(id, 'nextSteps', '');
  assert.equal(await shown('fx-t1', 'nextSteps'), '加快推进');
  assert.equal(taskField('fx-t3', 'next_steps'), '');
  await page.keyboard.press('Control+Y');
  for (const id of ['fx-t2', 'fx-t3', 'fx-t4']) await waitShown(id, 'nextSteps', '加快推进');
  assert.equal(taskField('fx-t3', 'next_steps'), '加快推进');
  // The toolbar buttons do the same.
  await page.getByRole('button', { name: '撤销' }).click();
  await waitShown('fx-t4', 'nextSteps', '');
  await page.getByRole('button', { name: '重做' }).click();
  await waitShown('fx-t4', 'nextSteps', '加快推进');
  assert.equal(taskField('fx-t4', 'next_steps'), '加快推进');
  await screenshot(page, 'evaluation-undo-sorted');
  // And with a filter on: the rows shown take the undone and redone values in place.
  await page.getByRole('searchbox', { name: '搜索' }).fill('零部件');
  await until(async () => (await visibleRowIds(page)).join() === 'fx-t4', '只显示 fx-t4');
  await focusCell('fx-t4', 'code');
  await page.keyboard.press('Control+Z');
  await waitShown('fx-t4', 'nextSteps', '');
  assert.equal(taskField('fx-t4', 'next_steps'), '');
  await page.keyboard.press('Control+Y');
  await waitShown('fx-t4', 'nextSteps', '加快推进');
  assert.equal(taskField('fx-t4', 'next_steps'), '加快推进');
  await page.getByRole('searchbox', { name: '搜索' }).fill('');
  await until(async () => (await visibleRowIds(page)).length > 1, '清除搜索');
  await page.locator('.ag-header-cell[col-id="title"] .ag-header-cell-label').click();
  await page.locator('.ag-header-cell[col-id="title"] .ag-header-cell-label').click();
});

test('typing Chinese through an input method into a cell that is not editing keeps every character', async () => {
  await focusCell('fx-t4', 'evidence');
  const cdp = await page.context().newCDPSession(page);
  // The input method's first keystroke arrives as key "Process" (229) on the focused, not yet editing cell.
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Process', code: 'KeyQ', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  for (const text of ['q', 'qing', 'qing n', 'qing neng']) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Process', code: 'KeyQ', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  await screenshot(page, 'evaluation-ime-composing');
  await cdp.send('Input.insertText', { text: '氢能' });
  await cdp.send('Input.imeSetComposition', { text: 'chan ye', selectionStart: 7, selectionEnd: 7 });
  await cdp.send('Input.insertText', { text: '产业园已开工' });
  await page.keyboard.press('Enter');
  await waitShown('fx-t4', 'evidence', '氢能产业园已开工');
  assert.equal(taskField('fx-t4', 'evidence'), '氢能产业园已开工');
  await cdp.detach();
});

test('the detail panel saves what is typed, keeps a refused value on screen, and restores an earlier value in one click', async () => {
  await focusCell('fx-t2', 'title');
  const problems = page.getByRole('textbox', { name: '存在问题' });
  await problems.fill('引进企业数量不足');
  await until(async () => taskField('fx-t2', 'problems') === '引进企业数量不足', '存在问题自动保存');
  const progress = page.getByRole('textbox', { name: '进度(%)' });
  await progress.fill('一半左右');
  await progress.blur();
  await page.locator('.auto-error').filter({ hasText: '进度应为 0 到 100' }).waitFor();
  assert.equal(await progress.inputValue(), '一半左右');
  assert.equal(taskField('fx-t2', 'progress'), 35);
  await progress.fill('40');
  await progress.blur();
  await until(async () => taskField('fx-t2', 'progress') === 40, '进度保存为 40');

  // Status went 待评估 → 滞后 by the paste; restore the value before it. The history is read when it is opened.
  await page.locator('.history-box > summary').click();
  const entry = page.locator('.history li').filter({ hasText: '评估状态' }).filter({ hasText: '滞后' }).filter({ hasText: '粘贴' });
  await entry.getByRole('button', { name: '恢复为旧值' }).click();
  await waitShown('fx-t2', 'status', '待评估');
  assert.equal(taskField('fx-t2', 'status'), '待评估');
  assert.equal(lastAction().source, 'restore');
  await page.locator('.history li').filter({ hasText: '恢复' }).first().waitFor();
  await screenshot(page, 'evaluation-history');
});

test('the status list saves a pressed choice, Enter on the highlighted one, or a number key; Esc saves nothing', async () => {
  const list = page.locator('.pr-choice-editor');
  const historyRows = () => sql<{ n: number }>('SELECT count(*) AS n FROM history')[0].n;
  const focusedAt = () => page.locator('.ag-cell-focus').first().evaluate((c) => [c.closest('.ag-row')?.getAttribute('row-index'), c.getAttribute('col-id')].join());
  const rowIndex = async (id: string) => Number(await page.locator(`.ag-row[row-id="${id}"]`).first().getAttribute('row-index'));

  // A press on a choice: the list shows every status in its colours and the pressed one is saved.
  await cell('fx-t2', 'status').dblclick();
  await list.waitFor();
  assert.deepEqual(await list.getByRole('option').evaluateAll((xs) => xs.map((x) => x.getAttribute('aria-label'))),
    ['待评估', '未启动', '序时推进', '超序时', '滞后', '已完成', '已调整/取消']);
  assert.equal(await list.locator('[aria-selected="true"]').getAttribute('aria-label'), '待评估');
  await screenshot(page, 'evaluation-status-list');
  await list.getByRole('option', { name: '滞后', exact: true }).click();
  await waitShown('fx-t2', 'status', '滞后');
  assert.equal(taskField('fx-t2', 'status'), '滞后');
  await list.waitFor({ state: 'detached' });
  assert.equal(await focusedAt(), `${await rowIndex('fx-t2')},status`, 'the cell keeps the focus');

  // Keyboard: F2 opens the list on the current status, ↓ moves, Enter saves it and moves down as after any edit.
  await page.keyboard.press('F2');
  await list.waitFor();
  assert.equal(await list.locator('[aria-selected="true"]').getAttribute('aria-label'), '滞后');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await waitShown('fx-t2', 'status', '已完成');
  assert.equal(taskField('fx-t2', 'status'), '已完成');
  await list.waitFor({ state: 'detached' });
  assert.equal(await focusedAt(), `${(await rowIndex('fx-t2')) + 1},status`, 'the focus moved down one row');

  // A number key on a focused status cell sets that status at once.
  await focusCell('fx-t2', 'status');
  await page.keyboard.press('4');
  await waitShown('fx-t2', 'status', '超序时');
  assert.equal(taskField('fx-t2', 'status'), '超序时');
  await list.waitFor({ state: 'detached' });

  // Alt+↓ opens the list as in Excel; Esc closes it and changes nothing, in the cell or in the history.
  const before = historyRows();
  await page.keyboard.press('Alt+ArrowDown');
  await list.waitFor();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Escape');
  await list.waitFor({ state: 'detached' });
  assert.equal(await shown('fx-t2', 'status'), '超序时');
  assert.equal(taskField('fx-t2', 'status'), '超序时');
  assert.equal(historyRows(), before);
});

test('a range made with Shift+arrows straight after an edit is kept, though the grid reports the focus late', async () => {
  // Enter saves and moves the focus down; the grid reports that move some time later, and the row's refresh from the
  // save lands some time later still. Shift+arrows pressed at once must build the range from the new focus and keep it.
  const rows = ['fx-t1', 'fx-t2', 'fx-t3', 'fx-t4'];
  for (let i = 0; i < 20; i++) {
    const id = rows[i % 3];
    const below = rows[(i % 3) + 1];
    await focusCell(id, 'note');
    await page.keyboard.press('F2');
    await page.locator('.ag-cell-inline-editing input').waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`备注${i}`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowUp');
    await until(async () => (await page.locator('.ag-cell.pr-range').count()) === 4, `第 ${i + 1} 次:选区高亮 4 个单元格`);
    await waitShown(id, 'note', `备注${i}`);
    for (const r of [id, below]) for (const c of ['reportedOn', 'note']) {
      assert.match((await cell(r, c).getAttribute('class')) ?? '', /pr-range/, `第 ${i + 1} 次:${r}.${c} 在选区中`);
    }
    assert.match(await page.locator('.status-bar').innerText(), /选区 2 行 × 2 列/);
    assert.match((await cell(id, 'reportedOn').getAttribute('class')) ?? '', /ag-cell-focus/, 'the focus is where the keys took it');
  }
  assert.equal(taskField('fx-t2', 'note'), '备注19');
});
