// City scale through the service layer: a synthetic database of 200 plans and 100 000 tasks (three rounds), then
// bulk status of 10 000 rows, a two-character search, a unit filter, the dashboard, the full report (in its own
// process, for its peak memory), a 10 000-row return imported, and a collection of 30 units' returns (10 000 rows)
// exported, previewed and applied at once. Medians of several runs; figures only.
import fs from 'node:fs';
import path from 'node:path';
import { fork } from 'node:child_process';
import ExcelJS from 'exceljs';
import { openDatabase, type DB } from '../db/connection';
import { createContext, type Context } from '../core/common/context';
import { dispatch, call } from '../core/dispatch';
import { cachedSynthDb, workingCopy } from '../core/synth/cache';
import { COORDINATOR } from '../core/synth/plans';
import { currentRound } from '../core/common/settings';
import { TASK_STATUSES } from '../contract/model';
import { FIRST_PAGE } from '../renderer/src/grid/pages';
import { collectionFigures } from './returns-collection';

export interface Figure { name: string; value: number; unit: string; goal?: string }
/** PLAN_REVIEW_SCALE_TASKS runs the same benches on a smaller city, for trying them out quickly. */
const TASKS = Number(process.env.PLAN_REVIEW_SCALE_TASKS) || 100_000;
export const SCALE = { plans: Math.min(200, Math.ceil(TASKS / 50)), tasks: TASKS };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const ms = (x: number) => Math.round(x * 10) / 10;

/** Times `fn` `runs` times after one warm-up; the answer must be ok. The JSON a transport would send is included. */
async function timed(ctx: Context, runs: number, op: string, args: () => unknown): Promise<{ median: number; bytes: number; value: unknown }> {
  const times: number[] = [];
  let bytes = 0;
  let value: unknown;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const r = await dispatch(ctx, op, args());
    const json = JSON.stringify(r);
    const t = performance.now() - t0;
    if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
    if (i > 0) times.push(t);
    bytes = json.length;
    value = r.value;
  }
  return { median: median(times), bytes, value };
}

/** The busiest units: the coordinator and the unit leading the most tasks. */
function busyUnit(db: DB): string {
  return (db.prepare(`SELECT unit FROM entity_units WHERE entity = 'task' AND role = 'lead' GROUP BY unit ORDER BY count(*) DESC LIMIT 1`).get() as { unit: string }).unit;
}

async function exportInChild(dbFile: string, out: string, roundId: number): Promise<{ seconds: number; rows: number; rssMb: number }> {
  return new Promise((resolve, reject) => {
    const p = fork(__filename, ['--scale-export-child', dbFile, out, String(roundId)], { stdio: 'inherit' });
    p.on('message', (m) => resolve(m as never));
    p.on('exit', (code) => code && reject(new Error(`export process exited with ${code}`)));
  });
}

async function returnsRoundTrip(ctx: Context, roundId: number, dir: string): Promise<{ exportS: number; previewS: number; applyS: number; rows: number; cells: number }> {
  let t0 = performance.now();
  const exp = await call(ctx, 'export.returns', { roundId, units: [COORDINATOR], folder: ctx.handles.register(path.join(dir, 'returns'), 'folder').handle });
  const exportS = (performance.now() - t0) / 1000;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(ctx.handles.resolve(exp.files[0].handle, 'read'));
  const ws = wb.getWorksheet('重点任务')!;
  let n = 0;
  for (let r = 4; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.getCell(1).value) continue;
    row.getCell(8).value = TASK_STATUSES[1 + (n % 5)];
    row.getCell(10).value = `截至评估时点,该项任务已按计划推进,完成阶段性目标(回收第${n + 1}行)。`;
    n++;
  }
  const filled = path.join(dir, 'returns', 'filled.xlsx');
  await wb.xlsx.writeFile(filled);
  t0 = performance.now();
  const preview = await call(ctx, 'returns.preview', { files: [{ handle: ctx.handles.register(filled, 'read').handle }] });
  const previewS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const applied = await call(ctx, 'returns.apply', { previewId: preview.previewId, accept: 'all', overrideConflicts: true });
  const applyS = (performance.now() - t0) / 1000;
  return { exportS, previewS, applyS, rows: applied.appliedRows, cells: applied.appliedCells };
}

