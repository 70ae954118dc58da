// Imports every document of a corpus set through the real importer and prints the per-document table and the totals.
// Also a script: npx tsx tests/corpus/measure.ts [--holdout] [--misses] [NN ...]
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../../core/import/parse/index';
import { loadSet } from './expectations';
import { add, scoreDocument, zero, type Counts, type Miss } from './score';

export interface DocFigures { name: string; counts: Counts; misses: Miss[]; error: string | null }
export interface SetFigures { docs: DocFigures[]; total: Counts }

export const CORPUS = __dirname;
export const DEV_SET = CORPUS;
export const HOLDOUT_SET = path.join(CORPUS, 'holdout');

/** Imports and scores every document of a set (or those whose number is listed). */
export async function measureSet(dir: string, only: string[] = []): Promise<SetFigures> {
  const docs: DocFigures[] = [];
  for (const d of loadSet(dir)) {
    if (only.length && !only.some((o) => d.name.startsWith(o))) continue;
    let plans: Awaited<ReturnType<typeof parseDocument>>['plans'] = [];
    let error: string | null = null;
    try {
      plans = (await parseDocument(path.basename(d.path), fs.readFileSync(d.path))).plans;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const { counts, misses } = scoreDocument(d.expect, plans);
    docs.push({ name: d.name, counts, misses, error });
  }
  return { docs, total: docs.reduce((a, d) => add(a, d.counts), zero()) };
}

const ratio = (a: number, b: number) => (b ? a / b : 1);
/** The figures of a set of counts, each a ratio in 0..1. */
export function figures(c: Counts) {
  return {
    taskRecall: ratio(c.tasksFound, c.tasksExpected),
    taskPrecision: ratio(c.tasksMatchedProduced, c.tasksProduced),
    units: ratio(c.unitsRight, c.tasksFound),
    deadlines: ratio(c.deadlinesRight, c.tasksFound),
    tableGoalRecall: ratio(c.tgFound, c.tgExpected),
    inTaskRecall: ratio(c.inLinked, c.inExpected),
    targetPrecision: ratio(c.targetsMatchedProduced, c.targetsProduced),
    baselines: ratio(c.baselinesRight, c.targetsFound),
    milestones: ratio(c.milestonesRight, c.targetsFound),
    titles: ratio(c.titlesRight, c.plansExpected),
    titled: ratio(c.titled, c.plansProduced),
    kinds: ratio(c.kindsRight, c.plansExpected),
    periods: ratio(c.periodsRight, c.plansExpected),
  };
}

const f2 = (x: number) => x.toFixed(2);
const COLUMNS: [string, (c: Counts) => string][] = [
  ['tasks', (c) => `${c.tasksFound}/${c.tasksExpected}`],
  ['recall', (c) => f2(figures(c).taskRecall)],
  ['prec', (c) => f2(figures(c).taskPrecision)],
  ['units', (c) => f2(figures(c).units)],
  ['deadl', (c) => f2(figures(c).deadlines)],
  ['tbl+goal', (c) => `${c.tgFound}/${c.tgExpected}`],
  ['tg rec', (c) => f2(figures(c).tableGoalRecall)],
  ['in-task', (c) => `${c.inLinked}/${c.inExpected}`],
  ['in rec', (c) => f2(figures(c).inTaskRecall)],
  ['tgt prec', (c) => f2(figures(c).targetPrecision)],
  ['base', (c) => f2(figures(c).baselines)],
  ['miles', (c) => f2(figures(c).milestones)],
  ['title', (c) => `${c.titlesRight}/${c.plansExpected}`],
  ['kind', (c) => `${c.kindsRight}/${c.plansExpected}`],
  ['period', (c) => `${c.periodsRight}/${c.plansExpected}`],
];

/** The per-document table with a total line, as printed by the corpus test. */
export function formatTable(set: SetFigures): string {
  const head = ['document', ...COLUMNS.map(([h]) => h)];
  const rows = set.docs.map((d) => [d.name.slice(0, 34) + (d.error ? ' (!)' : ''), ...COLUMNS.map(([, f]) => f(d.counts))]);
  rows.push(['total', ...COLUMNS.map(([, f]) => f(set.total))]);
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const line = (r: string[]) => r.map((x, k) => (k ? x.padStart(widths[k]!) : x.padEnd(widths[k]!))).join('  ');
  const errors = set.docs.filter((d) => d.error).map((d) => `(!) ${d.name}: ${d.error}`);
  return [line(head), ...rows.map(line), ...errors].join('\n');
}

export function formatMisses(set: SetFigures): string {
  return set.docs.flatMap((d) => (d.misses.length ? [`== ${d.name}`, ...d.misses.map((m) => `  [${m.plan}] ${m.what}`)] : [])).join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const dir = args.includes('--holdout') ? HOLDOUT_SET : DEV_SET;
  const only = args.filter((a) => !a.startsWith('--'));
  void measureSet(dir, only).then((set) => {
    if (args.includes('--misses')) console.log(formatMisses(set));
    console.log(formatTable(set));
  });
}
