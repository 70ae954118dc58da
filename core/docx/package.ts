// Writes a Word document: packs it with docx, lists its fonts in the font table with the font Word and WPS use where
// one is missing (方正小标宋简体 → 宋体, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体), takes tables and captions off the line
// grid, puts the tables written as XML in place, and saves it through a temporary file.
import fs from 'node:fs';
import JSZip from 'jszip';
import { Packer, type Document } from 'docx';
import { FALLBACK } from './gongwen';
import type { Tables } from './table';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The font table's entries: each font the document names, with its fallback and the GB2312 character set (86). */
export function fontTableXml(xml: string, fonts: string[]): string {
  const entries = fonts.map((f) => `<w:font w:name="${esc(f)}">${FALLBACK[f] ? `<w:altName w:val="${esc(FALLBACK[f])}"/>` : ''}<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`).join('');
  return xml.replace(/<w:fonts([^>]*?)\/>/, `<w:fonts$1>${entries}</w:fonts>`).replace(/(<w:fonts[^>]*[^/]>)(?!<w:font )/, `$1${entries}`);
}

/** The pPr elements a snapToGrid must stand before (ECMA-376 CT_PPrBase order). */
const AFTER_SNAP = /<w:(spacing|ind|contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|cnfStyle)\b/;

/**
 * Paragraph styles whose lines keep their own spacing off the document's line grid (tables, captions, the title):
 * docx writes snapToGrid for runs only, so it is added to the styles' paragraph properties here.
 */
export function offGrid(xml: string, styleIds: string[]): string {
  return xml.replace(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g, (style, id: string) => {
    if (!styleIds.includes(id)) return style;
    return style.replace(/<w:pPr>([\s\S]*?)<\/w:pPr>/, (_, inner: string) => {
      const at = inner.search(AFTER_SNAP);
      const snap = '<w:snapToGrid w:val="0"/>';
      return `<w:pPr>${at < 0 ? inner + snap : inner.slice(0, at) + snap + inner.slice(at)}</w:pPr>`;
    });
  });
}

export const OFF_GRID = ['gwTitle', 'gwTable', 'gwTableC', 'gwTableR', 'gwTableHead', 'gwCaption'];

export async function packDocument(doc: Document, fonts: string[], tables?: Tables): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  const body = zip.file('word/document.xml');
  if (body && tables) zip.file('word/document.xml', tables.fill(await body.async('string')));
  const part = zip.file('word/fontTable.xml');
  if (part) zip.file('word/fontTable.xml', fontTableXml(await part.async('string'), fonts));
  const styles = zip.file('word/styles.xml');
  if (styles) zip.file('word/styles.xml', offGrid(await styles.async('string'), OFF_GRID));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** Saves through `file.part`, so a failed export leaves nothing half-written. */
export async function writeDocument(doc: Document, fonts: string[], file: string, tables?: Tables): Promise<void> {
  const buf = await packDocument(doc, fonts, tables);
  const tmp = `${file}.part`;
  try {
    fs.writeFileSync(tmp, buf);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
