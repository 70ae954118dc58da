// End to end in Chromium: long texts. 进展情况, 存在问题 and 下步打算 are edited in a box of several lines with a count of
// characters: Enter is a new line, Ctrl+Enter or a click outside saves, Esc leaves the cell as it was. Rows may grow to
// show all their text (kept on the next start), and the detail panel's boxes grow with their text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabaseSync } from '../../db/connection';
import { screenshot, until } from '../helpers/browser';
import { oneWindow } from '../helpers/window';

const LONG = '截至评估时点,已建成加氢站5座,引进燃料电池整车及零部件企业12家,氢能产业产值达到38亿元;'
  + '示范线路累计运行里程超过120万公里,形成制氢、储运、加注、应用的完整链条;下一步将加快推进第二批项目落地,'
  + '争取国家燃料电池汽车示范城市群政策支持,完善安全监管体系,推动形成可复制推广的经验做法。';

const w = oneWindow('longtext', { width: 1280, height: 720 });

const cell = (id: string, col: string) => w.page.locator(`.ag-row[row-id="${id}"] [col-id="${col}"]`).first();
const field = (id: string, col: string) => {
  const db = openDatabaseSync(w.file);
  try { return (db.prepare(`SELECT ${col} AS v FROM task_evals WHERE task_id = ?`).get(id) as { v: string } | undefined)?.v ?? ''; } finally { db.close(); }
};
const editor = () => w.page.locator('.ag-popup-editor .pr-text-editor textarea');

test('Enter starts a new line in 进展情况, the count follows the text, and Ctrl+Enter saves', async () => {
  await cell('fx-t1', 'evidence').dblclick();
  await editor().waitFor();
  await w.page.keyboard.type('一是建成加氢站5座');
  await w.page.keyboard.press('Enter');
  await w.page.keyboard.type('二是引进企业12家');
  assert.equal(await editor().inputValue(), '一是建成加氢站5座\n二是引进企业12家', 'Enter made a new line, not a save');
  assert.equal(await w.page.locator('.pr-text-count').innerText(), '19 字');
  assert.equal(field('fx-t1', 'evidence'), '');
  await screenshot(w.page, 'longtext-1280-editor');
  await w.page.keyboard.press('Control+Enter');
  await until(async () => field('fx-t1', 'evidence') === '一是建成加氢站5座\n二是引进企业12家', 'saved with its line break');
  await editor().waitFor({ state: 'detached' });
});

test('Esc leaves the cell as it was; a click outside saves; a key typed on the cell starts the editor with it', async () => {
  await cell('fx-t2', 'problems').dblclick();
  await editor().waitFor();
  await w.page.keyboard.type('不该保存的文字');
  await w.page.keyboard.press('Escape');
  await editor().waitFor({ state: 'detached' });
  assert.equal(field('fx-t2', 'problems'), '');
  assert.equal((await cell('fx-t2', 'problems').innerText()).trim(), '');

  await cell('fx-t2', 'nextSteps').dblclick();
  await editor().waitFor();
  await w.page.keyboard.type('召开推进会');
  await w.page.locator('.detail').click({ position: { x: 40, y: 300 } });
  await until(async () => field('fx-t2', 'next_steps') === '召开推进会', 'a click outside the editor saves');

  await cell('fx-t3', 'problems').click();
  await w.page.keyboard.press('3');
  await editor().waitFor();
  await w.page.keyboard.type('家企业资金不足');
  await w.page.keyboard.press('Control+Enter');
  await until(async () => field('fx-t3', 'problems') === '3家企业资金不足', 'the first key is kept');
});

test('rows grow to show all their text on request, and stay so on the next start', async () => {
  const db = openDatabaseSync(w.file);
  db.prepare(`UPDATE task_evals SET evidence = ? WHERE task_id = 'fx-t1'`).run(LONG);
  db.close();
  await w.page.reload();
  await cell('fx-t1', 'evidence').waitFor();
  const height = async () => (await w.page.locator('.ag-row[row-id="fx-t1"]').first().boundingBox())!.height;
  assert.ok((await height()) < 40, 'one line to begin with');
  // Laid out when the next row starts where the grown one ends, in the pinned part and the scrolled part alike.
  const settled = () => w.page.locator('.ag-row[row-id="fx-t1"]').evaluateAll((rs) => rs.length > 0 && rs.every((r) => {
    const next = r.parentElement?.querySelector('.ag-row[row-id="fx-t2"]');
    return !!next && Math.abs(next.getBoundingClientRect().top - r.getBoundingClientRect().bottom) < 2;
  }));
  await w.page.getByLabel('显示全文').check();
  await until(async () => (await height()) > 120 && (await settled()), 'the row grows to its text');
  const text = w.page.locator('.ag-row[row-id="fx-t1"] [col-id="evidence"] .pr-marked');
  assert.ok((await text.boundingBox())!.height <= (await height()), 'the whole text is inside its row');
  await screenshot(w.page, 'longtext-1280-grown');
  await w.page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(w.page, 'longtext-1920-grown');
  await until(async () => {
    const d = openDatabaseSync(w.file);
    try { return JSON.parse((d.prepare(`SELECT value FROM settings WHERE key = 'layouts'`).get() as { value: string }).value).window.grow.tasks === true; } finally { d.close(); }
  }, 'the choice is saved');
  await w.page.reload();
  await cell('fx-t1', 'evidence').waitFor();
  assert.equal(await w.page.getByLabel('显示全文').isChecked(), true);
  await until(async () => (await height()) > 90, 'still grown after a restart');
  await w.page.getByLabel('显示全文').uncheck();
  await until(async () => (await height()) < 40, 'back to one line');
  await w.page.setViewportSize({ width: 1280, height: 720 });
});

test('the detail panel\'s text boxes grow with their text, and count it', async () => {
  await cell('fx-t4', 'title').click();
  const box = w.page.getByRole('textbox', { name: '进展情况' });
  await box.waitFor();
  const h0 = (await box.boundingBox())!.height;
  await box.fill(LONG);
  await until(async () => (await box.boundingBox())!.height > h0 * 2, 'the box grows with the text');
  const scroll = await box.evaluate((e) => e.scrollHeight - e.clientHeight);
  assert.ok(scroll <= 2, `all of the text shows, nothing to scroll (${scroll}px)`);
  await w.page.locator('.auto-field').filter({ hasText: '进展情况' }).locator('.auto-count').filter({ hasText: `${Array.from(LONG).length} 字` }).waitFor();
  await until(async () => field('fx-t4', 'evidence') === LONG, 'saved');
  await screenshot(w.page, 'longtext-1280-detail');
});
