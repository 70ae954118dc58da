// End to end in Chromium: 导入规划文件… reads a small .txt plan, previews it (title, kind, counts, sample tasks and
// targets, problems per file), and imports it on confirmation; a cancelled preview changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { openDatabaseSync } from '../../db/connection';
import { storePlans } from '../../core/import/store';
import { insertRound } from '../../db/repos/rounds';
import { fixturePlans } from '../helpers/fixture';
import { tempDir } from '../helpers/db';
import { launchBrowser, serve, openApp, screenshot, until, pageErrors } from '../helpers/browser';
import { parseDocument } from '../../core/import/parse/index';

const PLAN = `示范区产业发展规划(2024—2026年)
为推动发展,制定本规划。
一、发展目标
到2026年,规上工业总产值达到500亿元以上,研发投入强度、数字化率分别提高至3%、60%。
二、重点任务
(一)壮大主导产业
1.发展汽车产业。推动整车扩能。(责任单位:区经信委、区发改委)
2.发展电子产业。推动终端升级,一是扩大产能;二是提升配套。
(二)强化创新
①建设研发平台。支持企业建设研发中心。
②引进人才团队。实施人才计划,引进团队。
(责任单位:区科技局)
三、保障措施
(一)加强组织领导
成立领导小组,统筹推进规划实施,定期调度。
`;

let browser: Browser;
let file: string;
let dir: string;

before(async () => {
  browser = await launchBrowser();
  dir = tempDir();
  file = path.join(dir, 'import.db');
  const db = openDatabaseSync(file);
  storePlans(db, fixturePlans(), 'fixture');
  db.transaction(() => insertRound(db, '2023年中期评估', '2023-06-30', null))();
  db.close();
  fs.writeFileSync(path.join(dir, '示范区规划.txt'), PLAN, 'utf8');
  fs.writeFileSync(path.join(dir, '乱码.txt'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8]));
});
after(async () => { await browser?.close(); });

const count = (sql: string) => {
  const db = openDatabaseSync(file);
  try { return (db.prepare(sql).get() as { n: number }).n; } finally { db.close(); }
};

test('a .txt plan is previewed, then imported on confirmation; the tree and the grid show it', async () => {
  const served = await serve(file);
  const page = await openApp(browser, served.host.url);
  try {
    // Cancelling a preview imports nothing.
    let chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '导入规划文件…' }).click();
    await (await chooser).setFiles(path.join(dir, '示范区规划.txt'));
    const dialog = page.getByRole('dialog', { name: '导入规划文件' });
    await dialog.locator('.imp-doc').first().waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(count('SELECT count(*) AS n FROM plans'), 2);

    chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '导入规划文件…' }).click();
    await (await chooser).setFiles([path.join(dir, '示范区规划.txt'), path.join(dir, '乱码.txt')]);
    const doc = dialog.locator('.imp-doc').filter({ hasText: '示范区产业发展规划(2024—2026年)' });
    await doc.waitFor();
    assert.match(await doc.innerText(), /规划/);
    const [parsed] = (await parseDocument('示范区规划.txt', Buffer.from(PLAN, 'utf8'))).plans;
    const tasks = parsed!.tasks.length;
    const targets = parsed!.targets.length;
    assert.ok(tasks >= 5 && targets >= 3);
    assert.equal(await doc.locator('.imp-counts').innerText(), `${tasks} 项任务 · ${targets} 个指标`);
    assert.equal(await doc.getByLabel('「发展汽车产业」的责任单位').inputValue(), '区经信委、区发改委');
    assert.equal(await doc.getByLabel('「研发投入强度」的标题').inputValue(), '研发投入强度');
    const problems = dialog.locator('.imp-problems');
    await problems.waitFor();
    assert.match(await problems.innerText(), /乱码\.txt/);
    await screenshot(page, 'import-preview');

    await dialog.getByRole('button', { name: /确认导入/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.toast-success').filter({ hasText: '已导入 1 个规划' }).waitFor();
    await page.locator('.tree .plan').filter({ hasText: '示范区产业发展规划' }).waitFor();
    await page.locator('.tree .plan .label').filter({ hasText: '示范区产业发展规划' }).click();
    await until(async () => (await page.locator('.status-bar').innerText()).includes(`显示 ${tasks} / 共 ${tasks} 项任务`), '表格显示新规划的任务');
    await page.locator('.ag-row [col-id="title"]').filter({ hasText: '发展汽车产业' }).first().waitFor();
    await screenshot(page, 'import-done');
    assert.equal(count('SELECT count(*) AS n FROM plans'), 3);
    assert.equal(count(`SELECT count(*) AS n FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE p.title = '示范区产业发展规划(2024—2026年)'`), tasks);
    assert.equal(count(`SELECT count(*) AS n FROM targets g JOIN plans p ON p.id = g.plan_id WHERE p.title = '示范区产业发展规划(2024—2026年)'`), targets);
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.close();
    await served.close();
  }
});
