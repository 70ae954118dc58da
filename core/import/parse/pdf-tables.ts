// The cells of PDF text lines, and tables whose cells run over several lines put back together: in a PDF a long name
// in a narrow column wraps onto lines of its own above and below its row, and a header of two rows or wrapped words
// comes as a stack of fragments. A table is rebuilt on its columns (from its fullest rows) and its rows (the lines that
// fill most columns); each fragment joins the cell of its column in the row nearest to it.
import { readNumber } from './text/numbering';

export interface Item { str: string; x: number; y: number; w: number; h: number }
export interface Line {
  x: number; right: number; y: number; h: number; cells: string[]; page: number;
  /** The line split at every gap of half a character or more, as a table row's cells stand. */
  fine: Cell[];
  /** The text runs of the line, left to right (a task table's cells can stand closer than half a character). */
  items?: Item[];
}
export interface Cell { text: string; x0: number; x1: number }

/** The runs of one line's items (left to right) that stand farther apart than `gap`; Latin words keep their space. */
export function cellsOf(row: Item[], gap: number, space: number): Cell[] {
  const cells: Cell[] = [];
  let cur: Cell | null = null;
  for (const it of row) {
    const apart = cur ? it.x - cur.x1 : 0;
    if (cur && apart > gap) { cells.push(cur); cur = null; }
    if (!cur) { cur = { text: it.str, x0: it.x, x1: it.x + it.w }; continue; }
    cur.text += apart > space && /[A-Za-z0-9]$/.test(cur.text) && /^[A-Za-z0-9]/.test(it.str) ? ' ' + it.str : it.str;
    cur.x1 = Math.max(cur.x1, it.x + it.w);
  }
  if (cur) cells.push(cur);
  return cells.map((c) => ({ ...c, text: c.text.trim() }));
}

/**
 * A line's text runs as cells. The reader joins the glyphs of neighbouring cells into one run when they stand close,
 * with a space for the gap: such a run is split at its spaces, each part placed by the widths of the glyphs before it
 * (a Chinese glyph as wide as the font is high, others half) and the gaps sharing what is left.
 */
export function runsOf(l: Line): Cell[] {
  if (!l.items) return l.fine;
  const out: Cell[] = [];
  for (const it of l.items) {
    const parts = it.str.split(/ +/).filter(Boolean);
    const glyphs = (t: string) => { let w = 0; for (const ch of t) w += ch.charCodeAt(0) > 0x2e80 ? it.h : it.h * 0.5; return w; };
    const gap = parts.length > 1 ? Math.max(0, it.w - parts.reduce((n, p) => n + glyphs(p), 0)) / (parts.length - 1) : 0;
    let x = it.x;
    for (const p of parts) { out.push({ text: p, x0: x, x1: x + glyphs(p) }); x += glyphs(p) + gap; }
  }
  return out;
}

