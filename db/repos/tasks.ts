// Tasks and their evaluations per round: the grid query, one task, the few columns a task's light is read from, and
// writing one evaluation field. The light itself is added above (core/judgement/tasks.ts).
import type { DB } from '../connection';
import type { TaskRow, TaskEval, TaskStatus, TaskKind, TaskMilestone } from '../../contract/model';
import { fromJsonArray, nowIso } from '../json';
import { commonWhere, whereSql, type CommonFilters } from './filters';
import { indexEval } from './search';
import { TASK_EVAL_TEXT_COLUMNS } from '../migrations/search-rebuild';
import { stmt } from '../statements';
import { DEFINITION_COLS } from './definitions';

export interface TaskFilters extends CommonFilters {
  roundId: number; compareRoundId?: number; kinds?: string[]; statuses?: string[];
  /** Only rows whose evaluation differs between the round and the comparison round. */
  changedFromCompare?: boolean;
  offset?: number; limit?: number; full?: boolean;
}

/** A task as stored: everything but its light, which the rules compute from it. */
export type StoredTask = Omit<TaskRow, 'light'>;

/** Evaluation fields: contract name → column. */
export const TASK_EVAL_COLUMNS = {
  status: 'status', progress: 'progress', evidence: 'evidence', problems: 'problems',
  nextSteps: 'next_steps', note: 'note', reporter: 'reporter', reportedOn: 'reported_on',
} as const;
export type TaskEvalField = keyof typeof TASK_EVAL_COLUMNS;

const EVAL_COLS = 'status, progress, evidence, problems, next_steps, note, reporter, reported_on, updated_at';

const CMP_JOIN = 'LEFT JOIN task_evals c ON c.task_id = t.id AND c.round_id = @cmp';
/** An evaluation field differs between the round (e) and the comparison round (c); no row reads as the defaults. */
const TASK_CHANGED = `(COALESCE(e.status, '待评估') <> COALESCE(c.status, '待评估') OR e.progress IS NOT c.progress
  OR ${['evidence', 'problems', 'next_steps', 'note', 'reporter', 'reported_on'].map((x) => `COALESCE(e.${x}, '') <> COALESCE(c.${x}, '')`).join(' OR ')})`;

export const DEFAULT_TASK_EVAL: TaskEval = {
  status: '待评估', progress: null, evidence: '', problems: '', nextSteps: '', note: '', reporter: '', reportedOn: '', updatedAt: null,
};

interface Row {
  id: string; plan_id: string; plan_title: string; code: string; path: string; chapter: string; title: string; body: string;
  kind: TaskKind; lead_units: string; responsible_units: string; subpoints: string; seq: number; deadline: string; edited: string;
  status: string | null; progress: number | null; evidence: string | null; problems: string | null; next_steps: string | null;
  note: string | null; reporter: string | null; reported_on: string | null; updated_at: string | null;
  c_status?: string | null; c_progress?: number | null; c_evidence?: string | null; c_problems?: string | null; c_next_steps?: string | null;
  c_note?: string | null; c_reporter?: string | null; c_reported_on?: string | null; c_updated_at?: string | null;
}

function evalOf(r: Record<string, unknown>, p = ''): TaskEval | null {
  if (r[p + 'updated_at'] == null) return null;
  return {
    status: (r[p + 'status'] as TaskStatus) ?? '待评估', progress: (r[p + 'progress'] as number | null) ?? null,
    evidence: (r[p + 'evidence'] as string) ?? '', problems: (r[p + 'problems'] as string) ?? '',
    nextSteps: (r[p + 'next_steps'] as string) ?? '', note: (r[p + 'note'] as string) ?? '',
    reporter: (r[p + 'reporter'] as string) ?? '', reportedOn: (r[p + 'reported_on'] as string) ?? '',
    updatedAt: (r[p + 'updated_at'] as string) ?? null,
  };
}

/** The dated milestones of the given tasks (of every task when `ids` is null), in their order. */
export function taskMilestones(db: DB, ids: string[] | null): Map<string, TaskMilestone[]> {
  const rows = (ids
    ? db.prepare('SELECT task_id, due, what FROM task_milestones WHERE task_id IN (SELECT value FROM json_each(?)) ORDER BY task_id, seq').all(JSON.stringify(ids))
    : db.prepare('SELECT task_id, due, what FROM task_milestones ORDER BY task_id, seq').all()) as { task_id: string; due: string; what: string }[];
  const map = new Map<string, TaskMilestone[]>();
  for (const m of rows) {
    let list = map.get(m.task_id);
    if (!list) map.set(m.task_id, (list = []));
    list.push({ due: m.due, what: m.what });
  }
  return map;
}

