// The units and deadline of one item, from everything written with it: its own brackets, the unit and 完成时限 lines
// under it, a line for a group ("以上3项落实单位：…"), notes for many items, and units named in its prose.
import { deadlineLine, findDeadline, isDeadlinePhrase, readDeadline } from './deadlines';
import { readGroupNote, withoutGroupNote, type GroupNote } from './notes';
import { brackets, DEADLINE_LABELS, findUnitNotes, isUnitName, readUnitText, splitTop, splitUnits, unitLine, type ReadOptions, type Units } from './units';

/** Where a deadline's label starts on a unit line. */
const DEADLINE_AT = new RegExp(`(?=(?:${DEADLINE_LABELS})[:：])`, 'g');

export interface ItemFacts {
  /** The texts that make the item's body (unit and deadline lines taken out). */
  body: string[];
  lead: string[];
  responsible: string[];
  deadline: string;
  /** "以上3项…": units for this item and the ones before it. */
  group: { count: number; units: Units } | null;
  notes: GroupNote[];
}

export interface UnitContext extends ReadOptions {
  /** The year of a one-year list (全年 → its end). */
  year: number | null;
}

const GROUP_LINE = /^以上\s*(\d+|[一二三四五六七八九十])\s*项/;
const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/**
 * "企业技术中心（工程研究中心）": a bracket naming the same kind of thing as the word before it, inside a sentence that
 * goes on, is another name for it, not a unit.
 */
function isAlias(text: string, b: { start: number; end: number; inner: string }): boolean {
  const inner = b.inner.trim();
  const before = text.slice(Math.max(0, b.start - 12), b.start);
  const after = text.slice(b.end, b.end + 1);
  if (!/^[\u4e00-\u9fff]{2,12}$/.test(inner) || !/[\u4e00-\u9fff]$/.test(before) || !after || /[。；;]/.test(after)) return false;
  const kind = inner.slice(-2);
  return before.endsWith(kind) || before.endsWith(inner.slice(-1));
}

/** The unit notes of a text read with the context's options, notes for many items taken out of their brackets. */
function ownUnits(text: string, ctx: UnitContext, notes: GroupNote[]): Units {
  const lead: string[] = [];
  const responsible: string[] = [];
  for (const b of brackets(text)) {
    if (isAlias(text, b)) continue;
    const note = readGroupNote(b.inner);
    if (note) notes.push(note);
    const inner = note ? withoutGroupNote(b.inner) : b.inner;
    const found = findUnitNotes(`（${inner}）`, ctx)[0];
    if (found) { lead.push(...found.lead); responsible.push(...found.responsible); }
  }
  return { lead, responsible };
}

/**
 * An item's last sentence naming who does it, written as prose ("由县农业农村局牵头，县财政局、各乡镇人民政府配合。",
 * "县人社局、县农业农村局按职责分工负责。"): its units, when every name in it is one.
 */
function closingUnits(text: string, ctx: UnitContext): Units {
  const last = text.split(/(?<=[。；;])/).map((x) => x.trim()).filter(Boolean).pop() ?? '';
  if (last.length > 120 || !/(牵头|配合|负责|参与)[。；;]?$/.test(last)) return { lead: [], responsible: [] };
  const units = readUnitText(last.replace(/^由/, '').replace(/[。；;]$/, ''), ctx);
  const all = [...units.lead, ...units.responsible];
  return all.length && all.every(isUnitName) ? units : { lead: [], responsible: [] };
}

