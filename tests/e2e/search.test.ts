// End to end in Chromium: the search box finds tasks and targets by every text they have and by their units, the
// evaluation texts of the round being looked at (not of another round), and marks the words found in the grid's
// cells and in the detail panel, its text boxes included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabaseSync } from '../../db/connection';
import { createContext } from '../../core/common/context';
import { call } from '../../core/dispatch';
import { screenshot, until, visibleRowIds } from '../helpers/browser';
import { oneWindow } from '../helpers/window';

let round2 = 0;
const w = oneWindow('search', { width: 1280, height: 720 }, async (file) => {
  const db = openDatabaseSync(file);
  const ctx = createContext(db, file, 'test');
  await call(ctx, 'tasks.edit', { roundId: 1, source: 'edit', edits: [
    { id: 'fx-t4', field: 'problems', value: '项目用地指标落实滞后,影响开工' },
    { id: 'fx-t2', field: 'evidence', value: '已引进设计企业6家' },
  ] });
  await call(ctx, 'targets.edit', { roundId: 1, source: 'edit', edits: [{ id: 'fx-g1', field: 'dataSource', value: '区统计局统计快报' }] });
  round2 = (await call(ctx, 'rounds.create', { name: '2024年评估', cutoff: '2024-06-30' })).id;
  await call(ctx, 'tasks.edit', { roundId: round2, source: 'edit', edits: [{ id: 'fx-t5', field: 'evidence', value: '工作推进机制提前完成' }] });
  await call(ctx, 'settings.setCurrentRound', { roundId: 1 });
  db.close();
});

const box = () => w.page.getByRole('searchbox', { name: '搜索' });
const search = async (text: string, ids: string[]) => {
  await box().fill(text);
  await until(async () => (await visibleRowIds(w.page)).sort().join() === [...ids].sort().join(), `「${text}」 finds ${ids.join('、') || 'nothing'}`);
};
const marks = (id: string, col: string) => w.page.locator(`.ag-row[row-id="${id}"] [col-id="${col}"] mark.hit`).allInnerTexts();
/** The row may stay from the last search; its marks follow once the new search's rows arrive. */
const marked = (id: string, col: string, want: string[]) => until(async () => (await marks(id, col)).join() === want.join(), `${id}.${col} marks ${want.join('、')}`);

test('a word of 存在问题 finds its task, marked in the cell and in the detail panel\'s text box', async () => {
  await search('滞后', ['fx-t4']);
  await marked('fx-t4', 'problems', ['滞后']);
  await w.page.locator('.ag-row[row-id="fx-t4"] [col-id="title"]').first().click();
  await w.page.locator('.detail h2').filter({ hasText: '新能源汽车零部件产业园项目' }).waitFor();
  const field = w.page.locator('.auto-field').filter({ has: w.page.getByRole('textbox', { name: '存在问题' }) });
  assert.deepEqual(await field.locator('.auto-mirror mark.hit').allInnerTexts(), ['滞后']);
  // The mark lies under the word in the box.
  const markBox = (await field.locator('.auto-mirror mark.hit').boundingBox())!;
  const textBox = (await w.page.getByRole('textbox', { name: '存在问题' }).boundingBox())!;
  assert.ok(markBox.y >= textBox.y && markBox.y + markBox.height <= textBox.y + textBox.height, 'inside the text box');
  await screenshot(w.page, 'search-1280-problems');
  // Words are matched across the definition and the evaluation.
  await search('新能源 滞后', ['fx-t4']);
  await marked('fx-t4', 'title', ['新能源']);
});

test('the units and the body are searched; the body opens in the detail panel with the words marked', async () => {
  await search('招商投资局', ['fx-t4']);
  await marked('fx-t4', 'leadUnits', ['招商投资局']);
  await search('加氢站', ['fx-t1']);
  await w.page.locator('.ag-row[row-id="fx-t1"] [col-id="title"]').first().click();
  await w.page.locator('.detail details.body-box[open] mark.hit').filter({ hasText: '加氢站' }).waitFor();
  await screenshot(w.page, 'search-1280-body');
  await w.page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(w.page, 'search-1920-body');
  await w.page.setViewportSize({ width: 1280, height: 720 });
});

test('the texts of another round are not found in this one; in their own round they are', async () => {
  await search('提前完成', []);
  await w.page.getByText('没有符合条件的任务').waitFor();
  await w.page.getByLabel('评估轮次', { exact: true }).selectOption(String(round2));
  await until(async () => (await visibleRowIds(w.page)).join() === 'fx-t5', 'found in its own round');
  await marked('fx-t5', 'evidence', ['提前完成']);
  await search('滞后', []);
  await w.page.getByLabel('评估轮次', { exact: true }).selectOption('1');
  await until(async () => (await visibleRowIds(w.page)).join() === 'fx-t4', 'back in round 1');
});

