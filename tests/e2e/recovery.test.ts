// In Chromium against the web host, the database opened as the app opens it: a damaged database shows the recovery
// screen (the good backups with their dates and counts) and restores one; a read-only one shows the 只读 banner and
// refuses an edit with the reason; an edit made while a restore holds the service is sent again and saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openAppDatabase } from '../../core/app-db';
import { createContext, type Context } from '../../core/common/context';
import { startWebHost, type WebHost } from '../../cli/web-host';
import { openDatabaseSync } from '../../db/connection';
import { listBackups } from '../../db/backup';
import { fixtureFile } from '../helpers/db';
import { launchBrowser, openApp, screenshot, until, STATIC_DIR, cjkRendered } from '../helpers/browser';
import { readOnly, spoilHeader, writable } from '../helpers/damage';

let browser: Browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** The web host over the database as `npm run web` opens it (recovery state, read-only, warnings and all). */
async function serveAsApp(file: string): Promise<{ host: WebHost; ctx: Context; close(): Promise<void> }> {
  const { store } = await openAppDatabase(file);
  const ctx = createContext(store, file, 'web');
  const host = await startWebHost(ctx, { staticDir: STATIC_DIR });
  return { host, ctx, close: async () => { await host.close(); store.close(); } };
}

/** Types a note into a task's cell as a planner does: F2, the text, Enter. */
async function typeNote(page: Page, id: string, text: string): Promise<void> {
  await page.locator(`.ag-row[row-id="${id}"] [col-id="note"]`).click();
  await page.keyboard.press('F2');
  await page.locator('.ag-cell-inline-editing input, .ag-cell-inline-editing textarea').first().waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

const noteOf = (file: string, id: string) => {
  const db = openDatabaseSync(file);
  try { return (db.prepare('SELECT note FROM task_evals WHERE task_id = ?').get(id) as { note: string } | undefined)?.note ?? ''; } finally { db.close(); }
};

test('a damaged database opens the recovery screen, which lists the good backups and restores one', async () => {
  const file = fixtureFile('recover.db');
  (await openAppDatabase(file)).store.close();
  const [daily] = listBackups(file);
  fs.writeFileSync(path.join(path.dirname(daily.file), 'recover-20200101-080000-000-manual.db'), '');
  spoilHeader(file);
  const served = await serveAsApp(file);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  try {
    await page.goto(served.host.url);
    await page.getByRole('heading', { name: '数据库无法打开,需要从备份恢复' }).waitFor();
    assert.match(await page.locator('.recovery-problem').innerText(), /不是 SQLite 数据库|文件头已损坏/);
    const good = page.locator(`tr[data-backup="${daily.name}"]`);
    await good.waitFor();
    assert.deepEqual((await good.locator('td').allInnerTexts()).slice(1, 4), ['每日自动备份', '2', '7']);
    assert.match(await page.locator('tr[data-backup="recover-20200101-080000-000-manual.db"]').innerText(), /不能恢复.*空的/);
    assert.ok(await cjkRendered(page), 'Chinese renders with real glyphs');
    await screenshot(page, 'recovery-screen');
    await good.getByRole('button', { name: '恢复此备份…' }).click();
    await good.getByRole('button', { name: '确认恢复' }).click();
    await page.locator('.ag-row').first().waitFor({ timeout: 30_000 });
    assert.equal(served.ctx.store.state, 'ready');
    await screenshot(page, 'recovery-restored');
  } finally {
    await page.close();
    await served.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});

test('a read-only database shows the 只读 banner and refuses an edit with the reason', async (t) => {
  const file = fixtureFile('readonly.db');
  if (!readOnly(file)) return t.skip('cannot make files read-only here');
  const served = await serveAsApp(file).catch(async (e) => { writable(file); throw e; });
  try {
    const page = await openApp(browser, served.host.url);
    const banner = page.locator('.readonly-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /^只读:数据库文件是只读的/);
    await typeNote(page, 'fx-t3', '只读时的修改');
    await page.locator('.toast').filter({ hasText: '只读' }).first().waitFor();
    await screenshot(page, 'readonly-banner');
    assert.equal(noteOf(file, 'fx-t3'), '');
    await page.close();
  } finally {
    await served.close();
    writable(file);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});

test('an edit made while a restore holds the service is sent again until it passes, and is saved', async () => {
  const file = fixtureFile('held.db');
  const served = await serveAsApp(file);
  try {
    const page = await openApp(browser, served.host.url);
    let sawHeld!: () => void;
    const held = new Promise<void>((resolve) => { sawHeld = resolve; });
    let refusals = 0;
    page.on('response', (res) => {
      if (!res.url().endsWith('/api')) return;
      void res.text().then((body) => { if (body.includes('"restoring"')) { refusals++; sawHeld(); } }, () => undefined);
    });
    // The service is held as a restore holds it, until the page has been told "正在恢复" at least once.
    const hold = served.ctx.store.exclusive(async (db) => { await held; return { db, value: null }; });
    await typeNote(page, 'fx-t3', '恢复期间的修改');
    await hold;
    await until(async () => noteOf(file, 'fx-t3') === '恢复期间的修改', 'the held edit is saved once the restore is over');
    assert.ok(refusals >= 1);
    assert.equal(await page.locator('.toast-error').count(), 0, 'no error was shown');
    await page.close();
  } finally {
    await served.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});
