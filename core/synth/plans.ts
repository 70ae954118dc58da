// Composes the synthetic city's plans in memory: plan headers, chapters, tasks with real-length Chinese text and
// units, targets with baselines and milestones. Deterministic for a given seed.
import type { TaskKind, PlanKind } from '../../contract/model';
import {
  type Rand, pick, between, DISTRICTS, BUREAUS, CITY, bureau, FIELDS, CHAPTERS, SECTIONS, TARGET_NAMES,
} from './vocab';

export interface SynthTask {
  id: string; code: string; path: string[]; title: string; body: string; kind: TaskKind;
  lead: string[]; resp: string[]; subpoints: string[];
}
export interface SynthTarget {
  id: string; code: string; name: string; unit: string; category: string; attribute: string;
  baselineYear: number; baseline: number; milestones: { year: number; value: number }[]; resp: string[];
}
export interface SynthPlan {
  id: string; title: string; owner: string; kind: PlanKind; docNumber: string; issuer: string; issued: string;
  periodStart: number; periodEnd: number; tasks: SynthTask[]; targets: SynthTarget[];
}

export const COORDINATOR = bureau(CITY, '发展改革委');

/** The first `n` units of the city: its development and reform commission, its bureaus, then the districts' governments. */
export function unitPool(n: number): string[] {
  const all = [...new Set([COORDINATOR, ...BUREAUS.map((b) => bureau(CITY, b)), ...DISTRICTS.map((d) => `${d}人民政府`)])];
  return all.slice(0, Math.max(6, Math.min(n, all.length)));
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

function planHeader(r: Rand, i: number, used: Set<string>): Omit<SynthPlan, 'tasks' | 'targets'> {
  const owner = i % 5 === 0 ? CITY : pick(r, DISTRICTS);
  const field = pick(r, FIELDS);
  const kind: PlanKind = r() < 0.7 ? 'plan' : r() < 0.6 ? 'action_plan' : 'measures';
  let title = kind === 'plan' ? `${owner}${field}${field.endsWith('发展') ? '' : '发展'}"十四五"规划`
    : kind === 'action_plan' ? `${owner}推动${field}行动方案(2023—2027年)` : `${owner}支持${field}若干政策措施`;
  for (let n = 2; used.has(title); n++) title = title.replace(/(\(第\d+批\))?$/, `(第${n}批)`);
  used.add(title);
  const start = kind === 'plan' ? 2021 : 2023;
  const issuer = owner === CITY ? '重庆市人民政府' : `${owner}人民政府`;
  const abbr = owner === CITY ? '渝府' : owner.slice(0, 2) + '府';
  return {
    id: `syn-p${String(i + 1).padStart(4, '0')}`, title, owner, kind, issuer,
    docNumber: `${abbr}${kind === 'plan' ? '发' : '办发'}〔${start}〕${between(r, 1, 180)}号`,
    issued: `${start}-${String(between(r, 1, 12)).padStart(2, '0')}-${String(between(r, 1, 28)).padStart(2, '0')}`,
    periodStart: start, periodEnd: kind === 'plan' ? 2025 : 2027,
  };
}

/** A sentence of `n` clauses, joined as plan text is: commas inside, a full stop at the end. */
export function sentence(r: Rand, clauses: string[], n: number): string {
  const parts: string[] = [];
  for (let k = 0; k < n; k++) parts.push(pick(r, clauses));
  return parts.join(r() < 0.2 ? ';' : ',') + '。';
}

/** `pool`: the only units to choose from (a collection of a few units answering for every plan). */
function units(r: Rand, owner: string, n: number, exclude: string[] = [], pool?: string[]): string[] {
  const out = new Set<string>();
  while (out.size < n) {
    const u = pool ? pick(r, pool) : owner === CITY && r() < 0.25 ? `${pick(r, DISTRICTS)}人民政府` : bureau(owner, pick(r, BUREAUS));
    if (!exclude.includes(u)) out.add(u);
  }
  return [...out];
}

function tasksOf(r: Rand, plan: Omit<SynthPlan, 'tasks' | 'targets'>, count: number, clauses: string[], nextId: () => string, pool?: string[]): SynthTask[] {
  const chapters = Math.max(1, Math.min(CHAPTERS.length, Math.ceil(count / 60)));
  const tasks: SynthTask[] = [];
  const chosen = [...CHAPTERS].sort(() => r() - 0.5).slice(0, chapters);
  for (let c = 0; c < chapters; c++) {
    const inChapter = Math.floor(count / (chapters + 1)) + (c < count % (chapters + 1) ? 1 : 0);
    const sections = Math.max(1, Math.min(SECTIONS.length, Math.ceil(inChapter / 15)));
    for (let k = 0; k < inChapter; k++) {
      const s = Math.floor((k * sections) / inChapter);
      const section = SECTIONS[(c * 3 + s) % SECTIONS.length];
      tasks.push(task(r, plan, [`${CN[c + 2] ?? c + 3}、${chosen[c]}`, `(${CN[s] ?? s + 1})${section}`], String(k + 1),
        plan.kind === 'measures' ? 'measure' : section === '建设重大项目' ? 'project' : 'task', clauses, nextId, pool));
    }
  }
  // The rest are the safeguards that close every plan.
  const safeguards = count - tasks.length;
  for (let k = 0; k < safeguards; k++) {
    tasks.push(task(r, plan, [`${CN[chapters + 2] ?? chapters + 3}、保障措施`], `(${CN[k % CN.length]})`, 'safeguard', clauses, nextId, pool));
  }
  return tasks;
}

function task(r: Rand, plan: Omit<SynthPlan, 'tasks' | 'targets'>, path: string[], code: string, kind: TaskKind, clauses: string[], nextId: () => string, pool?: string[]): SynthTask {
  const title = sentence(r, clauses, r() < 0.3 ? 2 : 1);
  const subpoints = r() < 0.2 ? Array.from({ length: between(r, 2, 4) }, () => pick(r, clauses)) : [];
  const sentences = [title];
  for (let k = between(r, 2, 5); k > 0; k--) sentences.push(sentence(r, clauses, between(r, 2, 4)));
  if (subpoints.length) sentences.push(subpoints.map((s, i) => `${['一是', '二是', '三是', '四是'][i]}${s}`).join(',') + '。');
  if (kind === 'project') sentences.push(`总投资${between(r, 2, 300)}亿元,建设期${between(r, 2, 5)}年。`);
  const lead = units(r, plan.owner, r() < 0.85 ? 1 : 2, [], pool);
  const resp = units(r, plan.owner, between(r, 0, 3), lead, pool);
  // The city's development and reform commission coordinates the evaluation and shares in about one task in eight.
  if (r() < 0.12 && !lead.includes(COORDINATOR) && !resp.includes(COORDINATOR)) resp.push(COORDINATOR);
  return { id: nextId(), code, path, title, body: sentences.join(''), kind, lead, resp, subpoints };
}

function targetsOf(r: Rand, plan: Omit<SynthPlan, 'tasks' | 'targets'>, count: number, nextId: () => string, pool?: string[]): SynthTarget[] {
  const out: SynthTarget[] = [];
  const names = [...TARGET_NAMES].sort(() => r() - 0.5);
  for (let k = 0; k < count; k++) {
    const [name, unit, category] = names[k % names.length];
    const baseline = unit === '%' ? Math.round(r() * 800) / 10 : between(r, 50, 5000);
    const growth = 1 + 0.05 + r() * 0.4;
    const end = unit === '%' ? Math.min(100, Math.round(baseline * growth * 10) / 10) : Math.round(baseline * growth);
    const milestones = [{ year: plan.periodEnd, value: end }];
    if (r() < 0.4) milestones.unshift({ year: plan.periodStart + 2, value: Math.round((baseline + (end - baseline) / 2) * 10) / 10 });
    out.push({
      id: nextId(), code: String(k + 1), name: k >= names.length ? `${name}(${CN[Math.floor(k / names.length)] ?? k})` : name,
      unit, category, attribute: r() < 0.3 ? '约束性' : '预期性', baselineYear: plan.periodStart - 1, baseline, milestones,
      resp: units(r, plan.owner, between(r, 1, 2), [], pool),
    });
  }
  return out;
}

/** Splits `total` tasks over `plans` plans of uneven size, as a city's plans are. */
export function composePlans(r: Rand, plans: number, total: number, targetsPerPlan: number, clauses: string[], pool?: string[]): SynthPlan[] {
  const weights = Array.from({ length: plans }, () => 0.3 + 1.4 * r());
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((total * w) / sum));
  counts[counts.length - 1] += total - counts.reduce((a, b) => a + b, 0);
  const used = new Set<string>();
  let taskNo = 0;
  let targetNo = 0;
  return counts.map((n, i) => {
    const header = planHeader(r, i, used);
    return {
      ...header,
      tasks: tasksOf(r, header, n, clauses, () => `syn-t${String(++taskNo).padStart(6, '0')}`, pool),
      targets: targetsOf(r, header, between(r, Math.ceil(targetsPerPlan / 2), Math.ceil(targetsPerPlan * 1.5)), () => `syn-g${String(++targetNo).padStart(5, '0')}`, pool),
    };
  });
}