test('targets are found by their 数据来源, marked too; a cleared search shows every row without marks', async () => {
  await w.page.getByRole('tab', { name: '指标' }).click();
  await search('快报', ['fx-g1']);
  await marked('fx-g1', 'dataSource', ['快报']);
  await screenshot(w.page, 'search-1280-targets');
  await search('', ['fx-g1', 'fx-g2']);
  assert.equal(await w.page.locator('.grid mark.hit').count(), 0);
});

/**
 * Holds the answer of the search for `word` until `release`: `asked` is set once the page asked. With `answerFirst` the
 * service answers at once and only the hand-over to the page waits, so the rows it carries are older than the grid's.
 */
async function holdSearch(word: string, answerFirst = false) {
  const hold = { asked: false, release: () => {} };
  const held = new Promise<void>((r) => { hold.release = r; });
  await w.page.route('**/api', async (route) => {
    const body = route.request().postData() ?? '';
    if (!(body.includes('"op":"tasks.query"') && body.includes(word))) return route.continue();
    const response = answerFirst ? await route.fetch() : undefined;
    hold.asked = true;
    await held;
    await (response ? route.fulfill({ response }) : route.continue());
  });
  const answered = () => w.page.waitForResponse((r) => (r.request().postData() ?? '').includes(word));
  return { hold, answered };
}
/** Two frames later an answer has been read and anything it set has been painted. */
const painted = () => w.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test('a cell editor opened while a search is on its way stays open, the text typed is saved, and the rows found follow', async () => {
  await w.page.getByRole('tab', { name: '任务' }).click();
  await w.page.locator('.ag-row[row-id="fx-t2"] [col-id="problems"]').first().waitFor();
  // The search's rows are held back until the editor is open. The row at work is not among them.
  const { hold, answered } = await holdSearch('加氢站');
  try {
    await box().fill('加氢站');
    await until(async () => hold.asked, 'the search asked for its rows');
    await w.page.locator('.ag-row[row-id="fx-t2"] [col-id="problems"]').first().dblclick();
    const editor = w.page.getByRole('textbox', { name: '编辑存在问题' });
    await editor.fill('人才引进偏慢');
    const shown = answered();
    hold.release();
    await (await shown).finished();
    await painted();
    assert.equal(await editor.inputValue(), '人才引进偏慢', 'the editor is still open with the text typed');
    assert.ok((await visibleRowIds(w.page)).includes('fx-t2'), 'the row at work is still there');
    await editor.press('Control+Enter');
    const saved = () => (w.served.db.prepare("SELECT problems FROM task_evals WHERE task_id = 'fx-t2' AND round_id = 1").get() as { problems: string }).problems;
    await until(async () => saved() === '人才引进偏慢', 'the value typed is saved');
    await until(async () => (await visibleRowIds(w.page)).join() === 'fx-t1', 'the rows found are shown');
    await box().fill('');
    await until(async () => (await w.page.locator('.ag-row[row-id="fx-t2"] [col-id="problems"]').first().innerText()).includes('人才引进偏慢'),
      'the cleared search shows the row with the value typed');
  } finally {
    await w.page.unroute('**/api');
  }
});

test('a row saved while the search\'s answer was on its way shows its saved value once the rows found arrive', async () => {
  await w.page.locator('.ag-row[row-id="fx-t1"] [col-id="status"]').first().waitFor();
  const { hold, answered } = await holdSearch('加氢站', true);
  try {
    await box().fill('加氢站');
    await until(async () => hold.asked, 'the search was answered');
    const status = () => (w.served.db.prepare("SELECT status FROM task_evals WHERE task_id = 'fx-t1' AND round_id = 1").get() as { status: string } | undefined)?.status;
    const [key, want] = status() === '滞后' ? ['2', '未启动'] : ['5', '滞后'];
    await w.page.locator('.ag-row[row-id="fx-t1"] [col-id="status"]').first().click();
    await w.page.keyboard.press(key);
    await until(async () => status() === want, `数字键 ${key} 保存了「${want}」`);
    const shown = answered();
    hold.release();
    await (await shown).finished();
    await until(async () => (await visibleRowIds(w.page)).join() === 'fx-t1', 'the rows found are shown');
    await painted();
    assert.equal((await w.page.locator('.ag-row[row-id="fx-t1"] [col-id="status"]').first().innerText()).trim(), want);
  } finally {
    await w.page.unroute('**/api');
    await box().fill('');
  }
});
