// Text for spreadsheet cells: display width (CJK = 2 units), wrapped line counts, safe plain text, numbers as numbers.

/** Wide characters: CJK ideographs, kana, hangul, full-width forms and CJK punctuation take two columns. */
function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
    || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
    || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd) || cp === 0x2014 || cp === 0x2026
    || cp === 0x201c || cp === 0x201d || cp === 0x2018 || cp === 0x2019;
}

export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x1100) w += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      w += isWide(s.codePointAt(i)!) ? 2 : 1;
      i++;
    } else w += isWide(c) ? 2 : 1;
  }
  return w;
}

/** The widest line of a possibly multi-line text. */
export function widestLine(s: string): number {
  if (!s.includes('\n')) return displayWidth(s);
  let max = 0;
  for (const line of s.split('\n')) max = Math.max(max, displayWidth(line));
  return max;
}

/** How many lines a text takes when wrapped into a column `width` units wide (at least 1). */
export function wrappedLines(s: string, width: number): number {
  if (!s) return 1;
  const usable = Math.max(2, width);
  // No character is wider than two units: a text that short fits one line without measuring it.
  if (s.length * 2 <= usable && !s.includes('\n')) return 1;
  if (!s.includes('\n')) return Math.max(1, Math.ceil(displayWidth(s) / usable));
  let n = 0;
  for (const line of s.split('\n')) n += Math.max(1, Math.ceil(displayWidth(line) / usable));
  return n;
}

// eslint-disable-next-line no-control-regex
const UNWRITABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Text that a spreadsheet would read as a formula or command if typed: = + - @, a tab or a carriage return first,
 * judged on the text as it will be written (the control characters cellText removes cannot hide a leading =).
 */
export function looksLikeFormula(s: string): boolean {
  const first = s.charCodeAt(0);
  // Most texts start with a character that settles it: only a leading control character needs the text cleaned first.
  if (!(first < 0x20 || first === 0xfffe || first === 0xffff)) return first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40;
  return /^[=+\-@\t\r]/.test(s.replace(UNWRITABLE, ''));
}

/** Removes the characters XML cannot carry and unifies line ends; the text stays exactly what the planner wrote. */
// eslint-disable-next-line no-control-regex
const UNCLEAN = /[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

export function cellText(v: unknown): string {
  if (v == null) return '';
  const s = String(v);
  // Most texts need nothing done: one scan to tell, instead of two replacements.
  if (!UNCLEAN.test(s)) return s;
  return s.replace(/\r\n?/g, '\n').replace(UNWRITABLE, '');
}

export interface NumberCell { value: number; numFmt: string }

const decimalsFormat = (d: number, base = '#,##0'): string => (d > 0 ? `${base}.${'0'.repeat(Math.min(d, 10))}` : base);

/** A value typed as plain digits becomes a number shown with exactly its own decimals; anything else stays text. */
export function asNumber(text: string | null | undefined): NumberCell | null {
  const s = (text ?? '').trim();
  if (!/^-?\d{1,15}(\.\d{1,10})?$/.test(s)) return null;
  const d = s.includes('.') ? s.split('.')[1].length : 0;
  return { value: Number(s), numFmt: decimalsFormat(d) };
}

/** A percentage held as 0–100 (progress, completion), stored as a fraction and shown with its own decimals. */
export function asPercent(p: number | null | undefined): NumberCell | null {
  if (p == null || !Number.isFinite(p)) return null;
  const s = String(p);
  const d = s.includes('.') ? Math.min(s.split('.')[1].length, 4) : 0;
  return { value: p / 100, numFmt: d > 0 ? `0.${'0'.repeat(d)}%` : '0%' };
}

/** "2023-06-30" → "2023年6月30日" */
export function chineseDate(iso: string): string {
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** A name usable in a file name on every system. */
export function safeFileName(s: string): string {
  return s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\s+/g, ' ').trim().slice(0, 80) || '未命名';
}
