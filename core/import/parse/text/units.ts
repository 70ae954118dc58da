// Unit notes: (责任单位:…) (牵头单位:…;责任单位:…) "市经济信息委牵头,市发展改革委参与" "X负责" "X（牵头）、Y", split into
// single units with their role; a deadline written in the same bracket is left to deadlines.ts.
import { brackets, splitTop } from './brackets';
import { isDeadlinePhrase } from './deadlines';

export { brackets, splitTop } from './brackets';

export interface UnitNote { lead: string[]; responsible: string[]; start: number; end: number }
export interface Units { lead: string[]; responsible: string[] }

const ORG_END = /(委|局|办|厅|府|院|行|会|区|班|司|心|组|队|部门|政府|管委会|室|所|站|部|社|团|联|海关|集团|县|市|镇|乡|街道|单位|县市区|支队|分局|分行|公司|银行|法院|检察院|供电公司|乡镇|联席会议|[)）])$/;
/** A name that reads as a unit (an office, a government, a company, "各县市区"). */
const NOT_UNITS = /^(自治县|自治州|自治区|街道|乡镇|镇|县|市|区|县市区|社区|园区|景区|城区|开发区|试点|示范区|片区|小区|行政村)$/;
/** What a group of units named at once ends in: 有关部门, 各县市区, 各相关单位, 沿线区县, 各开发区. */
const GROUP_END = /(部门|单位|部委|区县|县区|县市区|市县|县市|乡镇|街道|镇街|镇|区|县|市|园区|开发区|平台|企业|机构|学校|院校|医院|政府|委员会)$/;
export const isUnitName = (s: string) =>
  s.length >= 2 && !NOT_UNITS.test(s) && s.length <= 40 && !/[。;；:：]/.test(s) && !/^\d/.test(s) && (ORG_END.test(s) || (/^(各|有关|相关|沿线|市直|区直|县直)/.test(s) && s.length <= 10 && GROUP_END.test(s)));

/** "市国资委和有关区县政府" → two units; "等" dropped; "(以下统称区县政府)" → the short name. */
export function splitUnits(clause: string): string[] {
  const alias = clause.match(/[(（]以下(?:统|简)称[“"]?(.+?)[”"]?[)）]/);
  if (alias) {
    // The whole phrase the short name stands for, back to the previous comma, is one unit.
    const at = alias.index!;
    const from = Math.max(clause.lastIndexOf(',', at), clause.lastIndexOf('，', at)) + 1;
    const phrase = clause.slice(from, at);
    const prefix = phrase.match(/^(各|有关)/)?.[1] ?? '';
    return [...splitUnits(clause.slice(0, from)), prefix + alias[1]!, ...splitUnits(clause.slice(at + alias[0].length))];
  }
  const out: string[] = [];
  // "各区、县（市）人民政府" is one unit: the governments of the districts and counties.
  const parts = splitTop(clause, /[、,，;；\n]/).reduce<string[]>((acc, part) => {
    const prev = acc[acc.length - 1];
    if (prev !== undefined && /^各[区县市镇乡]$/.test(prev.trim()) && /^[区县市镇乡]/.test(part.trim()) && clause.includes(`${prev.trim()}、${part.trim()}`)) acc[acc.length - 1] = `${prev.trim()}、${part.trim()}`;
    else acc.push(part);
    return acc;
  }, []);
  for (const part of parts) {
    const pieces = part.split(/(?:和|及|与)(?=[\p{Script=Han}]{2,})/u);
    if (pieces.length > 1 && pieces.slice(0, -1).every((p) => ORG_END.test(p))) out.push(...pieces);
    else out.push(part);
  }
  // ("各链长单位", "各牵头单位": units named by their part, no one in particular.)
  return out.map((u) => cutWork(u.replace(/等(?:有关|相关)?(?:部门|单位)?$/, '').replace(/^(由|以|会同|并由)/, '').replace(/^(负责|具体)$/, '').trim()))
    .filter((u) => u.length >= 2 && !/^各(?:链长|牵头|责任|配合)单位$/.test(u));
}

/** "市统计局按季度调度", "市财政局推进": the unit, without the work said of it. */
function cutWork(u: string): string {
  if (isUnitName(u)) return u;
  const m = u.match(/^(.{2,30}?(?:局|委|办|厅|政府|中心|公司|管委会|办事处))(?:按|负责|推进|落实|配合|参与|调度|督导|指导|组织|共同|分别|做好|抓好)/);
  return m ? m[1]! : u;
}

