// Checks and normalises a definition value as typed, pasted or picked (a year, a unit list, milestones, a deadline, 节点…)
// into the canonical text the database and the history keep; a bad value is refused with a Chinese message.
import { PLAN_KINDS, PLAN_KIND_LABELS, TASK_KINDS, TASK_KIND_LABELS, JUDGE_DIRECTIONS, JUDGE_DIRECTION_LABELS, JUDGE_KINDS, JUDGE_KIND_LABELS, NO_UNIT } from '../../contract/model';
import { invalid } from '../common/errors';
import { halfWidth, parseValue, QUALIFIERS } from '../rules/values';
import { normalizeDate } from '../rules/normalize';

const LIMITS = { title: 2000, name: 500, planTitle: 300, code: 50, body: 100_000, unitName: 100, measure: 30, category: 100, docNumber: 100, issuer: 200, value: 200, heading: 500, what: 500 };
const MAX_UNITS = 50;
const MAX_MILESTONES = 30;

const clip = (s: string, n = 30) => (s.length > n ? `${s.slice(0, n)}…` : s);
const asText = (v: unknown): string => (v == null ? '' : Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('\n') : String(v));

function text(v: unknown, max: number, required = false): string {
  const s = asText(v).replace(/\r\n?/g, '\n').trim();
  if (required && !s) throw invalid('不能为空');
  if (s.length > max) throw invalid(`内容过长(${s.length} 字),最多 ${max} 字`);
  return s;
}

/** 2020, "2020", "2020年", "２０２０" → "2020"; '' stays ''. */
export function normalizeYear(v: unknown): string {
  const s = halfWidth(asText(v)).trim().replace(/\s*年$/, '');
  if (!s) return '';
  if (!/^\d{4}$/.test(s) || Number(s) < 1949 || Number(s) > 2100) throw invalid(`「${clip(asText(v))}」不是有效的年份,请写 4 位年份,如 2020`);
  return s;
}

