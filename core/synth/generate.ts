// Writes a synthetic city database in one transaction of direct SQL (the import path is built for documents, not
// for 100 000 rows at once), filling every table the importer and the edit path fill: plans, tasks, targets,
// milestones, entity_units, the search index, three rounds of evaluations and their history.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabaseSync, type DB } from '../../db/connection';
import { planWriter } from '../../db/repos/plan-rows';
import { nowIso } from '../../db/json';
import { setSetting } from '../../db/repos/settings';
import { indexRoundEvals } from '../../db/repos/search';
import type { TaskStatus } from '../../contract/model';
import { rng, pick, between, seedClauses, type Rand } from './vocab';
import { composePlans, sentence, unitPool, type SynthPlan } from './plans';

/** `units`: every task and target shared among only so many units (a collection of returns), instead of the whole city's. */
export interface SynthOptions { plans: number; tasks: number; targetsPerPlan?: number; seed?: number; seedDir?: string; units?: number }
export interface SynthResult { plans: number; tasks: number; targets: number; rounds: number; history: number; bytes: number }

export const SYNTH_ROUNDS = [
  { name: '2022年度评估', cutoff: '2022-12-31' },
  { name: '2023年中期评估', cutoff: '2023-06-30' },
  { name: '2024年度评估', cutoff: '2024-12-31' },
] as const;

/** How a task's status moves from one round to the next. */
function nextStatus(r: Rand, prev: TaskStatus | null, round: number): TaskStatus {
  if (prev === '已完成' || prev === '已调整/取消') return prev;
  const x = r();
  if (prev == null) return x < 0.12 ? '待评估' : x < 0.25 ? '未启动' : x < 0.75 ? '序时推进' : x < 0.85 ? '超序时' : x < 0.95 ? '滞后' : '已完成';
  const done = 0.08 + round * 0.1;
  return x < done ? '已完成' : x < done + 0.5 ? '序时推进' : x < done + 0.62 ? '超序时' : x < done + 0.78 ? '滞后' : x < done + 0.8 ? '已调整/取消' : prev;
}

function progressFor(status: TaskStatus, prev: number | null, r: Rand): number | null {
  if (status === '待评估') return prev;
  if (status === '已完成') return 100;
  if (status === '未启动') return 0;
  const base = prev ?? 0;
  return Math.min(99, base + between(r, 5, status === '滞后' ? 12 : 35));
}

function writePlans(db: DB, plans: SynthPlan[], at: string): void {
  const w = planWriter(db);
  plans.forEach((p, i) => {
    w.plan({ id: p.id, title: p.title, docNumber: p.docNumber, issuer: p.issuer, issued: p.issued, periodStart: p.periodStart,
      periodEnd: p.periodEnd, kind: p.kind, sourceFile: `${p.title}.docx`, sourceLine: null, seq: i + 1, importedAt: at });
    p.tasks.forEach((t, k) => w.task({ id: t.id, planId: p.id, code: t.code, path: t.path, title: t.title, body: t.body, kind: t.kind,
      leadUnits: t.lead, responsibleUnits: t.resp, subpoints: t.subpoints, seq: k + 1, sourceLine: null }));
    p.targets.forEach((g, k) => w.target({ id: g.id, planId: p.id, taskId: null, code: g.code, name: g.name, unit: g.unit, category: g.category,
      attribute: g.attribute, baselineYear: g.baselineYear, baselineValue: String(g.baseline), scope: 'table', responsibleUnits: g.resp,
      seq: k + 1, sourceLine: null }, g.milestones.map((m) => ({ year: m.year, value: String(m.value), qualifier: g.attribute === '约束性' ? '不低于' : '', cumulative: false }))));
  });
}

