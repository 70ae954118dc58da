// The official-document format of GB/T 9704-2012 for Word files: A4 with margins 37/35/28/26 mm, body 3号 仿宋_GB2312
// on a grid of 28 characters by 22 lines, title 2号 方正小标宋简体, level-1 headings 黑体 and level-2 楷体_GB2312, page
// numbers "— 1 —" in 4号 宋体 at the outside edge of the foot; the named styles a planner finds in Word, and builders.
import {
  AlignmentType, DocumentGridType, Footer, LineRuleType, PageNumber, PageOrientation, Paragraph, TextRun,
  type IStylesOptions, type ISectionPropertiesOptions,
} from 'docx';

export const mm = (x: number): number => Math.round((x * 1440) / 25.4);

export const FONT = { title: '方正小标宋简体', body: '仿宋_GB2312', h1: '黑体', h2: '楷体_GB2312', page: '宋体' } as const;

/** The font Word and WPS use where a document's font is missing (the font table's altName). */
export const FALLBACK: Record<string, string> = { 方正小标宋简体: '宋体', 仿宋_GB2312: '仿宋', 楷体_GB2312: '楷体', 黑体: 'SimHei', 宋体: 'SimSun' };

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt. */
export const SIZE = { 二号: 44, 三号: 32, 四号: 28, 小四: 24, 五号: 21 } as const;

/** A4 portrait; the type area 156 × 225 mm. */
export const PAGE = { width: 11906, height: 16838, top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };

/** 22 lines of 28.95 pt fill the 225 mm type area: the exact line spacing and the grid's line pitch (twips). */
export const LINE = 579;

/**
 * 28 characters across the 156 mm type area take 442.2 / 28 = 15.79 pt each, a little less than the 16 pt of 3号. The
 * character grid's pitch is the body size (charSpace 0) and the body text is set 0.25 pt tighter (characterSpacing
 * −5 twentieths): 15.75 pt a character, 28 to the line in Word, WPS and LibreOffice alike (LibreOffice gives a
 * character wider than a grid cell two cells, so a negative grid delta would double every character's width there).
 */
export const CHAR_SPACE = 0;
export const TIGHTER = -5;

/** The width of the type area (twips), portrait and landscape. */
export const TEXT_WIDTH = { portrait: PAGE.width - PAGE.left - PAGE.right, landscape: PAGE.height - PAGE.top - PAGE.bottom };

const fontOf = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
/** Two characters of 3号 (first-line indent of body paragraphs), in twips. */
const TWO_CHARS = 640;

/** The named styles: 公文标题, 一级标题, 二级标题, 正文 (the default), 表格文字, 表头, 表题, 附件标识. */
export function gongwenStyles(): IStylesOptions {
  const exact = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const small = { line: 300, lineRule: LineRuleType.AUTO, before: 0, after: 0 };
  return {
    default: {
      document: {
        run: { font: fontOf(FONT.body), size: SIZE.三号, characterSpacing: TIGHTER },
        paragraph: { spacing: exact, alignment: AlignmentType.JUSTIFIED },
      },
    },
    paragraphStyles: [
      // Normal itself names the body font and size: LibreOffice sizes the character grid from it, as Word does from the defaults.
      { id: 'Normal', name: 'Normal', quickFormat: true,
        run: { font: fontOf(FONT.body), size: SIZE.三号, characterSpacing: TIGHTER }, paragraph: { spacing: exact, alignment: AlignmentType.JUSTIFIED } },
      { id: 'gwTitle', name: '公文标题', basedOn: 'Normal', next: 'Normal', quickFormat: true,
        run: { font: fontOf(FONT.title), size: SIZE.二号, snapToGrid: false, characterSpacing: 0 },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: LINE }, keepNext: true } },
      { id: 'gwH1', name: '一级标题', basedOn: 'Normal', next: 'Normal', quickFormat: true,
        run: { font: fontOf(FONT.h1), size: SIZE.三号 },
        paragraph: { indent: { firstLine: TWO_CHARS }, outlineLevel: 0, keepNext: true } },
      { id: 'gwH2', name: '二级标题', basedOn: 'Normal', next: 'Normal', quickFormat: true,
        run: { font: fontOf(FONT.h2), size: SIZE.三号 },
        paragraph: { indent: { firstLine: TWO_CHARS }, outlineLevel: 1, keepNext: true } },
      { id: 'gwBody', name: '公文正文', basedOn: 'Normal', next: 'gwBody', quickFormat: true,
        paragraph: { indent: { firstLine: TWO_CHARS } } },
      { id: 'gwTable', name: '表格文字', basedOn: 'Normal', next: 'gwTable',
        run: { size: SIZE.五号, snapToGrid: false, characterSpacing: 0 }, paragraph: { spacing: small, alignment: AlignmentType.LEFT } },
      { id: 'gwTableC', name: '表格文字(居中)', basedOn: 'gwTable', next: 'gwTableC', paragraph: { alignment: AlignmentType.CENTER } },
      { id: 'gwTableR', name: '表格文字(右对齐)', basedOn: 'gwTable', next: 'gwTableR', paragraph: { alignment: AlignmentType.RIGHT } },
      { id: 'gwTableHead', name: '表头', basedOn: 'gwTable', next: 'gwTable',
        run: { font: fontOf(FONT.h1), size: SIZE.五号, snapToGrid: false }, paragraph: { alignment: AlignmentType.CENTER } },
      { id: 'gwCaption', name: '表题', basedOn: 'Normal', next: 'Normal',
        run: { font: fontOf(FONT.h1), size: SIZE.四号, snapToGrid: false }, paragraph: { alignment: AlignmentType.CENTER, keepNext: true } },
      { id: 'gwAttach', name: '附件标识', basedOn: 'Normal', next: 'Normal',
        run: { font: fontOf(FONT.h1), size: SIZE.三号 }, paragraph: { alignment: AlignmentType.LEFT, keepNext: true } },
    ],
  };
}

