// The content security policy is one and strict wherever it is set (core/csp.ts, the meta tag of renderer/index.html,
// the web host's header): nothing remote, no eval, no inline script. And the app, exercised in Chromium, sends no
// request anywhere but its own host on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Request } from 'playwright-core';
import { CSP } from '../../core/common/csp';
import { fixtureDb, type TestDb } from '../helpers/db';
import { launchBrowser, serve, openApp, until, visibleRowIds, chooseInCell, type Served } from '../helpers/browser';

const ROOT = path.resolve(__dirname, '..', '..');
type Policy = Map<string, string[]>;

function parse(csp: string): Policy {
  const p: Policy = new Map();
  for (const part of csp.split(';').map((s) => s.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    assert.ok(!p.has(name.toLowerCase()), `directive ${name} given twice`);
    p.set(name.toLowerCase(), sources);
  }
  return p;
}

function assertStrict(where: string, p: Policy): void {
  assert.deepEqual(p.get('default-src'), ["'self'"], `${where}: default-src`);
  assert.deepEqual(p.get('script-src'), ["'self'"], `${where}: script-src is only 'self' (no inline, no eval)`);
  assert.deepEqual(p.get('object-src'), ["'none'"], `${where}: object-src`);
  assert.deepEqual(p.get('base-uri'), ["'none'"], `${where}: base-uri`);
  for (const [name, sources] of p) {
    for (const s of sources) {
      assert.ok(!/^(https?|wss?|ftp):|^\*|\*\.|^[\w-]+\.[\w.-]+/i.test(s), `${where}: ${name} allows a remote source ${s}`);
      assert.ok(!/unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic/.test(s), `${where}: ${name} allows ${s}`);
      if (name !== 'style-src') assert.notEqual(s, "'unsafe-inline'", `${where}: ${name} allows inline code`);
    }
  }
}

/** Directives a meta tag cannot carry (the browser ignores them there); the header and core/csp.ts give them. */
const HEADER_ONLY = ['frame-ancestors', 'report-uri', 'sandbox'];
const withoutHeaderOnly = (p: Policy) => new Map([...p].filter(([k]) => !HEADER_ONLY.includes(k)));

let t: TestDb;
let served: Served;
let browser: Browser;

before(async () => {
  t = fixtureDb();
  t.db.close();
  served = await serve(t.file);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await served?.close();
  t.close();
});

test('one strict policy in core/csp.ts, the meta tag and the web host header', async () => {
  const core = parse(CSP);
  assertStrict('core/csp.ts', core);
  assert.deepEqual(core.get('frame-ancestors'), ["'none'"]);
  const html = fs.readFileSync(path.join(ROOT, 'renderer', 'index.html'), 'utf8');
  const metas = [...html.matchAll(/<meta[^>]+http-equiv="Content-Security-Policy"[^>]+content="([^"]+)"/gi)];
  assert.equal(metas.length, 1, 'one CSP meta tag');
  const meta = parse(metas[0][1]);
  assertStrict('renderer/index.html', meta);
  assert.deepEqual(meta, withoutHeaderOnly(core), 'the meta tag says what core/csp.ts says');
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    assert.match(m[1], /\bsrc=/, 'scripts are files, not inline');
    assert.equal(m[2].trim(), '', 'no inline script');
  }
  assert.ok(!/\son[a-z]+\s*=/i.test(html), 'no inline event handlers');
  assert.ok(!/(src|href)="(https?:)?\/\//i.test(html), 'no remote resources');
  const res = await fetch(served.host.url);
  assert.equal(res.status, 200);
  assert.deepEqual(parse(res.headers.get('content-security-policy') ?? ''), core, 'the header is core/csp.ts');
  const built = fs.readFileSync(path.join(ROOT, 'dist', 'renderer', 'index.html'), 'utf8');
  assert.equal(built, html, 'the built page is the source page');
});

test('exercised in Chromium, the app sends no request but to its own host', async () => {
  const own = `http://127.0.0.1:${served.host.port}/`;
  const requests: string[] = [];
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  context.on('request', (r: Request) => requests.push(r.url()));
  const page = await openApp(context as unknown as Browser, served.host.url);
  for (const name of ['指标', '看板', '任务']) {
    const tab = page.getByRole('tab', { name, exact: true });
    if (await tab.count()) {
      await tab.click();
      await page.waitForTimeout(300);
    }
  }
  await page.getByRole('searchbox', { name: '搜索' }).fill('芯片');
  await until(async () => (await visibleRowIds(page)).join() === 'fx-t2', 'the search shows the chip task');
  const cell = page.locator('.ag-row[row-id="fx-t2"] [col-id="status"]').first();
  await chooseInCell(cell, '滞后');
  const db = served.db;
  await until(async () => (db.prepare(`SELECT status FROM task_evals WHERE task_id = 'fx-t2'`).get() as { status: string } | undefined)?.status === '滞后', 'the edit is saved');
  await page.locator('.ag-row[row-id="fx-t2"] [col-id="title"]').first().click();
  await page.waitForTimeout(500);
  await context.close();
  assert.ok(requests.length >= 4, `the app made its requests (${requests.length})`);
  const foreign = requests.filter((u) => !u.startsWith(own) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'requests to anywhere but the local host');
});
