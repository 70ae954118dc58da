// The government-document look shared by every workbook: fonts, borders, fills, print setup; one style object per look.
import type { Style, Fill, PageSetup, HeaderFooter } from 'exceljs';
import { STATUS_COLORS, VERDICT_COLORS, FLAG_COLORS, argb, type Swatch } from '../../contract/colors';
import type { TaskStatus, Verdict, Flag } from '../../contract/model';

export const BODY_FONT = '仿宋_GB2312';
export const HEAD_FONT = '黑体';
export const BODY_SIZE = 11;
export const TITLE_SIZE = 18;

/** Points per wrapped line of body text, and the padding above and below it. */
export const LINE_HEIGHT = BODY_SIZE * 1.45;
export const ROW_PADDING = 5;

/** Fill of the cells a responsible unit fills in. */
export const FILL_IN_COLOR = '#FFF8DC';

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

export type CellLook = 'text' | 'center' | 'number' | 'header' | 'title' | 'subtitle-left' | 'subtitle-right' | 'note' | 'section' | 'chapter' | 'sign';

export interface LookOptions { numFmt?: string; swatch?: Swatch; bold?: boolean; unlocked?: boolean; textFormat?: boolean }

const solid = (hex: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) }, bgColor: { argb: argb(hex) } });

const cache = new Map<string, Partial<Style>>();

/**
 * The style object for a look. The same object is returned for the same look, so the writer stores each style once
 * (exceljs recognises style objects it has seen).
 */
export function look(kind: CellLook, o: LookOptions = {}): Partial<Style> {
  const key = `${kind}|${o.numFmt ?? ''}|${o.swatch?.fill ?? ''}|${o.bold ? 1 : 0}|${o.unlocked ? 1 : 0}|${o.textFormat ? 1 : 0}`;
  let s = cache.get(key);
  if (s) return s;
  s = build(kind, o);
  cache.set(key, s);
  return s;
}

function build(kind: CellLook, o: LookOptions): Partial<Style> {
  switch (kind) {
    case 'title':
      return { font: { name: HEAD_FONT, size: TITLE_SIZE }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
    case 'subtitle-left':
    case 'subtitle-right':
      return {
        font: { name: BODY_FONT, size: BODY_SIZE + 1 },
        alignment: { horizontal: kind === 'subtitle-left' ? 'left' : 'right', vertical: 'middle' },
      };
    case 'note':
      return { font: { name: BODY_FONT, size: BODY_SIZE }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } };
    case 'sign':
      return { font: { name: BODY_FONT, size: BODY_SIZE + 1 }, alignment: { horizontal: 'right', vertical: 'middle' } };
    case 'section':
    case 'chapter':
      // A plan's section row (its title and period) and a chapter row inside it, across the whole table.
      return {
        font: { name: kind === 'section' ? HEAD_FONT : BODY_FONT, size: BODY_SIZE, bold: kind === 'chapter' },
        alignment: { horizontal: 'left', vertical: 'middle', wrapText: true, indent: kind === 'chapter' ? 1 : 0 },
        border: BORDER, fill: solid(kind === 'section' ? '#F2F4F7' : '#FAFBFC'),
      };
    case 'header':
      return {
        font: { name: HEAD_FONT, size: BODY_SIZE, bold: true },
        alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
        border: BORDER, fill: solid(o.swatch?.fill ?? '#E7ECF3'),
      };
    default: {
      const s: Partial<Style> = {
        font: { name: BODY_FONT, size: BODY_SIZE, bold: !!o.bold, ...(o.swatch ? { color: { argb: argb(o.swatch.text) } } : {}) },
        alignment: {
          horizontal: kind === 'number' ? 'right' : kind === 'center' ? 'center' : 'left', vertical: 'middle', wrapText: true,
        },
        border: BORDER,
      };
      if (o.swatch) s.fill = solid(o.swatch.fill);
      if (o.numFmt) s.numFmt = o.numFmt;
      else if (o.textFormat) s.numFmt = '@';
      if (o.unlocked) s.protection = { locked: false };
      return s;
    }
  }
}

export const flagSwatch = (f: Flag | undefined): Swatch | undefined => (f && f !== 'none' ? FLAG_COLORS[f] : undefined);
export const statusSwatch = (s: string): Swatch | undefined => STATUS_COLORS[s as TaskStatus];
export const verdictSwatch = (v: string): Swatch | undefined => VERDICT_COLORS[v as Verdict];
export const fillInSwatch: Swatch = { fill: FILL_IN_COLOR, text: '#000000' };

/**
 * The widest table (in column units) that A4 landscape prints with body text at 10 pt or more: LibreOffice takes a
 * column unit as about 7.05 pt (Excel as 5.25 pt, so Excel prints such a table at full size), the page holds 770 pt
 * between the margins, and 11 pt text may shrink to 10/11 of its size: 770 / 7.05 × 10/11 ≈ 120, less a little room.
 */
export const PRINT_WIDTH = 118;

/**
 * The height of sheet rows (pt) one A4 landscape page holds at full size, with room to spare: 595 pt less the
 * 0.6 + 0.7 in margins is 502 pt. A sheet that breaks its own pages (to repeat a table's header) breaks there.
 */
export const PAGE_HEIGHT = 470;

/** A4 landscape, fitted to the page width, the header rows repeated on every page, centred horizontally. */
export function printSetup(headerRows: string | undefined, portrait = false): Partial<PageSetup> {
  return {
    paperSize: 9, orientation: portrait ? 'portrait' : 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    horizontalCentered: true, printTitlesRow: headerRows,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
}

export const PAGE_FOOTER: Partial<HeaderFooter> = {
  oddFooter: `&C&"${BODY_FONT}"&10第 &P 页 共 &N 页`, evenFooter: `&C&"${BODY_FONT}"&10第 &P 页 共 &N 页`,
};
