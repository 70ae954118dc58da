// Scores one imported document against its expectations: plans paired by title, tasks found by their `match`
// fragment, targets paired by name and value, and the counts every figure of the corpus table is made of.
import type { InterchangePlan, InterchangeTarget, InterchangeTask } from '../../contract/interchange';
import { bare, dice, norm, normQualifier, normValue, unitSet, type ExpPlan, type ExpTarget, type Expectation } from './expectations';

/** Counts of one document (or a sum of documents); every figure is a ratio of two of them. */
export interface Counts {
  tasksExpected: number; tasksFound: number; tasksProduced: number; tasksMatchedProduced: number;
  unitsRight: number; deadlinesRight: number;
  tgExpected: number; tgFound: number;
  inExpected: number; inFound: number; inLinked: number;
  targetsProduced: number; targetsMatchedProduced: number; notTargetsProduced: number;
  baselinesRight: number; milestonesRight: number; targetsFound: number;
  plansExpected: number; plansPaired: number; titlesRight: number; titled: number; plansProduced: number;
  kindsRight: number; periodsRight: number;
}
export const zero = (): Counts => ({
  tasksExpected: 0, tasksFound: 0, tasksProduced: 0, tasksMatchedProduced: 0, unitsRight: 0, deadlinesRight: 0,
  tgExpected: 0, tgFound: 0, inExpected: 0, inFound: 0, inLinked: 0, targetsProduced: 0, targetsMatchedProduced: 0,
  notTargetsProduced: 0, baselinesRight: 0, milestonesRight: 0, targetsFound: 0, plansExpected: 0, plansPaired: 0,
  titlesRight: 0, titled: 0, plansProduced: 0, kindsRight: 0, periodsRight: 0,
});
export function add(a: Counts, b: Counts): Counts {
  const out = zero();
  for (const k of Object.keys(out) as (keyof Counts)[]) out[k] = a[k] + b[k];
  return out;
}

/** What went wrong, for reading when a figure drops. */
export interface Miss { plan: string; what: string }

/** Pairs expected with imported plans by title (a lone plan with a lone plan). */
function pairPlans(exp: ExpPlan[], got: InterchangePlan[]): Map<ExpPlan, InterchangePlan> {
  const out = new Map<ExpPlan, InterchangePlan>();
  if (exp.length === 1 && got.length === 1) return out.set(exp[0]!, got[0]!);
  const pairs = exp.flatMap((e) => got.map((g) => ({ e, g, s: dice(bare(e.title), bare(g.title)) }))).sort((a, b) => b.s - a.s);
  const used = new Set<InterchangePlan>();
  for (const p of pairs) if (p.s >= 0.5 && !out.has(p.e) && !used.has(p.g)) { out.set(p.e, p.g); used.add(p.g); }
  return out;
}

/** The imported task of each expected one: the only task whose title or body holds its match (a title beats a body). */
function pairTasks(exp: ExpPlan, got: InterchangePlan): Map<string, InterchangeTask> {
  const out = new Map<string, InterchangeTask>();
  const used = new Set<InterchangeTask>();
  const texts = got.tasks.map((t) => ({ t, title: norm(t.title), all: norm(`${t.title}\n${t.body}`) }));
  for (const e of exp.tasks) {
    const m = norm(e.match);
    const inTitle = texts.filter((x) => x.title.includes(m));
    const cands = inTitle.length ? inTitle : texts.filter((x) => x.all.includes(m));
    if (cands.length === 1 && !used.has(cands[0]!.t)) { out.set(e.match, cands[0]!.t); used.add(cands[0]!.t); }
  }
  return out;
}

const milestonesOf = (t: { milestones: { year: number; value: string; qualifier: string; cumulative: boolean }[] }, unit: string) =>
  t.milestones.map((m) => `${m.year}:${normValue(m.value, unit)}:${normQualifier(m.qualifier)}:${m.cumulative ? 1 : 0}`).sort().join(' ');
const valuesOf = (t: { milestones: { value: string }[] }, unit: string) => new Set(t.milestones.map((m) => normValue(m.value, unit)));

function nameScore(a: string, b: string): number {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  if (x.includes(y) || y.includes(x)) return 0.8;
  return dice(x, y);
}

/** Expected targets paired with imported ones of the same scope family by name, helped by a shared value. */
function pairTargets(exp: ExpTarget[], got: InterchangeTarget[]): Map<ExpTarget, InterchangeTarget> {
  const pairs: { e: ExpTarget; g: InterchangeTarget; s: number }[] = [];
  for (const e of exp) {
    const ev = valuesOf(e, e.unit);
    for (const g of got) {
      if ((e.scope === 'in_task') !== (g.scope === 'in_task')) continue;
      const n = nameScore(e.name, g.name);
      const shared = [...valuesOf(g, g.unit || e.unit)].some((v) => ev.has(v));
      if (n >= 0.6 || (n >= 0.35 && shared)) pairs.push({ e, g, s: n + (shared ? 0.5 : 0) });
    }
  }
  pairs.sort((a, b) => b.s - a.s);
  const out = new Map<ExpTarget, InterchangeTarget>();
  const used = new Set<InterchangeTarget>();
  for (const p of pairs) if (!out.has(p.e) && !used.has(p.g)) { out.set(p.e, p.g); used.add(p.g); }
  return out;
}

