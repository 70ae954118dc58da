// Launches the real desktop app where an Electron binary exists (skipped, with the reason, elsewhere):
// the window opens on a database built from the seeds, shows the grid, and runs locked down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { tempDir } from '../helpers/db';
import { electronBinary } from '../../build/electron-binary.mjs';

const root = path.resolve(__dirname, '..', '..');

const bin = electronBinary();
const skipReason = bin.reason ? `${bin.reason},跳过桌面端测试` : '';
const native = bin.path ? path.join(root, 'build', 'native', `electron-${bin.version}`, 'better_sqlite3.node') : '';

test('the desktop app opens its window on the embedded database, locked down', { skip: !bin.path ? skipReason : !fs.existsSync(native) ? '尚未为 Electron 编译 better-sqlite3(npm run rebuild:electron)' : false }, async () => {
  const data = tempDir();
  const app = await electron.launch({ executablePath: bin.path!, args: [root], env: { ...process.env, PLAN_REVIEW_DATA: data }, cwd: root });
  try {
    const win = await app.firstWindow();
    await win.locator('.ag-row').first().waitFor({ timeout: 30_000 });
    assert.equal(await win.title(), '规划评估台');
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0];
      const p = (w.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
      return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration };
    });
    assert.deepEqual(prefs, { contextIsolation: true, sandbox: true, nodeIntegration: false });
    assert.equal(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require), 'undefined');
    const opened = await win.evaluate(() => window.open('https://example.com') === null);
    assert.ok(opened, 'window.open is denied');
    assert.ok(fs.existsSync(path.join(data, 'plan-review.db')));
  } finally {
    await app.close();
  }
});
