// Numbers promised in text ("规上工业总产值达到1300亿元", "分别提高至40%、60%") read into named goals with unit and qualifier.
import { splitTop } from './units';

export interface GoalValue {
  name: string; unit: string; value: string; qualifier: string; cumulative: boolean; year: number;
}

const UNIT = '个百分点|万亿元|亿元\\/平方公里|亿元|万元\\/人|万元|万平方米|平方米|万台套|台套|万辆|辆|万家|家|万件|件|万人|人|万吨|吨|个|项|款|座|条|所|次|倍|%|％|亩|万千瓦|千瓦';
const NUM = new RegExp(`(超过|超|不低于|不少于|大于|高于|>|≥)?\\s*(\\d+(?:\\.\\d+)?(?:\\s*[—\\-~～]\\s*\\d+(?:\\.\\d+)?)?)\\s*(${UNIT})?(以上|左右|以内|以下)?`, 'g');
const VERB_END = /(分别|达到|达|提高至|提高到|提升至|提升到|增加至|增加到|增至|保持在|稳定在|控制在|超过|超|不低于|不少于|大于|高于|迈上|为|到|至|突破)+$/;
const LEAD_WORDS = /^(争取|力争|实现|其中|同时|并|且|全力)+/;
const YEAR_PHRASE = /(?<![较比从自])(?:到|至|截至)?\s*20\d\d\s*年(?:底|末)?[,，]?/g;
const IGNORED_AFTER = /^(台阶|水平|规模|目标|的?台阶)$/;

interface Hit { value: string; unit: string; qualifier: string; before: string; after: string; cumulative: boolean }

function hitsIn(item: string): Hit[] {
  const out: Hit[] = [];
  for (const m of item.matchAll(NUM)) {
    const [all, pre, value, unit = '', suf = ''] = m as unknown as [string, string | undefined, string, string | undefined, string | undefined];
    const at = m.index! + all.indexOf(value);
    const end = m.index! + all.length;
    const tail = item.slice(end);
    if (/^\s*(年|月|日|号|届|次会议|\)|）)/.test(tail) || /([a-zA-Z]|表|专栏|图|附件|第)$/.test(item.slice(0, at))) continue;
    if (!unit && !(/(至|到|达|为)$/.test(item.slice(0, at)) && (suf || !tail.trim()))) continue;
    // "在2000万元以上的企业": a value that qualifies a noun is not a goal.
    if (/^的/.test(tail)) continue;
    const qualifier = suf || (pre ? (pre === '超' ? '超过' : pre) : '');
    const before = item.slice(0, m.index! + (pre ? 0 : all.indexOf(value)));
    out.push({ value: value.replace(/\s+/g, ''), unit: unit.replace('％', '%'), qualifier, before, after: tail, cumulative: /累计/.test(before) });
  }
  return out;
}

function nameOf(before: string, after: string, carry: string): string {
  let b = before.replace(YEAR_PHRASE, '').replace(LEAD_WORDS, '').trim();
  const a = after.split(/[、,，;；。]/)[0]!.replace(/^[\s的]*/, '').trim();
  if (!b) b = carry;
  if (a.length >= 2 && !IGNORED_AFTER.test(a)) return (b + a).trim();
  return b.replace(VERB_END, '').trim() || a;
}

/** Names for a list subject "A、B和C…" sharing a tail ("有研发机构、有研发活动的企业占比"). */
function listNames(subject: string, k: number): string[] | null {
  const items = splitTop(subject.replace(VERB_END, ''), /[、]/).flatMap((x) => x.split(/和(?=[\p{Script=Han}“"])/u));
  if (items.length !== k) return null;
  const last = items[k - 1]!;
  const m = last.slice(2).match(/(的|增加值|占|企业|比重)/);
  const tail = m ? last.slice(2 + m.index!) : '';
  return items.map((x, i) => (i < k - 1 && tail && !x.endsWith(tail) ? x + tail : x));
}

/** Goals in one sentence; `year` is the year the text's context promises them for. */
export function goalsInSentence(sentence: string, year: number): GoalValue[] {
  const out: GoalValue[] = [];
  const clauses = splitTop(sentence.replace(/[。]$/, ''), /[,，;；]/);
  clauses.forEach((clause, ci) => {
    const own = clause.match(/(?:到|至)\s*(20\d\d)\s*年/);
    const y = own ? +own[1]! : year;
    const split = clause.indexOf('分别');
    if (split >= 0) {
      const hits = hitsIn(clause.slice(split));
      const subject = clause.slice(0, split).replace(YEAR_PHRASE, '').replace(LEAD_WORDS, '');
      let names = listNames(subject, hits.length);
      if (!names && ci > 0) names = listNames(clauses[ci - 1]!.replace(LEAD_WORDS, '').replace(/[一二三四五六七八九十两\d]+个.*$/, ''), hits.length);
      hits.forEach((h, i) => out.push({ name: names?.[i] ?? `${subject}(${i + 1})`, unit: h.unit, value: h.value, qualifier: h.qualifier, cumulative: /累计/.test(clause), year: y }));
      return;
    }
    const whole = hitsIn(clause);
    if (!whole.length) return;
    const items = whole.length > 1 ? splitTop(clause, /[、]/).flatMap((x) => (hitsIn(x).length > 1 ? x.split(/和(?=\d)/) : [x])) : [clause];
    let carry = '';
    for (const item of items) {
      for (const h of items.length === 1 ? whole : hitsIn(item)) {
        const name = nameOf(h.before, h.after, carry);
        const verb = h.before.replace(YEAR_PHRASE, '').replace(LEAD_WORDS, '').trim();
        if (verb && !carry) carry = verb.replace(/[^累计新建增引进培育完成打造建成]+$/, '') ? verb : '';
        out.push({ name, unit: h.unit, value: h.value, qualifier: h.qualifier, cumulative: h.cumulative || /累计/.test(carry), year: y });
      }
    }
  });
  // "同比增长15%" names its rate after the goal before it.
  out.forEach((g, k) => { if (k > 0 && /^(同比|年均|比上年)/.test(g.name)) g.name = out[k - 1]!.name + g.name; });
  return out.filter((g) => g.name.length >= 2);
}

/** The year a sentence promises for ("到2027年"), else the one carried from its paragraph. */
export function sentenceYear(sentence: string, carried: number | null, from: number): number | null {
  for (const m of sentence.matchAll(/(^|[^较比从自于])(?:到|至|截至)?\s*(20\d\d)\s*年/g)) {
    const y = +m[2]!;
    if (y >= from) return y;
  }
  return carried;
}

export const sentencesOf = (text: string): string[] => text.split(/(?<=[。；;])/).map((s) => s.trim()).filter(Boolean);
