// The web host under raw sockets, as any web page or local program can reach it: malformed request lines and escapes
// get 400 and the process lives on; the token counts only in its header on /api; content types are exact; slow headers
// and bodies are cut off; downloads go by handle and from the work folder only; any failure is a 500 envelope; a second
// host on a busy port stops with a Chinese message before it touches any database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startWebHost, type WebHost } from '../../cli/web-host';
import { serveApart, type ServedApart } from '../helpers/browser';
import { fixtureDb, fixtureFile, tempDir, type TestDb } from '../helpers/db';

const ROOT = path.resolve(__dirname, '..', '..');
const LIMIT_MS = 800;

let t: TestDb;
let host: WebHost;
let apart: ServedApart;

before(async () => {
  t = fixtureDb();
  const staticDir = path.join(t.dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>规划评估台</title>');
  fs.writeFileSync(path.join(staticDir, 'app.js'), 'console.log(1);');
  fs.writeFileSync(path.join(staticDir, 'boom.js'), '1');
  host = await startWebHost(t.ctx, { staticDir, headersTimeoutMs: LIMIT_MS, bodyTimeoutMs: LIMIT_MS });
  apart = await serveApart(fixtureFile('apart.db'));
});
after(async () => {
  await host.close();
  await apart.close();
  t.close();
});

interface RawReply { status: number; body: string; ms: number }

/** Writes bytes on a fresh socket (all at once, or in timed pieces) and reads until the host closes it or answers. */
function raw(port: number, pieces: (string | number)[], keepOpenMs = 10_000): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const s = net.connect(port, '127.0.0.1');
    let got = '';
    const done = () => {
      const m = /^HTTP\/1\.1 (\d{3})[\s\S]*?\r\n\r\n([\s\S]*)$/.exec(got);
      resolve({ status: m ? Number(m[1]) : 0, body: m ? m[2] : got, ms: performance.now() - t0 });
    };
    s.setEncoding('utf8');
    s.on('data', (c: string) => {
      got += c;
      // One answer is enough: with a body as long as Content-Length says, the test has what it needs.
      const m = /\r\nContent-Length: (\d+)\r\n[\s\S]*?\r\n\r\n([\s\S]*)$/i.exec(got);
      if (m && Buffer.byteLength(m[2]) >= Number(m[1])) { s.destroy(); done(); }
    });
    s.on('close', done);
    s.on('error', (e) => (got ? done() : reject(e)));
    setTimeout(() => s.destroy(), keepOpenMs).unref();
    void (async () => {
      for (const p of pieces) {
        if (typeof p === 'number') await new Promise((r) => setTimeout(r, p));
        else if (!s.destroyed) s.write(p);
      }
    })();
  });
}

