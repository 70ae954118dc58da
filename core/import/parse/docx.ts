// .docx → blocks: paragraphs with their real heading level (paragraph style or outline level) and real Word tables
// (merged cells and two-row headers through grid.ts); a table of one column (a 专栏 box) gives its paragraphs.
import JSZip from 'jszip';
import type { Block } from './text/blocks';
import { tidyLine } from './text/clean';
import { ImportFileError } from './errors';
import { gridTable, tableCaption, type RawCell } from './grid';

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n) => String.fromCharCode(+n)).replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCharCode(parseInt(n, 16))).replace(/&amp;/g, '&');

/** Style id → heading level (1-based), from styles.xml names ("heading 2") and outline levels. */
function headingStyles(xml: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of xml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const name = m[2]!.match(/<w:name w:val="([^"]+)"/)?.[1] ?? '';
    const byName = name.match(/^(?:heading|标题)\s*(\d)$/i);
    const outline = m[2]!.match(/<w:outlineLvl w:val="(\d)"/);
    if (byName) out.set(m[1]!, +byName[1]!);
    else if (outline) out.set(m[1]!, +outline[1]! + 1);
  }
  return out;
}

interface Element { tag: string; inner: string; open: string }

/** The elements of the given tags at the top level of `xml` (nested ones of the same tags stay inside their parent). */
export function topLevel(xml: string, tags: string[]): Element[] {
  const re = new RegExp(`<(/?)(${tags.join('|')})(?=[\\s>/])([^>]*?)(/?)>`, 'g');
  const out: Element[] = [];
  let depth = 0;
  let start = 0;
  let innerStart = 0;
  let tag = '';
  let open = '';
  for (const m of xml.matchAll(re)) {
    const [all, close, name, , self] = m;
    if (self) { if (depth === 0) out.push({ tag: name!, inner: '', open: all }); continue; }
    if (!close) {
      if (depth++ === 0) { tag = name!; open = all; start = m.index!; innerStart = start + all.length; }
    } else if (--depth === 0) {
      out.push({ tag, inner: xml.slice(innerStart, m.index!), open });
    } else if (depth < 0) depth = 0;
  }
  return out;
}

function paraText(xml: string): string {
  let s = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<w:cr\/>|<w:noBreakHyphen\/>/g)) {
    s += m[1] !== undefined ? decode(m[1]) : m[0] === '<w:tab/>' ? '\t' : m[0] === '<w:noBreakHyphen/>' ? '-' : '\n';
  }
  return s;
}

function paraLevel(xml: string, styles: Map<string, number>): number | undefined {
  const pPr = xml.match(/<w:pPr>([\s\S]*?)<\/w:pPr>/)?.[1] ?? '';
  const outline = pPr.match(/<w:outlineLvl w:val="(\d)"/);
  if (outline && +outline[1]! < 9) return +outline[1]! + 1;
  const style = pPr.match(/<w:pStyle w:val="([^"]+)"/)?.[1];
  if (!style) return undefined;
  return styles.get(style) ?? (/^(?:Heading|标题)?(\d)$/i.test(style) ? +style.replace(/\D/g, '') : undefined);
}

/** The paragraphs of a cell (tables nested in it flattened to their text). */
function cellParagraphs(xml: string): string[] {
  return topLevel(xml, ['w:p', 'w:tbl']).flatMap((e) => (e.tag === 'w:p' ? [paraText(e.inner)] : tableCells(e.inner).flat().map((c) => c.text)));
}

function tableCells(xml: string): RawCell[][] {
  return topLevel(xml, ['w:tr']).map((r) => topLevel(r.inner, ['w:tc']).map((c) => {
    const pr = c.inner.match(/<w:tcPr>([\s\S]*?)<\/w:tcPr>/)?.[1] ?? '';
    const span = +(pr.match(/<w:gridSpan w:val="(\d+)"/)?.[1] ?? 1);
    const vm = pr.match(/<w:vMerge(?:\s+w:val="(\w+)")?\s*\/>/);
    const cell: RawCell = { text: cellParagraphs(c.inner).map(tidyLine).join('\n'), colSpan: span };
    if (vm) cell.vMerge = vm[1] === 'restart' ? 'restart' : 'continue';
    return cell;
  }));
}

/** The blocks of a .docx in document order. */
export async function docxBlocks(file: string, data: Buffer): Promise<Block[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new ImportFileError(`文件「${file}」无法作为 .docx 打开(压缩包已损坏)。`);
  }
  const doc = await zip.file('word/document.xml')?.async('string');
  if (!doc) throw new ImportFileError(`文件「${file}」不是 Word 文档(缺少 word/document.xml)。`);
  const styles = headingStyles((await zip.file('word/styles.xml')?.async('string')) ?? '');
  const body = (doc.match(/<w:body>([\s\S]*)<\/w:body>/)?.[1] ?? doc).replace(/<\/?w:(sdt|sdtContent|customXml|smartTag)\b[^>]*>|<w:sdtPr>[\s\S]*?<\/w:sdtPr>/g, '');
  const out: Block[] = [];
  let n = 0;
  const text = (raw: string, level?: number) => {
    for (const line of raw.split('\n')) {
      const t = tidyLine(line);
      if (t) out.push(level ? { kind: 'text', text: t, line: n, headingLevel: level } : { kind: 'text', text: t, line: n });
    }
  };
  const emit = (xml: string, depth: number): void => {
    for (const el of topLevel(xml, ['w:p', 'w:tbl'])) {
      n++;
      if (el.tag === 'w:p') { text(paraText(el.inner), paraLevel(el.inner, styles)); continue; }
      const rows = tableCells(el.inner);
      const width = Math.max(0, ...rows.map((r) => r.reduce((s, c) => s + c.colSpan, 0)));
      if (width <= 1) {
        // A 专栏 box: its paragraphs, and a table inside it ("专栏1 主要指标" over its indicator table) as a table.
        for (const r of topLevel(el.inner, ['w:tr'])) for (const c of topLevel(r.inner, ['w:tc'])) {
          if (depth < 3 && /<w:tbl[\s>]/.test(c.inner)) emit(c.inner, depth + 1);
          else for (const p of cellParagraphs(c.inner)) text(p);
        }
        continue;
      }
      const caption = tableCaption(out);
      out.push(gridTable(rows, n, caption));
    }
  };
  emit(body, 0);
  return out;
}
