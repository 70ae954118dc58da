// Scraping noise: [bookmark: …] markers, web-page furniture, stray spaces and characters lost in the dashes of year ranges.

export interface RawLine {
  /** 1-based line in the source text. */
  line: number;
  text: string;
  /** Cells of a tab-indented table row keep their leading tab here. */
  tabbed: boolean;
  /** A row of a table written on one line: its cells (tab-separated, empty ones kept, or aligned with spaces). */
  cells?: string[];
  /** The display width of the line's leading white space (a continuation of a cell in a table aligned with spaces). */
  indent?: number;
  /** Tab-separated: how many empty cells its leading tabs stand for (a merged first column's rows). */
  lead?: number;
  /** The display column where each cell starts (CJK characters two wide), for rows aligned with spaces. */
  starts?: number[];
}

const CJK = '\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef“”‘’《》〔〕【】—…·';
const SPACE_NEAR_CJK = new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'g');

/** Web-page furniture and boilerplate that never belongs to a plan. */
const FURNITURE: RegExp[] = [
  /^\|?\s*注册\s*网站支持/, /^首页/, /^您(的)?当前(的)?位置/, /^主办[:：]/, /^扫一扫/, /^语音(播报|合成)/,
  /^(进入|退出)播报模式/, /^部门街镇$/, /^政务新媒体$/, /^矩阵$/, /^公开信箱$/, /^服务地图$/, /^微信二维码$/,
  /^小程序/, /^Copyright/i, /^传真[:：]/, /^推荐站内搜索/, /^此篇文章发布距今/, /^还没有评论/, /\.com-/,
  /^日期[:：]\s*\d{4}-\d{2}-\d{2}$/, /^文件下载[:：]?$/, /^[(（]此件公开发布[)）]$/, /^特此通知[。.]?$/,
  /^[•·]\s/, /^分享(文章)?到/, /^打印(本页)?$/, /^关闭(窗口)?$/, /^【?字体[:：]/, /^网站标识码/,
  /^来源[:：]/, /^\[\d{1,2}\]\S/, /\d日?印发$/,
];

export function isFurniture(text: string): boolean {
  return FURNITURE.some((re) => re.test(text));
}

/** Normalises a whole text: line ends, bookmarks, no-break spaces. */
export function normaliseText(s: string): string {
  return s
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\[bookmark:[^\]]*\]/g, '')
    .replace(/[\u00a0\u2002\u2003\u200b]/g, ' ');
}

/** One line without stray spaces; "(20232027年)" regains its lost dash. */
export function tidyLine(s: string): string {
  // Most lines and cells hold no space at all: only the lost dash is left to look for.
  const spaced = /\s/.test(s) ? s.replace(/\u3000/g, ' ').trim().replace(SPACE_NEAR_CJK, '') : s;
  return spaced.includes('20') ? spaced.replace(/([(（])(20\d\d)(20\d\d)(年?[)）])/g, '$1$2—$3$4') : spaced;
}

const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);

/** Cells of a line written as a table row: tab-separated (two cells or more), or aligned with runs of spaces (three or more). */
function rowCells(raw: string): Pick<RawLine, 'cells' | 'starts' | 'lead'> {
  const body = raw.replace(/\s+$/, '');
  if (/\S\t+\S/.test(body)) {
    const lead = body.match(/^\t+/)?.[0].length ?? 0;
    return { cells: body.slice(lead).split('\t').map(tidyLine), ...(lead ? { lead } : {}) };
  }
  const parts = [...body.matchAll(/\S+(?:[ ]\S+)*/g)];
  const gaps = body.match(/\S(?: {2,}|\u3000+)(?=\S)/g)?.length ?? 0;
  if (gaps < 2 || parts.length < 3) return {};
  return { cells: parts.map((m) => tidyLine(m[0])), starts: parts.map((m) => width(body.slice(0, m.index!))) };
}

/** The text's lines, tidied; blank lines kept as '' (they separate table rows). */
export function toLines(text: string): RawLine[] {
  return normaliseText(text).split('\n').map((raw, i) => ({
    line: i + 1,
    text: tidyLine(raw),
    tabbed: /^\t/.test(raw) && !/\S\t+\S/.test(raw),
    ...(/^ {2,}\S/.test(raw) ? { indent: width(raw.match(/^ +/)![0]) } : {}),
    ...rowCells(raw),
  }));
}
