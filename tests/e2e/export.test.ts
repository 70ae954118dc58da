// The report leaves the desk from the UI: 导出评估报告… writes the whole round by default, then downloads in the browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { fixtureFile } from '../helpers/db';
import { launchBrowser, serve, openApp, screenshot, pageErrors } from '../helpers/browser';

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
    assert.deepEqual(wb.worksheets.map((w) => w.name).slice(0, 3), ['汇总', '主要指标完成情况表', '重点任务进展情况表']);
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
