// A document's particulars: title, 发文字号, issuer, date, period and kind, from its notice header, signature and text.
import type { PlanKind } from '../../../../contract/model';
import type { Block, TextBlock } from './blocks';
import type { RawLine } from './clean';
import { latestGoalYear, periodFromTitle, readDateLine } from './dates';
import { bookTitles } from './brackets';
import { looseTitle } from '../ids';
import { cnNumber, readNumber } from './numbering';
import type { DocSlice } from './split';

export interface DocMeta {
  title: string; docNumber: string | null; issuer: string | null; issued: string | null;
  periodStart: number | null; periodEnd: number | null; kind: PlanKind; line: number | null;
  titleFrom: 'document' | 'notice';
}

/** The "[ 发文字号 ] / value" pairs of a government web page. */
export type PageMeta = Record<string, string>;

/** "来源：某市商务局", "发布机构：…" on a line of the page a document was published on: the organisation that published it. */
export function publisherOf(text: string): string | null {
  // (A table's 资料来源 or 数据来源 names where its figures come from.)
  const m = text.match(/(?<!资料|数据)(?:信息来源|文章来源|来源|发布机构|发文机关)[:：]\s*([\u4e00-\u9fff（）()]{4,30}?)(?=\s|$|[|｜]|浏览|阅读|点击|字号|【)/);
  return m && ORG.test(m[1]!) ? m[1]! : null;
}