const para = (style: string, text: string, extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
  new Paragraph({ style, children: [new TextRun(text)], ...extra });

export const title = (text: string) => para('gwTitle', text);
export const h1 = (text: string) => para('gwH1', text);
export const h2 = (text: string) => para('gwH2', text);
export const body = (text: string) => para('gwBody', text);
export const caption = (text: string) => para('gwCaption', text);
export const attachmentLabel = (text: string) => para('gwAttach', text);
/** A paragraph without indent (主送机关, the 附件 list). */
export const plain = (text: string, indent = 0) => new Paragraph({ children: [new TextRun(text)], indent: indent ? { left: indent } : undefined });
export const blank = () => new Paragraph({ children: [] });

/** The signature (落款): the office over the date, right-aligned four characters from the edge (GB/T 9704 7.3.5.1). */
export function signature(office: string, date: string): Paragraph[] {
  const right = { right: 4 * TWO_CHARS / 2 };
  return [
    ...(office ? [new Paragraph({ alignment: AlignmentType.RIGHT, indent: right, children: [new TextRun(office)] })] : []),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: right, children: [new TextRun(date)] }),
  ];
}

/** "— 1 —" in 4号 宋体, one character in from the outside edge: right on odd pages, left on even ones. */
function pageNumber(side: 'odd' | 'even'): Footer {
  const run = (text: string) => new TextRun({ text, font: fontOf(FONT.page), size: SIZE.四号, snapToGrid: false });
  return new Footer({
    children: [new Paragraph({
      alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === 'odd' ? { right: 280 } : { left: 280 },
      spacing: { line: 320, lineRule: LineRuleType.EXACT },
      children: [run('— '), new TextRun({ children: [PageNumber.CURRENT], font: fontOf(FONT.page), size: SIZE.四号, snapToGrid: false }), run(' —')],
    })],
  });
}

/** A section's page: A4 portrait (or landscape for wide tables), the margins, the character grid and the page numbers. */
export function section(landscape = false): Pick<ISectionPropertiesOptions, 'page' | 'grid'> & { footers: { default: Footer; even: Footer } } {
  const margin = landscape
    ? { top: PAGE.left, bottom: PAGE.right, left: PAGE.top, right: PAGE.bottom, footer: mm(14), header: mm(12) }
    : { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: mm(24), header: mm(15) };
  return {
    page: {
      // docx turns the portrait size round for a landscape page.
      size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin,
    },
    grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE, charSpace: CHAR_SPACE },
    footers: { default: pageNumber('odd'), even: pageNumber('even') },
  };
}
