// Targets, their milestones and their evaluations per round, as stored; the judgement is added above (core/judgement).
import type { DB } from '../connection';
import type { TargetRow, TargetEval, Milestone, TargetScope, JudgeDirection, JudgeKind } from '../../contract/model';
import { fromJsonArray, nowIso } from '../json';
import { commonWhere, whereSql, type CommonFilters } from './filters';
import { DEFINITION_COLS } from './definitions';
import { stmt } from '../statements';
import { indexEval } from './search';
import { TARGET_EVAL_TEXT_COLUMNS } from '../migrations/search-rebuild';

export interface TargetFilters extends CommonFilters {
  roundId: number; compareRoundId?: number; scopes?: string[];
  /** Only rows whose evaluation differs between the round and the comparison round. */
  changedFromCompare?: boolean;
}

/** A target as stored: everything but its judgement, which the rules compute from it, and its plan's period. */
export type StoredTarget = Omit<TargetRow, 'judgement'> & { planPeriod: { start: number | null; end: number | null } };

export const TARGET_EVAL_COLUMNS = {
  actual: 'actual', dataSource: 'data_source', note: 'note', verdictOverride: 'verdict_override',
  overrideReason: 'override_reason', reporter: 'reporter', reportedOn: 'reported_on', dataDate: 'data_date',
} as const;
export type TargetEvalField = keyof typeof TARGET_EVAL_COLUMNS;

const EVAL_COLS = 'actual, data_source, note, verdict_override, override_reason, reporter, reported_on, updated_at, data_date';
/** An evaluation field differs between the round (e) and the comparison round (c); no row reads as empty. */
const TARGET_CHANGED = `(${EVAL_COLS.split(', ').filter((x) => x !== 'updated_at').map((x) => `COALESCE(e.${x}, '') <> COALESCE(c.${x}, '')`).join(' OR ')})`;

export const DEFAULT_TARGET_EVAL: TargetEval = {
  actual: '', dataSource: '', note: '', verdictOverride: '', overrideReason: '', reporter: '', reportedOn: '', updatedAt: null, dataDate: '',
};

function evalOf(r: Record<string, unknown>, p = ''): TargetEval | null {
  if (r[p + 'updated_at'] == null) return null;
  const s = (k: string) => (r[p + k] as string) ?? '';
  return {
    actual: s('actual'), dataSource: s('data_source'), note: s('note'), verdictOverride: s('verdict_override'),
    overrideReason: s('override_reason'), reporter: s('reporter'), reportedOn: s('reported_on'),
    updatedAt: (r[p + 'updated_at'] as string) ?? null, dataDate: s('data_date'),
  };
}

function milestonesByTarget(db: DB, ids: string[] | null): Map<string, Milestone[]> {
  const sql = ids
    ? 'SELECT * FROM target_milestones WHERE target_id IN (SELECT value FROM json_each(?)) ORDER BY target_id, year'
    : 'SELECT * FROM target_milestones ORDER BY target_id, year';
  const rows = (ids ? db.prepare(sql).all(JSON.stringify(ids)) : db.prepare(sql).all()) as
    { target_id: string; year: number; value: string; qualifier: string; cumulative: number }[];
  const map = new Map<string, Milestone[]>();
  for (const m of rows) {
    let list = map.get(m.target_id);
    if (!list) map.set(m.target_id, (list = []));
    list.push({ year: m.year, value: m.value, qualifier: m.qualifier, cumulative: !!m.cumulative });
  }
  return map;
}

/** Every target the filters select, in plan order, with its evaluation in the round (and the comparison round). */
export function readTargets(db: DB, f: TargetFilters): StoredTarget[] {
  const w = commonWhere(db, 'target', 'g', f);
  if (f.scopes?.length) {
    w.clauses.push('g.scope IN (SELECT value FROM json_each(?))');
    w.params.push(JSON.stringify(f.scopes));
  }
  const compare = f.compareRoundId != null;
  if (compare && f.changedFromCompare) w.clauses.push(TARGET_CHANGED);
  const cmpCols = compare ? ', ' + EVAL_COLS.split(', ').map((c) => `c.${c} AS c_${c}`).join(', ') : '';
  const cmpJoin = compare ? 'LEFT JOIN target_evals c ON c.target_id = g.id AND c.round_id = @cmp' : '';
  const named: Record<string, unknown> = compare ? { round: f.roundId, cmp: f.compareRoundId } : { round: f.roundId };
  const sql = `SELECT g.*, p.title AS plan_title, p.period_start AS plan_start, p.period_end AS plan_end, tk.title AS task_title, ${DEFINITION_COLS('target', 'g')}, ${EVAL_COLS.split(', ').map((c) => 'e.' + c).join(', ')} ${cmpCols}
    FROM targets g JOIN plans p ON p.id = g.plan_id LEFT JOIN tasks tk ON tk.id = g.task_id
    LEFT JOIN target_evals e ON e.target_id = g.id AND e.round_id = @round ${cmpJoin}
    ${whereSql(w)} ORDER BY p.seq, p.id, g.seq`;
  const raw = db.prepare(sql).all(named, ...w.params) as Record<string, unknown>[];
  const ms = milestonesByTarget(db, raw.length > 5000 ? null : raw.map((r) => r.id as string));
  return raw.map((r) => {
    const row: StoredTarget = {
      id: r.id as string, planId: r.plan_id as string, planTitle: r.plan_title as string,
      taskId: (r.task_id as string | null) ?? null, taskTitle: (r.task_title as string | null) ?? null,
      code: r.code as string, name: r.name as string, unit: r.unit as string, category: r.category as string,
      attribute: r.attribute as string,
      baseline: { year: (r.baseline_year as number | null) ?? null, value: (r.baseline_value as string | null) ?? null },
      milestones: ms.get(r.id as string) ?? [], scope: r.scope as TargetScope,
      responsibleUnits: fromJsonArray(r.responsible_units as string), seq: r.seq as number,
      eval: evalOf(r) ?? { ...DEFAULT_TARGET_EVAL },
      judgeDirection: ((r.judge_direction as string) ?? '') as JudgeDirection, judgeKind: ((r.judge_kind as string) ?? '') as JudgeKind,
      edited: fromJsonArray(r.edited as string),
      planPeriod: { start: (r.plan_start as number | null) ?? null, end: (r.plan_end as number | null) ?? null },
    };
    if (compare) row.compare = evalOf(r, 'c_');
    return row;
  });
}

export function readTargetEvalField(db: DB, roundId: number, targetId: string, field: TargetEvalField): string | null {
  const col = TARGET_EVAL_COLUMNS[field];
  const r = stmt(db, `SELECT ${col} AS v FROM target_evals WHERE round_id = ? AND target_id = ?`).get(roundId, targetId) as { v: string } | undefined;
  return r ? r.v : '';
}

export function writeTargetEvalField(db: DB, roundId: number, targetId: string, field: TargetEvalField, value: string): void {
  const col = TARGET_EVAL_COLUMNS[field];
  stmt(db, `INSERT INTO target_evals (round_id, target_id, ${col}, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(round_id, target_id) DO UPDATE SET ${col} = excluded.${col}, updated_at = excluded.updated_at`)
    .run(roundId, targetId, value, nowIso());
  if ((TARGET_EVAL_TEXT_COLUMNS as readonly string[]).includes(col)) indexEval(db, 'target', targetId, roundId);
}
