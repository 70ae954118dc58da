// Saved web pages (.html/.htm) → blocks of the document they publish: the article's paragraphs and tables (colspan and
// rowspan through grid.ts), its title, and the particulars of the page's information table (发文字号, 成文日期, 发布机构);
// the site's menus, breadcrumbs, share links, related reading and footer are left out.
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import type { Block } from './text/blocks';
import { isFurniture, tidyLine } from './text/clean';
import { publisherOf, type PageMeta } from './text/meta';
import { gridTable, type RawCell } from './grid';
import { readNumber } from './text/numbering';

const FURNITURE_TAGS = new Set(['script', 'style', 'noscript', 'nav', 'header', 'footer', 'form', 'button', 'input', 'select', 'textarea', 'iframe', 'svg', 'img', 'object', 'aside']);
const FURNITURE_CLASS = /(^|[\s_-])(nav|menu|crumb|breadcrumb|position|location|foot|footer|share|qr|qrcode|ewm|related|relevant|xgyd|sidebar|side|toolbar|tools|copyright|login|search|logo|banner|top|opt|print|pager|attach)([\s_-]|$)/i;
const BLOCK_TAGS = new Set(['p', 'div', 'section', 'article', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'center', 'dd', 'dt', 'dl', 'pre', 'tr', 'tbody', 'thead', 'main']);
const META_KEYS = ['发文字号', '文号', '成文日期', '发布日期', '发布机构', '发文机关', '索引号', '主题分类', '标题', '名称'];

/** The text of an HTML file in the encoding its meta tag or byte-order mark names (UTF-8, else GBK). */
export function htmlText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  const head = data.subarray(0, 4096).toString('latin1');
  const charset = head.match(/charset\s*=\s*["']?([\w-]+)/i)?.[1]?.toLowerCase() ?? '';
  if (/gb2312|gbk|gb18030/.test(charset)) return new TextDecoder('gb18030').decode(data);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

const textOf = (n: Node) => tidyLine(n.textContent.replace(/\s+/g, ' '));

/** The page's information table: "发文字号：" followed by its value, in the same cell or the next one. */
function pageMeta(root: HTMLElement): PageMeta {
  const out: PageMeta = {};
  const cells = root.querySelectorAll('td, th, li, span, p, div, dt, dd').filter((e) => !e.querySelector('td, li, p, div'));
  cells.forEach((c, k) => {
    const t = textOf(c);
    const by = publisherOf(t);
    if (by && !out['发布机构']) out['发布机构'] = by;
    const m = t.match(/^[[【]?\s*([\u4e00-\u9fff]{2,6})\s*[\]】]?\s*[:：]\s*(.*)$/);
    if (!m || !META_KEYS.includes(m[1]!)) return;
    const v = m[2] || textOf(cells[k + 1] ?? c);
    if (v && !out[m[1]!] && v.length <= 120) out[m[1]!] = v;
  });
  return out;
}

function isFurnitureElement(e: HTMLElement): boolean {
  if (FURNITURE_TAGS.has(e.rawTagName?.toLowerCase() ?? '')) return true;
  const id = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`;
  return FURNITURE_CLASS.test(id);
}

function strip(e: HTMLElement): void {
  for (const c of [...e.childNodes]) {
    if (c.nodeType !== 1) continue;
    const el = c as HTMLElement;
    if (isFurnitureElement(el)) el.remove();
    else strip(el);
  }
}

/** The element holding the article: the one whose own paragraphs and tables carry the most text. */
function contentRoot(body: HTMLElement): HTMLElement {
  const score = new Map<HTMLElement, number>();
  const visit = (e: HTMLElement) => {
    for (const c of e.childNodes) {
      const len = c.nodeType === 3 ? c.textContent.trim().length : 0;
      if (c.nodeType === 1) {
        const el = c as HTMLElement;
        const tag = el.rawTagName?.toLowerCase();
        if (tag === 'p' || tag === 'table' || (tag === 'div' && !el.querySelector('div, p, table'))) score.set(e, (score.get(e) ?? 0) + textOf(el).length);
        visit(el);
      } else if (len > 20) score.set(e, (score.get(e) ?? 0) + len);
    }
  };
  visit(body);
  let best = body;
  let top = 0;
  for (const [e, s] of score) if (s > top) { best = e; top = s; }
  return best;
}

function tableOf(t: HTMLElement, line: number, out: Block[]): void {
  const rows: RawCell[][] = t.querySelectorAll('tr').filter((r) => r.closest('table') === t).map((r) =>
    r.childNodes.filter((c): c is HTMLElement => c.nodeType === 1 && /^t[dh]$/i.test((c as HTMLElement).rawTagName ?? '')).map((c) => ({
      text: c.querySelectorAll('p, br, div').length ? c.childNodes.map(textOf).join('\n') : textOf(c),
      colSpan: +(c.getAttribute('colspan') ?? 1) || 1, rowSpan: +(c.getAttribute('rowspan') ?? 1) || 1,
    })));
  const width = Math.max(0, ...rows.map((r) => r.reduce((s, c) => s + c.colSpan, 0)));
  if (width <= 1) { for (const r of rows) for (const c of r) for (const l of c.text.split('\n')) if (tidyLine(l)) out.push({ kind: 'text', text: tidyLine(l), line }); return; }
  const prev = out[out.length - 1];
  const caption = prev?.kind === 'text' && prev.text.length <= 45 && !/[。；;]$/.test(prev.text) && /^(表|附表|专栏)|指标|清单|一览/.test(prev.text) && (!readNumber(prev.text) || /^(表|专栏)/.test(prev.text)) ? (out.pop(), prev.text) : '';
  out.push(gridTable(rows, line, caption));
}

/** Blocks of an element: one text block per block-level element or <br>-separated run, tables as tables. */
function blocksOf(root: HTMLElement): Block[] {
  const out: Block[] = [];
  let buf = '';
  let n = 0;
  const flush = () => {
    const t = tidyLine(buf);
    buf = '';
    if (t && !isFurniture(t)) out.push({ kind: 'text', text: t, line: ++n });
  };
  const walk = (e: HTMLElement) => {
    for (const c of e.childNodes) {
      if (c.nodeType === 3) { buf += c.textContent.replace(/\s+/g, ' '); continue; }
      if (c.nodeType !== 1) continue;
      const el = c as HTMLElement;
      const tag = el.rawTagName?.toLowerCase() ?? '';
      if (tag === 'br') { flush(); continue; }
      if (tag === 'table') { flush(); tableOf(el, ++n, out); continue; }
      const block = BLOCK_TAGS.has(tag);
      if (block) flush();
      walk(el);
      if (block) flush();
    }
  };
  walk(root);
  flush();
  return out;
}

/** The article of a saved web page as blocks, with the particulars of its information table. */
export function htmlBlocks(data: Buffer): { blocks: Block[]; page: PageMeta } {
  const doc = parse(htmlText(data), { comment: false, blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  const page = pageMeta(doc);
  const title = tidyLine(doc.querySelector('meta[name="ArticleTitle"]')?.getAttribute('content') ?? '') ||
    tidyLine((doc.querySelector('title')?.textContent ?? '').split(/[_|｜]/)[0] ?? '');
  const body = doc.querySelector('body') ?? doc;
  const h1 = body.querySelector('h1');
  strip(body);
  const blocks = blocksOf(contentRoot(body));
  const heading = (h1 ? textOf(h1) : '') || title;
  const first = blocks.find((b) => b.kind === 'text');
  if (heading && !(first?.kind === 'text' && first.text === heading)) blocks.unshift({ kind: 'text', text: heading, line: 0 });
  return { blocks, page };
}
