// Tables of the Word documents: thin black borders, a bold 黑体 header repeated on every page, 五号 仿宋 cells, band rows
// across the table for a plan or chapter, cells shaded in the palette's colours; widths share the type area by weight.
// A table is written as WordprocessingML text in place of a marker paragraph once docx has packed the rest: a city's
// attachments hold tens of thousands of cells, which docx's object tree packs several times more slowly.
import { Paragraph, TextRun } from 'docx';
import type { Swatch } from '../../contract/colors';

/** A column of a table; one no row fills is left out, unless `keep`. */
export interface DocColumn { header: string; weight: number; align?: 'left' | 'center' | 'right'; keep?: boolean }
export interface DocCell { text: string; swatch?: Swatch }
export type DocRow = { cells: (string | DocCell)[]; bold?: boolean } | { band: string };

/** Paragraph styles of a cell by its alignment (gongwen.ts defines them). */
const STYLE = { left: 'gwTable', center: 'gwTableC', right: 'gwTableR' } as const;
const HEAD_FILL = 'E7ECF3';
const BAND: Swatch = { fill: '#F2F4F7', text: '#000000' };

const hex = (c: string) => c.replace('#', '').toUpperCase();
// eslint-disable-next-line no-control-regex
const escape = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface CellLook { width: number; style: string; bold?: boolean; swatch?: Swatch; fill?: string; span?: number; keep?: boolean; middle?: boolean }

/** One cell: its width, span, shading and vertical alignment (in the schema's order), a paragraph per line. */
function cellXml(text: string, o: CellLook): string {
  const fill = o.fill ?? (o.swatch ? hex(o.swatch.fill) : '');
  const tcPr = `<w:tcPr><w:tcW w:w="${o.width}" w:type="dxa"/>${o.span ? `<w:gridSpan w:val="${o.span}"/>` : ''}`
    + `${fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>` : ''}${o.middle ? '<w:vAlign w:val="center"/>' : ''}</w:tcPr>`;
  const rPr = o.bold || o.swatch ? `<w:rPr>${o.bold ? '<w:b/><w:bCs/>' : ''}${o.swatch ? `<w:color w:val="${hex(o.swatch.text)}"/>` : ''}</w:rPr>` : '';
  const pPr = `<w:pPr><w:pStyle w:val="${o.style}"/>${o.keep ? '<w:keepNext/>' : ''}</w:pPr>`;
  const paragraphs = (text || '').split('\n').map((t) => `<w:p>${pPr}${t ? `<w:r>${rPr}<w:t xml:space="preserve">${escape(t)}</w:t></w:r>` : ''}</w:p>`);
  return `<w:tc>${tcPr}${paragraphs.join('')}</w:tc>`;
}

const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;

/** A table `width` twips wide as WordprocessingML; its header row repeats on every page; a small one (`keep`) stays on one page. */
export function tableXml(columns: DocColumn[], rows: DocRow[], width: number, keep = false): string {
  const sum = columns.reduce((a, c) => a + c.weight, 0);
  const widths = columns.map((c) => Math.floor((width * c.weight) / sum));
  const out: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:w="${width}" w:type="dxa"/><w:jc w:val="center"/>`
    + `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`
    + '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="70" w:type="dxa"/>'
    + '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    + `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${columns.map((c, i) => cellXml(c.header, { width: widths[i], style: 'gwTableHead', fill: HEAD_FILL, keep, middle: true })).join('')}</w:tr>`,
  ];
  rows.forEach((r, k) => {
    const next = keep && k < rows.length - 1;
    if ('band' in r) {
      out.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${cellXml(r.band, { width, style: STYLE.left, bold: true, swatch: BAND, span: columns.length, keep: true })}</w:tr>`);
      return;
    }
    const cells = r.cells.map((v, i) => {
      const c = typeof v === 'string' ? { text: v } : v;
      return cellXml(c.text, { width: widths[i], style: STYLE[columns[i].align ?? 'left'], bold: r.bold, swatch: c.swatch, keep: next });
    });
    out.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.join('')}</w:tr>`);
  });
  out.push('</w:tbl>');
  return out.join('');
}

const cellValue = (c: string | DocCell | undefined): string => (c == null ? '' : typeof c === 'string' ? c : c.text);

const MARK = '\u27e6表';
const MARK_END = '\u27e7';

/** The tables of one document: each stands in the body as a marker paragraph until fill() puts its XML there. */
export class Tables {
  private xml: string[] = [];
  add(columns: DocColumn[], rows: DocRow[], width: number, keep = false): Paragraph {
    const used = columns.map((c, k) => !!c.keep || rows.some((r) => 'cells' in r && cellValue(r.cells[k]) !== ''));
    const body = rows.map((r) => ('cells' in r ? { ...r, cells: r.cells.filter((_, k) => used[k]) } : r));
    const i = this.xml.push(tableXml(columns.filter((_, k) => used[k]), body, width, keep)) - 1;
    return new Paragraph({ children: [new TextRun(`${MARK}${i}${MARK_END}`)] });
  }
  /** The document part with each marker paragraph replaced by its table. */
  fill(documentXml: string): string {
    if (!this.xml.length) return documentXml;
    const parts: string[] = [];
    let from = 0;
    for (;;) {
      const at = documentXml.indexOf(MARK, from);
      if (at < 0) break;
      const start = Math.max(documentXml.lastIndexOf('<w:p>', at), documentXml.lastIndexOf('<w:p ', at));
      const end = documentXml.indexOf('</w:p>', at) + '</w:p>'.length;
      const i = Number(documentXml.slice(at + MARK.length, documentXml.indexOf(MARK_END, at)));
      parts.push(documentXml.slice(from, start), this.xml[i]);
      from = end;
    }
    parts.push(documentXml.slice(from));
    return parts.join('');
  }
}