const line = (port: number, requestLine: string, headers = '') => raw(port, [`${requestLine} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${headers}\r\n`]);
const envelope = (r: RawReply) => JSON.parse(r.body) as { ok: boolean; error?: { code: string; message: string } };
async function ok(port: number, token: string): Promise<void> {
  const r = await fetch(`http://127.0.0.1:${port}/api`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Plan-Review-Token': token }, body: '{"op":"plans.list","args":{}}' });
  assert.equal(r.status, 200);
  assert.equal(((await r.json()) as { ok: boolean }).ok, true, 'the host still answers');
}

test('malformed request lines and escapes get 400 with a Chinese envelope, and the host process lives on', async () => {
  for (const target of ['//', 'http://[', '/%', '/%ff', '/files/%ZZ', '/files/%ZZ/x.xlsx', '/a%00b', '/\\\\evil.example/x']) {
    for (const token of ['', `X-Plan-Review-Token: ${apart.token}\r\n`]) {
      const r = await line(apart.port, `GET ${target}`, token);
      assert.equal(r.status, 400, `GET ${target}: ${r.body}`);
      assert.match(envelope(r).error!.message, /\p{Script=Han}/u, target);
    }
  }
  const post = await raw(apart.port, [`POST /%ff HTTP/1.1\r\nHost: 127.0.0.1:${apart.port}\r\nContent-Length: 0\r\n\r\n`]);
  assert.equal(post.status, 400);
  await ok(apart.port, apart.token);
});

test('the page and its scripts need no secret; the token counts only in its header on /api, never in the query or a cookie', async () => {
  assert.equal((await line(host.port, 'GET /')).status, 200);
  assert.equal((await line(host.port, 'GET /app.js')).status, 200);
  const body = '{"op":"plans.list","args":{}}';
  const api = (target: string, headers: string) => raw(host.port, [`POST ${target} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n${headers}\r\n${body}`]);
  assert.equal((await api(`/api?token=${host.token}`, '')).status, 401);
  assert.equal((await api('/api', `Cookie: pr_token=${host.token}\r\n`)).status, 401);
  assert.equal((await api('/api', `X-Plan-Review-Token: ${host.token}\r\n`)).status, 200);
  assert.equal((await line(host.port, 'GET /api', `X-Plan-Review-Token: ${host.token}\r\n`)).status, 405);
});

test('content types are taken exactly: application/json, with at most a UTF-8 charset', async () => {
  const body = '{"op":"plans.list","args":{}}';
  const send = (type: string | null) => raw(host.port, [`POST /api HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Plan-Review-Token: ${host.token}\r\n`
    + `${type === null ? '' : `Content-Type: ${type}\r\n`}Content-Length: ${body.length}\r\n\r\n${body}`]);
  for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8']) assert.equal((await send(type)).status, 200, type);
  for (const type of ['application/jsonx', 'application/json-patch+json', 'text/plain', 'application/json; charset=latin1', 'application/json; boundary=x', 'multipart/form-data', '', null]) {
    const r = await send(type);
    assert.equal(r.status, 415, String(type));
    assert.equal(envelope(r).error!.code, 'bad_type');
  }
});

test('slow headers and slow bodies are cut off after the time limit', async () => {
  const head = await raw(host.port, [`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`, 60_000]);
  assert.ok(head.ms < LIMIT_MS + 3000, `headers cut after ${Math.round(head.ms)} ms`);
  assert.ok(head.status === 408 || head.status === 0, `slow headers: ${head.status} ${head.body}`);
  const body = await raw(host.port, [`POST /api HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Plan-Review-Token: ${host.token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"op":`, 60_000]);
  assert.ok(body.ms < LIMIT_MS + 3000, `body cut after ${Math.round(body.ms)} ms`);
  assert.equal(body.status, 408);
  assert.match(envelope(body).error!.message, /规定时间/);
  await ok(host.port, host.token);
});

test('downloads go by the handle an export answered with, from the work folder only', async () => {
  const inside = path.join(t.ctx.workDir, '报告.xlsx');
  fs.writeFileSync(inside, 'x');
  const outside = path.join(t.dir, 'outside.xlsx');
  fs.writeFileSync(outside, 'secret');
  const good = t.ctx.handles.register(inside, 'write').handle;
  const far = t.ctx.handles.register(outside, 'write').handle;
  const r = await line(host.port, `GET /files/${good}/${encodeURIComponent('报告.xlsx')}`);
  assert.equal(r.status, 200);
  assert.equal(r.body, 'x');
  for (const target of [`/files/${far}/outside.xlsx`, `/files/h-${'0'.repeat(32)}/x.xlsx`, '/files/报告.xlsx', `/files/${encodeURIComponent('../../test.db')}`, `/files/${good}/../../test.db`]) {
    const bad = await line(host.port, `GET ${target}`);
    assert.ok([400, 404].includes(bad.status), `${target}: ${bad.status}`);
    assert.doesNotMatch(bad.body, /secret/);
  }
});

test('a failure inside the host is answered with a 500 envelope in Chinese, and the host goes on', async () => {
  const read = fs.readFileSync;
  (fs as { readFileSync: unknown }).readFileSync = (p: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    if (String(p).endsWith('boom.js')) throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO', path: String(p) });
    return (read as (...a: unknown[]) => unknown)(p, ...rest);
  };
  try {
    const r = await line(host.port, 'GET /boom.js');
    assert.equal(r.status, 500);
    assert.equal(envelope(r).error!.code, 'io_error');
    assert.match(envelope(r).error!.message, /读写文件「boom\.js」时出错/);
  } finally {
    (fs as { readFileSync: unknown }).readFileSync = read;
  }
  await ok(host.port, host.token);
});

test('a second host on a port in use stops with a Chinese message before it touches the database', () => {
  const dir = tempDir();
  const file = path.join(dir, 'never.db');
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'cli/main.ts'), 'web', '--db', file, '--port', String(apart.port)], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, new RegExp(`端口 ${apart.port} 已被占用`));
  assert.equal(fs.existsSync(file), false, 'no database was created or opened');
  fs.rmSync(dir, { recursive: true, force: true });
});
