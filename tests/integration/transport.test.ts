// Both transports as an attacker or a buggy page meets them: every contract operation with wrong-typed arguments is
// refused with bad_args, unknown operations with unknown_op; the web host refuses a missing or wrong token, a foreign
// Host or Origin, the wrong content type and oversized bodies; the IPC handler serves only our own window and page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import Module from 'node:module';
import type { z } from 'zod';
import { contract, type OpName } from '../../contract';
import { startWebHost, MAX_BODY_BYTES, type WebHost } from '../../cli/web-host';
import { fixtureDb, snapshot, type TestDb } from '../helpers/db';

let t: TestDb;
let host: WebHost;

before(async () => {
  t = fixtureDb();
  host = await startWebHost(t.ctx, { staticDir: t.dir });
});
after(async () => {
  await host.close();
  t.close();
});

interface Reply { status: number; body: { ok: boolean; error?: { code: string; message: string } } }

/** A raw request, so Host, Origin and lengths are exactly what the test says. */
function request(opts: { path?: string; method?: string; headers?: Record<string, string | number>; body?: string | Buffer; chunks?: () => AsyncIterable<Buffer> }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port: host.port, path: opts.path ?? '/api', method: opts.method ?? 'POST',
      headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', 'X-Plan-Review-Token': host.token, ...opts.headers },
    }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
        } catch {
          resolve({ status: res.statusCode ?? 0, body: { ok: false, error: { code: 'not_json', message: text.slice(0, 200) } } });
        }
      });
    });
    req.on('error', reject);
    if (opts.chunks) {
      void (async () => {
        try {
          for await (const c of opts.chunks!()) if (!req.write(c)) await new Promise((r) => req.once('drain', r));
          req.end();
        } catch { /* the host may cut the upload short */ }
      })();
    } else req.end(opts.body);
  });
}

const api = (op: unknown, args: unknown, headers: Record<string, string | number> = {}) => request({ body: JSON.stringify({ op, args }), headers });

const CANDIDATES: unknown[] = [12345, 'x', true, [], {}, null, -1.5, ['x'], { x: 1 }];

/** Argument objects that break the op's schema: not an object at all, an unknown key, each key with a wrong type. */
function wrongArgs(schema: z.ZodType): unknown[] {
  const out: unknown[] = [42, 'text', [], true, { 不存在的参数: 1 }];
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  for (const [key, field] of Object.entries(shape)) {
    const wrong = CANDIDATES.find((v) => !field.safeParse(v).success);
    if (wrong !== undefined) out.push({ [key]: wrong });
  }
  return out;
}

test('every operation refuses wrong-typed arguments with bad_args over the web host, and nothing changes', async () => {
  const before = snapshot(t.db);
  const ops = Object.keys(contract) as OpName[];
  assert.ok(ops.length > 30);
  for (const op of ops) {
    for (const args of wrongArgs(contract[op].args)) {
      const r = await api(op, args);
      assert.equal(r.status, 200, op);
      assert.equal(r.body.ok, false, `${op} accepted ${JSON.stringify(args)}`);
      assert.equal(r.body.error!.code, 'bad_args', `${op} ${JSON.stringify(args)}: ${r.body.error!.message}`);
      assert.match(r.body.error!.message, /\p{Script=Han}/u);
    }
  }
  assert.equal(snapshot(t.db), before);
});

test('unknown operations are refused, including names inherited by every object', async () => {
  for (const op of ['nope', 'tasks.drop', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 42, null, ['plans.list']]) {
    const r = await api(op, {});
    assert.equal(r.body.error?.code, 'unknown_op', String(op));
    assert.match(r.body.error!.message, /未知的操作/);
  }
  const noOp = await request({ body: JSON.stringify({ args: {} }) });
  assert.equal(noOp.body.error?.code, 'unknown_op');
});