function toTask(r: Row, compare: boolean, ms: Map<string, TaskMilestone[]>): StoredTask {
  const row: StoredTask = {
    id: r.id, planId: r.plan_id, planTitle: r.plan_title, code: r.code, path: fromJsonArray(r.path), chapter: r.chapter,
    title: r.title, body: r.body, kind: r.kind, leadUnits: fromJsonArray(r.lead_units),
    responsibleUnits: fromJsonArray(r.responsible_units), subpoints: fromJsonArray(r.subpoints), seq: r.seq,
    eval: evalOf(r as unknown as Record<string, unknown>) ?? { ...DEFAULT_TASK_EVAL },
    deadline: r.deadline ?? '', milestones: ms.get(r.id) ?? [], edited: fromJsonArray(r.edited),
  };
  if (compare) row.compare = evalOf(r as unknown as Record<string, unknown>, 'c_');
  return row;
}

/**
 * The grid query. Without `full` the body is left out (the grid never shows it; the detail panel reads one task with
 * tasks.get), which keeps the answer for 100 000 tasks a third smaller.
 */
function taskWhere(db: DB, f: TaskFilters) {
  const w = commonWhere(db, 'task', 't', f);
  if (f.kinds?.length) {
    w.clauses.push('t.kind IN (SELECT value FROM json_each(?))');
    w.params.push(JSON.stringify(f.kinds));
  }
  if (f.statuses?.length) {
    w.clauses.push(`COALESCE(e.status, '待评估') IN (SELECT value FROM json_each(?))`);
    w.params.push(JSON.stringify(f.statuses));
  }
  if (f.compareRoundId != null && f.changedFromCompare) {
    // 只看有变化, for every query over these filters (the page, its count, the lights, the units): the tasks with an
    // evaluation in either round that differs from the other's, read from the evaluations of the two rounds alone.
    w.clauses.push(`t.id IN (SELECT e.task_id FROM task_evals e LEFT JOIN task_evals c ON c.task_id = e.task_id AND c.round_id = ?
      WHERE e.round_id = ? AND ${TASK_CHANGED}
      UNION SELECT c.task_id FROM task_evals c LEFT JOIN task_evals e ON e.task_id = c.task_id AND e.round_id = ?
      WHERE c.round_id = ? AND e.task_id IS NULL AND ${TASK_CHANGED})`);
    w.params.push(f.compareRoundId, f.roundId, f.roundId, f.compareRoundId);
  }
  return w;
}

export function queryTasks(db: DB, f: TaskFilters): { rows: StoredTask[]; total: number } {
  const w = taskWhere(db, f);
  const compare = f.compareRoundId != null;
  // The count and a later page need the evaluations only to filter by status.
  const evalJoin = f.statuses?.length ? 'LEFT JOIN task_evals e ON e.task_id = t.id AND e.round_id = @round' : '';
  const body = f.full ? 't.body' : "'' AS body";
  const cmpCols = compare
    ? ', ' + EVAL_COLS.split(', ').map((c) => `c.${c} AS c_${c}`).join(', ')
    : '';
  const cmpJoin = compare ? CMP_JOIN : '';
  const from = `FROM tasks t JOIN plans p ON p.id = t.plan_id
    LEFT JOIN task_evals e ON e.task_id = t.id AND e.round_id = @round ${cmpJoin} ${whereSql(w)}`;
  // The count needs the evaluations only to filter by status, and never the plan.
  const countFrom = `FROM tasks t ${evalJoin} ${whereSql(w)}`;
  const named: Record<string, unknown> = compare ? { round: f.roundId, cmp: f.compareRoundId } : { round: f.roundId };
  const params = w.params;
  const limit = f.limit ?? -1;
  const offset = f.offset ?? 0;
  const cols = `t.id, t.plan_id, p.title AS plan_title, t.code, t.path, t.chapter, t.title, ${body}, t.kind, t.deadline,
      t.lead_units, t.responsible_units, t.subpoints, t.seq, ${DEFINITION_COLS('task', 't')}, ${EVAL_COLS.split(', ').map((c) => 'e.' + c).join(', ')} ${cmpCols}`;
  const order = 'ORDER BY p.seq, p.id, t.seq';
  // A later page first finds its rows through the covering indexes alone, then reads only those: the rows it skips are
  // not joined to their evaluations (at 100 000 tasks, a page near the end took three times as long otherwise).
  const sql = offset > 0
    ? `WITH page AS (SELECT t.rowid AS rid FROM tasks t JOIN plans p ON p.id = t.plan_id
        ${evalJoin} ${whereSql(w)} ${order} LIMIT ${limit} OFFSET ${offset})
      SELECT ${cols} FROM page JOIN tasks t ON t.rowid = page.rid JOIN plans p ON p.id = t.plan_id
        LEFT JOIN task_evals e ON e.task_id = t.id AND e.round_id = @round ${cmpJoin} ${order}`
    : `SELECT ${cols} ${from} ${order} LIMIT ${limit} OFFSET ${offset}`;
  const raw = db.prepare(sql).all(named, ...params) as Row[];
  const ms = taskMilestones(db, raw.length > 5000 ? null : raw.map((r) => r.id));
  const rows = raw.map((r) => toTask(r, compare, ms));
  // A search with no other filter is counted by its hits.
  const total = f.limit == null && !f.offset ? rows.length
    : w.clauses.length === 1 && w.searchHits != null ? w.searchHits
    : (db.prepare(`SELECT count(*) AS n ${countFrom}`).get(...(evalJoin ? [{ round: f.roundId }] : []), ...params) as { n: number }).n;
  return { rows, total };
}

