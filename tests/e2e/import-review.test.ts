// End to end in Chromium: the import preview the planner corrects before anything is written (an item made a target,
// one left out, a base value typed), committed; then corrections made in 编辑规划 survive a re-import of the document,
// with the fields the document says otherwise listed and a choice per field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { fixtureFile } from '../helpers/db';
import { launchBrowser, serve, openApp, screenshot, until, pageErrors, type Served } from '../helpers/browser';
import { DIGITAL_PLAN, sqlOn, typeInCell } from '../helpers/plan-data';

let browser: Browser;
let file: string;
let doc: string;
let served: Served;
let page: Page;

before(async () => {
  browser = await launchBrowser();
  file = fixtureFile('import-review.db');
  doc = path.join(path.dirname(file), '数字经济行动方案.txt');
  fs.writeFileSync(doc, DIGITAL_PLAN, 'utf8');
  served = await serve(file);
  page = await openApp(browser, served.host.url);
});
after(async () => {
  await page?.close();
  await served?.close();
  await browser?.close();
});

const sql = <T>(q: string, ...params: unknown[]): T[] => sqlOn(file)<T>(q, ...params);

async function openPreview() {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入规划文件…' }).click();
  await (await chooser).setFiles(doc);
  const dialog = page.getByRole('dialog', { name: '导入规划文件' });
  await dialog.locator('.imp-doc').first().waitFor();
  return dialog;
}

test('items are reclassified, left out and completed in the preview, and the commit writes the revised copy', async () => {
  const dialog = await openPreview();
  const kind = (title: string) => dialog.getByLabel(`「${title}」的类别`);
  assert.equal(await kind('数字化改造企业数量达到100家').inputValue(), 'task');
  // Item (三) is a target written as a task: the parser took its number as a target already, so the task is left out.
  assert.equal(await dialog.getByLabel('「数字化改造企业数量」的目标值').inputValue(), '2026:100');
  await kind('数字化改造企业数量达到100家').selectOption('ignore');
  await kind('规上工业企业数字化改造覆盖率').selectOption('ignore');
  await until(async () => (await dialog.getByRole('button', { name: /^不导入\(2\)/ }).count()) === 1, '不导入 2 项');
  const base = dialog.getByLabel('「数字经济核心产业增加值」的基期值');
  await base.fill('320');
  await base.press('Enter');
  await dialog.getByLabel('「数字经济核心产业增加值」的基期年份').fill('去年');
  await dialog.getByLabel('「数字经济核心产业增加值」的基期年份').press('Enter');
  await dialog.getByRole('alert').filter({ hasText: '「去年」不是有效的年份' }).waitFor();
  await dialog.getByLabel('「数字经济核心产业增加值」的基期年份').fill('2023');
  await dialog.getByLabel('「数字经济核心产业增加值」的基期年份').press('Enter');
  await until(async () => (await dialog.getByRole('alert').count()) === 0, '错误提示消失');
  await screenshot(page, 'import-review');
  assert.deepEqual(sql('SELECT count(*) AS n FROM plans'), [{ n: 2 }], 'nothing written before the commit');
  await dialog.getByRole('button', { name: /确认导入/ }).click();
  await dialog.waitFor({ state: 'detached' });
  const plan = sql<{ id: string }>(`SELECT id FROM plans WHERE title LIKE '某区数字经济%'`)[0].id;
  assert.deepEqual(sql(`SELECT name, baseline_year AS y, baseline_value AS v FROM targets WHERE plan_id = ? ORDER BY seq`, plan), [
    { name: '数字经济核心产业增加值', y: 2023, v: '320' }, { name: '新建基站', y: null, v: null }, { name: '建设加氢站', y: null, v: null },
    { name: '引进氢能企业', y: null, v: null }, { name: '数字化改造企业数量', y: null, v: null }]);
  assert.deepEqual(sql(`SELECT title FROM tasks WHERE plan_id = ? ORDER BY seq`, plan).map((r) => (r as { title: string }).title),
    ['建设新型基础设施', '培育氢能产业', '加强组织领导']);
  assert.deepEqual(pageErrors(page), []);
});

test('a re-import keeps the corrections made since, lists what the document says otherwise, and takes the chosen field', async () => {
  const [hydrogen] = sql<{ id: string }>(`SELECT id FROM tasks WHERE title = '培育氢能产业'`);
  await page.getByRole('button', { name: '编辑规划' }).click();
  await page.getByRole('searchbox', { name: '搜索' }).fill('氢能产业');
  const title = page.locator(`.ag-row[row-id="${hydrogen.id}"] [col-id="title"]`);
  // The search's rows arrive (the word marked in the row) before the cell is edited, as a planner sees them.
  await title.locator('mark.hit').first().waitFor();
  await typeInCell(page, hydrogen.id, 'title', '集群', true);
  await until(async () => (await title.innerText()).trim() === '培育氢能产业集群', '标题已更正');
  const units = page.locator(`.ag-row[row-id="${hydrogen.id}"] [col-id="responsibleUnits"]`);
  await typeInCell(page, hydrogen.id, 'responsibleUnits', '区科技局');
  await until(async () => (await units.innerText()).trim() === '区科技局', '责任单位已更正');
  await page.getByRole('searchbox', { name: '搜索' }).fill('');

  const dialog = await openPreview();
  const conflicts = dialog.getByRole('region', { name: '与已更正内容不同之处' });
  await conflicts.waitFor();
  const text = await conflicts.innerText();
  for (const s of ['任务的标题', '培育氢能产业集群', '任务的责任单位', '区科技局', '区发展改革委', '文件中仍有此项']) assert.ok(text.includes(s), `${s} in ${text}`);
  const unitsRow = conflicts.locator('tr').filter({ hasText: '任务的责任单位' });
  await unitsRow.getByLabel('采用新文件').click();
  await until(async () => unitsRow.getByLabel('采用新文件').isChecked(), '选择已保存');
  await screenshot(page, 'import-reimport-choices');
  await dialog.getByRole('button', { name: /确认导入/ }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(sql(`SELECT title, responsible_units AS u FROM tasks WHERE id = ?`, hydrogen.id), [{ title: '培育氢能产业集群', u: '["区发展改革委"]' }]);
  assert.deepEqual(sql(`SELECT count(*) AS n FROM tasks WHERE title LIKE '数字化改造企业数量%'`), [{ n: 0 }], 'what was left out stays out');
  assert.deepEqual(pageErrors(page), []);
});
