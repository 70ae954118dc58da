// The returns board in Chromium: issued workbooks, two returns uploaded (one after the deadline, one with a cell changed
// here meanwhile), the board showing who returned and who is late, the conflict decided for its one cell, and the final
// 进展情况 of a task composed from the texts of its two units.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { call } from '../../core/dispatch';
import { makeFixture, UNITS } from '../helpers/report-fixture';
import { exportReturn, openBook, put, putContacts, saveAs, CONTACTS_OK } from '../helpers/returns';
import { launchBrowser, serve, openApp, screenshot, pageErrors } from '../helpers/browser';

let browser: Browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const row = (page: Page, unit: string) => page.locator(`.rb-table tr[data-unit="${unit}"]`);

test('the board shows who returned and who is late; a conflict is decided per cell; 进展情况 is composed from two units', async () => {
  const f = makeFixture();
  const { GX, FG, KJ } = UNITS;
  const out = path.join(f.dir, 'out');
  await call(f.ctx, 'returns.setDue', { roundId: f.roundId, due: '2023-07-10' });
  const [gx, fg] = [await exportReturn(f.ctx, f.roundId, GX, out), await exportReturn(f.ctx, f.roundId, FG, out)];
  await exportReturn(f.ctx, f.roundId, KJ, out);
  // Changed here after the workbooks left: the unit changes the same cell.
  await call(f.ctx, 'tasks.edit', { roundId: f.roundId, source: 'edit', edits: [{ id: 't-3', field: 'evidence', value: '本机核实:年度目标已完成。' }] });
  let wb = await openBook(gx);
  putContacts(wb, { ...CONTACTS_OK, filledOn: '2023-07-14' });
  put(wb, '重点任务', 't-1', '进展情况', '工信局:建成智能工厂12家。');
  put(wb, '重点任务', 't-3', '进展情况', '工信局:通过验收。');
  put(wb, '重点任务', 't-3', '存在问题', '无。');
  const gxFilled = await saveAs(wb, gx, '回收');
  wb = await openBook(fg);
  putContacts(wb, { ...CONTACTS_OK, filler: '李华', filledOn: '2023-07-08' });
  put(wb, '重点任务', 't-1', '进展情况', '发改委:争取专项资金3亿元。');
  const fgFilled = await saveAs(wb, fg, '回收');
  f.db.close();

  const served = await serve(f.file);
  const page = await openApp(browser, served.host.url);
  const evidence = (id: string) => served.db.prepare('SELECT evidence FROM task_evals WHERE task_id = ?').pluck().get(id);
  try {
    await page.getByRole('button', { name: '回收看板' }).click();
    await row(page, KJ).waitFor();
    assert.match(await row(page, KJ).innerText(), /逾期未报/);

    // Both returns uploaded at once from the board.
    await page.getByRole('button', { name: '导入回收的填报表…' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择回收的填报表…' }).click();
    await (await chooser).setFiles([gxFilled, fgFilled]);
    const dialog = page.getByRole('dialog', { name: '下发填报与回收汇总' });
    const conflict = dialog.getByRole('radiogroup', { name: /实施智能制造.*进展情况 的冲突/ });
    await conflict.waitFor();
    assert.equal(await conflict.getByRole('radio', { name: /保留本机值/ }).isChecked(), true, 'a conflict keeps the value here unless decided');
    assert.equal(await dialog.getByRole('checkbox', { name: /采用 实施智能制造.* 存在问题/ }).isChecked(), true);
    assert.equal(await dialog.getByRole('checkbox', { name: `采用 ${FG} 培育新能源汽车和智能网联汽车产业集群` }).isChecked(), false, 'a unit sharing the task is not taken by default');
    await conflict.getByRole('radio', { name: /用填报值/ }).check();
    await screenshot(page, 'returns-preview');
    await dialog.getByRole('button', { name: /接受选中的 \d+ 个单元格/ }).click();
    const done = page.locator('.toast-success').filter({ hasText: /^已接受/ });
    await done.waitFor();
    assert.equal(await done.innerText(), '已接受 2 行、3 个单元格');
    assert.equal(evidence('t-3'), '工信局:通过验收。');
    assert.equal(evidence('t-1'), '工信局:建成智能工厂12家。');
    await dialog.getByRole('button', { name: '关闭' }).first().click();

    await row(page, GX).filter({ hasText: '已采纳' }).waitFor();
    assert.match(await row(page, GX).innerText(), /2023-07-14[\s\S]*张明[\s\S]*逾期报送 4 天/);
    assert.match(await row(page, FG).innerText(), /2023-07-08[\s\S]*李华[\s\S]*已收录/);
    assert.doesNotMatch(await row(page, FG).innerText(), /逾期/);
    assert.match(await row(page, KJ).innerText(), /逾期未报/);
    assert.match(await page.getByLabel('回收汇总').innerText(), /已回收 2\(逾期报送 1\) · 逾期未报 1/);
    await screenshot(page, 'returns-board');

    // 进展情况 of t-1 from both units.
    await page.getByRole('tab', { name: '多单位填报' }).click();
    const detail = page.getByRole('region', { name: '各单位填报' });
    await detail.locator(`.ui-col[data-unit="${FG}"]`).waitFor();
    assert.match(await detail.locator(`.ui-col[data-unit="${FG}"]`).innerText(), /发改委:争取专项资金3亿元。/);
    await detail.getByRole('button', { name: '合并所选单位' }).click();
    const merged = '工信局:建成智能工厂12家。\n发改委:争取专项资金3亿元。';
    assert.equal(await detail.getByLabel('最终进展情况').inputValue(), merged);
    await screenshot(page, 'returns-compose');
    await detail.getByRole('button', { name: '保存为最终进展情况' }).click();
    await page.locator('.ui-list .rb-chip').filter({ hasText: `现用:${GX}、${FG}` }).or(page.locator('.ui-col.ui-current').filter({ hasText: '发改委:争取专项资金' })).first().waitFor();
    assert.equal(evidence('t-1'), merged);
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.close();
    await served.close();
    f.close();
  }
});
