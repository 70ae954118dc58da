// Dates as the window shows and takes them, whatever the system's locale: YYYY-MM-DD, and YYYY-MM-DD HH:mm for times.

const two = (n: number) => String(n).padStart(2, '0');

export const isoDay = (d: Date) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;

/** A stored time (ISO, any offset) in local time: "2025-06-30 10:05", with seconds "2025-06-30 10:05:09". */
export function dateTime(at: string, seconds = false): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at.slice(0, seconds ? 19 : 16).replace('T', ' ');
  return `${isoDay(d)} ${two(d.getHours())}:${two(d.getMinutes())}${seconds ? `:${two(d.getSeconds())}` : ''}`;
}

/** The day a YYYY-MM-DD text names, or null when it names none (2023-02-30). */
export function parseDay(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]) ? d : null;
}

/** What was typed, as YYYY-MM-DD where it can be read so (2023/6/30, 2023.6.30, 2023年6月30日, 20230630); else as typed. */
export function normalizeDay(s: string): string {
  const t = s.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return t;
  const out = `${m[1]}-${two(Number(m[2]))}-${two(Number(m[3]))}`;
  return parseDay(out) ? out : t;
}

/** Digits typed into a date box, with the dashes put in as they come: "202306" → "2023-06". */
export function maskDay(s: string): string {
  if (!/^[\d-]*$/.test(s)) return s;
  const d = s.replace(/-/g, '').slice(0, 8);
  return d.slice(0, 4) + (d.length > 4 ? '-' + d.slice(4, 6) : '') + (d.length > 6 ? '-' + d.slice(6, 8) : '');
}
