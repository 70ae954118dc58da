// The local web host: serves the built renderer and one POST /api endpoint over dispatch, on 127.0.0.1 only,
// guarded by a random per-run token and Host/Origin checks.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../core/dispatch';
import type { Context } from '../core/common/context';
import { CSP } from '../core/common/csp';

export const MAX_BODY_BYTES = 80 * 1024 * 1024;
/** How long the rest of an oversized body is read and dropped before the connection is cut. */
const DRAIN_MS = 10_000;

export interface WebHost { url: string; port: number; token: string; close(): Promise<void> }

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.map': 'application/json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.json': 'application/json; charset=utf-8',
  '.zip': 'application/zip',
};

const baseHeaders = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...baseHeaders, 'Content-Type': type, ...extra });
  res.end(body);
}

const fail = (res: http.ServerResponse, status: number, code: string, message: string) =>
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }));

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function cookieToken(req: http.IncomingMessage): string {
  const m = /(?:^|;\s*)pr_token=([a-f0-9]+)/.exec(req.headers.cookie ?? '');
  return m ? m[1] : '';
}

export async function startWebHost(ctx: Context, opts: { port?: number; staticDir: string; token?: string }): Promise<WebHost> {
  const token = opts.token ?? crypto.randomBytes(24).toString('hex');
  const staticDir = path.resolve(opts.staticDir);
  let port = 0;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return fail(res, 421, 'bad_host', '拒绝访问:主机名不正确');
    const origin = req.headers.origin;
    if (origin && !allowedHosts.some((h) => origin === `http://${h}`)) return fail(res, 403, 'bad_origin', '拒绝访问:来源不正确');
    const given = url.searchParams.get('token') ?? (req.headers['x-plan-review-token'] as string | undefined) ?? cookieToken(req);
    if (!given || !safeEqual(given, token)) return fail(res, 401, 'bad_token', '拒绝访问:缺少或错误的访问令牌,请使用启动时显示的完整地址');
    const cookie = { 'Set-Cookie': `pr_token=${token}; Path=/; HttpOnly; SameSite=Strict` };

    if (req.method === 'POST' && url.pathname === '/api') return handleApi(ctx, req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'bad_method', '不支持的请求方法');
    if (url.pathname.startsWith('/files/')) return serveExport(ctx, decodeURIComponent(url.pathname.slice(7)), res);
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = path.resolve(staticDir, rel);
    if (!file.startsWith(staticDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return fail(res, 404, 'not_found', '找不到该页面');
    if (rel === 'index.html') return send(res, 200, fs.readFileSync(file), TYPES['.html'], cookie);
    serveAsset(req, res, file);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/**
 * The window's scripts and styles: checked again on every load (no-cache) but answered 304 while unchanged, so the
 * browser keeps its compiled copy of the scripts and does not compile them anew at each start. The page itself is
 * never kept (no-store).
 */
const tags = new Map<string, { key: string; etag: string }>();
function serveAsset(req: http.IncomingMessage, res: http.ServerResponse, file: string): void {
  const st = fs.statSync(file);
  const key = `${st.size}:${st.mtimeMs}`;
  let tag = tags.get(file);
  const body = !tag || tag.key !== key ? fs.readFileSync(file) : null;
  if (body) tags.set(file, tag = { key, etag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` });
  const headers = { 'Cache-Control': 'no-cache', ETag: tag!.etag };
  if (req.headers['if-none-match'] === tag!.etag) {
    res.writeHead(304, { ...baseHeaders, ...headers });
    res.end();
    return;
  }
  send(res, 200, body ?? fs.readFileSync(file), TYPES[path.extname(file)] ?? 'application/octet-stream', headers);
}

/** The browser tab a request comes from (its own undo stack); a request without one counts as the host's own. */
function clientOf(req: http.IncomingMessage): string | undefined {
  const id = req.headers['x-plan-review-client'];
  return typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id) ? `web:${id}` : undefined;
}

/** PLAN_REVIEW_TIMING=1: each request's operation, time and answer size go to stderr. */
const TIMING = !!process.env.PLAN_REVIEW_TIMING;

function handleApi(ctx: Context, req: http.IncomingMessage, res: http.ServerResponse): void {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return fail(res, 415, 'bad_type', '请求格式应为 JSON');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return tooLarge(req, res);
  const chunks: Buffer[] = [];
  let size = 0;
  let aborted = false;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (aborted) return;
    if (size > MAX_BODY_BYTES) {
      aborted = true;
      chunks.length = 0;
      tooLarge(req, res);
    } else chunks.push(c);
  });
  req.on('end', async () => {
    if (aborted) return;
    let msg: { op?: unknown; args?: unknown };
    try {
      msg = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return fail(res, 400, 'bad_json', '请求内容不是有效的 JSON');
    }
    if (!msg || typeof msg !== 'object') return fail(res, 400, 'bad_json', '请求内容不是有效的 JSON');
    const t0 = TIMING ? performance.now() : 0;
    const out = await dispatch(ctx, msg.op, msg.args, clientOf(req));
    const body = JSON.stringify(out);
    send(res, 200, body);
    if (TIMING) process.stderr.write(`${new Date().toISOString().slice(11, 23)} ${String(msg.op)} ${(performance.now() - t0).toFixed(1)} ms ${body.length} B\n`);
  });
}

/**
 * Answers 413 and reads the rest of the body into nothing, so the sender gets to read the answer instead of a reset.
 * The connection closes after it; a sender that keeps going past DRAIN_MS is cut off.
 */
function tooLarge(req: http.IncomingMessage, res: http.ServerResponse): void {
  res.shouldKeepAlive = false;
  send(res, 413, JSON.stringify({ ok: false, error: { code: 'too_large', message: `请求过大(超过 ${MAX_BODY_BYTES / 1024 / 1024} MB),未处理` } }),
    undefined, { Connection: 'close' });
  req.resume();
  const cut = setTimeout(() => req.destroy(), DRAIN_MS);
  cut.unref();
  req.once('close', () => clearTimeout(cut));
}

function serveExport(ctx: Context, name: string, res: http.ServerResponse): void {
  const dir = path.resolve(ctx.workDir);
  const file = path.resolve(dir, name);
  if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return fail(res, 404, 'not_found', '找不到该文件');
  send(res, 200, fs.readFileSync(file), TYPES[path.extname(file)] ?? 'application/octet-stream', {
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(path.basename(file))}`,
  });
}
