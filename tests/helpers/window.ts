// The hooks of an end-to-end test file that works in one window: a fixture database (prepared by `setup` first), the
// web host over it, Chromium and the window at the given size; every test must end without a page error or an AG Grid
// report. The fields are filled in before the first test runs.
import { before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { fixtureFile } from './db';
import { launchBrowser, serve, openApp, pageErrors, type Served } from './browser';

export interface Window { browser: Browser; served: Served; page: Page; file: string }

export function oneWindow(name: string, size: { width: number; height: number }, setup?: (file: string) => Promise<void> | void): Window {
  const w = {} as Window;
  before(async () => {
    w.browser = await launchBrowser();
    w.file = fixtureFile(`${name}.db`);
    await setup?.(w.file);
    w.served = await serve(w.file);
    w.page = await openApp(w.browser, w.served.host.url, undefined, size);
  });
  afterEach(() => assert.deepEqual(pageErrors(w.page).splice(0), []));
  after(async () => { await w.page?.close(); await w.served?.close(); await w.browser?.close(); });
  return w;
}