export function readPageMeta(lines: RawLine[]): PageMeta {
  const out: PageMeta = {};
  for (let i = 0; i < lines.length - 1 && i < 80; i++) {
    const by = i < 20 ? publisherOf(lines[i]!.text) : null;
    if (by && !out['发布机构']) out['发布机构'] = by;
    const k = lines[i]!.text.match(/^[•·]?\s*\[\s*(.+?)\s*\]$/);
    const v = lines[i + 1]!.text.replace(/^[•·]\s*/, '');
    if (k && v && !/^[•·]?\s*\[/.test(lines[i + 1]!.text)) out[k[1]!] = v;
  }
  return out;
}

const DOC_NO = /^([\p{Script=Han}]{2,10})\s*[〔[(（【]\s*(\d{4})\s*[〕\])）】]?\s*(\d{1,4})\s*号?$/u;
const ORG = /(委员会|政府|办公厅|办公室|管委会|委|局|厅|院|中心)$/;
const texts = (bs: Block[]) => bs.filter((b): b is TextBlock => b.kind === 'text');

export function normaliseDocNumber(s: string): string | null {
  const m = s.trim().replace(/^[(（]\s*(.+?)\s*[)）]$/, '$1').replace(/(附件|印发)$/, '').match(DOC_NO);
  return m ? `${m[1]}〔${m[2]}〕${m[3]}号` : null;
}

const DOC_WORD = /(规划|方案|计划|措施|举措|意见|纲要|答复|复函|办法|清单|分工表|要点|细则|政府工作报告|台账|实施意见|若干政策|支持政策|若干规定|主要指标|分解表|任务表|一览表|[一二三四五六七八九十]{1,3}条)(（.+?）|\(.+?\))?$/;
/** A line that reads as a document's own title: short, no sentence marks, ending in what kind of document it is. */
const isTitleLine = (s: string) => s.length >= 6 && s.length <= 80 && !/[。，,；;：:]/.test(s) && DOC_WORD.test(s) && !/^(附件|根据|按照|依据)/.test(s);

interface Title { title: string; from: 'document' | 'notice' }
/** A title's remark printed on a line of its own: its period, 试行, 修订, 征求意见稿. */
const REMARK_LINE = /^[（(]\s*(?:20\d\d\s*[—\-－–~～至]+\s*20\d\d\s*年?|20\d\d\s*年\s*修订|试行|修订|暂行|征求意见稿)\s*[）)]$/;


/**
 * The document's own title after a notice that names it without 《》: a line, or two lines read as one, saying what
 * the notice says (关于 and 的 aside: "关于印发支持…若干政策措施的通知" → "关于支持…的若干政策措施").
 */
function ownTitleAfter(blocks: TextBlock[], named: string): string | null {
  const want = looseTitle(named);
  // The same title, or with the city the notice leaves out ("柘溪市关于加快发展…" for "加快发展…").
  const says = (cand: string) => {
    const t = looseTitle(cand);
    return t === want || (t.endsWith(want) && /^[\u4e00-\u9fff]{1,5}(市|县|区|州|盟|旗)(关于)?$/.test(t.slice(0, t.length - want.length)));
  };
  for (let k = 0; k < blocks.length; k++) {
    const one = blocks[k]!.text.replace(/^附件\s*\d*\s*[:：]?\s*/, '');
    const next = blocks[k + 1]?.text ?? '';
    // (A title in large type may take three lines.)
    for (const cand of [one, one + next, one + next + (blocks[k + 2]?.text ?? '')]) {
      if (!isTitleLine(cand) || !says(cand)) continue;
      // "（2024年修订）", "（试行）" on the line after the title: part of it, though the notice leaves it out.
      return cand === one && REMARK_LINE.test(next) ? one + next : cand;
    }
  }
  return null;
}

/** A line that may open a title set over two lines: short, no sentence marks, not a 文号, a date or an issuer alone. */
const titleStart = (s: string) => s.length >= 4 && s.length <= 40 && !/[。，,；;：:、]/.test(s) && !normaliseDocNumber(s) && !/^\d|^附件|文件$|^\d{4}\s*年|^[（(][^（）()]*[）)]$/.test(s) &&
  !(ORG.test(s) && !/关于/.test(s));

/**
 * The first line of the text's beginning that reads as a title; set over two lines ("关于进一步支持制造业发展的" /
 * "若干政策措施", "…三年行动方案" / "（2024—2026年）"), the two read as one.
 */
function ownTitle(head: TextBlock[]): string | null {
  for (let k = 0; k < head.length; k++) {
    const t = head[k]!.text;
    const next = head[k + 1]?.text ?? '';
    if (titleStart(t) && !isTitleLine(t) && isTitleLine(t + next)) return t + next;
    if (!isTitleLine(t)) continue;
    if (REMARK_LINE.test(next)) return t + next;
    return t;
  }
  return null;
}

function titleOf(slice: DocSlice, head: TextBlock[], body: TextBlock[]): Title {
  if (slice.title) return { title: slice.title, from: slice.ownTitle ? 'document' : 'notice' };
  const h = slice.header;
  if (h) {
    const book = bookTitles(h)[0];
    // "关于印发《…纲要》主要目标任务分工方案的通知": the document is what follows the book it serves.
    const more = book ? h.slice(book.end).match(/^([^《》]{2,30}?)的?通知$/)?.[1] : undefined;
    if (book && more && DOC_WORD.test(more)) {
      // ("关于印发2024年《政府工作报告》重点工作任务分工方案的通知": what comes before the book is part of the title too.)
      const before = h.slice(0, book.start).match(/关于(?:印发|转发)?(.{0,12})$/)?.[1] ?? '';
      const named = before ? `${before}《${book.title}》${more}` : book.title + more;
      const own = before ? ownTitleAfter(body, named) : null;
      return own ? { title: own, from: 'document' } : { title: named, from: 'notice' };
    }
    const quoted = book?.title.replace(/的?通知$/, '');
    if (quoted) return { title: quoted, from: 'notice' };
    const m = h.match(/关于(?:印发|转发)?(.+?)的?通知$/);
    if (m) {
      const own = ownTitleAfter(body, m[1]!);
      return own ? { title: own, from: 'document' } : { title: m[1]!, from: 'notice' };
    }
  }
  // A reply's own title ("…关于…第138号提案的复函") stands above the documents its account names in 《…》.
  const own = ownTitle(head.slice(0, 9));
  if (own && /(复函|答复|答复函)$/.test(own)) return { title: own, from: 'document' };
  for (const b of head.slice(0, 6)) {
    // "附件1 《…纲要》主要指标分解表": the tables of the plan named in 《…》.
    const annex = b.text.match(/^附件\s*\d*\s*[:：]?\s*《(.+?)》.{0,20}(?:表|清单)$/);
    if (annex) return { title: annex[1]!, from: 'notice' };
    const at = b.text.search(/印发(?:了)?《|^(?:经.{2,12}同意，?)?(?:现将|将)《/);
    const named = at >= 0 ? bookTitles(b.text, at)[0] : undefined;
    if (named && (/印发(?:了)?《$/.test(b.text.slice(0, named.start + 1)) || /^(印发|转发|予以印发)/.test(b.text.slice(named.end)))) return { title: named.title, from: 'notice' };
  }
  const reply = head.slice(0, 6).map((b) => b.text.match(/您.{0,6}提出的(《.+?》(?:[(（]第?\w+号[)）])?)/)).find(Boolean);
  if (own) return { title: own, from: 'document' };
  if (reply) return { title: `关于${reply[1]}的复函`, from: 'document' };
  const first = head[0]?.text ?? '';
  if (first.length <= 50 && /规划|方案|计划|措施|意见|纲要/.test(first) && !/[。，,]/.test(first)) return { title: first, from: 'document' };
  return { title: '', from: 'document' };
}

function kindOf(title: string, hasBody: boolean, isReply: boolean): PlanKind {
  if (!hasBody) return 'notice_only';
  if (isReply || /复函|答复|的复$/.test(title)) return 'reply';
  if (/措施|举措|若干政策|支持政策|若干规定|政策意见|考评办法|考核办法|评价办法|奖励办法|扶持办法|实施细则|[一二三四五六七八九十]{1,3}条$/.test(title)) return 'measures';
  // A yearly list (分工表, 任务清单, 工作要点) is an action plan, also when it serves a 规划.
  if (/分工表|任务清单|工作要点|政府工作报告|台账/.test(title) && /20\d\d\s*年/.test(title)) return 'action_plan';
  if (/纲要/.test(title) || (/规划/.test(title) && !/行动|实施方案/.test(title))) return 'plan';
  // The 分工/分解方案 of a five-year plan belongs with the plan; that of a 行动方案 is an action plan.
  if (/(分工|分解)方案/.test(title) && /十[三四五]五|五年/.test(title) && !/行动/.test(title)) return 'plan';
  if (/行动方案|行动计划|工作方案|实施方案|实施意见|专项行动|方案|计划|清单|分工表|工作要点|意见/.test(title)) return 'action_plan';
  return 'plan';
}

/** Signature: the organisation lines just before the first full-line date. */
function signature(bs: TextBlock[]): { issuer: string | null; issued: string | null; dateIndex: number } {
  for (let i = 0; i < bs.length; i++) {
    const issued = readDateLine(bs[i]!.text.replace(/^[(（](.+)[)）]$/, '$1'));
    // "某市商务局　2024年6月12日": the unit and the date on one line.
    const both = issued ? null : bs[i]!.text.match(/^([\u4e00-\u9fff（）()]{4,30}?)\s*((?:20\d\d|二[〇○零]).{4,12}日)$/);
    const on = both && ORG.test(both[1]!) ? readDateLine(both[2]!) : null;
    if (on) return { issuer: both![1]!, issued: on, dateIndex: i };
    if (!issued) continue;
    const orgs: string[] = [];
    // ("某市商务局（盖章）": the seal's mark is no part of the name.)
    const org = (j: number) => bs[j]!.text.replace(/\s*[(（](?:盖章|印章|公章|章)[)）]$/, '');
    for (let j = i - 1; j >= 0 && orgs.length < 4 && ORG.test(org(j)) && org(j).length <= 30; j--) orgs.unshift(org(j));
    return { issuer: orgs.length ? orgs.join('、') : null, issued, dateIndex: i };
  }
  return { issuer: null, issued: null, dateIndex: -1 };
}

/** Whether anything but the notice itself follows its date (a body, tasks or a table). */
function hasBody(slice: DocSlice, dateIndex: number, bs: TextBlock[]): boolean {
  if (!slice.header) return true;
  if (slice.blocks.some((b) => b.kind === 'table')) return true;
  const after = dateIndex >= 0 ? bs.slice(dateIndex + 1) : bs.slice(3);
  return after.filter((b) => b.text.length > 40).length >= 2 || after.filter((b) => readNumber(b.text)).length >= 2;
}

export function readMeta(slice: DocSlice, page: PageMeta, single: boolean): DocMeta {
  const bs = texts(slice.blocks);
  const head = bs.slice(0, 12);
  const { title, from: titleFrom } = titleOf(slice, head, bs.slice(0, 40));
  let docNumber: string | null = null;
  for (const b of head) { docNumber = normaliseDocNumber(b.text); if (docNumber) break; }
  if (!docNumber && single && page['发文字号']) docNumber = normaliseDocNumber(page['发文字号']);
  const sig = signature(bs);
  let issuer = sig.issuer;
  const issuedBy = head.slice(0, 4).map((b) => b.text.match(/^(?:近日[,，]?)?(.{4,60}?)印发了《/)).find(Boolean);
  if (issuedBy) issuer = issuedBy[1]!;
  if (!issuer && slice.header) {
    const m = slice.header.match(/^(.+?)关于/);
    if (m) issuer = m[1]!;
  }
  if (single && page['发布机构'] && !issuer) issuer = page['发布机构'];
  // A table's own particulars: "编制单位：…", "日期：…".
  const label = (re: RegExp) => head.map((b) => b.text.match(re)?.[1]?.trim()).find(Boolean) ?? null;
  if (!issuer) issuer = label(/^(?:编制单位|制表单位|发布单位|印发单位|发文机关)[:：]\s*(.+)$/);
  const dated = label(/^(?:日期|编制日期|印发日期|制表日期|成文日期)[:：]\s*(.+)$/);
  const issued = (single && page['成文日期'] && readDateLine(page['成文日期'])) || sig.issued || (dated && readDateLine(dated)) || null;
  const body = hasBody(slice, sig.dateIndex, bs);
  // (A 政府工作报告 opens with 各位代表：, a speech to a congress, no reply.)
  const isReply = head.slice(0, 8).some((b) => /^.{1,12}[:：]$/.test(b.text) && /委员|代表|同志|先生|女士/.test(b.text) && !/^各位/.test(b.text));
  const kind = kindOf(title, body, isReply);
  if (!issuer) issuer = title.match(/^(.{4,40}?)关于/)?.[1] ?? null;
  // A reply signed by its unit alone (its date unread or left out): the last line that is an organisation's name.
  if (!issuer && kind === 'reply') issuer = [...bs].slice(3).reverse().map((b) => b.text).find((t) => /^[\u4e00-\u9fff（）()]{4,30}$/.test(t) && ORG.test(t)) ?? null;
  let period = kind === 'reply' ? null : periodFromTitle(title);
  if (!period && kind !== 'reply') {
    const all = bs.map((b) => b.text).join('\n');
    const stated = all.match(/规划期\s*(?:为)?\s*(20\d\d)\s*[~～—–\-至到]+\s*(20\d\d)/);
    // A policy in force for a while: "自2024年10月1日起施行，有效期至2026年12月31日" or "…有效期3年".
    const inForce = all.match(/自\s*(20\d\d)\s*年[^。；]{0,12}?起(?:施行|实施|执行)[^。]{0,20}?有效期(?:至\s*(20\d\d)\s*年|\s*([一二三四五\d])\s*年)/);
    const from = issued ? +issued.slice(0, 4) : null;
    if (stated) period = [+stated[1]!, +stated[2]!];
    else if (inForce) period = [+inForce[1]!, inForce[2] ? +inForce[2] : +inForce[1]! + cnNumber(inForce[3]!) - 1];
    else if (from) {
      const end = latestGoalYear(all, from);
      if (end) period = [from, end];
    }
  }
  return {
    title, docNumber, issuer, issued, periodStart: period?.[0] ?? null, periodEnd: period?.[1] ?? null, kind,
    line: slice.blocks[0]?.line ?? null, titleFrom,
  };
}
