// The web host's answers: the security headers every answer carries, and the JSON envelope of a refusal.
import type http from 'node:http';
import { CSP } from '../core/common/csp';

export const baseHeaders = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8', extra: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...baseHeaders, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
  res.end(body);
}

export const fail = (res: http.ServerResponse, status: number, code: string, message: string, extra: Record<string, string> = {}) =>
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }), undefined, extra);