/** Reads the facts of an item from its title line and the paragraphs under it. */
export function itemFacts(texts: string[], ctx: UnitContext): ItemFacts {
  const out: ItemFacts = { body: [], lead: [], responsible: [], deadline: '', group: null, notes: [] };
  let lineDeadline = '';
  texts.forEach((t, k) => {
    const g = t.match(GROUP_LINE);
    if (k > 0 && g) {
      const units = readUnitText(t.replace(GROUP_LINE, '').replace(/^(任务|工作)?(的)?(落实单位|责任单位)?[:：]?/, (m) => m.replace(/^(任务|工作)?(的)?/, '')), ctx);
      if (units.lead.length || units.responsible.length) { out.group = { count: /\d/.test(g[1]!) ? +g[1]! : CN[g[1]!] ?? 0, units }; return; }
    }
    const line = k > 0 ? unitLine(t, ctx) : null;
    if (line) {
      out.lead.push(...line.lead);
      out.responsible.push(...line.responsible);
      // ("责任单位：县商务局；完成时限：持续推进", "…配合，2024年底前完成": the deadline on the same line.)
      const d = splitTop(t.replace(DEADLINE_AT, '；'), /[;；,，\s\u3000]/).map((part) => deadlineLine(part, ctx.year) ?? (isDeadlinePhrase(part) ? readDeadline(part.replace(/[。.]$/, ''), ctx.year) : null)).find(Boolean);
      if (d) lineDeadline = d;
      return;
    }
    const d = k > 0 ? deadlineLine(t, ctx.year) : null;
    if (d) { lineDeadline = d; return; }
    const note = k > 0 && t.length <= 120 ? readGroupNote(t) : null;
    if (note) { out.notes.push(note); return; }
    const own = ownUnits(t, ctx, out.notes);
    out.lead.push(...own.lead);
    out.responsible.push(...own.responsible);
    out.body.push(t);
  });
  if (!out.lead.length && !out.responsible.length && !out.group) {
    const own = closingUnits(out.body[out.body.length - 1] ?? '', ctx);
    out.lead.push(...own.lead);
    out.responsible.push(...own.responsible);
  }
  out.deadline = lineDeadline || findDeadline(out.body.join('\n'), ctx.year) || '';
  out.lead = [...new Set(out.lead)];
  out.responsible = [...new Set(out.responsible)].filter((u) => !out.lead.includes(u));
  return out;
}

/** Units named as a group, naming no one ("会同有关部门"). */
const GENERIC = /^(有关|相关)(部门|单位)$/;
/** "由市长任组长的市…领导小组": who heads a body, before its name. */
const HEADED_BY = /^.*任(?:组长|召集人|总指挥)的/;
const named = (u: string) => isUnitName(u) && !GENERIC.test(u);

/** The units after 会同, up to what they do together. */
const JOINED = /^([\u4e00-\u9fff（）()、和]{2,60}?)(?:[，,。]|开展|建立|制定|推进|对|将|进行|共同|定期|研究|做好|加强|统筹|用好|组织|指导|编制|落实|完善|出台|安排|积极|争取|加大|加快|全面|深入|切实|抓好|协调|推动|督促|修订|实施|优化|提升|强化|支持|引导|增设|延长|于(?=20\d\d)|每(?=[年季月半周旬]))/;
const PROSE_LEAD = /([\u4e00-\u9fff（）()]{2,24}?)(?:要)?(?:牵头|会同)/g;
const PROSE_RESP = /(?:由|会同)([\u4e00-\u9fff（）()、和]{2,60}?)(?:负责|具体落实|配合落实|共同推进|落实|配合|统筹|等部门|，|,|。|$)|([\u4e00-\u9fff（）()、和]{2,48}?)(?:负责统筹|负责)/g;