test('the web host refuses a missing or wrong token, a foreign Host or Origin', async () => {
  const ok = await api('plans.list', {});
  assert.equal(ok.status, 200);
  assert.equal(ok.body.ok, true);
  const cases: [Record<string, string>, number, string][] = [
    [{ 'X-Plan-Review-Token': '' }, 401, 'bad_token'],
    [{ 'X-Plan-Review-Token': host.token.slice(0, -1) + (host.token.endsWith('0') ? '1' : '0') }, 401, 'bad_token'],
    [{ 'X-Plan-Review-Token': host.token + '00' }, 401, 'bad_token'],
    [{ Host: 'evil.example' }, 421, 'bad_host'],
    [{ Host: `evil.example:${host.port}` }, 421, 'bad_host'],
    [{ Host: `127.0.0.1.evil.example:${host.port}` }, 421, 'bad_host'],
    [{ Host: '127.0.0.1:1' }, 421, 'bad_host'],
    [{ Origin: 'http://evil.example' }, 403, 'bad_origin'],
    [{ Origin: `http://127.0.0.1:${host.port}.evil.example` }, 403, 'bad_origin'],
    [{ Origin: 'null' }, 403, 'bad_origin'],
    [{ Origin: `https://127.0.0.1:${host.port}` }, 403, 'bad_origin'],
  ];
  for (const [headers, status, code] of cases) {
    const r = await api('plans.list', {}, headers);
    assert.equal(r.status, status, JSON.stringify(headers));
    assert.equal(r.body.error?.code, code, JSON.stringify(headers));
  }
  // The token goes in its one header only: not in the query, not in a cookie.
  const query = await request({ path: `/api?token=${host.token}`, body: JSON.stringify({ op: 'plans.list', args: {} }), headers: { 'X-Plan-Review-Token': '' } });
  assert.equal(query.status, 401);
  const cookie = await request({ body: JSON.stringify({ op: 'plans.list', args: {} }), headers: { 'X-Plan-Review-Token': '', Cookie: `pr_token=${host.token}` } });
  assert.equal(cookie.status, 401);
});

