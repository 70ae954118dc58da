// .docx → blocks: paragraphs with their real heading level (paragraph style or outline level) and real tables.
import JSZip from 'jszip';
import type { Block } from './text/blocks';
import { tidyLine } from './text/clean';
import { ImportFileError } from './errors';

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n) => String.fromCharCode(+n)).replace(/&amp;/g, '&');

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

function paraText(xml: string): string {
  let s = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) s += m[1] !== undefined ? decode(m[1]) : m[0] === '<w:tab/>' ? '\t' : '\n';
  return s;
}

function paraLevel(xml: string, styles: Map<string, number>): number | undefined {
  const outline = xml.match(/<w:pPr>[\s\S]*?<w:outlineLvl w:val="(\d)"/);
  if (outline && +outline[1]! < 9) return +outline[1]! + 1;
  const style = xml.match(/<w:pStyle w:val="([^"]+)"/)?.[1];
  if (!style) return undefined;
  return styles.get(style) ?? (/^(?:Heading|标题)?(\d)$/i.test(style) ? +style.replace(/\D/g, '') : undefined);
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
  const body = doc.match(/<w:body>([\s\S]*)<\/w:body>/)?.[1] ?? doc;
  const out: Block[] = [];
  let n = 0;
  for (const m of body.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>|<w:p\b[^>]*\/>|<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)) {
    n++;
    if (m[1] !== undefined) {
      const rows = [...m[1].matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)].map((r) =>
        [...r[1]!.matchAll(/<w:tc\b[^>]*>([\s\S]*?)<\/w:tc>/g)].map((c) => tidyLine([...c[1]!.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((p) => paraText(p[1]!)).join(''))));
      const [header = [], ...rest] = rows;
      const prev = out[out.length - 1];
      const caption = prev?.kind === 'text' && prev.text.length <= 45 && !/。$/.test(prev.text) ? (out.pop(), prev.text) : '';
      out.push({ kind: 'table', line: n, caption, header, rows: rest, complete: true, note: '' });
      continue;
    }
    const xml = m[2] ?? '';
    for (const line of paraText(xml).split('\n')) {
      const text = tidyLine(line);
      if (!text) continue;
      const level = paraLevel(xml, styles);
      out.push(level ? { kind: 'text', text, line: n, headingLevel: level } : { kind: 'text', text, line: n });
    }
  }
  return out;
}