const fine = (l: Line) => l.fine;
/** A piece of a wrapped cell or header: short, no sentence in it. */
const fragment = (l: Line) => fine(l).every((c) => c.text.length <= 14 && !/[。；;，,:：]/.test(c.text));
/** A row spanning the table that names a group ("一、信息基础设施"): kept as a line of its own. */
const isGroup = (text: string) => ['cn', 'cn-paren'].includes(readNumber(text)?.style ?? '');
const NUMBERISH = /^[[【(（]?\s*[<>≥≤＞＜约]?\s*[-+]?\d/;
const yearOnly = (t: string) => /^(19|20)\d\d\s*年?$/.test(t);
/** A word of a header row: what makes the lines above a table's first row its header. */
const HEADER_LABEL = /序号|编号|指标|单位|属性|类别|分类|领域|名称|基期|基准|现状|目标|预期|备注|(19|20)\d\d\s*年|年均|增速|累计/;

/** The lines of a page with each table of wrapped cells rebuilt into one line per row (cells joined by tabs). */
export function rebuildTables(lines: Line[]): Line[] {
  const out: Line[] = [];
  let i = 0;
  let lastRow: Line | null = null;
  while (i < lines.length) {
    const span = tableAt(lines, i);
    if (!span) {
      // (A table whose rows all stand on lines of their own is read as it is: its last row is such a line.)
      if (fine(lines[i]!).length >= 3) lastRow = lines[i]!;
      out.push(lines[i]!);
      i++;
      continue;
    }
    // Header fragments just above the table were passed on as lines already.
    out.length -= i - span.from;
    const part = lines.slice(span.from, span.to);
    // A table going on from the page before: the top of a row the page break cut goes to that row.
    const before = lastRow && lastRow.page === part[0]!.page - 1 ? lastRow : null;
    const { rows, carried } = rebuild(part, !!before);
    const width = rows[0]?.cells.length ?? 0;
    if (before && before.cells.length === width) for (const c of carried) before.cells[c.col] = before.cells[c.col]!.trim() + c.text;
    out.push(...rows);
    lastRow = rows.length ? rows[rows.length - 1]! : null;
    i = span.to;
  }
  return out;
}

/** Whether line `b` can follow line `a` in one table: close below it, or at the top of the next page as a row. */
const near = (a: Line, b: Line) => (a.page === b.page && a.y > b.y && a.y - b.y <= Math.max(a.h, b.h) * 4) ||
  (b.page === a.page + 1 && fine(b).length >= 3);

/** The lines of a table starting at line `i` (with its header fragments just before it), if one starts there. */
function tableAt(lines: Line[], i: number): { from: number; to: number } | null {
  if (fine(lines[i]!).length < 3) return null;
  let from = i;
  while (from > 0 && lines[from - 1]!.page === lines[from]!.page && lines[from - 1]!.y - lines[from]!.y <= lines[from]!.h * 2.6 && fragment(lines[from - 1]!) && fine(lines[from - 1]!).length < 3) from--;
  let to = i + 1;
  while (to < lines.length && near(lines[to - 1]!, lines[to]!) && (fine(lines[to]!).length >= 3 || fragment(lines[to]!))) to++;
  const full = lines.slice(from, to).filter((l) => fine(l).length >= 3).length;
  // Only a table with lines that are not whole rows needs rebuilding; the others read well line by line.
  if (full < 2 || to - from === full) return null;
  return { from, to };
}

interface Piece { text: string; width: number; line: number }

function rebuild(lines: Line[], continues: boolean): { rows: Line[]; carried: { col: number; text: string }[] } {
  const cells = lines.map(fine);
  const most = Math.max(...cells.map((c) => c.length));
  // The columns: the spans of the fullest rows, widened by every other row as full.
  const fullest = cells.filter((c) => c.length === most);
  const cols = fullest.slice(1).reduce((acc, row) => acc.map((col, k) => ({ x0: Math.min(col.x0, row[k]!.x0), x1: Math.max(col.x1, row[k]!.x1) })),
    fullest[0]!.map((c) => ({ x0: c.x0, x1: c.x1 })));
  const colOf = (c: Cell) => {
    let best = 0;
    let score = -Infinity;
    cols.forEach((col, k) => {
      const overlap = Math.min(col.x1, c.x1) - Math.max(col.x0, c.x0);
      const s = overlap > 0 ? overlap : -Math.abs((col.x0 + col.x1) / 2 - (c.x0 + c.x1) / 2);
      if (s > score) { score = s; best = k; }
    });
    return best;
  };
  // The header: the lines before the first row that holds figures (a line of years alone is header), stacked per column.
  const isData = (row: Cell[]) => row.length >= 3 && row.filter((c) => NUMBERISH.test(c.text) && !yearOnly(c.text)).length >= 2;
  // (On a page the table goes on to without its header, the lines before the first row are pieces of that row.)
  const found = Math.max(0, cells.findIndex(isData));
  // The header ends at its last line of labels (and a short line under it: "（%）"); lines after it are pieces of rows.
  let headerAt = 0;
  for (let k = 0; k < found; k++) {
    const row = cells[k]!;
    if (row.some((c) => HEADER_LABEL.test(c.text) || yearOnly(c.text)) || (headerAt === k && k > 0 && row.every((c) => /^[（(].{1,6}[）)]$|^.{1,2}$/.test(c.text)))) headerAt = k + 1;
  }
  const out: Line[] = [];
  if (headerAt > 0) {
    const texts = cols.map(() => [] as string[]);
    // By the runs of each header line: labels of narrow columns stand close enough to read as one cell.
    for (const l of lines.slice(0, headerAt)) for (const c of runsOf(l)) texts[colOf(c)]!.push(c.text);
    out.push(toLine(lines[0]!, texts));
  }
  // A header printed again on the next page is neither a row nor a piece of one.
  const headTexts = new Set(cells.slice(0, headerAt).map((row) => row.map((c) => c.text).join('|')));
  const repeated = (k: number) => headTexts.has(cells[k]!.map((c) => c.text).join('|'));
  const anchors: number[] = [];
  for (let k = headerAt; k < lines.length; k++) if (cells[k]!.length >= 3 && !repeated(k)) anchors.push(k);
  const group = (k: number) => cells[k]!.length === 1 && isGroup(cells[k]![0]!.text);
  // The pieces of each column, top to bottom; a piece as wide as the column's widest goes on in the next one below.
  const texts = new Map(anchors.map((k) => [k, cols.map(() => [] as string[])]));
  const carried: { col: number; text: string }[] = [];
  cols.forEach((_, col) => {
    let pieces: Piece[] = [];
    for (let k = headerAt; k < lines.length; k++) {
      if (group(k) || repeated(k)) continue;
      for (const c of cells[k]!) if (colOf(c) === col) pieces.push({ text: c.text, width: c.x1 - c.x0, line: k });
    }
    // On a page the table goes on to, a first row's cell stands as far above its row's line as below it: lines above
    // that are the end of the row the page break cut (on the page before: in this table, or the one before it).
    const ends: string[][] = [];
    anchors.forEach((first, a) => {
      const prev = anchors[a - 1];
      const newPage = prev === undefined ? continues : lines[prev]!.page < lines[first]!.page;
      if (!newPage) return;
      const page = lines[first]!.page;
      const above = pieces.filter((p) => p.line < first && lines[p.line]!.page === page);
      if (!above.length) return;
      const reach = lines[above[0]!.line]!.y - lines[first]!.y;
      const y0 = lines[first]!.y;
      const y1 = anchors[a + 1] === undefined || lines[anchors[a + 1]!]!.page !== page ? -Infinity : lines[anchors[a + 1]!]!.y;
      // (Pieces of the first row: at or below its line, nearer to it than to the next row's.)
      const atOrBelow = pieces.filter((p) => p.line >= first && lines[p.line]!.page === page && y0 - lines[p.line]!.y <= reach && y0 - lines[p.line]!.y < lines[p.line]!.y - y1).length;
      const extra = above.slice(0, Math.max(0, above.length - atOrBelow));
      if (!extra.length) return;
      const text = extra.map((p) => p.text).join('');
      if (prev === undefined) carried.push({ col, text }); else ends.push([String(prev), text]);
      pieces = pieces.filter((p) => !extra.includes(p));
    });
    const widest = Math.max(0, ...pieces.map((p) => p.width));
    let block: Piece[] = [];
    const place = () => {
      if (!block.length) return;
      // A cell belongs to the row nearest its first line (the upper one when between two).
      const first = lines[block[0]!.line]!;
      const far = (a: number) => (lines[a]!.page === first.page ? Math.abs(lines[a]!.y - first.y) : Infinity);
      const at = anchors.includes(block[0]!.line) ? block[0]!.line : anchors.reduce((a, b) => (far(b) < far(a) ? b : a));
      texts.get(at)![col]!.push(block.map((p) => p.text).join(''));
      block = [];
    };
    for (const p of pieces) {
      const prev = block[block.length - 1];
      const l = lines[p.line]!;
      const goesOn = prev && prev.width >= widest - l.h && lines[prev.line]!.page === l.page && lines[prev.line]!.y - l.y <= l.h * 1.8;
      if (!goesOn) place();
      block.push(p);
    }
    place();
    for (const [at, text] of ends) texts.get(+at!)![col]!.push(text!);
  });
  for (let k = headerAt; k < lines.length; k++) {
    if (group(k)) out.push(lines[k]!);
    const t = texts.get(k);
    if (t) out.push(toLine(lines[k]!, t));
  }
  return { rows: out, carried };
}

/** A rebuilt row; an empty cell is a space, so a row that opens with one keeps its place (a tab at the start is dropped). */
const toLine = (l: Line, texts: string[][]): Line => ({ ...l, cells: texts.map((t) => t.join('') || ' ') });