test('the web host lets the browser keep the scripts while unchanged (304), never the page; neither needs the token', async () => {
  fs.writeFileSync(path.join(t.dir, 'index.html'), '<!doctype html><title>规划评估台</title>');
  fs.writeFileSync(path.join(t.dir, 'app.js'), 'console.log(1);');
  const get = (p: string, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${host.port}${p}`, { headers: { 'X-Plan-Review-Token': host.token, ...headers } });
  const page = await get('/');
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('cache-control'), 'no-store');
  assert.equal(page.headers.get('etag'), null);

  const first = await get('/app.js');
  assert.equal(first.status, 200);
  assert.equal(await first.text(), 'console.log(1);');
  assert.equal(first.headers.get('cache-control'), 'no-cache');
  assert.ok(first.headers.get('content-security-policy'));
  const etag = first.headers.get('etag')!;
  assert.match(etag, /^"[\w-]{27}"$/);
  const again = await get('/app.js', { 'If-None-Match': etag });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  assert.equal((await get('/app.js', { 'If-None-Match': etag, 'X-Plan-Review-Token': '' })).status, 304, 'the scripts hold no secret');
  const bare = await get('/', { 'X-Plan-Review-Token': '' });
  assert.equal(bare.status, 200, 'the page holds no secret either');
  assert.equal(bare.headers.get('set-cookie'), null, 'and sets no cookie');

  // A new build is sent in full, with a new tag.
  fs.writeFileSync(path.join(t.dir, 'app.js'), 'console.log(22);');
  const changed = await get('/app.js', { 'If-None-Match': etag });
  assert.equal(changed.status, 200);
  assert.equal(await changed.text(), 'console.log(22);');
  assert.notEqual(changed.headers.get('etag'), etag);
});

test('the web host refuses other content types, bad JSON and oversized bodies', async () => {
  assert.equal((await request({ body: '{}', headers: { 'Content-Type': 'text/plain' } })).body.error?.code, 'bad_type');
  assert.equal((await request({ body: '{"op":' })).body.error?.code, 'bad_json');
  assert.equal((await request({ body: 'null' })).body.error?.code, 'bad_json');
  // A body declared too large is refused at once; the sender never sends it all.
  const declared = await request({ body: '{}', headers: { 'Content-Length': MAX_BODY_BYTES + 1 } });
  assert.equal(declared.status, 413);
  assert.equal(declared.body.error?.code, 'too_large');
  assert.match(declared.body.error!.message, /请求过大/);
  // A streamed body that passes the limit is read into nothing to its end, so the sender reads the answer, not a reset.
  const chunk = Buffer.alloc(1 << 20, 0x20);
  const streamed = await request({
    headers: { 'Transfer-Encoding': 'chunked' },
    chunks: async function* () { for (let i = 0; i <= MAX_BODY_BYTES / chunk.length + 1; i++) yield chunk; },
  });
  assert.equal(streamed.status, 413);
  assert.equal(streamed.body.error?.code, 'too_large');
  const after = await api('plans.list', {});
  assert.equal(after.body.ok, true, 'the host still serves after refusing');
});

interface FakeEvent { sender: unknown; senderFrame: { url: string } | null }

test('IPC: only our own window and page are served, and the handler validates like the web host', async () => {
  // electron/ipc.ts imports ipcMain; outside Electron a stand-in records the handler.
  type Handler = (e: FakeEvent, msg: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
  const registered: { fn: Handler | null } = { fn: null };
  const stub = { ipcMain: { handle: (_channel: string, fn: Handler) => { registered.fn = fn; } } };
  const load = (Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown })._load;
  (Module as unknown as { _load: typeof load })._load = (req: string, ...rest: unknown[]) => (req === 'electron' ? stub : load(req, ...rest));
  let ipc: typeof import('../../electron/ipc');
  try {
    ipc = require('../../electron/ipc');
  } finally {
    (Module as unknown as { _load: typeof load })._load = load;
  }
  const ours = { id: 1 };
  const appUrl = 'file:///opt/plan-review/resources/app.asar/dist/renderer';
  const trusted = () => ours as never;
  const ev = (sender: unknown, url: string | null): FakeEvent => ({ sender, senderFrame: url == null ? null : { url } });
  const check = (e: FakeEvent) => ipc.isTrustedSender(e as never, trusted, appUrl);
  assert.equal(check(ev(ours, `${appUrl}/index.html`)), true);
  assert.equal(check(ev({ id: 1 }, `${appUrl}/index.html`)), false, 'another web contents with the same id');
  assert.equal(check(ev(ours, 'https://evil.example/index.html')), false, 'our window navigated away');
  assert.equal(check(ev(ours, 'file:///tmp/evil.html')), false, 'a local file elsewhere');
  assert.equal(check(ev(ours, null)), false, 'no frame');
  assert.equal(ipc.isTrustedSender(ev(ours, `${appUrl}/index.html`) as never, () => null, appUrl), false, 'no window yet');

  ipc.registerIpc(t.ctx, trusted, appUrl);
  const h = registered.fn;
  assert.ok(h, 'the handler is registered');
  assert.equal((await h(ev({ id: 2 }, `${appUrl}/index.html`), { op: 'plans.list', args: {} })).error?.code, 'forbidden');
  assert.equal((await h(ev(ours, `${appUrl}/index.html`), null)).error?.code, 'bad_args');
  assert.equal((await h(ev(ours, `${appUrl}/index.html`), { op: 'no.such', args: {} })).error?.code, 'unknown_op');
  assert.equal((await h(ev(ours, `${appUrl}/index.html`), { op: 'tasks.query', args: { roundId: 'x' } })).error?.code, 'bad_args');
  assert.equal((await h(ev(ours, `${appUrl}/index.html`), { op: 'plans.list', args: {} })).ok, true);
});
