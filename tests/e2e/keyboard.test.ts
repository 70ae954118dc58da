// End to end in Chromium: the keyboard. The plan tree is one Tab stop walked with the arrows (→ opens, ← closes,
// Enter chooses); F6 goes round the tree, the grid and the detail panel; Ctrl+F goes to the search box; Ctrl+Z and
// Ctrl+Y undo and redo the window's last step wherever the focus is (a checkbox, a list, a button) except inside a text
// box being edited, where they are the box's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabaseSync } from '../../db/connection';
import { screenshot, until, visibleRowIds } from '../helpers/browser';
import { oneWindow } from '../helpers/window';

const w = oneWindow('keyboard', { width: 1280, height: 720 });

const status = (id: string) => {
  const db = openDatabaseSync(w.file);
  try { return (db.prepare(`SELECT status AS s FROM task_evals WHERE task_id = ? AND round_id = 1`).get(id) as { s: string } | undefined)?.s ?? '待评估'; } finally { db.close(); }
};
const focused = () => w.page.evaluate(() => ({ label: document.activeElement?.getAttribute('aria-label') ?? '' }));
const focusedTreeItem = () => w.page.evaluate(() => {
  const e = document.activeElement as HTMLElement | null;
  return e?.getAttribute('role') === 'treeitem' ? `${e.getAttribute('aria-level')}:${e.querySelector('.label')?.textContent}` : '';
});

test('the plan tree is one Tab stop; the arrows walk it, → opens and ← closes a node, Enter scopes the grid', async () => {
  const tree = w.page.getByRole('tree', { name: '规划与章节' });
  assert.equal(await tree.locator('[tabindex="0"]').count(), 1, 'one item takes Tab');
  assert.equal(await tree.locator('button, a, input').count(), 0, 'no other stops inside the tree');
  await tree.getByRole('treeitem').first().focus();
  await w.page.keyboard.press('ArrowDown');
  assert.match(await focusedTreeItem(), /^1:规划某区建设智造强区/);
  const plan = tree.getByRole('treeitem').filter({ hasText: '某区建设智造强区' });
  assert.equal(await plan.getAttribute('aria-expanded'), 'false');
  await w.page.keyboard.press('ArrowRight');
  assert.equal(await plan.getAttribute('aria-expanded'), 'true');
  await w.page.keyboard.press('ArrowRight');
  assert.match(await focusedTreeItem(), /^2:三、主要任务/);
  await w.page.keyboard.press('ArrowRight');
  await w.page.keyboard.press('ArrowDown');
  assert.match(await focusedTreeItem(), /^3:\(一\)做强先进制造业/);
  await screenshot(w.page, 'keyboard-1280-tree');
  await w.page.keyboard.press('Enter');
  await until(async () => (await visibleRowIds(w.page)).sort().join() === 'fx-t1,fx-t2', 'the grid shows that chapter');
  await w.page.keyboard.press('ArrowLeft');
  assert.match(await focusedTreeItem(), /^2:三、主要任务/, '← goes to the parent');
  await w.page.keyboard.press('ArrowLeft');
  assert.equal(await tree.getByRole('treeitem').filter({ hasText: '三、主要任务' }).getAttribute('aria-expanded'), 'false');
  await w.page.keyboard.press('Home');
  await w.page.keyboard.press(' ');
  await until(async () => (await visibleRowIds(w.page)).length === 7, 'Space on 全部规划 shows every task');
  // Tab leaves the tree at once.
  await w.page.keyboard.press('Tab');
  assert.notEqual(await w.page.evaluate(() => document.activeElement?.getAttribute('role')), 'treeitem');
});