/** What a task's light is read from, with its plan and units: one row per task the filters select, in grid order. */
export interface TaskLightRow {
  id: string; planId: string; deadline: string; status: TaskStatus; progress: number | null; milestones: TaskMilestone[];
}

export function taskLightRows(db: DB, f: TaskFilters): TaskLightRow[] {
  const w = taskWhere(db, f);
  const raw = db.prepare(`SELECT t.id, t.plan_id, t.deadline, COALESCE(e.status, '待评估') AS status, e.progress
    FROM tasks t JOIN plans p ON p.id = t.plan_id LEFT JOIN task_evals e ON e.task_id = t.id AND e.round_id = ?
    ${whereSql(w)} ORDER BY p.seq, p.id, t.seq`).raw(true).all(f.roundId, ...w.params) as [string, string, string, TaskStatus, number | null][];
  const ms = taskMilestones(db, raw.length > 5000 ? null : raw.map((r) => r[0]));
  return raw.map(([id, planId, deadline, status, progress]) => ({ id, planId, deadline: deadline ?? '', status, progress, milestones: ms.get(id) ?? [] }));
}

/** The units of each task the filters select (lead and responsible, each pair once), along the primary key of entity_units. */
export function taskUnitPairs(db: DB, f: TaskFilters): [string, string][] {
  const w = taskWhere(db, f);
  const needsEval = !!f.statuses?.length;
  const raw = (w.clauses.length
    ? db.prepare(`SELECT u.entity_id, u.unit FROM entity_units u JOIN tasks t ON t.id = u.entity_id
        ${needsEval ? 'LEFT JOIN task_evals e ON e.task_id = t.id AND e.round_id = ?' : ''}
        ${whereSql({ clauses: [`u.entity = 'task'`, ...w.clauses], params: [] })} ORDER BY u.entity_id, u.unit`).raw(true).all(...(needsEval ? [f.roundId] : []), ...w.params)
    : db.prepare(`SELECT entity_id, unit FROM entity_units WHERE entity = 'task' ORDER BY entity_id, unit`).raw(true).all()) as [string, string][];
  // A unit both leading and sharing a task comes twice, one after the other.
  return raw.filter((p, i) => i === 0 || p[0] !== raw[i - 1][0] || p[1] !== raw[i - 1][1]);
}

export function getTask(db: DB, id: string, roundId: number, compareRoundId?: number): StoredTask | null {
  const { rows } = queryTasks(db, { roundId, compareRoundId, ids: [id], full: true });
  return rows[0] ?? null;
}

export function taskExists(db: DB, id: string): boolean {
  return !!stmt(db, 'SELECT 1 FROM tasks WHERE id = ?').get(id);
}

/** The stored value of one evaluation field, as text for the history (null when never set). */
export function readTaskEvalField(db: DB, roundId: number, taskId: string, field: TaskEvalField): string | number | null {
  const col = TASK_EVAL_COLUMNS[field];
  const r = stmt(db, `SELECT ${col} AS v FROM task_evals WHERE round_id = ? AND task_id = ?`).get(roundId, taskId) as { v: string | number | null } | undefined;
  if (!r) return field === 'status' ? '待评估' : field === 'progress' ? null : '';
  return r.v;
}

export function writeTaskEvalField(db: DB, roundId: number, taskId: string, field: TaskEvalField, value: string | number | null): void {
  const col = TASK_EVAL_COLUMNS[field];
  stmt(db, `INSERT INTO task_evals (round_id, task_id, ${col}, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(round_id, task_id) DO UPDATE SET ${col} = excluded.${col}, updated_at = excluded.updated_at`)
    .run(roundId, taskId, value, nowIso());
  if ((TASK_EVAL_TEXT_COLUMNS as readonly string[]).includes(col)) indexEval(db, 'task', taskId, roundId);
}