/** Splits on separators outside brackets: "市发展改革委(市能源局)、市财政局" → two names. */
function splitList(s: string, seps: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if ('(（〔[【'.includes(ch)) depth++;
    else if (')）〕]】'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && seps.test(ch)) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

/** A list of units, from a list or from text separated by 、,;, spaces or lines; the same unit once. */
export function normalizeUnits(v: unknown): string[] {
  const parts = Array.isArray(v) ? v.flatMap((x) => splitList(asText(x), /[、,，;；\n\t]/)) : splitList(asText(v), /[、,，;；\n\t\s\u3000]/);
  const out: string[] = [];
  for (const p of parts) {
    const u = p.trim();
    if (!u || u === NO_UNIT) continue;
    if (u.length > LIMITS.unitName) throw invalid(`单位名称「${clip(u, 20)}」过长(${u.length} 字),最多 ${LIMITS.unitName} 字`);
    if (!out.includes(u)) out.push(u);
  }
  if (out.length > MAX_UNITS) throw invalid(`单位过多(${out.length} 个),最多 ${MAX_UNITS} 个`);
  return out;
}

/** One unit name, for renaming and merging: the same limits as in a list. */
export function normalizeUnitName(v: unknown): string {
  const u = asText(v).replace(/\s+/g, '').trim();
  if (!u) throw invalid('单位名称不能为空');
  if (u === NO_UNIT) throw invalid(`「${NO_UNIT}」是没有单位的行的统称,不能用作单位名称`);
  if (u.length > LIMITS.unitName) throw invalid(`单位名称「${clip(u, 20)}」过长(${u.length} 字),最多 ${LIMITS.unitName} 字`);
  if (/[、,，;；]/.test(u)) throw invalid(`单位名称「${clip(u)}」中有分隔符(、,;),一次只能写一个单位`);
  return u;
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/** A due date: a full date, a month (its last day), a half or quarter (its last day), or a year's end. */
export function normalizeDue(v: unknown): string {
  const s = halfWidth(asText(v)).trim().replace(/\s+/g, '').replace(/(前|以前|之前)$/, '');
  if (!s) return '';
  let m = s.match(/^(\d{4})[-/.年](\d{1,2})月?(?:底|末)?$/);
  if (m && +m[2] >= 1 && +m[2] <= 12) return `${m[1]}-${pad(+m[2])}-${pad(lastDay(+m[1], +m[2]))}`;
  m = s.match(/^(\d{4})年?(上半年|年中|一季度|第一季度|二季度|第二季度|三季度|第三季度|下半年|四季度|第四季度|底|年底|末|年末)?$/);
  if (m) {
    const month = { 上半年: 6, 年中: 6, 一季度: 3, 第一季度: 3, 二季度: 6, 第二季度: 6, 三季度: 9, 第三季度: 9 }[m[2] ?? ''] ?? 12;
    return `${m[1]}-${pad(month)}-${pad(lastDay(+m[1], month))}`;
  }
  try {
    return normalizeDate(s);
  } catch {
    throw invalid(`「${clip(asText(v))}」不是有效的日期,请写成 2025-06-30、2025年6月或 2025年底`);
  }
}

const LONG_TERM = /^(长期|持续推进|长期坚持|长期推进|持续|持续实施|常态化|常态化推进|长期实施)$/;

/** 完成时限: a date, a year (by its end), or 长期; months and halves become their last day. */
export function normalizeDeadline(v: unknown): string {
  const s = halfWidth(asText(v)).trim().replace(/\s+/g, '');
  if (!s) return '';
  if (LONG_TERM.test(s)) return '长期';
  const y = s.match(/^(\d{4})年?(?:底|年底|末|年末|前|以前|之前|全年)?$/);
  if (y) return normalizeYear(y[1]);
  try {
    return normalizeDue(s);
  } catch {
    throw invalid(`「${clip(asText(v))}」不是有效的完成时限,请写成日期(2025-06-30)、年份(2025)或“长期”`);
  }
}

export interface MilestoneValue { year: number; value: string; qualifier: string; cumulative: boolean }

/** Target milestones from the detail panel's list or from text ("2025:1300以上;2027年:[200]"); sorted by year. */
export function normalizeMilestones(v: unknown): MilestoneValue[] {
  const items: { year: unknown; value: unknown; qualifier?: unknown; cumulative?: unknown }[] = [];
  const fromText = (s: string) => {
    for (const part of s.split(/[;；\n]+/).map((x) => x.trim()).filter(Boolean)) {
      const m = halfWidth(part).match(/^((?:19|20)\d{2})\s*(?:年\s*(?:目标)?\s*[:：=]?|[:：=]|\s)\s*(.*)$/);
      if (!m) throw invalid(`「${clip(part)}」缺少年份,请写成 2025:1300`);
      items.push({ year: m[1], value: m[2] });
    }
  };
  if (Array.isArray(v)) for (const x of v) { if (typeof x === 'string') fromText(x); else items.push(x as typeof items[number]); }
  else fromText(asText(v));
  const out: MilestoneValue[] = [];
  for (const it of items) {
    const year = normalizeYear(it.year);
    if (!year) throw invalid('目标值缺少年份');
    const value = halfWidth(asText(it.value)).trim();
    if (!value) throw invalid(`${year} 年的目标值为空,请填写数值,或删去这一年`);
    if (value.length > LIMITS.value) throw invalid(`${year} 年的目标值过长(${value.length} 字),最多 ${LIMITS.value} 字`);
    const parsed = parseValue(value);
    const qualifier = it.qualifier == null ? parsed.qualifier : asText(it.qualifier).trim();
    if (qualifier && !(QUALIFIERS as readonly string[]).includes(qualifier)) throw invalid(`「${clip(qualifier)}」不是可用的限定词,可选:${QUALIFIERS.join('、')}`);
    if (out.some((m) => m.year === Number(year))) throw invalid(`${year} 年的目标值写了两次`);
    out.push({ year: Number(year), value, qualifier, cumulative: it.cumulative == null ? parsed.cumulative : it.cumulative === true });
  }
  if (out.length > MAX_MILESTONES) throw invalid(`目标值过多(${out.length} 个),最多 ${MAX_MILESTONES} 个`);
  return out.sort((a, b) => a.year - b.year);
}

/** 节点 from the detail panel's list or from text ("2024-06-30 完成选址;2025年底:建成投产"); sorted by date. */
export function normalizeTaskMilestones(v: unknown): { due: string; what: string }[] {
  const items: { due: unknown; what: unknown }[] = [];
  const fromText = (s: string) => {
    for (const part of s.split(/[;；\n]+/).map((x) => x.trim()).filter(Boolean)) {
      const m = halfWidth(part).match(/^(\d{4}(?:\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?\s*(?:月底|月末|月|底|末)?)?(?:年?(?:上半年|下半年|年中|底|年底|末))?)\s*(?:前)?\s*[:：,，\s]\s*(.+)$/);
      if (!m) throw invalid(`节点「${clip(part)}」缺少日期,请写成 2024-06-30 完成选址`);
      items.push({ due: m[1], what: m[2] });
    }
  };
  if (Array.isArray(v)) for (const x of v) { if (typeof x === 'string') fromText(x); else items.push(x as typeof items[number]); }
  else fromText(asText(v));
  const out = items.map((it, i) => {
    const due = normalizeDue(it.due);
    if (!due) throw invalid(`第 ${i + 1} 个节点缺少日期`);
    const what = asText(it.what).trim();
    if (!what) throw invalid(`${due} 的节点没有写要完成的事项`);
    if (what.length > LIMITS.what) throw invalid(`${due} 的节点事项过长(${what.length} 字),最多 ${LIMITS.what} 字`);
    return { due, what };
  });
  if (out.length > MAX_MILESTONES * 2) throw invalid(`节点过多(${out.length} 个),最多 ${MAX_MILESTONES * 2} 个`);
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

/** Other words planners use for the same choice (越高越好 for 越大越好, 期间累计 for 累计…). */
const SYNONYMS: Record<string, string> = {
  越高越好: 'up', 正向: 'up', 越低越好: 'down', 逆向: 'down', 自动识别: '', 水平值: 'level', 期间累计: 'cumulative', 累计值: 'cumulative',
  增长率: 'growth', 控制: 'control', 控制类: 'control', '控制(上限或下限)': 'control', 人工: 'manual',
};

/** A value that is one of a set, given as its code, its Chinese label or a common synonym. */
function choice<T extends string>(v: unknown, codes: readonly T[], labels: Record<T, string>, what: string): T {
  const s = asText(v).trim();
  if ((codes as readonly string[]).includes(s)) return s as T;
  if (s in SYNONYMS && (codes as readonly string[]).includes(SYNONYMS[s])) return SYNONYMS[s] as T;
  const hit = codes.find((c) => labels[c] === s);
  if (hit != null) return hit;
  throw invalid(`「${clip(s)}」不是有效的${what},可选:${codes.map((c) => labels[c]).join('、')}`);
}

/** Chapter headings from a list or from "三、主要任务 / (一)做强先进制造业". */
export function normalizePath(v: unknown): string[] {
  const parts = Array.isArray(v) ? v.map((x) => asText(x).trim()) : asText(v).split(/\s+\/\s+|\s*›\s*|\s*>\s*|\n/).map((x) => x.trim());
  const out = parts.filter(Boolean);
  for (const h of out) if (h.length > LIMITS.heading) throw invalid(`章节标题「${clip(h, 20)}」过长(${h.length} 字),最多 ${LIMITS.heading} 字`);
  if (out.length > 10) throw invalid('章节层级过多,最多 10 层');
  return out;
}

const json = (v: unknown) => JSON.stringify(v);

/**
 * The canonical text of a definition value (what is stored and what the history keeps), or a Chinese refusal. The
 * task a target belongs to is resolved by the caller, who knows the plan.
 */
export function normalizeDefinition(entity: 'plan' | 'task' | 'target', field: string, v: unknown): string {
  const key = `${entity}.${field}`;
  switch (key) {
    case 'plan.title': return text(v, LIMITS.planTitle, true);
    case 'plan.docNumber': return text(v, LIMITS.docNumber);
    case 'plan.issuer': return text(v, LIMITS.issuer);
    case 'plan.issued': return normalizeDate(halfWidth(asText(v)).trim());
    case 'plan.periodStart': case 'plan.periodEnd': case 'target.baselineYear': return normalizeYear(v);
    case 'plan.kind': return choice(v, PLAN_KINDS, PLAN_KIND_LABELS, '规划类别');
    case 'task.kind': return choice(v, TASK_KINDS, TASK_KIND_LABELS, '任务类别');
    case 'task.code': case 'target.code': return text(v, LIMITS.code);
    case 'task.title': return text(v, LIMITS.title, true);
    case 'task.body': return text(v, LIMITS.body);
    case 'task.path': return json(normalizePath(v));
    case 'task.leadUnits': case 'task.responsibleUnits': case 'target.responsibleUnits': return json(normalizeUnits(v));
    case 'task.deadline': return normalizeDeadline(v);
    case 'task.taskMilestones': return json(normalizeTaskMilestones(v));
    case 'task.subpoints': return json((Array.isArray(v) ? v.map(asText) : asText(v).split('\n')).map((x) => x.trim()).filter(Boolean).map((x) => text(x, LIMITS.title)));
    case 'target.name': return text(v, LIMITS.name, true);
    case 'target.unit': return text(v, LIMITS.measure);
    case 'target.category': return text(v, LIMITS.category);
    case 'target.attribute': {
      const s = asText(v).trim();
      if (!s) return '';
      if (/^预期/.test(s)) return '预期性';
      if (/^约束/.test(s)) return '约束性';
      throw invalid(`「${clip(s)}」不是有效的指标属性,可选:预期性、约束性`);
    }
    case 'target.baselineValue': return halfWidth(text(v, LIMITS.value));
    case 'target.milestones': return json(normalizeMilestones(v));
    case 'target.judgeDirection': return choice(v, JUDGE_DIRECTIONS, JUDGE_DIRECTION_LABELS, '研判方向');
    case 'target.judgeKind': return choice(v, JUDGE_KINDS, JUDGE_KIND_LABELS, '研判方式');
    case 'target.taskId': return asText(v).trim();
    default: throw invalid(`「${field}」不是可修改的字段`);
  }
}