test('F6 goes round the tree, the grid and the detail panel; Ctrl+F goes to the search box', async () => {
  await w.page.getByRole('tree').getByRole('treeitem').first().focus();
  await w.page.keyboard.press('F6');
  await until(async () => !!(await w.page.locator('.grid .ag-cell-focus').count()) && (await w.page.evaluate(() => !!document.activeElement?.closest('.grid'))), 'the grid has the keyboard');
  await w.page.keyboard.press('ArrowDown');
  await w.page.locator('.detail h2').filter({ hasText: '发展芯片设计与封测' }).waitFor();
  await w.page.keyboard.press('F6');
  await until(async () => w.page.evaluate(() => !!document.activeElement?.closest('aside.pane-right')), 'the detail panel has the keyboard');
  assert.equal((await focused()).label, '评估状态', 'on its first field');
  await w.page.keyboard.press('F6');
  await until(async () => (await focusedTreeItem()) !== '', 'back to the tree');
  await w.page.keyboard.press('Shift+F6');
  await until(async () => w.page.evaluate(() => !!document.activeElement?.closest('aside.pane-right')), 'Shift+F6 goes back');
  await w.page.keyboard.press('Control+f');
  assert.equal((await focused()).label, '搜索');
});

test('Ctrl+Z undoes the last step with the focus on a list or a checkbox, not the search box\'s typing', async () => {
  // The search box was typed in and cleared: the browser's own undo would bring the text back.
  await w.page.getByRole('searchbox', { name: '搜索' }).fill('芯片');
  await until(async () => (await visibleRowIds(w.page)).join() === 'fx-t2', 'searched');
  await w.page.getByRole('searchbox', { name: '搜索' }).fill('');
  await until(async () => (await visibleRowIds(w.page)).length === 7, 'every task');
  for (const id of ['fx-t1', 'fx-t3']) await w.page.locator(`.ag-row[row-id="${id}"] .ag-selection-checkbox input`).check();
  await w.page.getByLabel('批量设置评估状态').selectOption('滞后');
  await until(async () => status('fx-t1') === '滞后' && status('fx-t3') === '滞后', 'bulk set');
  await w.page.getByLabel('批量设置评估状态').focus();
  assert.equal((await focused()).label, '批量设置评估状态');
  await w.page.keyboard.press('Control+z');
  await until(async () => status('fx-t1') === '待评估' && status('fx-t3') === '待评估', 'undone from the list');
  assert.equal(await w.page.getByRole('searchbox', { name: '搜索' }).inputValue(), '', 'the search box is untouched');
  await w.page.locator('.toast').filter({ hasText: '已撤销' }).first().waitFor();
  // From a checkbox: redo, then undo again.
  await w.page.locator('.ag-row[row-id="fx-t1"] .ag-selection-checkbox input').focus();
  await w.page.keyboard.press('Control+y');
  await until(async () => status('fx-t1') === '滞后', 'redone from the checkbox');
  await w.page.getByLabel('按规划和章节分组').focus();
  await w.page.keyboard.press('Control+z');
  await until(async () => status('fx-t1') === '待评估', 'undone from the grouping checkbox');
  for (const id of ['fx-t1', 'fx-t3']) await w.page.locator(`.ag-row[row-id="${id}"] .ag-selection-checkbox input`).uncheck();
});

test('inside a text box being edited Ctrl+Z is the box\'s own undo of typing, and the window\'s step stays', async () => {
  await w.page.locator('.ag-row[row-id="fx-t2"] [col-id="status"]').first().click();
  await w.page.keyboard.press('3');
  await until(async () => status('fx-t2') === '序时推进', 'a step to keep');
  const box = w.page.getByRole('textbox', { name: '存在问题' });
  await box.click();
  await w.page.keyboard.type('引进企业不足');
  await w.page.keyboard.press('Control+z');
  await until(async () => (await box.inputValue()) !== '引进企业不足', 'the box took back its typing');
  assert.equal(status('fx-t2'), '序时推进', 'the window\'s last step is not undone');
  await screenshot(w.page, 'keyboard-1280-textbox');
  await w.page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(w.page, 'keyboard-1920-textbox');
  await w.page.setViewportSize({ width: 1280, height: 720 });
});
