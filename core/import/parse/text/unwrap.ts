// Plain text copied out of a PDF keeps the PDF's line breaks, every 30–40 characters in the middle of sentences, and
// its page numbers and running heads between pages: the lines of each paragraph are joined again, the furniture dropped.
import { readNumber } from './numbering';

/** A page's own number printed above or below its text: "— 3 —", "- 3 -", "第3页", "3/12". */
export const PAGE_NUMBER = /^[-—–－\s]*(第\s*)?\d{1,4}(\s*页)?[-—–－\s]*$|^\d{1,4}\s*\/\s*\d{1,4}$/;

const width = (s: string) => { let w = 0; for (let i = 0; i < s.length; i++) w += s.charCodeAt(i) > 0x1100 ? 2 : 1; return w; };
/** A table row aligned with spaces: three cells or more, parted by runs of two spaces or more. */
const TABLE_ROW = /\S(?: {2,}|\u3000{2,})\S.*\S(?: {2,}|\u3000{2,})\S/;
const SENTENCE_END = /[。；;：:！？!?）)”」]$/;

/** The width of a full line when most long lines of the text stop at it (hard-wrapped text), else null. */
function fullWidth(lines: string[]): number | null {
  // (A hard-wrapped line holds 20 to 60 characters: longer ones are paragraphs, and are not measured.)
  const long = lines.filter((l) => l.length >= 20 && l.length <= 80).map((l) => width(l.trimEnd())).filter((w) => w >= 40);
  if (long.length < lines.filter((l) => l.length > 80).length) return null;
  if (long.length < 12) return null;
  const count = new Map<number, number>();
  for (const w of long) count.set(w, (count.get(w) ?? 0) + 1);
  const top = [...count].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
  // Full lines end within a character or two of each other (a line may end on a half-width figure or a bracket).
  const near = long.filter((w) => w <= top + 2 && w >= top * 0.85).length;
  return near >= long.length * 0.6 ? Math.max(...long.filter((w) => w <= top + 2)) : null;
}

/** A paragraph's first line set in by two full-width spaces (or two to four plain ones). */
const INDENT = /^(?:\u3000{2}|[ ]{2,4}(?! ))\S/;
/** A heading at the line's start: "一、总体要求", "（二）主要目标", "第三章". */
const HEADING = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十\d]{1,3}[章节])/;

/**
 * Whether the text sets each paragraph in and breaks its lines anywhere (lines cut at uneven widths, so no full width
 * shows): many lines open with the indent, and many long ones stop in mid-sentence.
 */
function indentedParagraphs(lines: string[]): boolean {
  const text = lines.filter((l) => l.trim() && !TABLE_ROW.test(l));
  const indented = text.filter((l) => INDENT.test(l)).length;
  const cut = text.filter((l) => l.trim().length >= 15 && !SENTENCE_END.test(l.trim())).length;
  return indented >= 5 && cut >= Math.max(8, text.length * 0.3) && indented <= text.length * 0.6;
}

/** The text with hard-wrapped paragraphs joined and page furniture dropped; any other text as it was. */
export function unwrapText(text: string): string {
  const lines = (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split('\n');
  const full = fullWidth(lines);
  // (Without a full width, a text whose paragraphs are set in is joined up to each indent or heading.)
  const byIndent = full === null && indentedParagraphs(lines);
  if (full === null && !byIndent) return text;
  // (Set in by indent: a line much shorter than most ends its paragraph, as a signature's and a date's do.)
  const lengths = lines.map((l) => l.trim().length).filter((n) => n >= 15).sort((a, b) => a - b);
  const usual = lengths[Math.floor(lengths.length / 2)] ?? 0;
  // Running heads: a line standing right after a page number more than once.
  const heads = new Map<string, number>();
  lines.forEach((l, k) => { if (k > 0 && PAGE_NUMBER.test(lines[k - 1]!.trim()) && l.trim()) heads.set(l.trim(), (heads.get(l.trim()) ?? 0) + 1); });
  const furniture = (k: number) => {
    const t = lines[k]!.trim();
    return PAGE_NUMBER.test(t) && !!t || ((heads.get(t) ?? 0) >= 2 && k > 0 && PAGE_NUMBER.test(lines[k - 1]!.trim()));
  };
  const out: string[] = [];
  let open = false;
  let inTable = false;
  lines.forEach((raw, k) => {
    if (furniture(k)) return;
    const t = raw.trim();
    // A table's rows, aligned with spaces, and the lines of their wrapped cells stay as they are.
    const row = TABLE_ROW.test(raw);
    inTable = row || (inTable && !!t && /^ {4,}/.test(raw));
    const newParagraph = !t || inTable || /^[\u3000\s]{2,}/.test(raw) || (byIndent ? HEADING.test(raw) : !!readNumber(t)) || /^(第[一二三四五六七八九十\d]{1,3}[章节]|附件|注[:：])/.test(t);
    if (open && !newParagraph) out[out.length - 1] += t;
    else out.push(raw.replace(/\s+$/, ''));
    if (byIndent) {
      // (A short heading of its own stands alone: "三、强化政策支持".)
      open = !!t && !inTable && t.length >= usual * 0.6 && !(HEADING.test(raw) && t.length <= 24 && !/[。；;，,]/.test(t));
      return;
    }
    // A line that reaches the full width goes on in the next, unless that opens a paragraph of its own.
    // (An indented first line counts its indent: it is as long as the others.)
    const w = width(raw.trimEnd());
    // (Figures and Latin letters are narrower: a full line holding some is a few characters short.)
    open = !!t && !inTable && w >= full! * 0.85 && !(SENTENCE_END.test(t) && w < full! - 2);
  });
  return out.join('\n');
}