/** Three rounds; each round's values arrive per plan as one returned workbook would: one action, its history cells. */
function writeRounds(db: DB, r: Rand, plans: SynthPlan[], clauses: string[]): number {
  const round = db.prepare('INSERT INTO rounds (name, cutoff, based_on, created_at) VALUES (?, ?, ?, ?)');
  const action = db.prepare(`INSERT INTO actions (at, source, label, detail, state) VALUES (?, 'return', ?, ?, 'final')`);
  const hist = db.prepare('INSERT INTO history (action_id, entity, entity_id, round_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const tev = db.prepare(`INSERT INTO task_evals (round_id, task_id, status, progress, evidence, problems, next_steps, note, reporter, reported_on, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)`);
  const gev = db.prepare(`INSERT INTO target_evals (round_id, target_id, actual, data_source, note, reporter, reported_on, updated_at)
    VALUES (?, ?, ?, ?, '', ?, ?, ?)`);
  const prevStatus = new Map<string, TaskStatus>();
  const prevProgress = new Map<string, number | null>();
  const prevActual = new Map<string, number>();
  let history = 0;
  let basedOn: number | null = null;
  SYNTH_ROUNDS.forEach((spec, ri) => {
    const at = `${spec.cutoff.slice(0, 4)}-${ri === 1 ? '07' : '01'}-15T10:00:00.000+08:00`;
    const roundId = Number(round.run(spec.name, spec.cutoff, basedOn, at).lastInsertRowid);
    basedOn = roundId;
    const cell = (actionId: number, entity: string, id: string, field: string, o: unknown, n: unknown) => {
      if ((o ?? '') === (n ?? '')) return;
      hist.run(actionId, entity, id, roundId, field, o == null ? null : String(o), n == null ? null : String(n));
      history++;
    };
    for (const p of plans) {
      const actionId = Number(action.run(at, `导入填报表:${p.title}`, `${spec.name}`).lastInsertRowid);
      for (const t of p.tasks) {
        if (ri === 0 && r() < 0.1) continue;
        const old = prevStatus.get(t.id) ?? null;
        const status = nextStatus(r, old, ri);
        const progress = progressFor(status, prevProgress.get(t.id) ?? null, r);
        const reportedOn = `${spec.cutoff.slice(0, 8)}${String(between(r, 1, 28)).padStart(2, '0')}`;
        tev.run(roundId, t.id, status, progress, status === '待评估' ? '' : sentence(r, clauses, between(r, 2, 5)),
          status === '滞后' || r() < 0.15 ? sentence(r, clauses, between(r, 1, 3)) : '',
          status === '已完成' ? '' : sentence(r, clauses, between(r, 1, 2)), t.lead[0] ?? '', reportedOn, at);
        cell(actionId, 'task', t.id, 'status', old ?? '待评估', status);
        cell(actionId, 'task', t.id, 'progress', prevProgress.get(t.id) ?? null, progress);
        prevStatus.set(t.id, status);
        prevProgress.set(t.id, progress);
      }
      for (const g of p.targets) {
        if (r() < 0.08) continue;
        const end = g.milestones[g.milestones.length - 1].value;
        const share = Math.min(1.1, (ri + 1) / (g.milestones[g.milestones.length - 1].year - g.baselineYear) * (0.7 + r() * 0.6));
        const actual = Math.round((g.baseline + (end - g.baseline) * share) * 10) / 10;
        gev.run(roundId, g.id, String(actual), pick(r, ['统计年报', '部门统计', '统计快报', '第三方评估']), g.resp[0] ?? '', spec.cutoff, at);
        cell(actionId, 'target', g.id, 'actual', prevActual.get(g.id) ?? '', String(actual));
        prevActual.set(g.id, actual);
      }
    }
  });
  setSetting(db, 'currentRoundId', basedOn);
  return history;
}

/** Builds the database at `out` (beside it first, then moved in place). The caller decides about overwriting. */
export function synthesize(out: string, opts: SynthOptions): SynthResult {
  const r = rng(opts.seed ?? 20240630);
  const clauses = seedClauses(opts.seedDir);
  const plans = composePlans(r, opts.plans, opts.tasks, opts.targetsPerPlan ?? 15, clauses, opts.units ? unitPool(opts.units) : undefined);
  const tmp = `${out}.building`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const db = openDatabaseSync(tmp);
  let history = 0;
  try {
    db.pragma('synchronous = OFF');
    db.transaction(() => {
      writePlans(db, plans, nowIso());
      history = writeRounds(db, r, plans, clauses);
      for (const { id } of db.prepare('SELECT id FROM rounds').all() as { id: number }[]) indexRoundEvals(db, id);
    })();
    db.exec("INSERT INTO search_index (search_index) VALUES ('optimize')");
    db.exec('ANALYZE');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  for (const f of [`${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  fs.renameSync(tmp, out);
  return {
    plans: plans.length, tasks: plans.reduce((n, p) => n + p.tasks.length, 0), targets: plans.reduce((n, p) => n + p.targets.length, 0),
    rounds: SYNTH_ROUNDS.length, history, bytes: fs.statSync(out).size,
  };
}
