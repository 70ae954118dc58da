// Splits a page that holds several documents at their notice headers ("…关于印发《…》的通知"), one after another.
import type { Block, TextBlock } from './blocks';
import { bookTitles } from './brackets';
import { looseTitle, normaliseTitle } from '../ids';

export interface DocSlice {
  /** The notice header, its lines joined; '' when the text has none. */
  header: string;
  blocks: Block[];
  /** The title of this document when its notice wraps several (each named in the header's 《…》). */
  title?: string;
  /** Whether `title` is the document's own title line as written there, not the notice's name for it. */
  ownTitle?: boolean;
}

const HEADER_PART_MAX = 45;
/** A line of a notice's title before its last: short, or (two printed lines read as one) a line of its 关于 or its 《…》. */
const isHeaderPart = (b: Block | undefined): b is TextBlock =>
  !!b && b.kind === 'text' && (b.text.length <= HEADER_PART_MAX || (b.text.length <= 2 * HEADER_PART_MAX && /关于|《|》/.test(b.text)))
  && !/[。:：；;，,]/.test(b.text) && !/^\d/.test(b.text) && !/通知$/.test(b.text);

/** The book title a header names, for comparing two headers of the same document. */
export function headerTitle(header: string): string {
  const quoted = bookTitles(header)[0]?.title.replace(/的?通知$/, '');
  const m = quoted ?? header.match(/关于(?:印发)?(.+?)的?通知$/)?.[1];
  return (m ?? header).replace(/[^\p{L}\p{N}]/gu, '');
}

interface Found { start: number; end: number; header: string }

function findHeaders(blocks: Block[]): Found[] {
  const found: Found[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'text' || b.text.length > 90 || !/通知$/.test(b.text) || /[。]/.test(b.text)) continue;
    let j = i;
    while (j > 0 && i - j < 4 && isHeaderPart(blocks[j - 1])) j--;
    const header = blocks.slice(j, i + 1).map((x) => (x as TextBlock).text).join('');
    if (!/关于/.test(header) || !/印发|转发|发布/.test(header)) continue;
    // "关于" starts the title; an issuer line may come before it, but nothing else.
    while (j < i && !/关于/.test((blocks[j] as TextBlock).text) && !/(委员会|政府|办公厅|局|委|办公室|管委会)$/.test((blocks[j] as TextBlock).text)) j++;
    found.push({ start: j, end: i, header: blocks.slice(j, i + 1).map((x) => (x as TextBlock).text).join('') });
  }
  // A page title repeated by the document's own header a few lines on is one document.
  const merged: Found[] = [];
  for (const f of found) {
    const prev = merged[merged.length - 1];
    if (prev && f.start - prev.end <= 4 && headerTitle(prev.header) === headerTitle(f.header)) { prev.end = f.end; continue; }
    merged.push(f);
  }
  return merged;
}

const DOC_END = /(规划|方案|计划|办法|意见|措施|清单|细则|纲要|要点)(（.+?）|\(.+?\))?$/;
const bare = normaliseTitle;

/** Where a document's title stands from block `from` on: a line of its own, after 附件N on its line, or broken over two lines. */
function titleAt(blocks: Block[], title: string, from: number): number {
  const exact = find(blocks, title, from, bare);
  // Else as the document writes it in a way of its own: 的 and 关于 aside, its period in brackets or not.
  return exact >= 0 ? exact : find(blocks, title, from, loose);
}
const loose = (s: string) => looseTitle(s).replace(/20\d\d20\d\d年?$/, '');
const PERIOD_LINE = /^[（(]\s*20\d\d\s*[—\-－–~～至]+\s*20\d\d\s*年?\s*[）)]$/;

/**
 * The document's own title where titleAt found it, as written there: its line, or its two lines (the second its period,
 * or the rest of a title broken in two). The notice may name it a little otherwise (without its period, 的 or city).
 */
function ownTitleAt(blocks: Block[], k: number, named: string): string | null {
  const line = (j: number) => { const b = blocks[j]; return (b?.kind === 'text' ? b.text : b?.kind === 'table' ? b.caption : '').replace(/^附件\s*\d*\s*[:：]?\s*/, '').trim(); };
  const one = line(k);
  const two = one + line(k + 1);
  const says = (c: string) => bare(c) === bare(named) || loose(c) === loose(named);
  if (PERIOD_LINE.test(line(k + 1)) && says(two)) return two;
  return [one, two].find(says) ?? null;
}

