// A document's targets: its indicator tables (scope table), its goals parts and preamble (goal_text, with the units and
// attribute of 主要指标 items) and the numbers its tasks promise (in_task, with the task's units), none restating another.
import type { InterchangeTarget } from '../../../../contract/interchange';
import { itemId } from '../ids';
import type { TableBlock } from './blocks';
import type { TableTasks } from './table-tasks';
import { backgroundFigures, fillBaselines } from './baselines';
import { goalParas } from './goal-parts';
import type { DocMeta } from './meta';
import type { OutlineNode } from './outline';
import { tableTargets, type DraftTarget } from './table-targets';
import type { DraftTask } from './tasks';
import { goalsIn, goalTarget, restates, yearOf } from './text-targets';
import { parseValue } from '../../../rules/values';

export interface TargetReading {
  /** The seeds' hand-read convention (see TextOptions.conventions). */
  seeds: boolean;
  /** Filled with the lines that stated a goal, kept or found to restate another. */
  seen?: Set<number>;
  /** Lines of sections that tell what was done (a reply's account before its next steps): their figures are baselines. */
  background?: ReadonlySet<number>;
}

function toTarget(t: DraftTarget, pid: string, scope: InterchangeTarget['scope'], taskId: string | null): InterchangeTarget {
  const pos = scope === 'table' ? `t${t.code}` : scope === 'goal_text' ? `g${t.code}` : `k${t.code}`;
  return {
    id: itemId(pid, 'G', pos, t.name), code: scope === 'table' ? t.code : '', name: t.name, unit: t.unit, category: t.category,
    attribute: t.attribute, baseline: t.baseline, milestones: t.milestones, scope, taskId, responsibleUnits: t.responsibleUnits,
    source: { line: t.line },
  };
}

const bareName = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The targets of a document's tables, a row a later table repeats (表2 重点指标年度目标 giving 2022年…2025年 of a row of
 * 表1) given to the first: its years added, none that differs from the first's figure for the same year.
 */
function mergeRepeated(tables: DraftTarget[][]): DraftTarget[] {
  const out: DraftTarget[] = [];
  for (const [k, rows] of tables.entries()) {
    for (const t of rows) {
      const first = k > 0 ? out.find((o) => bareName(o.name) === bareName(t.name) && (!o.unit || !t.unit || o.unit === t.unit)) : undefined;
      const agree = first && t.milestones.every((m) => first.milestones.every((f) => f.year !== m.year || parseValue(f.value).num === parseValue(m.value).num));
      if (!first || !agree) { out.push(t); continue; }
      for (const m of t.milestones) if (!first.milestones.some((f) => f.year === m.year)) first.milestones.push(m);
      first.milestones.sort((a, b) => a.year - b.year);
    }
  }
  return out;
}

/** All targets of a document; `taskIds` are the ids of `drafts`, in order. */
export function targetsOf(pid: string, meta: DocMeta, src: { tables: TableBlock[]; rowGoals: TableTasks['goals'] }, outline: OutlineNode, drafts: DraftTask[], taskIds: string[], r: TargetReading): InterchangeTarget[] {
  const from = meta.periodStart ?? (meta.issued ? +meta.issued.slice(0, 4) : 2000);
  const period: [number, number] | null = meta.periodStart !== null && meta.periodEnd !== null ? [meta.periodStart, meta.periodEnd] : null;
  // (Without a period, a year column before the year it was issued in is where the figures start: its baseline.)
  const table = mergeRepeated(src.tables.map((t) => tableTargets(t, meta.periodStart ?? (meta.issued ? +meta.issued.slice(0, 4) : null), meta.periodEnd)));
  // Target rows of a task table (主要预期目标): table targets whose category is their group.
  goalsIn(src.rowGoals, { from, fallback: meta.periodEnd, needYear: false, phrases: !r.seeds }).forEach((g) => {
    const d = goalTarget(g, String(table.length + 1), g.line, period);
    Object.assign(d, { category: g.para.category, responsibleUnits: g.para.units });
    table.push(d);
  });
  const known: DraftTarget[] = [...table];
  const goals: DraftTarget[] = [];
  goalsIn(goalParas(outline, !r.seeds), { from, fallback: meta.periodEnd, needYear: false, phrases: !r.seeds }).forEach((g) => {
    r.seen?.add(g.line);
    if (restates(g, known)) return;
    // Another year of a table row, or of a goal the text gave a year before ("2023年达到20万户、2025年达到45万户").
    const other = yearOf(g, [...table, ...goals]);
    if (other) {
      other.target.milestones.push({ year: g.year, value: other.value, qualifier: g.qualifier, cumulative: g.cumulative });
      other.target.milestones.sort((a, b) => a.year - b.year);
      return;
    }
    const d = goalTarget(g, String(goals.length + 1), g.line, period);
    d.responsibleUnits = g.para.units;
    d.attribute = g.para.attribute;
    goals.push(d);
    known.push(d);
  });
  const inTask: { d: DraftTarget; taskId: string }[] = [];
  drafts.forEach((t, k) => {
    // A document without a period (a reply) sets its yearly figures from the year it was written.
    const due = /^20\d\d/.test(t.deadline) ? +t.deadline.slice(0, 4) : meta.periodEnd ?? (meta.issued ? +meta.issued.slice(0, 4) : null);
    goalsIn([{ text: t.body, line: t.line }], { from, fallback: due, needYear: r.seeds, phrases: !r.seeds }).forEach((g) => {
      if (restates(g, known, 0.5)) return;
      const d = goalTarget(g, `${k + 1}_${inTask.length + 1}`, g.line, period);
      d.responsibleUnits = [...t.leadUnits, ...t.responsibleUnits];
      inTask.push({ d, taskId: taskIds[k]! });
    });
  });
  // (A reply tells what was done beside what it promises: the figures of its items' earlier years are baselines too.)
  const told = meta.kind === 'reply' ? drafts.map((t) => t.body) : [];
  if (!r.seeds) fillBaselines([...table, ...goals, ...inTask.map((x) => x.d)], backgroundFigures(outline, { lines: r.background, told, from }));
  return [
    ...table.map((t) => toTarget(t, pid, 'table', null)),
    ...goals.map((t) => toTarget(t, pid, 'goal_text', null)),
    ...inTask.map(({ d, taskId }) => toTarget(d, pid, 'in_task', taskId)),
  ];
}
