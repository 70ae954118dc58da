// Unit notes: (责任单位:…) (牵头单位:…;责任单位:…) "市经济信息委牵头,市发展改革委参与", split into single units.

export interface UnitNote { lead: string[]; responsible: string[]; start: number; end: number }

const OPEN = '(（〔[【';
const CLOSE = ')）〕]】';
const BRACKETS = /[(（〔[【)）〕\]】]/;

/** Splits on separators that are not inside brackets. */
export function splitTop(s: string, seps: RegExp): string[] {
  if (!BRACKETS.test(s)) return s.split(new RegExp(seps.source, 'u')).map((x) => x.trim()).filter(Boolean);
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && seps.test(ch)) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

const ORG_END = /(委|局|办|厅|府|院|行|会|区|班|司|心|组|队|部门|政府|管委会)$/;

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
  for (const part of splitTop(clause, /[、,，;；]/)) {
    const pieces = part.split(/和(?=[\p{Script=Han}]{2,})/u);
    if (pieces.length > 1 && pieces.slice(0, -1).every((p) => ORG_END.test(p))) out.push(...pieces);
    else out.push(part);
  }
  return out.map((u) => u.replace(/等$/, '').replace(/^(由|以)/, '').trim()).filter((u) => u.length >= 2);
}

const ROLE_LEAD = /(牵头)$/;
const ROLE_OTHER = /(参与|配合|具体落实|负责|落实)$/;

/** Reads the inside of a unit note into lead and responsible units. */
export function readUnitText(inner: string): { lead: string[]; responsible: string[] } {
  const lead: string[] = [];
  const responsible: string[] = [];
  let role: 'lead' | 'resp' = 'resp';
  for (let clause of splitTop(inner, /[;；]/).flatMap((c) => splitClauses(c))) {
    const label = clause.match(/^(牵头单位|责任单位|参与单位|配合单位|主责单位)[:：]/);
    if (label) { role = /牵头|主责/.test(label[1]!) ? 'lead' : 'resp'; clause = clause.slice(label[0].length); }
    let r = role;
    if (ROLE_LEAD.test(clause)) { r = 'lead'; clause = clause.replace(ROLE_LEAD, ''); } else if (ROLE_OTHER.test(clause)) { r = 'resp'; clause = clause.replace(ROLE_OTHER, ''); }
    (r === 'lead' ? lead : responsible).push(...splitUnits(clause));
  }
  return { lead, responsible };
}

/** Clauses split at commas only where a role word ends one ("…牵头,…参与"). */
function splitClauses(s: string): string[] {
  const parts = splitTop(s, /[,，]/);
  const out: string[] = [];
  let cur = '';
  for (const p of parts) {
    cur = cur ? `${cur},${p}` : p;
    if (ROLE_LEAD.test(p) || ROLE_OTHER.test(p)) { out.push(cur); cur = ''; }
  }
  if (cur) out.push(cur);
  return out.length > 1 ? out : [s];
}

/** Finds the unit notes in a text: bracketed, starting with 责任单位/牵头单位. */
export function findUnitNotes(text: string): UnitNote[] {
  const out: UnitNote[] = [];
  const re = /[(（〔[【]\s*(?=(?:责任单位|牵头单位|主责单位)[:：])/g;
  for (const m of text.matchAll(re)) {
    const start = m.index!;
    let depth = 0;
    let end = -1;
    for (let k = start; k < text.length; k++) {
      const ch = text[k]!;
      if (OPEN.includes(ch)) depth++;
      else if (CLOSE.includes(ch) && --depth === 0) { end = k + 1; break; }
    }
    if (end < 0) end = text.length;
    const { lead, responsible } = readUnitText(text.slice(start + 1, end - 1));
    out.push({ lead, responsible, start, end });
  }
  return out;
}

/** Whether a paragraph is nothing but a unit note (a note for the group above it). */
export function isUnitNoteOnly(text: string): boolean {
  const notes = findUnitNotes(text);
  return notes.length === 1 && notes[0]!.start === 0 && notes[0]!.end >= text.replace(/[。.]$/, '').length;
}