export async function run(): Promise<Figure[]> {
  const cache = cachedSynthDb({ ...SCALE });
  const work = workingCopy(cache.file);
  const figures: Figure[] = [];
  try {
    if (cache.built) figures.push({ name: `scale: synth ${SCALE.plans} plans / ${SCALE.tasks} tasks`, value: ms(cache.seconds), unit: 's' });
    figures.push({ name: 'scale: database size', value: Math.round(fs.statSync(cache.file).size / 1048576), unit: 'MB' });
    let t0 = performance.now();
    const db = await openDatabase(work.file);
    figures.push({ name: 'scale: open database', value: ms(performance.now() - t0), unit: 'ms' });
    const ctx = createContext(db, work.file, 'cli', path.join(work.dir, 'exports'));
    const roundId = currentRound(db).id;
    try {
      const first = await timed(ctx, 5, 'tasks.query', () => ({ roundId }));
      figures.push({ name: 'scale: tasks.query, all rows (as the grid asks), with JSON', value: ms(first.median), unit: 'ms' });
      figures.push({ name: 'scale: tasks.query payload', value: Math.round(first.bytes / 1048576 * 10) / 10, unit: 'MB' });

      // A word of the titles and bodies, a common one, one of the round's 存在问题 texts, a unit's name.
      for (const word of ['氢能', '产业', '滞后', '市发展改革委']) {
        // As the grid asks: the first page with the total; the remaining pages follow after it has painted.
        const first = await timed(ctx, 7, 'tasks.query', () => ({ roundId, search: word, offset: 0, limit: FIRST_PAGE }));
        figures.push({ name: `scale: search "${word}" (${(first.value as { total: number }).total} rows), first page of ${FIRST_PAGE} with JSON`, value: ms(first.median), unit: 'ms', goal: '< 100 ms' });
        const s = await timed(ctx, 3, 'tasks.query', () => ({ roundId, search: word }));
        figures.push({ name: `scale: search "${word}", every row at once, with JSON`, value: ms(s.median), unit: 'ms' });
      }
      const unit = busyUnit(db);
      const u = await timed(ctx, 7, 'tasks.query', () => ({ roundId, unit }));
      figures.push({ name: `scale: filter by unit (${(u.value as { total: number }).total} rows), with JSON`, value: ms(u.median), unit: 'ms' });

      const ids = (db.prepare('SELECT id FROM tasks ORDER BY rowid LIMIT 10000').all() as { id: string }[]).map((r) => r.id);
      // The dashboard is computed after a change and given again until the next one: both are timed.
      const computed: number[] = [];
      for (let i = 0; i < 5; i++) {
        await dispatch(ctx, 'tasks.edit', { roundId, source: 'edit', edits: [{ id: ids[i], field: 'status', value: i % 2 ? '滞后' : '已完成' }] });
        t0 = performance.now();
        JSON.stringify(await dispatch(ctx, 'dashboard.summary', { roundId }));
        computed.push(performance.now() - t0);
      }
      figures.push({ name: 'scale: dashboard.summary after a change (computed)', value: ms(median(computed)), unit: 'ms' });
      const kept = await timed(ctx, 5, 'dashboard.summary', () => ({ roundId }));
      figures.push({ name: 'scale: dashboard.summary again (kept until a change)', value: ms(kept.median), unit: 'ms' });
      let flip = 0;
      const bulk = await timed(ctx, 5, 'tasks.bulkSet', () => ({ roundId, ids, field: 'status', value: ++flip % 2 ? '滞后' : '超序时' }));
      figures.push({ name: 'scale: bulk status of 10 000 rows (tasks.bulkSet)', value: ms(bulk.median), unit: 'ms', goal: '< 1000 ms' });

      const edits: number[] = [];
      for (let i = 0; i < 40; i++) {
        t0 = performance.now();
        const r = await dispatch(ctx, 'tasks.edit', { roundId, source: 'edit', edits: [{ id: ids[i * 7], field: 'status', value: i % 2 ? '滞后' : '已完成' }] });
        JSON.stringify(r);
        edits.push(performance.now() - t0);
      }
      figures.push({ name: 'scale: one status edit through dispatch, p95', value: ms(p95(edits)), unit: 'ms' });

      const rt = await returnsRoundTrip(ctx, roundId, work.dir);
      figures.push({ name: `scale: export.returns for ${COORDINATOR}`, value: ms(rt.exportS), unit: 's' });
      figures.push({ name: `scale: returns.preview of ${rt.rows} rows`, value: ms(rt.previewS), unit: 's' });
      figures.push({ name: `scale: returns.apply of ${rt.rows} rows, ${rt.cells} cells`, value: ms(rt.applyS), unit: 's' });
    } finally {
      db.close();
    }
    const reports: { seconds: number; rows: number; rssMb: number }[] = [];
    for (let i = 0; i < 3; i++) reports.push(await exportInChild(work.file, path.join(work.dir, `report-${i}.xlsx`), roundId));
    figures.push({ name: `scale: full report export (${reports[0].rows} rows)`, value: ms(median(reports.map((r) => r.seconds))), unit: 's', goal: '< 10 s' });
    figures.push({ name: 'scale: full report export, peak RSS', value: Math.round(Math.max(...reports.map((r) => r.rssMb))), unit: 'MB', goal: '< 500 MB' });
    figures.push(...await collectionFigures());
  } finally {
    fs.rmSync(work.dir, { recursive: true, force: true });
  }
  return figures;
}

async function child(dbFile: string, out: string, roundId: number): Promise<void> {
  const db = await openDatabase(dbFile);
  const ctx = createContext(db, dbFile, 'cli', path.dirname(out));
  const t0 = performance.now();
  const r = await call(ctx, 'export.report', { roundId, out: ctx.handles.register(out, 'write').handle });
  process.send!({ seconds: (performance.now() - t0) / 1000, rows: r.rows, rssMb: process.resourceUsage().maxRSS / 1024 });
  db.close();
}

if (process.argv[2] === '--scale-export-child') void child(process.argv[3], process.argv[4], Number(process.argv[5]));
else if (require.main === module) void run().then((r) => console.table(r));
