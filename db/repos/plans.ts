// Plans: the list with counts, the plan → chapter tree for the side panel, and removal.
import type { DB } from '../connection';
import { stmt } from '../statements';
import type { PlanSummary, PlanNode, ChapterNode, PlanKind } from '../../contract/model';
import { fromJsonArray } from '../json';
import { unindexIds } from './search';
import { withoutUnit } from './units';
import { NO_UNIT } from '../../contract/model';

interface Row {
  id: string; title: string; doc_number: string | null; issuer: string | null; issued: string | null;
  period_start: number | null; period_end: number | null; kind: PlanKind; source_file: string | null;
  source_line: number | null; task_count: number; target_count: number;
}

export function listPlans(db: DB): PlanSummary[] {
  const rows = db.prepare(`SELECT p.*,
      (SELECT count(*) FROM tasks t WHERE t.plan_id = p.id) AS task_count,
      (SELECT count(*) FROM targets g WHERE g.plan_id = p.id) AS target_count
    FROM plans p ORDER BY p.seq, p.id`).all() as Row[];
  return rows.map((r) => ({
    id: r.id, title: r.title, docNumber: r.doc_number, issuer: r.issuer, issued: r.issued,
    periodStart: r.period_start, periodEnd: r.period_end, kind: r.kind, sourceFile: r.source_file,
    sourceLine: r.source_line, taskCount: r.task_count, targetCount: r.target_count,
  }));
}

/** Task counts per chapter path, read from the covering index tasks_tree (migration 005). */
export const TREE_SQL = `SELECT plan_id, path, count(*) AS n, min(seq) AS first FROM tasks
  GROUP BY plan_id, path ORDER BY plan_id, first`;

/** Plans with their chapter trees, built from the task paths (grouped counts, in document order). */
export function planTree(db: DB): PlanNode[] {
  const plans = listPlans(db);
  const rows = db.prepare(TREE_SQL).all() as { plan_id: string; path: string; n: number }[];
  type Level = { list: ChapterNode[]; byName: Map<string, { node: ChapterNode; next: Level }> };
  const newLevel = (): Level => ({ list: [], byName: new Map() });
  const byPlan = new Map<string, Level>();
  for (const r of rows) {
    let level: Level = byPlan.get(r.plan_id) ?? newLevel();
    byPlan.set(r.plan_id, level);
    const path = fromJsonArray(r.path);
    for (let i = 0; i < path.length; i++) {
      let hit = level.byName.get(path[i]);
      if (!hit) {
        const node: ChapterNode = { name: path[i], path: path.slice(0, i + 1), taskCount: 0, children: [] };
        hit = { node, next: { list: node.children, byName: new Map() } };
        level.byName.set(path[i], hit);
        level.list.push(node);
      }
      hit.node.taskCount += r.n;
      level = hit.next;
    }
  }
  return plans.map((plan) => ({ plan, chapters: byPlan.get(plan.id)?.list ?? [] }));
}

export function planTitle(db: DB, id: string): string | null {
  return (stmt(db, 'SELECT title FROM plans WHERE id = ?').get(id) as { title: string } | undefined)?.title ?? null;
}

export function planExists(db: DB, id: string): boolean {
  return !!db.prepare('SELECT 1 FROM plans WHERE id = ?').get(id);
}

export function deletePlanRows(db: DB, id: string): { tasks: string[]; targets: string[] } {
  const tasks = (db.prepare('SELECT id FROM tasks WHERE plan_id = ?').all(id) as { id: string }[]).map((r) => r.id);
  const targets = (db.prepare('SELECT id FROM targets WHERE plan_id = ?').all(id) as { id: string }[]).map((r) => r.id);
  unindexIds(db, [...tasks, ...targets]);
  db.prepare(`DELETE FROM entity_units WHERE entity_id IN (SELECT value FROM json_each(?))`).run(JSON.stringify([...tasks, ...targets]));
  db.prepare('DELETE FROM plans WHERE id = ?').run(id);
  return { tasks, targets };
}

export interface UnitCount { unit: string; tasks: number; targets: number }

/**
 * Distinct tasks and targets per unit, counted from the covering index entity_units_count (migration 005); a unit that
 * is both lead and responsible for one task counts it once.
 */
export const UNITS_SQL = `SELECT unit, coalesce(sum(CASE entity WHEN 'task' THEN n END), 0) AS tasks,
    coalesce(sum(CASE entity WHEN 'target' THEN n END), 0) AS targets
  FROM (SELECT unit, entity, count(DISTINCT entity_id) AS n FROM entity_units GROUP BY unit, entity)
  GROUP BY unit ORDER BY tasks + targets DESC, unit`;

/** Every unit in use, and last 未明确责任单位 for the tasks and targets without any unit (when there are such). */
export function listUnits(db: DB): UnitCount[] {
  const units = db.prepare(UNITS_SQL).all() as UnitCount[];
  const none = withoutUnit(db);
  return none.tasks || none.targets ? [...units, { unit: NO_UNIT, ...none }] : units;
}
