// The cells of an .xlsx read straight from its XML parts (workbook, relationships, shared strings, styles, sheets):
// values as text (shared and inline strings, numbers, dates by their number format, cached formula results), a merged
// range's value repeated over its cells, hidden sheets marked. One pass per sheet, whatever its width.
export interface SheetCells { name: string; hidden: boolean; rows: { cells: string[]; line: number }[] }

const decode = (s: string) => !s.includes('&') ? s :
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16))).replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(+n)).replace(/&amp;/g, '&');
const texts = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)].map((m) => decode(m[1] ?? '')).join('');
/** An attribute's value in a tag, found by its name preceded by white space (a sheet reads three attributes of every cell). */
const attr = (tag: string, name: string): string | undefined => {
  for (let at = tag.indexOf(`${name}="`); at >= 0; at = tag.indexOf(`${name}="`, at + 1)) {
    const before = tag.charCodeAt(at - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    const from = at + name.length + 2;
    const end = tag.indexOf('"', from);
    return end < 0 ? undefined : tag.slice(from, end);
  }
  return undefined;
};

/** "B12" → [11, 1] (zero-based row, column); [-1, -1] for anything else. */
function cellRef(ref: string): [number, number] {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  const row = i > 0 && i < ref.length ? Number(ref.slice(i)) : NaN;
  return Number.isInteger(row) && row > 0 ? [row - 1, col - 1] : [-1, -1];
}

const DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57, 58]);
/** The styles whose number format shows a date. */
function dateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)) custom.set(+m[1]!, decode(m[2]!));
  const out = new Set<number>();
  const xfs = xml.match(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/)?.[1] ?? '';
  [...xfs.matchAll(/<xf\b[^>]*?(?:\/>|>)/g)].forEach((m, k) => {
    const id = +(attr(m[0], 'numFmtId') ?? 0);
    const code = custom.get(id)?.replace(/"[^"]*"|\[[^\]]*\]/g, '') ?? '';
    if (DATE_FORMATS.has(id) || /[yd]/i.test(code) || /m.*d|d.*m/i.test(code)) out.add(k);
  });
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
function serialDate(n: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(n * 86400000));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
const numberText = (v: string) => { const n = Number(v); return Number.isFinite(n) ? String(Math.round(n * 1e10) / 1e10) : v; };

function sheetRows(xml: string, shared: string[], dates: Set<number>): { cells: string[]; line: number }[] {
  const grid = new Map<number, string[]>();
  let lastRow = -1;
  let cells: string[] = [];
  for (const r of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    if (!r[2]) continue;
    let col = -1;
    for (const c of r[2].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attr(c[1]!, 'r');
      const [row, at] = ref ? cellRef(ref) : [+(attr(r[1]!, 'r') ?? 1) - 1, col + 1];
      if (row < 0) continue;
      col = at;
      const inner = c[2] ?? '';
      const type = attr(c[1]!, 't');
      const vAt = inner.indexOf('<v>');
      const vEnd = vAt < 0 ? -1 : inner.indexOf('</v>', vAt);
      const v = vEnd < 0 ? undefined : inner.slice(vAt + 3, vEnd);
      let text = '';
      if (type === 's' && v !== undefined) text = shared[+v] ?? '';
      else if (type === 'inlineStr') text = texts(inner);
      else if (type === 'str' || type === 'e') text = type === 'e' ? '' : decode(v ?? '');
      else if (type === 'b') text = v === '1' ? 'TRUE' : 'FALSE';
      else if (v !== undefined) text = dates.has(+(attr(c[1]!, 's') ?? -1)) ? serialDate(Number(v)) : numberText(v);
      if (row !== lastRow) {
        lastRow = row;
        cells = grid.get(row) ?? [];
        grid.set(row, cells);
      }
      cells[col] = text;
    }
  }
  for (const m of xml.matchAll(/<mergeCell\b[^>]*ref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
    const [r0, c0] = cellRef(m[1]!);
    const [r1, c1] = cellRef(m[2]!);
    if (r0 < 0 || r1 < 0) continue;
    const value = grid.get(r0)?.[c0] ?? '';
    if (!value || (r1 - r0 + 1) * (c1 - c0 + 1) > 100000) continue;
    for (let r = r0; r <= r1; r++) {
      const cells = grid.get(r) ?? [];
      for (let c = c0; c <= c1; c++) cells[c] = value;
      grid.set(r, cells);
    }
  }
  return [...grid.keys()].sort((a, b) => a - b).map((r) => ({ cells: Array.from(grid.get(r)!, (x) => x ?? ''), line: r + 1 }));
}

/** The parts readSheets reads besides the sheets. */
export const BOOK_PARTS = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/** Every sheet of a workbook in its order, with its rows; `part` gives a part's XML by its path in the package. */
export function readSheets(part: (name: string) => string): SheetCells[] {
  const book = part('xl/workbook.xml');
  const rels = part('xl/_rels/workbook.xml.rels');
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*?>/g)].map((m) => [attr(m[0], 'Id'), attr(m[0], 'Target') ?? '']));
  const shared = [...part('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]!.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '')));
  const dates = dateStyles(part('xl/styles.xml'));
  const out: SheetCells[] = [];
  for (const m of book.matchAll(/<sheet\b[^>]*?\/?>/g)) {
    const target = targets.get(attr(m[0], 'r:id')) ?? '';
    const file = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    out.push({ name: decode(attr(m[0], 'name') ?? ''), hidden: /hidden/i.test(attr(m[0], 'state') ?? ''), rows: sheetRows(part(file), shared, dates) });
  }
  return out;
}