/** Units named in prose ("市文广旅局要会同有关部门…", "此项工作由市商务局、各区县政府具体落实", "领导小组负责统筹"). */
export function proseUnits(text: string): Units {
  const lead: string[] = [];
  const responsible: string[] = [];
  const clean = (s: string) => s.replace(/^(此项工作|该项工作|工作|并|同时|要|由|，|,|。)+/, '').replace(/(要|将|按照?职责分工|按职责|分别|共同)$/, '');
  for (const m of text.matchAll(PROSE_LEAD)) {
    const u = clean(m[1]!).match(/[\u4e00-\u9fff（）()]+$/)?.[0] ?? '';
    const tail = text.slice(m.index! + m[0].length);
    if (/牵头$/.test(m[0]) && isUnitName(u)) lead.push(u);
    if (/会同$/.test(m[0])) {
      const others = tail.match(JOINED)?.[1] ?? '';
      // ("有关部门" beside it names no one.)
      const units = splitUnits(others).filter(named);
      if (units.length && isUnitName(u)) { lead.push(u); responsible.push(...units); }
      // "区商务局要会同有关部门…": no unit named beside it, so it is one of those doing the work.
      else if (isUnitName(u) && !/(牵头|责任|配合|相关|有关)单位$/.test(u)) responsible.push(u);
    }
  }
  // "一是会同市财政局修订…", "我局将会同县商务局…": those the speaker works with (it leads, as a reply's 我局 does).
  // Also "；会同X推动…", "联合X…", "协调X…", "我委将与X共同…" at a clause's start.
  for (const m of text.matchAll(/(?:^|[，,；;。])\s*(?:[一二三四五六七八九十]+是)?(?:我[委局办厅]|我们)?(?:将|要)?(?:会同|联合|协调|与)/g)) {
    const with_ = text.slice(m.index! + m[0].length).match(JOINED)?.[1] ?? '';
    responsible.push(...splitUnits(with_).filter((x) => named(x) && !lead.includes(x)));
  }
  // "我局将配合市交通运输局、市公安局优化…": the speaker helps those it names, who lead.
  for (const m of text.matchAll(/(?:^|[，,；;。])\s*(?:[一二三四五六七八九十]+是)?(我[委局办厅]|我们)?(?:将|要)?(?:积极|主动|继续)?(?:配合|协助)(?=[\u4e00-\u9fff])/g)) {
    const helped = splitUnits(text.slice(m.index! + m[0].length).match(JOINED)?.[1] ?? '').filter(named);
    if (!helped.length) continue;
    lead.push(...helped);
    responsible.push(m[1] && m[1] !== '我们' ? m[1] : '我单位');
  }
  // "…，县商务局、县邮政分公司配合": those named to help.
  for (const m of text.matchAll(/[，,]\s*([\u4e00-\u9fff（）()、和]{2,60}?)配合(?=[，,。；;]|$|做好)/g)) {
    for (const u of splitUnits(m[1]!)) if (isUnitName(u) && !lead.includes(u)) responsible.push(u);
  }
  // A sentence whose subject is a unit or a list of them ("市政务服务数据管理局每季度汇总…", "各镇人民政府、各街道办事处要…").
  // Also after a comma when it is given a year ("…，县发展改革委于2023年组织开展中期评估").
  for (const m of text.matchAll(/(?:^|[。；;]\s*)([\u4e00-\u9fff（）()、]{2,60}?(?:局|委|办|厅|室|中心|政府|小组|委员会|分局|办事处|专班|部门))(?=要|每|负责|定期|统筹|将|会同|牵头|对|按|适时|组织|承担|配合|于20\d\d年)|[，,]\s*([\u4e00-\u9fff（）()、]{3,40}?(?:局|委|办|厅|室|中心|政府|分局|办事处|纪委))(?=于20\d\d年|要|承担|对|每|加强|负责|做好|抓好)/g)) {
    const subject = m[1] ?? m[2]!;
    if (/^(发挥|建立|成立|组建|设立|依托|联合|协调|与)/.test(subject) || /会同/.test(subject)) continue;
    for (const u of splitUnits(subject.replace(/^(此项工作|该项工作|这项工作)?(并|同时|由)?/, ''))) if (isUnitName(u) && !lead.includes(u)) responsible.push(u);
  }
  // "成立市…领导小组，统筹推进…", "依托市…领导小组，统筹…": the body set up, or relied on, to do the work (one only set up, "建立…联席会议制度", is none).
  for (const m of text.matchAll(/(?:成立|建立|组建|依托)([\u4e00-\u9fff]{2,40}?(?:领导小组|工作专班|专班|指挥部|工作小组))[，,]\s*(?:由[^，,。；]{2,30}任(?:组长|召集人|总指挥)[，,]\s*)?(?:负责)?(?:统筹|协调|研究)/g)) {
    const body = m[1]!.replace(HEADED_BY, '');
    if (isUnitName(body) && !lead.includes(body)) responsible.push(body);
  }
  // "发挥区…工作专班统筹作用": the body whose part is named.
  for (const m of text.matchAll(/发挥([\u4e00-\u9fff]{2,40}?(?:专班|领导小组|小组|办公室|委员会|指挥部))的?(?:统筹|牵头|协调|综合)*(?:作用|职能)/g)) {
    if (isUnitName(m[1]!) && !lead.includes(m[1]!)) responsible.push(m[1]!);
  }
  for (const m of text.matchAll(PROSE_RESP)) {
    // ("由市财政局会同市数据资源局统筹": who leads and who joins, read above.)
    const units = splitUnits(clean(m[1] ?? m[2] ?? '')).map((u) => (u.match(/[^，,。；;]+$/)?.[0] ?? u).replace(HEADED_BY, ''))
      .filter((u) => isUnitName(u) && !/会同|牵头|配合/.test(u));
    responsible.push(...units.filter((u) => !lead.includes(u)));
  }
  return { lead: [...new Set(lead)], responsible: [...new Set(responsible)] };
}
