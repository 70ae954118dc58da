// Word 97 binaries (.doc, and .wps files that WPS Office saves in the same format) → text lines through
// word-extractor; a table's rows are cut apart again and given one line each, cells tab-separated.
import { ImportFileError } from './errors';
import { isOle } from './sniff';

interface WordDocument { getBody(): string }
interface Extractor { extract(source: Buffer): Promise<WordDocument> }

async function extractor(): Promise<Extractor> {
  const mod = (await import('word-extractor')) as unknown as { default?: new () => Extractor } & (new () => Extractor);
  const Ctor = mod.default ?? mod;
  return new Ctor();
}

/**
 * The rows of a table's text. Word 97 ends every cell with a mark and every row with one more (both read as tabs),
 * rows one after another; a row whose end came out as a line break ends there. With the row width unknown and empty
 * cells looking like row ends, the cut is the one that makes most rows of the table's width (a heading row of one cell
 * spanning it, a header row over two rows, cost a little each), and the width the one most rows have.
 */
function cutRows(tokens: string[]): string[][] {
  let best: { score: number; cost: number; rows: string[][] } | null = null;
  for (let n = 2; n <= Math.min(40, tokens.length); n++) {
    const cost: number[] = new Array(tokens.length + 1).fill(Infinity);
    const from: number[] = new Array(tokens.length + 1).fill(-1);
    cost[0] = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (cost[i] === Infinity) continue;
      for (let len = 1; len <= n && i + len < tokens.length; len++) {
        if (tokens[i + len] !== '') continue;
        const cells = tokens.slice(i, i + len);
        const c = cost[i] + (len === n ? 0 : len === 1 && cells[0] ? 0.5 : 1) + (cells.some(Boolean) ? 0 : 3);
        if (c < cost[i + len + 1]) { cost[i + len + 1] = c; from[i + len + 1] = i; }
      }
    }
    if (cost[tokens.length] === Infinity) continue;
    const rows: string[][] = [];
    for (let j = tokens.length; j > 0; j = from[j]!) rows.unshift(tokens.slice(from[j]!, j - 1));
    // The width most rows have: two rows read as one also cut evenly, but leave the other rows uneven.
    const score = rows.filter((r) => r.length === n).length - rows.filter((r) => r.length !== n && r.length !== 1).length;
    if (!best || score > best.score || (score === best.score && cost[tokens.length]! < best.cost)) best = { score, cost: cost[tokens.length]!, rows };
  }
  return best?.rows ?? [tokens.filter(Boolean)];
}

/** A header over two rows (a cell of the first spanning the cells under it) as one row: "发展目标" over "2025年" → "发展目标2025年". */
function oneHeader(rows: string[][]): string[][] {
  const width = Math.max(...rows.map((r) => r.length));
  const [a, b] = rows;
  if (!a || !b || a.length >= width || b.length !== width || a.length < 2) return rows;
  const span = width - a.length + 1;
  const under = b.map((c, k) => (c ? k : -1)).filter((k) => k >= 0);
  const p = under[0] ?? -1;
  if (p < 0 || under[under.length - 1]! >= p + span) return rows;
  const header = Array.from({ length: width }, (_, c) => (c < p ? a[c]! : c < p + span ? a[p]! + (b[c] ?? '') : a[c - span + 1]!));
  return [header, ...rows.slice(2)];
}

/**
 * The body of a Word 97 document as lines: paragraphs as they are, each table row on a line of its own with its cells
 * tab-separated (a cell of several paragraphs rejoined), a row that is one cell across the table as a line of its own.
 */
export function tableLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    if (!lines[k]!.includes('\t')) { out.push(lines[k]!); continue; }
    // The table's text: lines with tabs, and the paragraphs of a cell before the tab that ends it.
    let run = '';
    let j = k;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (!line.includes('\t')) {
        let e = j;
        while (e < lines.length && e - j < 12 && !lines[e]!.includes('\t')) e++;
        if (e >= lines.length || e - j >= 12 || run.endsWith('\t')) break;
        run += lines.slice(j, e).join('');
        j = e - 1;
        continue;
      }
      run += line;
      // A line break right after a cell's mark ends the row.
      if (line.endsWith('\t') && !line.endsWith('\t\t')) run += '\t';
      else if (!line.endsWith('\t')) continue;
    }
    if (!run.endsWith('\t')) run += '\t\t';
    const tokens = run.split('\t').slice(0, -1).map((t) => t.trim());
    for (const row of oneHeader(cutRows(tokens))) out.push(row.length === 1 ? row[0]! : row.join('\t'));
    k = j - 1;
  }
  return out;
}

/** The text of a Word 97 document; a file WPS wrote in its own older format gets a message saying what to do. */
export async function word97Text(file: string, data: Buffer): Promise<string> {
  const what = /\.wps$/i.test(file) ? 'WPS 文字' : 'Word 97-2003';
  if (!isOle(data)) {
    throw new ImportFileError(/\.wps$/i.test(file)
      ? `文件「${file}」是早期 WPS 专有格式,无法读取。请在 WPS 中打开,另存为 .docx(或 .doc)后再导入。`
      : `文件「${file}」不是有效的 Word 97-2003 文档(.doc),可能已损坏或扩展名不对。请在 Word 或 WPS 中另存为 .docx 后再导入。`);
  }
  let body: string;
  try {
    body = (await (await extractor()).extract(data)).getBody();
  } catch {
    throw new ImportFileError(`文件「${file}」无法作为 ${what} 文档读取(可能已损坏、加密,或是其他程序的专有格式)。请在 WPS 或 Word 中打开,另存为 .docx 后再导入。`);
  }
  if (!body.replace(/\s/g, '')) throw new ImportFileError(`文件「${file}」中没有可读取的文字。`);
  return tableLines(body).join('\n');
}
