// Notes that speak for many items at once: "以下各项任务各镇（街道）均需落实，不再单独列出", "以上任务各乡镇人民政府为实施
// 主体", "以下各条所需奖补资金由县财政局统筹保障", "排在第一位的为牵头单位" — which unit they add, to what, and where.
import { isUnitName, splitUnits } from './units';

export interface GroupNote {
  /** Units added as responsible to every item the note covers. */
  units: string[];
  /** 'below': the items after the note in its part; 'above': the items before it in its part. */
  reach: 'below' | 'above';
  /** What the note speaks of: tasks (任务, 工程, 各条), targets (指标), or both. */
  of: 'tasks' | 'targets' | 'all';
  /** The note says the first unit listed in an item leads. */
  firstLeads: boolean;
}

const NOTE = /不再(?:逐一|单独|逐项|逐条|一一|另行)?列出|为(?:落实|实施|责任)主体|均需(?:[\u4e00-\u9fff（）()、]{2,20})?落实|按属地原则落实|排在第一位的为牵头单位|第一(?:个|位)(?:单位)?为牵头单位|统筹保障/;

/** Whether a text carries a note for many items. */
export const hasGroupNote = (text: string) => NOTE.test(text) && /^(以下|以上|下列|本部分|本章|本节|上述)|[,，;；](以下|以上|下列|本部分|上述)/.test(text);

function unitsIn(clause: string): string[] {
  const c = clause.replace(/^(以下|以上|下列|本部分|本章|本节|上述)(各项|各条|所列|的)?(重点)?(任务|指标|工程|措施|政策|内容|条款)?(所需奖补资金|所列单位)?/, '');
  const cands: string[] = [];
  const push = (s: string | undefined) => { if (s) cands.push(...splitUnits(s)); };
  push(c.match(/均需(.+?)落实/)?.[1]);
  push(c.match(/由(.+?)(?:统筹保障|统筹|负责|落实)/)?.[1]);
  push(c.match(/^(.+?)(?:均需落实|均需|均为|为落实主体|为实施主体|为责任主体|按属地原则|负责落实)/)?.[1]);
  return [...new Set(cands.map((u) => u.replace(/^(各项任务|任务|指标|工程)/, '')).filter((u) => isUnitName(u)))];
}

/** The note a paragraph (or the inside of a unit bracket) holds, or null. */
export function readGroupNote(text: string): GroupNote | null {
  if (!hasGroupNote(text)) return null;
  const at = text.search(/(以下|以上|下列|本部分|本章|本节|上述)/);
  const note = text.slice(at);
  const clauses = note.split(/[,，;；。]/);
  const units = [...new Set(clauses.flatMap(unitsIn))];
  const firstLeads = /排在第一位的为牵头单位|第一(?:个|位)(?:单位)?为牵头单位|首位为牵头/.test(note);
  if (!units.length && !firstLeads) return null;
  const reach = /^(以上|上述)/.test(note) ? 'above' : 'below';
  const of = /指标/.test(note) && !/任务|工程|措施|各条/.test(note) ? 'targets' : /任务|工程|措施|各条|各项/.test(note) ? 'tasks' : 'all';
  return { units, reach, of, firstLeads };
}

/** A unit bracket's inside without the note it carries ("…,以下指标均需各县市区落实,不再逐一列出"). */
export function withoutGroupNote(inner: string): string {
  const at = inner.search(/[,，;；](以下|以上|下列|本部分|上述)/);
  return at >= 0 && hasGroupNote(inner.slice(at + 1)) ? inner.slice(0, at) : inner;
}
