// Tables of the Word documents: thin black borders, a bold 黑体 header repeated on every page, 五号 仿宋 cells, band rows
// across the table for a plan or chapter, cells shaded in the palette's colours; widths share the type area by weight.
import {
  AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import type { Swatch } from '../../contract/colors';

export interface DocColumn { header: string; weight: number; align?: 'left' | 'center' | 'right' }
export interface DocCell { text: string; swatch?: Swatch }
export type DocRow = { cells: (string | DocCell)[]; bold?: boolean } | { band: string };

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: line, bottom: line, left: line, right: line };
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const hex = (c: string) => c.replace('#', '').toUpperCase();

function cell(text: string, o: { width: number; align: keyof typeof ALIGN; head?: boolean; bold?: boolean; swatch?: Swatch; span?: number; keep?: boolean }): TableCell {
  const paragraphs = (text || '').split('\n').map((t) => new Paragraph({
    style: o.head ? 'gwTableHead' : 'gwTable', alignment: ALIGN[o.align], keepNext: o.keep || undefined,
    children: [new TextRun({ text: t, bold: o.bold || undefined, color: o.swatch ? hex(o.swatch.text) : undefined })],
  }));
  return new TableCell({
    children: paragraphs, width: { size: o.width, type: WidthType.DXA }, columnSpan: o.span, borders,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 70, right: 70 },
    shading: o.head ? { fill: 'E7ECF3', type: ShadingType.CLEAR, color: 'auto' } : o.swatch ? { fill: hex(o.swatch.fill), type: ShadingType.CLEAR, color: 'auto' } : undefined,
  });
}

/** A table `width` twips wide; its header row repeats on every page; a small one (`keep`) stays on one page. */
export function docTable(columns: DocColumn[], rows: DocRow[], width: number, keep = false): Table {
  const sum = columns.reduce((a, c) => a + c.weight, 0);
  const widths = columns.map((c) => Math.floor((width * c.weight) / sum));
  const header = new TableRow({
    tableHeader: true, cantSplit: true,
    children: columns.map((c, i) => cell(c.header, { width: widths[i], align: 'center', head: true, keep })),
  });
  const body = rows.map((r, k) => {
    const next = keep && k < rows.length - 1;
    if ('band' in r) {
      return new TableRow({ cantSplit: true, children: [cell(r.band, { width, align: 'left', bold: true, span: columns.length, swatch: { fill: '#F2F4F7', text: '#000000' }, keep: true })] });
    }
    return new TableRow({
      cantSplit: true,
      children: r.cells.map((v, i) => {
        const c = typeof v === 'string' ? { text: v } : v;
        return cell(c.text, { width: widths[i], align: columns[i].align ?? 'left', bold: r.bold, swatch: c.swatch, keep: next });
      }),
    });
  });
  return new Table({
    rows: [header, ...body], width: { size: width, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
  });
}