const LEAD_LABEL = /^(牵头考核单位|牵头单位|牵头部门|主责单位|责任主体|主办单位)[:：]/;
const RESP_LABEL = /^(责任单位|配合单位|参与单位|协办单位|落实单位|责任部门|配合部门|实施单位|实施主体|协同单位)[:：]/;
/** Who answers for it in person ("牵头领导：…", "责任人：…"): no unit. */
const LEADERS = '牵头领导|责任领导|分管领导|包联领导|责任人';
const PERSON_LABEL = new RegExp(`^(?:${LEADERS}|联系人)[:：]`);
/** The labels of a deadline written in the same line as the units ("…　完成时限：6月底前"), read by deadlines.ts. */
export const DEADLINE_LABELS = '完成时限|完成时间|时间节点';
const DEADLINE_LABEL = new RegExp(`^(?:${DEADLINE_LABELS})[:：]`);
const LABEL_AFTER = new RegExp(`(?<=[^；;：:\\s(（])\\s*(?=(?:牵头考核单位|牵头单位|牵头部门|主责单位|责任单位|配合单位|参与单位|协办单位|落实单位|责任部门|配合部门|${LEADERS}|联系人|${DEADLINE_LABELS})[:：])`, 'g');
/** "责任领导：许文斌　责任单位：镇经发办": the person named before the units. */
const LEADER_FIRST = new RegExp(`^(?:${LEADERS})[:：].*?(?=(?:牵头|责任|配合|参与|协办|落实)(?:单位|部门)[:：]|$)`);
const ROLE_LEAD = /(?:[(（]牵头[)）]|牵头负责|分别牵头|牵头)$/;
const ROLE_OTHER = /(?:参与|配合|共同推进|协同|按职责分工负责|按职责分工落实|按职责负责|按职责落实|按职能负责|分工负责|分别负责|负责落实|具体落实|具体负责|负责实施|组织实施|负责|落实|督导|督促|指导|督办)$/;

export interface ReadOptions {
  /** The document says the first unit listed leads (排在第一位的为牵头单位). */
  firstLeads?: boolean;
}

/** A unit with its own "（牵头）" mark: "区市场监管局（牵头）、区税务局". */
function markedLeads(clause: string): Units | null {
  if (!/[(（]牵头[)）]/.test(clause)) return null;
  const lead: string[] = [];
  const responsible: string[] = [];
  for (const u of splitTop(clause, /[、,，]/)) {
    if (/[(（]牵头[)）]$/.test(u)) lead.push(...splitUnits(u.replace(/[(（]牵头[)）]$/, '')));
    else responsible.push(...splitUnits(u));
  }
  return { lead, responsible };
}

/** Reads the inside of a unit note into lead and responsible units. */
export function readUnitText(inner: string, opts: ReadOptions = {}): Units {
  const lead: string[] = [];
  const responsible: string[] = [];
  let role: 'lead' | 'resp' = 'resp';
  let labelled = false;
  let unmarked: string[] = [];
  // A label run on after the units before it ("牵头单位：市工信局配合单位：市财政局", their space lost) starts a clause.
  const text = inner.replace(/^以上\s*\d+\s*项(?:任务)?/, '').replace(/[。.]$/, '').replace(LABEL_AFTER, '；');
  const clauses = splitTop(text, /[;；]/).flatMap((c) => splitClauses(c));
  for (let clause of clauses) {
    clause = clause.trim().replace(/^由/, '');
    if (PERSON_LABEL.test(clause) || DEADLINE_LABEL.test(clause)) continue;
    const label = clause.match(LEAD_LABEL) ?? clause.match(RESP_LABEL);
    if (label) { role = LEAD_LABEL.test(clause) ? 'lead' : 'resp'; labelled = true; clause = clause.slice(label[0].length); }
    if (!clause || isDeadlinePhrase(clause)) continue;
    const marked = markedLeads(clause);
    if (marked) { lead.push(...marked.lead); responsible.push(...marked.responsible); continue; }
    // "县农业农村局，长期坚持": a deadline after the units.
    const parts = splitTop(clause, /[,，]/);
    if (parts.length > 1 && isDeadlinePhrase(parts[parts.length - 1]!)) clause = parts.slice(0, -1).join('，');
    let r = role;
    if (ROLE_LEAD.test(clause)) { r = 'lead'; clause = clause.replace(ROLE_LEAD, ''); } else if (ROLE_OTHER.test(clause)) { r = 'resp'; clause = clause.replace(ROLE_OTHER, ''); } else if (!labelled) { unmarked.push(...splitUnits(clause)); continue; }
    (r === 'lead' ? lead : responsible).push(...splitUnits(clause));
  }
  if (unmarked.length) {
    // Units with neither label nor role word: the first leads where the document says so, else all are responsible.
    if (opts.firstLeads && !lead.length) { lead.push(unmarked[0]!); unmarked = unmarked.slice(1); }
    responsible.push(...unmarked);
  }
  return { lead: [...new Set(lead)], responsible: [...new Set(responsible)].filter((u) => !lead.includes(u)) };
}