const deadlineOf = (t: InterchangeTask) => (t as InterchangeTask & { deadline?: string }).deadline || null;

function scorePlan(e: ExpPlan, g: InterchangePlan, c: Counts, misses: Miss[]): void {
  const where = e.title.slice(0, 24);
  const miss = (what: string) => misses.push({ plan: where, what });
  if (bare(g.title) === bare(e.title)) c.titlesRight++; else miss(`title 「${g.title}」 ≠ 「${e.title}」`);
  if (g.kind === e.kind) c.kindsRight++; else miss(`kind ${g.kind} ≠ ${e.kind}`);
  if (g.periodStart === e.periodStart && g.periodEnd === e.periodEnd) c.periodsRight++; else miss(`period ${g.periodStart}–${g.periodEnd} ≠ ${e.periodStart}–${e.periodEnd}`);
  const tasks = pairTasks(e, g);
  c.tasksFound += tasks.size;
  c.tasksMatchedProduced += new Set(tasks.values()).size;
  for (const t of e.tasks) {
    const got = tasks.get(t.match);
    if (!got) { miss(`task not found: ${t.match}`); continue; }
    if (unitSet(got.leadUnits) === unitSet(t.leadUnits) && unitSet(got.responsibleUnits) === unitSet(t.responsibleUnits)) c.unitsRight++;
    else miss(`units of ${t.match}: ${got.leadUnits.join('、')} / ${got.responsibleUnits.join('、')} ≠ ${t.leadUnits.join('、')} / ${t.responsibleUnits.join('、')}`);
    if ((deadlineOf(got) ?? null) === (t.deadline ?? null)) c.deadlinesRight++; else miss(`deadline of ${t.match}: ${deadlineOf(got)} ≠ ${t.deadline}`);
  }
  const matched = new Set(tasks.values());
  for (const t of g.tasks) if (!matched.has(t)) miss(`extra task: ${t.code} ${t.title.slice(0, 30)}`);
  const targets = pairTargets(e.targets, g.targets);
  for (const t of e.targets) {
    const inTask = t.scope === 'in_task';
    if (inTask) c.inExpected++; else c.tgExpected++;
    const got = targets.get(t);
    if (!got) { miss(`target not found (${t.scope}): ${t.name} ${t.milestones.map((m) => m.value).join('/')}`); continue; }
    c.targetsFound++;
    if (inTask) {
      c.inFound++;
      const task = t.task ? tasks.get(t.task) : undefined;
      if (task && got.taskId === task.id) c.inLinked++; else miss(`target ${t.name} not linked to ${t.task}`);
    } else c.tgFound++;
    const bl = got.baseline.value ? `${got.baseline.year}:${normValue(got.baseline.value, got.unit || t.unit)}` : '';
    const eb = t.baseline ? `${t.baseline.year}:${normValue(t.baseline.value, t.unit)}` : '';
    if (bl === eb) c.baselinesRight++; else miss(`baseline of ${t.name}: ${bl} ≠ ${eb}`);
    if (milestonesOf(got, got.unit || t.unit) === milestonesOf(t, t.unit)) c.milestonesRight++;
    else miss(`milestones of ${t.name}: ${milestonesOf(got, got.unit || t.unit)} ≠ ${milestonesOf(t, t.unit)}`);
  }
  c.targetsProduced += g.targets.length;
  c.targetsMatchedProduced += targets.size;
  const paired = new Set(targets.values());
  const nots = e.notTargets.map(norm);
  for (const t of g.targets) {
    if (paired.has(t)) continue;
    const v = t.milestones[0]?.value ?? '';
    const isNot = nots.some((n) => n.includes(norm(t.name)) && (!v || n.includes(normValue(v, t.unit))));
    if (isNot) c.notTargetsProduced++;
    miss(`extra target${isNot ? ' (a notTarget)' : ''}: ${t.scope} ${t.name} ${t.milestones.map((m) => `${m.year}:${m.value}`).join('/')}`);
  }
}

/** The counts of one document, with what was missed. */
export function scoreDocument(exp: Expectation, plans: InterchangePlan[]): { counts: Counts; misses: Miss[] } {
  const c = zero();
  const misses: Miss[] = [];
  const pairs = pairPlans(exp.plans, plans);
  c.plansExpected = exp.plans.length;
  c.plansProduced = plans.length;
  c.titled = plans.filter((p) => p.title.trim()).length;
  for (const p of plans) c.tasksProduced += p.tasks.length;
  for (const e of exp.plans) {
    c.tasksExpected += e.tasks.length;
    const g = pairs.get(e);
    if (!g) {
      misses.push({ plan: e.title.slice(0, 24), what: 'plan not found' });
      for (const t of e.targets) if (t.scope === 'in_task') c.inExpected++; else c.tgExpected++;
      continue;
    }
    c.plansPaired++;
    scorePlan(e, g, c, misses);
  }
  const paired = new Set(pairs.values());
  for (const p of plans) {
    if (paired.has(p)) continue;
    c.targetsProduced += p.targets.length;
    misses.push({ plan: p.title.slice(0, 24), what: `extra plan with ${p.tasks.length} tasks, ${p.targets.length} targets` });
  }
  return { counts: c, misses };
}
