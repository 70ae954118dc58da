// The report leaves the desk from the UI: 导出评估报告… writes the whole round by default, then downloads in the browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { fixtureFile } from '../helpers/db';
import { launchBrowser, serve, openApp, screenshot, pageErrors } from '../helpers/browser';
import { readWord } from '../helpers/ooxml';
import { createContext } from '../../core/common/context';
import { call } from '../../core/dispatch';

let browser: Browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('the export dialog writes targets and tasks of the round and hands the workbook over as a download', async () => {
  const served = await serve(fixtureFile('export.db'));
  const page = await openApp(browser, served.host.url);
  try {
    await page.getByRole('button', { name: '导出评估报告…' }).click();
    await page.getByRole('button', { name: '导出', exact: true }).click();
    await page.locator('.dlg-ok').filter({ hasText: '已导出' }).waitFor({ timeout: 30_000 });
    const text = await page.locator('.dlg-ok').innerText();
    assert.match(text, /共 9 行/, 'two targets and seven tasks');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
    assert.match(download.suggestedFilename(), /^中期评估报告-2023年中期评估-.*\.xlsx$/);
    const saved = await download.path();
    assert.ok(saved && fs.statSync(saved).size > 5000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved!);
    assert.deepEqual(wb.worksheets.map((w) => w.name).slice(0, 4), ['汇总', '统计图', '主要指标完成情况表', '重点任务进展情况表']);
    const cells = (name: string) => {
      const out: string[] = [];
      wb.getWorksheet(name)!.eachRow((r) => r.eachCell((c) => out.push(String(c.value ?? ''))));
      return out.join('\n');
    };
    assert.match(cells('主要指标完成情况表'), /规上工业总产值/);
    assert.match(cells('重点任务进展情况表'), /发展芯片设计与封测/);
    await screenshot(page, 'export-done');
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.close();
    await served.close();
  }
});

test('the dialog writes the Word report under the round kind and office chosen there, and the 督办通知 per unit', async () => {
  const served = await serve(fixtureFile('export-docx.db'));
  // one task reported 滞后, as a unit's return would: the notices have something to list
  const ctx = createContext(served.db, 'export-docx.db', 'test');
  const round = (await call(ctx, 'rounds.list', {}))[0];
  await call(ctx, 'tasks.edit', { roundId: round.id, source: 'edit', edits: [{ id: 'fx-t2', field: 'status', value: '滞后' }] });
  const page = await openApp(browser, served.host.url);
  try {
    await page.getByRole('button', { name: '导出评估报告…' }).click();
    await page.getByLabel('评估报告(Word 初稿)').check();
    await page.getByLabel('评估类型').selectOption('年度评估');
    await page.getByLabel('评估单位').fill('某区发展和改革委员会');
    await page.getByLabel('已评估的事项').check();
    await screenshot(page, 'export-word-options');
    await page.getByRole('button', { name: '导出', exact: true }).click();
    await page.locator('.dlg-ok').filter({ hasText: '已导出' }).waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
    assert.match(download.suggestedFilename(), /^年度评估报告-2023年中期评估-.*\.docx$/);
    const doc = await readWord((await download.path())!);
    assert.match(doc.paragraphs[0].text, /实施情况年度评估报告$/);
    assert.ok(doc.paragraphs.some((p) => p.text === '某区发展和改革委员会'), 'the office signs the report');
    // only what was evaluated: the one task reported 滞后
    assert.ok(doc.text.includes('重点任务1项') && doc.text.includes('发展芯片设计与封测') && !doc.text.includes('培育氢能产业集群'));
    const kept = served.db.prepare(`SELECT value FROM settings WHERE key = 'office'`).get() as { value: string };
    assert.equal(JSON.parse(kept.value), '某区发展和改革委员会', 'the office is kept for the next time');
    await page.locator('.dlg-buttons').getByRole('button', { name: '关闭' }).click();

    await page.getByRole('button', { name: '导出评估报告…' }).click();
    await page.getByLabel('督办通知(Word,每个单位一份)').check();
    assert.equal(await page.getByLabel('评估单位').inputValue(), '某区发展和改革委员会');
    await page.getByRole('button', { name: '导出', exact: true }).click();
    await page.locator('.dlg-ok').filter({ hasText: '督办通知' }).waitFor({ timeout: 60_000 });
    const items = page.locator('.xr-files li');
    assert.ok(await items.count() >= 1, 'a notice for each unit with lagging items');
    const [notice] = await Promise.all([page.waitForEvent('download'), items.first().getByRole('button', { name: '下载' }).click()]);
    assert.match(notice.suggestedFilename(), /^督办通知-.*\.docx$/);
    const n = await readWord((await notice.path())!);
    assert.equal(n.paragraphs[0].text, '关于加快推进规划实施滞后事项的督办通知');
    await screenshot(page, 'export-notices-done');
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.close();
    await served.close();
  }
});
