// The local web host: serves the built renderer and one POST /api endpoint over dispatch, on 127.0.0.1 only, behind
// Host/Origin checks; /api also needs the per-run token in its one header. Every request is parsed inside a guard:
// a malformed one gets 400, any failure a 500 envelope, slow headers or bodies a timeout; the process never ends on one.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { dispatch } from '../core/dispatch';
import type { Context } from '../core/common/context';
import { explainError } from '../core/common/errors';
import { serveAsset, serveDownload, TYPES } from './web-files';
import { send, fail } from './web-reply';

export const MAX_BODY_BYTES = 80 * 1024 * 1024;
/** How long the rest of an oversized body is read and dropped before the connection is cut. */
const DRAIN_MS = 10_000;
/** The request line and headers, and the body, each have this long to arrive (a loopback client sends at once). */
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface WebHost { url: string; port: number; token: string; close(): Promise<void> }
export interface WebHostOptions {
  port?: number; staticDir: string; token?: string;
  /** Time limits for the headers and for the body (tests make them short). */
  headersTimeoutMs?: number; bodyTimeoutMs?: number;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** Exactly application/json, with at most a UTF-8 charset. */
const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

class BadRequest extends Error {}

/** The path of a request line, decoded; anything that is not a plain absolute path is a BadRequest. */
function requestPath(raw: string | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//')) throw new BadRequest('请求地址不正确');
  let url: URL;
  try {
    url = new URL(raw, 'http://127.0.0.1');
  } catch {
    throw new BadRequest('请求地址不正确');
  }
  if (url.host !== '127.0.0.1') throw new BadRequest('请求地址不正确');
  return url.pathname;
}

export function decodePart(s: string): string {
  let out: string;
  try {
    out = decodeURIComponent(s);
  } catch {
    throw new BadRequest('请求地址中的编码不正确');
  }
  if (out.includes('\0')) throw new BadRequest('请求地址不正确');
  return out;
}

export async function startWebHost(ctx: Context, opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? crypto.randomBytes(24).toString('hex');
  const staticDir = path.resolve(opts.staticDir);
  const headersMs = opts.headersTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const bodyMs = opts.bodyTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  let port = 0;

  const route = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return fail(res, 421, 'bad_host', '拒绝访问:主机名不正确');
    const origin = req.headers.origin;
    if (origin && !allowedHosts.some((h) => origin === `http://${h}`)) return fail(res, 403, 'bad_origin', '拒绝访问:来源不正确');
    // The whole path is decoded (and so checked) before anything else looks at it.
    const pathname = decodePart(requestPath(req.url));
    if (pathname === '/api') {
      if (req.method !== 'POST') return fail(res, 405, 'bad_method', '不支持的请求方法');
      const given = req.headers['x-plan-review-token'];
      if (typeof given !== 'string' || !given || !safeEqual(given, token)) {
        req.resume();
        return fail(res, 401, 'bad_token', '拒绝访问:缺少或错误的访问令牌,请使用启动时显示的完整地址');
      }
      return handleApi(ctx, req, res, bodyMs);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'bad_method', '不支持的请求方法');
    if (pathname.startsWith('/files/')) {
      const [handle = '', ...name] = pathname.slice(7).split('/');
      return serveDownload(ctx, handle, name.join('/'), res);
    }
    const rel = pathname === '/' ? 'index.html' : pathname.slice(1);
    const file = path.resolve(staticDir, rel);
    if (!file.startsWith(staticDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return fail(res, 404, 'not_found', '找不到该页面');
    if (rel === 'index.html') return send(res, 200, fs.readFileSync(file), TYPES['.html']);
    serveAsset(req, res, file);
  };

  const server = http.createServer({ headersTimeout: headersMs, requestTimeout: headersMs + bodyMs, connectionsCheckingInterval: Math.min(1000, headersMs) }, (req, res) => {
    res.on('error', () => undefined);
    req.on('error', () => undefined);
    try {
      route(req, res);
    } catch (e) {
      answerFailure(res, e);
    }
  });
  server.headersTimeout = headersMs;
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || (err as { code?: string }).code === 'ECONNRESET') return void socket.destroy();
    const timeout = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const body = JSON.stringify({ ok: false, error: timeout ? { code: 'timeout', message: '请求超时,连接已关闭' } : { code: 'bad_request', message: '请求格式不正确' } });
    socket.end(`HTTP/1.1 ${timeout ? '408 Request Timeout' : '400 Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\n`
      + `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  server.on('error', (e) => console.error('网页服务出错:', explainError(e)?.message ?? e));
  port = (server.address() as AddressInfo).port;
  return {
    // The page reads the token from its address once (and keeps it in the tab); the host takes it only in the header.
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** The one place a failed request is answered: 400 for a malformed one, else a 500 envelope; never a crash. */
function answerFailure(res: http.ServerResponse, e: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (e instanceof BadRequest) return fail(res, 400, 'bad_request', e.message);
  const known = explainError(e);
  if (!known) console.error('网页服务:', e);
  fail(res, 500, known?.code ?? 'internal', known?.message ?? '本机服务处理请求时出错,请重试');
}

/** The browser tab a request comes from (its own undo stack); a request without one counts as the host's own. */
function clientOf(req: http.IncomingMessage): string | undefined {
  const id = req.headers['x-plan-review-client'];
  return typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id) ? `web:${id}` : undefined;
}

/** PLAN_REVIEW_TIMING=1: each request's operation, time and answer size go to stderr. */
const TIMING = !!process.env.PLAN_REVIEW_TIMING;

function handleApi(ctx: Context, req: http.IncomingMessage, res: http.ServerResponse, bodyMs: number): void {
  if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) {
    req.resume();
    return fail(res, 415, 'bad_type', '请求格式应为 JSON(Content-Type: application/json)');
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return tooLarge(req, res);
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  // A body that does not arrive in time is answered 408 and its connection closed.
  const late = setTimeout(() => {
    if (done) return;
    done = true;
    res.shouldKeepAlive = false;
    fail(res, 408, 'timeout', '请求内容在规定时间内没有传完,连接已关闭', { Connection: 'close' });
    res.once('finish', () => req.destroy());
  }, bodyMs);
  late.unref();
  req.on('close', () => clearTimeout(late));
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (done) return;
    if (size > MAX_BODY_BYTES) {
      done = true;
      clearTimeout(late);
      chunks.length = 0;
      tooLarge(req, res);
    } else chunks.push(c);
  });
  req.on('end', () => {
    clearTimeout(late);
    if (done) return;
    done = true;
    answer(ctx, req, res, Buffer.concat(chunks)).catch((e) => answerFailure(res, e));
  });
}

async function answer(ctx: Context, req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
  let msg: { op?: unknown; args?: unknown };
  try {
    msg = JSON.parse(body.toString('utf8'));
  } catch {
    return fail(res, 400, 'bad_json', '请求内容不是有效的 JSON');
  }
  if (!msg || typeof msg !== 'object' || Array.isArray(msg)) return fail(res, 400, 'bad_json', '请求内容不是有效的 JSON');
  const t0 = TIMING ? performance.now() : 0;
  const out = await dispatch(ctx, msg.op, msg.args, clientOf(req));
  const text = JSON.stringify(out);
  send(res, 200, text);
  if (TIMING) process.stderr.write(`${new Date().toISOString().slice(11, 23)} ${String(msg.op)} ${(performance.now() - t0).toFixed(1)} ms ${text.length} B\n`);
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