/** Clauses split at commas only where a role word ends one ("…牵头,…参与"). */
function splitClauses(s: string): string[] {
  const parts = splitTop(s, /[,，]/);
  const out: string[] = [];
  let cur = '';
  for (const p of parts) {
    cur = cur ? `${cur},${p}` : p;
    if (ROLE_LEAD.test(p) || ROLE_OTHER.test(p) || isDeadlinePhrase(p)) { out.push(cur); cur = ''; }
  }
  if (cur) out.push(cur);
  return out.length > 1 ? out : [s];
}

/** Whether the inside of a bracket is a unit note: a label, a role word, or nothing but unit names (and a deadline). */
export function isUnitText(inner: string): boolean {
  const s = inner.trim();
  if (LEAD_LABEL.test(s) || RESP_LABEL.test(s) || /^以上\s*\d+\s*项/.test(s)) return true;
  const parts = splitTop(s, /[;；]/).flatMap((c) => splitTop(c, /[,，]/)).filter((p) => !isDeadlinePhrase(p));
  if (!parts.length) return false;
  return parts.every((p) => {
    const bare = p.replace(LEAD_LABEL, '').replace(RESP_LABEL, '').replace(ROLE_LEAD, '').replace(ROLE_OTHER, '').replace(/^由/, '');
    const units = splitTop(bare, /[、]/);
    return units.length > 0 && units.every((u) => isUnitName(u.replace(/[(（]牵头[)）]$/, '').replace(/等$/, '').split(/和|及/).pop()!));
  });
}

/** Finds the unit notes of a text: bracketed notes with a label, role words, or only unit names. */
export function findUnitNotes(text: string, opts: ReadOptions = {}): UnitNote[] {
  const out: UnitNote[] = [];
  for (const b of brackets(text)) {
    const labelled = /^\s*(?:责任单位|牵头单位|主责单位|牵头考核单位|落实单位|配合单位)[:：]/.test(b.inner) || /[;；]\s*(?:牵头考核单位|牵头单位|责任单位)[:：]/.test(b.inner);
    if (!labelled && !isUnitText(b.inner)) continue;
    const { lead, responsible } = readUnitText(b.inner, opts);
    if (lead.length || responsible.length) out.push({ lead, responsible, start: b.start, end: b.end });
  }
  return out;
}

/** The units of a line that is nothing but a unit note: "（…牵头，…配合）", "落实单位：…", "责任单位：…". */
export function unitLine(text: string, opts: ReadOptions = {}): Units | null {
  // "本节任务牵头单位：…": the units of the part's items, written once after them.
  const t = text.replace(/[。.]$/, '').trim().replace(/^(?:本节|本章|本部分|以上|上述)(?:各项)?(?:任务|工作|措施)?的?(?=牵头|责任|配合|落实)/, '');
  const notes = findUnitNotes(t, opts);
  if (notes.length === 1 && notes[0]!.start === 0 && notes[0]!.end >= t.length) return notes[0]!;
  const label = t.replace(/^以上\s*\d+\s*项(?:任务)?/, '').replace(LEADER_FIRST, '');
  if ((LEAD_LABEL.test(label) || RESP_LABEL.test(label)) && label.length <= 160) {
    const u = readUnitText(t, opts);
    if (u.lead.length || u.responsible.length) return u;
  }
  // "县农业农村局牵头，县人社局配合，2024年底前完成": a line of units and roles alone.
  // (Not a note for a group of items: "以上任务各区县政府均需落实", "（以上3项由…负责）".)
  if (t.length <= 80 && /牵头|配合|负责|参与|落实/.test(t) && !/^[（(]|^(以上|上述|本节|本章|以下)|不再|均需|各项/.test(text.trim()) && isUnitText(t)) {
    const u = readUnitText(t, opts);
    if (u.lead.length || u.responsible.length) return u;
  }
  return null;
}

/** Whether a paragraph is nothing but a unit note (a note for the group above it, or the item's own unit line). */
export const isUnitNoteOnly = (text: string, opts: ReadOptions = {}): boolean => !!unitLine(text, opts);
