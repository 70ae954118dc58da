// End to end in Chromium: two rounds side by side. Each comparison column stands right beside its own column (also
// when a saved layout had put it elsewhere), the cells whose value changed are marked in both, and 只看有变化 keeps
// only the rows that changed, for tasks and for targets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabaseSync } from '../../db/connection';
import { createContext } from '../../core/common/context';
import { call } from '../../core/dispatch';
import { screenshot, until, visibleRowIds } from '../helpers/browser';
import { oneWindow } from '../helpers/window';

const w = oneWindow('compare', { width: 1920, height: 1080 }, async (file) => {
  const db = openDatabaseSync(file);
  const ctx = createContext(db, file, 'test');
  await call(ctx, 'tasks.edit', { roundId: 1, source: 'edit', edits: [
    { id: 'fx-t1', field: 'status', value: '序时推进' }, { id: 'fx-t1', field: 'evidence', value: '建成加氢站3座' },
    { id: 'fx-t2', field: 'status', value: '滞后' }, { id: 'fx-t2', field: 'progress', value: 30 },
  ] });
  await call(ctx, 'targets.edit', { roundId: 1, source: 'edit', edits: [{ id: 'fx-g1', field: 'actual', value: '950' }] });
  const r2 = await call(ctx, 'rounds.create', { name: '2024年评估', cutoff: '2024-06-30', copyFrom: 1 });
  await call(ctx, 'tasks.edit', { roundId: r2.id, source: 'edit', edits: [
    { id: 'fx-t1', field: 'status', value: '已完成' }, { id: 'fx-t1', field: 'evidence', value: '建成加氢站5座,全部投入运营' },
    { id: 'fx-t3', field: 'problems', value: '改造资金不足' },
  ] });
  await call(ctx, 'targets.edit', { roundId: r2.id, source: 'edit', edits: [{ id: 'fx-g1', field: 'actual', value: '1120' }] });
  // A layout saved before there was a comparison: the comparison columns are not in it.
  await call(ctx, 'settings.setLayout', { grid: 'tasks', layout: [{ colId: 'title', width: 220 }, { colId: 'status', width: 96 }, { colId: 'progress', width: 80 }] });
  await call(ctx, 'settings.setCurrentRound', { roundId: r2.id });
  db.close();
});

const cell = (id: string, col: string) => w.page.locator(`.ag-row[row-id="${id}"] [col-id="${col}"]`).first();
const headerOrder = () => w.page.locator('.ag-header-row-column .ag-header-cell[col-id]').evaluateAll((hs) =>
  hs.map((h) => ({ id: h.getAttribute('col-id') ?? '', x: h.getBoundingClientRect().x })).sort((a, b) => a.x - b.x).map((h) => h.id));
const changed = async (id: string, col: string) => /pr-changed/.test((await cell(id, col).getAttribute('class')) ?? '');

test('each comparison column stands beside its own, headed with the round, and the changed cells are marked', async () => {
  await w.page.getByLabel('对比轮次', { exact: true }).selectOption({ label: '2023年中期评估' });
  await cell('fx-t1', 'cmp:status').waitFor();
  const order = await headerOrder();
  for (const base of ['status', 'progress', 'evidence', 'problems', 'nextSteps']) {
    assert.equal(order[order.indexOf(base) + 1], `cmp:${base}`, `对比 ${base} right after ${base}: ${order.join(' ')}`);
  }
  assert.ok(order.indexOf('cmp:evidence') < order.indexOf('note'), 'not after 备注');
  assert.equal((await cell('fx-t1', 'cmp:status').innerText()).trim(), '序时推进');
  assert.equal((await cell('fx-t1', 'status').innerText()).trim(), '已完成');
  assert.equal(await changed('fx-t1', 'status'), true);
  assert.equal(await changed('fx-t1', 'cmp:status'), true);
  assert.equal(await changed('fx-t1', 'evidence'), true);
  assert.equal(await changed('fx-t2', 'status'), false, 'copied and unchanged');
  assert.equal(await changed('fx-t2', 'progress'), false);
  assert.equal(await changed('fx-t3', 'problems'), true);
  // The header is short; its tooltip names the round.
  await w.page.locator('.ag-header-cell[col-id="cmp:evidence"]').hover();
  await w.page.locator('.ag-tooltip').filter({ hasText: '对比轮次「2023年中期评估」的进展情况' }).waitFor();
  await screenshot(w.page, 'compare-1920-tasks');
});

test('只看有变化 keeps only the rows whose evaluation changed, and a change made now joins them', async () => {
  await w.page.getByLabel('只看有变化').check();
  await until(async () => (await visibleRowIds(w.page)).sort().join() === 'fx-t1,fx-t3', 'the two changed tasks');
  assert.match(await w.page.locator('.status-bar').innerText(), /显示 2 \/ 共 2 项任务/);
  await w.page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(w.page, 'compare-1280-changed');
  await w.page.getByLabel('只看有变化').uncheck();
  await until(async () => (await visibleRowIds(w.page)).length === 7, 'every task again');
  await cell('fx-t5', 'status').click();
  await w.page.keyboard.press('6');
  await until(async () => changed('fx-t5', 'status'), 'the new change is marked at once');
  await w.page.getByLabel('只看有变化').check();
  await until(async () => (await visibleRowIds(w.page)).sort().join() === 'fx-t1,fx-t3,fx-t5', 'three changed tasks');
  await w.page.getByLabel('只看有变化').uncheck();
  await w.page.setViewportSize({ width: 1920, height: 1080 });
});

test('targets too: the actual values side by side, and only the changed ones on request', async () => {
  await w.page.getByRole('tab', { name: '指标' }).click();
  await cell('fx-g1', 'cmp:actual').waitFor();
  const order = await headerOrder();
  assert.equal(order[order.indexOf('actual') + 1], 'cmp:actual');
  assert.equal((await cell('fx-g1', 'cmp:actual').innerText()).trim(), '950');
  assert.equal((await cell('fx-g1', 'actual').innerText()).trim(), '1120');
  assert.equal(await changed('fx-g1', 'actual'), true);
  await w.page.getByLabel('只看有变化').check();
  await until(async () => (await visibleRowIds(w.page)).join() === 'fx-g1', 'only the changed target');
  await screenshot(w.page, 'compare-1920-targets');
  await w.page.getByLabel('只看有变化').uncheck();
  // Without a comparison round the filter cannot be chosen, and the comparison columns go.
  await w.page.getByLabel('对比轮次', { exact: true }).selectOption({ index: 0 });
  await cell('fx-g1', 'cmp:actual').waitFor({ state: 'detached' });
  assert.equal(await w.page.getByLabel('只看有变化').isDisabled(), true);
});
