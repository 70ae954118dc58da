// Files the web host gives out: the window's scripts and styles (answered 304 while unchanged), and downloads of what
// an export wrote, by the handle it answered with, from the work folder only.
import type http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Context } from '../core/common/context';
import { send, fail, baseHeaders } from './web-reply';

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.map': 'application/json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.json': 'application/json; charset=utf-8',
  '.zip': 'application/zip', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * The window's scripts and styles: checked again on every load (no-cache) but answered 304 while unchanged, so the
 * browser keeps its compiled copy of the scripts and does not compile them anew at each start. The page itself is
 * never kept (no-store).
 */
const tags = new Map<string, { key: string; etag: string }>();
export function serveAsset(req: http.IncomingMessage, res: http.ServerResponse, file: string): void {
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

const inside = (dir: string, file: string) => {
  const rel = path.relative(dir, file);
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/**
 * /files/<handle>/<name>: a file an export wrote, known by the unguessable handle it answered with, and only when it
 * lies in the work folder. The name in the address is for the browser only; the download keeps the file's own name.
 */
export function serveDownload(ctx: Context, handle: string, _name: string, res: http.ServerResponse): void {
  let file: string;
  try {
    if (!/^h-[0-9a-f]{32}$/.test(handle)) throw new Error('bad handle');
    file = ctx.handles.resolve(handle, 'read');
  } catch {
    return fail(res, 404, 'not_found', '找不到该文件(下载地址已失效,请重新导出)');
  }
  let real: string;
  try {
    real = fs.realpathSync(file);
    if (!inside(fs.realpathSync(ctx.workDir), real) || !fs.statSync(real).isFile()) throw new Error('outside');
  } catch {
    return fail(res, 404, 'not_found', '找不到该文件');
  }
  send(res, 200, fs.readFileSync(real), TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream', {
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(path.basename(real))}`,
  });
}
