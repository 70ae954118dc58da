// Reads the whole database in the interchange shape: every plan with its targets, tasks and evaluations of every round.
import type { DB } from '../connection';
import type { InterchangeFile, InterchangePlan, InterchangeTaskEval, InterchangeTargetEval } from '../../contract/interchange';
import type { PlanKind, TaskKind, TargetScope, JudgeDirection, JudgeKind, TaskMilestone } from '../../contract/model';
import { listAliases } from './units';
import { fromJsonArray, nowIso } from '../json';

export function buildInterchange(db: DB): InterchangeFile {
  const rounds = new Map((db.prepare('SELECT id, name, cutoff FROM rounds').all() as { id: number; name: string; cutoff: string }[]).map((r) => [r.id, r]));
  const taskEvals = new Map<string, Record<string, InterchangeTaskEval>>();
  for (const e of db.prepare('SELECT * FROM task_evals').iterate() as Iterable<Record<string, unknown>>) {
    const r = rounds.get(e.round_id as number)!;
    const m = taskEvals.get(e.task_id as string) ?? {};
    m[r.name] = {
      cutoff: r.cutoff, status: e.status as string, progress: (e.progress as number | null) ?? null, evidence: e.evidence as string,
      problems: e.problems as string, nextSteps: e.next_steps as string, note: e.note as string, reporter: e.reporter as string,
      reportedOn: e.reported_on as string,
    };
    taskEvals.set(e.task_id as string, m);
  }
  const targetEvals = new Map<string, Record<string, InterchangeTargetEval>>();
  for (const e of db.prepare('SELECT * FROM target_evals').iterate() as Iterable<Record<string, unknown>>) {
    const r = rounds.get(e.round_id as number)!;
    const m = targetEvals.get(e.target_id as string) ?? {};
    m[r.name] = {
      cutoff: r.cutoff, actual: e.actual as string, dataSource: e.data_source as string, note: e.note as string,
      verdictOverride: e.verdict_override as string, overrideReason: e.override_reason as string,
      reporter: e.reporter as string, reportedOn: e.reported_on as string, dataDate: (e.data_date as string) ?? '',
    };
    targetEvals.set(e.target_id as string, m);
  }
  const milestones = new Map<string, InterchangePlan['targets'][number]['milestones']>();
  for (const m of db.prepare('SELECT * FROM target_milestones ORDER BY target_id, year').iterate() as Iterable<Record<string, unknown>>) {
    const list = milestones.get(m.target_id as string) ?? [];
    list.push({ year: m.year as number, value: m.value as string, qualifier: m.qualifier as string, cumulative: !!m.cumulative });
    milestones.set(m.target_id as string, list);
  }
  const taskMilestones = new Map<string, TaskMilestone[]>();
  for (const m of db.prepare('SELECT task_id, due, what FROM task_milestones ORDER BY task_id, seq').iterate() as Iterable<{ task_id: string; due: string; what: string }>) {
    taskMilestones.set(m.task_id, [...(taskMilestones.get(m.task_id) ?? []), { due: m.due, what: m.what }]);
  }
  const edited = new Map<string, string[]>();
  for (const e of db.prepare(`SELECT entity, entity_id, field FROM edited_fields WHERE field != 'deleted' ORDER BY entity, entity_id, field`).iterate() as Iterable<{ entity: string; entity_id: string; field: string }>) {
    const k = `${e.entity}:${e.entity_id}`;
    edited.set(k, [...(edited.get(k) ?? []), e.field]);
  }
  const corrected = (entity: string, id: unknown) => { const list = edited.get(`${entity}:${id as string}`); return list ? { edited: list } : {}; };
  const plans = (db.prepare('SELECT * FROM plans ORDER BY seq, id').all() as Record<string, unknown>[]).map((p): InterchangePlan => ({
    id: p.id as string, title: p.title as string, docNumber: (p.doc_number as string | null) ?? null, issuer: (p.issuer as string | null) ?? null,
    issued: (p.issued as string | null) ?? null, periodStart: (p.period_start as number | null) ?? null, periodEnd: (p.period_end as number | null) ?? null,
    kind: p.kind as PlanKind, source: { file: (p.source_file as string | null) ?? null, line: (p.source_line as number | null) ?? null },
    targets: (db.prepare('SELECT * FROM targets WHERE plan_id = ? ORDER BY seq').all(p.id) as Record<string, unknown>[]).map((g) => ({
      id: g.id as string, code: g.code as string, name: g.name as string, unit: g.unit as string, category: g.category as string,
      attribute: g.attribute as string, baseline: { year: (g.baseline_year as number | null) ?? null, value: (g.baseline_value as string | null) ?? null },
      milestones: milestones.get(g.id as string) ?? [], scope: g.scope as TargetScope, taskId: (g.task_id as string | null) ?? null,
      responsibleUnits: fromJsonArray(g.responsible_units as string), source: { line: (g.source_line as number | null) ?? null },
      evaluation: targetEvals.get(g.id as string) ?? {},
      judgeDirection: g.judge_direction as JudgeDirection, judgeKind: g.judge_kind as JudgeKind, ...corrected('target', g.id),
    })),
    tasks: (db.prepare('SELECT * FROM tasks WHERE plan_id = ? ORDER BY seq').all(p.id) as Record<string, unknown>[]).map((t) => ({
      id: t.id as string, code: t.code as string, path: fromJsonArray(t.path as string), title: t.title as string, body: t.body as string,
      kind: t.kind as TaskKind, leadUnits: fromJsonArray(t.lead_units as string), responsibleUnits: fromJsonArray(t.responsible_units as string),
      subpoints: fromJsonArray(t.subpoints as string), source: { line: (t.source_line as number | null) ?? null },
      evaluation: taskEvals.get(t.id as string) ?? {},
      deadline: (t.deadline as string | null) ?? '', milestones: taskMilestones.get(t.id as string) ?? [], ...corrected('task', t.id),
    })),
    ...corrected('plan', p.id),
  }));
  return { format: 'plan-review', version: 1, exportedAt: nowIso(), plans, unitAliases: listAliases(db) };
}