function find(blocks: Block[], title: string, from: number, bare: (s: string) => string): number {
  const want = bare(title);
  const textAt = (k: number): string | null => {
    const b = blocks[k];
    // A document that is a table alone: its title is the table's caption.
    const t = b?.kind === 'text' ? b.text : b?.kind === 'table' ? b.caption : '';
    // The notice's own list of attachments ("附件：1.…", "2.…") names the documents but is none of them.
    if (!t || /^附件\s*[:：]|^\d{1,2}\s*[.．、]/.test(t)) return null;
    return bare(t).replace(/^附件\d*/, '');
  };
  for (let k = from; k < blocks.length; k++) {
    const t = textAt(k);
    if (!t) continue;
    if (t === want) return k;
    if (t.length >= 4 && want.startsWith(t) && t + (textAt(k + 1) ?? '') === want) return k;
  }
  return -1;
}

/** The titles a notice's 附件 list names ("附件：1.南溪县…实施方案" / "2.南溪县…行动计划（2024—2026年）"). */
function attachmentList(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks.slice(0, 40)) {
    if (b.kind !== 'text') continue;
    const first = b.text.match(/^附件\s*[:：]\s*(?:1\s*[.．、]\s*)?(.{4,80})$/);
    const next = out.length ? b.text.match(/^(\d{1,2})\s*[.．、]\s*(.{4,80})$/) : null;
    if (first) out.push(first[1]!);
    else if (next && +next[1]! === out.length + 1) out.push(next[2]!);
    else if (out.length) break;
  }
  return out.map((t) => t.replace(/^《|》$/g, '').trim());
}

/** A notice that issues several documents (《A》《B》): one slice per document, each with the notice in front of it. */
function wrapped(slice: DocSlice): DocSlice[] {
  let titles = bookTitles(slice.header).filter((t) => t.end <= slice.header.length && slice.header[t.end - 1] === '》').map((t) => t.title);
  // "关于印发A和B的通知": two documents named without 《》, each ending in what kind of document it is.
  if (titles.length < 2) {
    const inner = slice.header.match(/关于(?:印发|转发)(.+?)的通知$/)?.[1] ?? '';
    const parts = inner.split(/和|及|、/);
    if (parts.length >= 2 && parts.every((p) => p.length >= 6 && DOC_END.test(p))) titles = parts;
  }
  // "关于印发…实施方案等两个文件的通知": the documents are the ones its 附件 list names, or its body ("现将《A》《B》《C》印发给你们").
  if (titles.length < 2 && /等[两二三四五六七八九十\d]+个(?:文件|方案|规划)/.test(slice.header)) {
    titles = attachmentList(slice.blocks);
    if (titles.length < 2) titles = namedInBody(slice.blocks);
  }
  if (titles.length < 2) return [slice];
  const at: number[] = [];
  for (const t of titles) at.push(titleAt(slice.blocks, t, (at[at.length - 1] ?? -1) + 1));
  if (at.some((k) => k < 0)) return [slice];
  const notice = slice.blocks.slice(0, at[0]);
  return titles.map((named, i) => {
    // The document's own wording when it says more (its period, its city), else the notice's (的 and 关于 aside).
    const own = ownTitleAt(slice.blocks, at[i]!, named);
    const useOwn = own !== null && (bare(own) === bare(named) || looseTitle(own).length > looseTitle(named).length);
    return {
      header: slice.header, title: useOwn ? own : named, ownTitle: useOwn,
      blocks: [...(i ? notice : []), ...slice.blocks.slice(i ? at[i] : 0, at[i + 1] ?? slice.blocks.length)],
    };
  });
}

/** The documents a notice's body issues by name: "现将《A》《B》《C》印发给你们". */
function namedInBody(blocks: Block[]): string[] {
  for (const b of blocks.slice(0, 20)) {
    if (b.kind !== 'text' || !/(?:现将|将)《/.test(b.text) || !/印发|转发/.test(b.text)) continue;
    return bookTitles(b.text).filter((t) => b.text[t.end - 1] === '》').map((t) => t.title);
  }
  return [];
}

/** One slice per document; a text without notice headers is one document. */
export function splitDocuments(blocks: Block[]): DocSlice[] {
  return slicesOf(blocks).flatMap(wrapped);
}

function slicesOf(blocks: Block[]): DocSlice[] {
  const headers = findHeaders(blocks);
  if (!headers.length) return [{ header: '', blocks }];
  return headers.map((h, k) => {
    const first = k === 0 ? 0 : h.start;
    const end = headers[k + 1]?.start ?? blocks.length;
    // Blocks before the first header are page furniture, except tables or text of a headerless first document.
    const blocksOf = blocks.slice(k === 0 ? h.start : first, end);
    return { header: h.header, blocks: blocksOf };
  });
}
