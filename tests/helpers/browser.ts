// Debian's Chromium driven by playwright-core, and the web host over a test database: the end-to-end test rig.
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Locator } from 'playwright-core';
import { startWebHost, type WebHost } from '../../cli/web-host';
import { openDatabase, type DB } from '../../db/connection';
import { createContext } from '../../core/common/context';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const STATIC_DIR = path.resolve(__dirname, '..', '..', 'dist', 'renderer');
export const SHOTS_DIR = path.resolve(__dirname, '..', '..', 'test-results');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

function chromiumPath(): string {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`找不到 Chromium:${CHROMIUM}(apt-get install -y chromium fonts-noto-cjk)`);
  return CHROMIUM;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/**
 * A browser with a profile on disk, as the desktop window has: what it compiled and cached stays between openings
 * (a fresh context of launchBrowser() forgets everything, like a private window). close() removes the profile.
 */
export async function launchProfile(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-review-profile-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath(), args: CHROMIUM_ARGS, viewport, locale: 'zh-CN' });
  return { context, close: async () => { await context.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

export interface Served { host: WebHost; db: DB; close(): Promise<void> }

/** Opens the database file as the app does and serves it; close() stops the host and closes the database. */
export async function serve(file: string, port?: number): Promise<Served> {
  if (!fs.existsSync(path.join(STATIC_DIR, 'index.html'))) throw new Error('界面尚未构建:先运行 node build/build.mjs');
  const db = await openDatabase(file);
  const host = await startWebHost(createContext(db, file, 'web'), { staticDir: STATIC_DIR, port });
  return { host, db, close: async () => { await host.close(); db.close(); } };
}

export interface ServedApart { url: string; port: number; token: string; pid: number; close(): Promise<void> }

/**
 * Serves the file from its own process, as `npm run web` does: timings taken from the test side are then not held up
 * by the host's work on the same event loop. Read the database with a connection of your own.
 */
export async function serveApart(file: string): Promise<ServedApart> {
  if (!fs.existsSync(path.join(STATIC_DIR, 'index.html'))) throw new Error('界面尚未构建:先运行 node build/build.mjs');
  const root = path.resolve(__dirname, '..', '..');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'cli', 'main.ts'), 'web', '--db', file, '--port', '0'],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  // The host goes when this process goes, even after a failure.
  const stop = () => { if (child.exitCode == null) child.kill('SIGKILL'); };
  process.once('exit', stop);
  const url = await new Promise<string>((resolve, reject) => {
    const late = setTimeout(() => { stop(); reject(new Error('网页服务进程 120 秒内没有就绪')); }, 120_000);
    child.once('exit', () => clearTimeout(late));
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(out);
      if (m) { clearTimeout(late); resolve(m[0]); }
    });
    child.once('exit', (code) => reject(new Error(`网页服务进程退出(${code}):${out.slice(0, 500)}`)));
  });
  const u = new URL(url);
  return {
    url, port: Number(u.port), token: u.searchParams.get('token')!, pid: child.pid!,
    close: () => new Promise<void>((resolve) => {
      if (child.exitCode != null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** Records the operations the page asks the service for, in order (fill it by passing it to openApp's prepare). */
export function recordOps(page: Page, into: string[]): void {
  page.on('request', (r) => {
    const op = /"op":"([^"]+)"/.exec(r.postData() ?? '')?.[1];
    if (op) into.push(op);
  });
}

/**
 * Opens the app in a new page and waits for the first grid row; `prepare` runs on the page before it navigates. The
 * window is 1440×900 in Chinese unless told otherwise; `waitFor: false` waits for the page only (an empty database).
 */
export async function openApp(browser: Browser, url: string, prepare?: (page: Page) => void,
  opts: { width?: number; height?: number; locale?: string; waitFor?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 }, locale: opts.locale ?? 'zh-CN' });
  prepare?.(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // AG Grid reports a feature whose module is not registered (error #200) and bad options on the console, not as throws.
  page.on('console', (m) => { if ((m.type() === 'error' || m.type() === 'warning') && /AG Grid/i.test(m.text())) errors.push(m.text()); });
  (page as Page & { jsErrors?: string[] }).jsErrors = errors;
  await page.goto(url);
  await page.locator(opts.waitFor === false ? '.app' : '.ag-row').first().waitFor({ timeout: 20_000 });
  return page;
}

/** Errors the page threw, and AG Grid's console reports (a feature used without its module, a bad option). */
export const pageErrors = (page: Page): string[] => (page as Page & { jsErrors?: string[] }).jsErrors ?? [];

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * True when Chinese renders with real glyphs in the page's font: two different characters drawn on a canvas give
 * different pixels. Missing glyphs all draw the same box, so they would compare equal.
 */
export async function cjkRendered(page: Page): Promise<boolean> {
  // A string, not a function: the test runner's compiler would wrap named functions with helpers the page lacks.
  return page.evaluate(`(async () => {
    await document.fonts.ready;
    const font = getComputedStyle(document.body).fontFamily;
    const draw = (ch) => {
      const canvas = document.createElement('canvas');
      canvas.width = 40; canvas.height = 40;
      const c = canvas.getContext('2d');
      c.fillStyle = '#fff'; c.fillRect(0, 0, 40, 40);
      c.fillStyle = '#000'; c.font = '28px ' + font; c.fillText(ch, 4, 32);
      return Array.from(c.getImageData(0, 0, 40, 40).data);
    };
    const a = draw('规'), b = draw('划');
    return a.some((v) => v < 128) && a.some((v, i) => v !== b[i]);
  })()`);
}

/** Polls a condition from the test side (the app's CSP forbids evaluated strings inside the page). */
export async function until(cond: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await cond().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`等待超时:${what}`);
}

/** The distinct row ids the grid shows now (pinned and centre containers hold the same rows). */
export async function visibleRowIds(page: Page): Promise<string[]> {
  const ids = await page.locator('.ag-row[row-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('row-id') ?? ''));
  return [...new Set(ids)];
}

/** Opens a choice cell (评估状态, 调整结论) with a double click and presses one of its choices in the list. */
export async function chooseInCell(cell: Locator, choice: string): Promise<void> {
  await cell.dblclick();
  await cell.page().locator('.pr-choice-editor').getByRole('option', { name: choice, exact: true }).click();
}
