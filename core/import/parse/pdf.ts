// .pdf with a text layer → text lines (pdfjs-dist, no worker thread, no eval): lines rebuilt from the positions of the
// text items, lines broken at the right margin joined into their paragraph, and cells of a table row (items far apart
// on one line) kept apart by tabs. A PDF without text (a scan) is refused with a clear message.
import { ImportFileError } from './errors';
import { readNumber } from './text/numbering';
import { PAGE_NUMBER } from './text/unwrap';
import { cellsOf, rebuildTables, type Item, type Line } from './pdf-tables';
import { rebuildTaskTables } from './pdf-task-tables';

export type { Item } from './pdf-tables';


type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | null = null;

/** pdfjs with its worker code run in this thread (the "fake worker"), loaded once on first use. */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return lib;
  })();
  return loaded;
}

/** Groups the items of a page into lines by their baseline, left to right; far-apart runs become separate cells. */
export function pageLines(items: Item[], page: number): Line[] {
  const sorted = items.filter((i) => i.str.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - it.y) <= Math.max(2, Math.min(row[0]!.h, it.h) * 0.5)) row.push(it);
    else rows.push([it]);
  }
  return withoutPageNumbers(rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const h = Math.max(...row.map((i) => i.h)) || 10;
    // The cells of a table row stand apart by the columns' padding, often less than two characters in narrow centred
    // columns; running text has no such gaps, and a heading's wide spacing ("第二节　发展目标") makes only two runs.
    const fine = cellsOf(row, h * 0.5, h * 0.25);
    const cells = fine.length < 3 ? cellsOf(row, h * 2, h * 0.25) : fine;
    return { x: row[0]!.x, right: Math.max(...row.map((i) => i.x + i.w)), y: row[0]!.y, h, cells: cells.map((c) => c.text), page, fine, items: row };
  }));
}

/** A page's own number, printed above or below its text ("— 3 —"), is no part of the text. */
function withoutPageNumbers(lines: Line[]): Line[] {
  return lines.filter((l, k) => !((k === 0 || k === lines.length - 1) && l.cells.length === 1 && PAGE_NUMBER.test(l.cells[0]!)));
}

/** The usual distance between two lines of one paragraph, per font height. */
function lineStep(lines: Line[]): number {
  const steps: number[] = [];
  for (let k = 1; k < lines.length; k++) {
    const a = lines[k - 1]!;
    const b = lines[k]!;
    // Lines of running text only: the rows of a table are spaced otherwise.
    if (a.page === b.page && a.cells.length === 1 && b.cells.length === 1 && Math.abs(a.h - b.h) < 1 && a.y > b.y) steps.push((a.y - b.y) / a.h);
  }
  steps.sort((a, b) => a - b);
  return steps.length ? steps[Math.floor(steps.length * 0.3)]! : 1.5;
}

/**
 * The right margin of the running text: where most lines end (full lines of a paragraph end together; a table, a
 * line set wider or a paragraph's last line end elsewhere), the middle one of the lines within a character of it.
 */
function rightMargin(lines: Line[]): number {
  const ends = new Map<number, number>();
  for (const l of lines) if (l.cells.length === 1) ends.set(Math.round(l.right / 4), (ends.get(Math.round(l.right / 4)) ?? 0) + 1);
  const common = [...ends].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  if (!common || common[1] < 3) return Math.max(...lines.map((l) => l.right));
  // The middle of the lines ending there: a line whose last comma hangs past the margin does not move it.
  const near = lines.filter((l) => l.cells.length === 1 && Math.abs(l.right - common[0] * 4) <= l.h).map((l) => l.right).sort((a, b) => a - b);
  return near[Math.floor(near.length / 2)] ?? common[0] * 4;
}

/** Joins the lines of each paragraph: a line running to the right margin goes on in the next, unless that is indented. */
export function joinLines(lines: Line[]): string[] {
  const left = Math.min(...lines.map((l) => l.x));
  const right = rightMargin(lines);
  const step = lineStep(lines);
  const heights = new Map<number, number>();
  for (const l of lines) heights.set(Math.round(l.h), (heights.get(Math.round(l.h)) ?? 0) + 1);
  const body = [...heights].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
  /** A title line: set larger than the body and centred on the page. */
  const titleLine = (l: Line) => l.cells.length === 1 && l.h > body + 1 && l.x > left + l.h && Math.abs((l.x + l.right) / 2 - (left + right) / 2) < l.h * 2;
  const out: string[] = [];
  let prev: Line | null = null;
  for (const l of lines) {
    const text = l.cells.length > 1 ? l.cells.join('\t') : l.cells[0] ?? '';
    // A line of running text (from the left margin or a paragraph's indent) that reaches the right margin goes on in the
    // next, unless that one is indented or opens with a number ("三、…").
    const wraps = prev && prev.cells.length === 1 && l.cells.length === 1 && prev.right >= right - prev.h * 2 && prev.x <= left + prev.h * 3 &&
      (prev.page !== l.page || (prev.y - l.y) / prev.h <= step * 1.35) && l.x <= left + l.h * 1.5 && Math.abs(prev.h - l.h) < 1.5 && !readNumber(text);
    // A title set over two centred lines is one title.
    const title = prev && prev.page === l.page && titleLine(prev) && titleLine(l) && Math.abs(prev.h - l.h) < 1 && !/[。：:；;，,]$/.test(prev.cells[0]!) &&
      !/^[〇一二三四五六七八九\d]{4}\s*年/.test(text);
    if ((wraps || title) && out.length) out[out.length - 1] += text;
    else out.push(text);
    prev = l;
  }
  return out;
}

const NO_TEXT = '该 PDF 没有可提取的文字(可能是扫描件),请使用带文字层的 PDF 或 Word 文件';

/** The text of a PDF, one paragraph or table row per line. */
export async function pdfText(file: string, data: Buffer): Promise<string> {
  const lib = await pdfjs();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    doc = await lib.getDocument({ data: new Uint8Array(data), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') throw new ImportFileError(`文件「${file}」是加密的 PDF,请先取消密码保护再导入。`);
    throw new ImportFileError(`文件「${file}」无法作为 PDF 打开(文件已损坏或不是 PDF)。`);
  }
  try {
    const lines: Line[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [a, b, , , x, y] = it.transform as number[];
        items.push({ str: it.str, x: x!, y: y!, w: it.width, h: it.height || Math.hypot(a!, b!) });
      }
      lines.push(...pageLines(items, p));
      page.cleanup();
    }
    const text = lines.length ? joinLines(rebuildTables(rebuildTaskTables(lines))) : [];
    if (text.join('').replace(/\s/g, '').length < 10) throw new ImportFileError(`文件「${file}」:${NO_TEXT}。`);
    return text.join('\n');
  } finally {
    await doc.destroy();
  }
}
