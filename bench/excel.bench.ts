// Reports at city scale: 100 000 tasks (and 2 000 targets) in 200 plans. The full Excel report beside a plain exceljs
// stream of the same rows (no styles, sections, sizing or chart: what writing the data alone costs), in pairs, each
// in a separate process so its time and peak memory are its own; and the Word report of the same data.
// Goals: the report within 1.5 × the plain stream and under 500 MB; the Word report under 10 s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fork } from 'node:child_process';
import ExcelJS from 'exceljs';
import { openDatabaseSync } from '../db/connection';
import { createContext } from '../core/common/context';
import { call } from '../core/dispatch';
import { TASK_STATUSES } from '../contract/model';
import { streamTasks } from '../db/repos/report-tasks';
import { readTargets } from '../db/repos/targets';

const UNITS = Array.from({ length: 40 }, (_, i) => `市${['发展改革委', '工业和信息化局', '科技局', '商务局', '财政局', '交通运输局', '住房城乡建设局', '生态环境局'][i % 8]}${i >= 8 ? `(第${Math.floor(i / 8)}组)` : ''}`);
const PHRASES = ['加快推进重点项目建设', '完善配套政策体系', '强化要素保障', '推动产业链协同创新', '培育壮大市场主体', '提升公共服务水平', '深化体制机制改革', '扩大高水平对外开放'];
const text = (i: number, n: number) => Array.from({ length: n }, (_, k) => PHRASES[(i + k) % PHRASES.length]).join(',') + '。';

export function generate(file: string, plans = 200, tasks = 100_000, targets = 2_000): number {
  const db = openDatabaseSync(file);
  db.pragma('synchronous = OFF');
  db.transaction(() => {
    const now = new Date().toISOString();
    const round = Number(db.prepare('INSERT INTO rounds (name, cutoff, created_at) VALUES (?, ?, ?)').run('2023年中期评估', '2023-06-30', now).lastInsertRowid);
    const plan = db.prepare(`INSERT INTO plans (id, title, kind, period_start, period_end, seq, imported_at, issuer) VALUES (?, ?, 'plan', 2021, 2025, ?, ?, '某市人民政府')`);
    const task = db.prepare(`INSERT INTO tasks (id, plan_id, path, chapter, title, body, kind, lead_units, responsible_units, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const unit = db.prepare('INSERT OR IGNORE INTO entity_units (entity, entity_id, unit, role) VALUES (?, ?, ?, ?)');
    const ev = db.prepare(`INSERT INTO task_evals (round_id, task_id, status, progress, evidence, problems, next_steps, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const target = db.prepare(`INSERT INTO targets (id, plan_id, name, unit, attribute, baseline_year, baseline_value, scope, responsible_units, seq) VALUES (?, ?, ?, '亿元', '预期性', 2020, ?, 'table', ?, ?)`);
    const ms = db.prepare('INSERT INTO target_milestones (target_id, year, value) VALUES (?, ?, ?)');
    const tev = db.prepare('INSERT INTO target_evals (round_id, target_id, actual, data_source, updated_at) VALUES (?, ?, ?, ?, ?)');
    for (let p = 0; p < plans; p++) plan.run(`p${p}`, `某区“十四五”第${p + 1}号专项规划`, p, now);
    // Plan by plan, as an import stores them.
    for (let i = 0; i < tasks; i++) {
      const planNo = Math.floor((i * plans) / tasks);
      const lead = UNITS[i % UNITS.length], resp = UNITS[(i * 7 + 3) % UNITS.length];
      // Four chapters a plan, each task under one of them in document order, as a plan lists them.
      const perPlan = tasks / plans;
      const chapter = ['第三章 主要任务', `${['一', '二', '三', '四'][Math.min(3, Math.floor(((i % perPlan) * 4) / perPlan))]}、重点领域`];
      task.run(`t${i}`, `p${planNo}`, JSON.stringify(chapter), chapter.join(' / '), `第${i + 1}项:${text(i, 2)}`, text(i, 6),
        i % 20 === 0 ? 'project' : 'task', JSON.stringify([lead]), JSON.stringify([resp]), i);
      unit.run('task', `t${i}`, lead, 'lead');
      unit.run('task', `t${i}`, resp, 'responsible');
      ev.run(round, `t${i}`, TASK_STATUSES[i % TASK_STATUSES.length], (i * 13) % 101, text(i, 4), i % 3 ? text(i + 1, 2) : '', text(i + 2, 2), now);
    }
    for (let g = 0; g < targets; g++) {
      target.run(`g${g}`, `p${g % plans}`, `第${g + 1}项主要指标`, String(100 + g), JSON.stringify([UNITS[g % UNITS.length]]), g);
      unit.run('target', `g${g}`, UNITS[g % UNITS.length], 'responsible');
      ms.run(`g${g}`, 2025, String(200 + g));
      tev.run(round, `g${g}`, String(150 + g), '统计年报', now);
    }
  })();
  const round = (db.prepare('SELECT id FROM rounds').get() as { id: number }).id;
  db.close();
  return round;
}

/** The same rows written with a plain exceljs stream: values only, in the report's column order. */
async function plainStream(dbFile: string, out: string, roundId: number): Promise<number> {
  const db = openDatabaseSync(dbFile);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: false, useSharedStrings: false });
  let rows = 0;
  const targets = wb.addWorksheet('主要指标完成情况表');
  for (const t of readTargets(db, { roundId })) {
    targets.addRow([++rows, t.name, t.unit, t.attribute, t.baseline.value, ...t.milestones.map((m) => m.value), t.eval.actual, t.eval.dataSource, t.responsibleUnits.join('、')]).commit();
  }
  targets.commit();
  const tasks = wb.addWorksheet('重点任务进展情况表');
  const projects = wb.addWorksheet('重大项目');
  for (const t of streamTasks(db, roundId, undefined, {}, undefined)) {
    const ws = t.kind === 'project' ? projects : tasks;
    ws.addRow([++rows, t.title, t.leadUnits.join('、'), t.responsibleUnits.join('、'), t.status, t.progress, t.evidence, t.problems, t.nextSteps]).commit();
  }
  tasks.commit();
  projects.commit();
  await wb.commit();
  db.close();
  return rows;
}

type Mode = 'report' | 'plain' | 'docx';
interface Run { seconds: number; rows: number; rssMb: number; bytes: number }

async function child(mode: Mode, dbFile: string, out: string, roundId: number): Promise<void> {
  const t0 = performance.now();
  let rows: number;
  if (mode === 'plain') rows = await plainStream(dbFile, out, roundId);
  else {
    const db = openDatabaseSync(dbFile);
    const ctx = createContext(db, dbFile, 'cli', path.dirname(out));
    const r = await call(ctx, mode === 'report' ? 'export.report' : 'export.docx', { roundId, out: ctx.handles.register(out, 'write').handle });
    rows = r.rows;
    db.close();
  }
  const run: Run = { seconds: (performance.now() - t0) / 1000, rows, rssMb: process.resourceUsage().maxRSS / 1024, bytes: fs.statSync(out).size };
  process.send!(run);
}

const inChild = (mode: Mode, dbFile: string, out: string, roundId: number) => new Promise<Run>((resolve, reject) => {
  const p = fork(__filename, ['--excel-bench-child', mode, dbFile, out, String(roundId)], { stdio: 'inherit' });
  p.on('message', (m) => resolve(m as Run));
  p.on('exit', (code) => code && reject(new Error(`${mode} process exited with ${code}`)));
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round2 = (x: number) => Math.round(x * 100) / 100;

export async function run(): Promise<{ name: string; value: number; unit: string; goal?: string }[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-review-excel-bench-'));
  try {
    const dbFile = path.join(dir, 'city.db');
    const roundId = generate(dbFile);
    const report: Run[] = [], plain: Run[] = [];
    // Pairs, one after the other, so a busy spell on the machine weighs on both sides alike.
    for (let i = 0; i < 3; i++) {
      report.push(await inChild('report', dbFile, path.join(dir, `report-${i}.xlsx`), roundId));
      plain.push(await inChild('plain', dbFile, path.join(dir, `plain-${i}.xlsx`), roundId));
    }
    const word = await inChild('docx', dbFile, path.join(dir, 'report.docx'), roundId);
    const r = median(report.map((x) => x.seconds)), p = median(plain.map((x) => x.seconds));
    return [
      { name: `excel: full report, ${report[0].rows} rows (median of 3)`, value: round2(r), unit: 's' },
      { name: 'excel: plain exceljs stream of the same rows (median of 3)', value: round2(p), unit: 's' },
      { name: 'excel: full report ÷ plain stream', value: round2(r / p), unit: '×', goal: '≤ 1.5 ×' },
      { name: 'excel: full report, peak RSS of the exporting process', value: Math.round(Math.max(...report.map((x) => x.rssMb))), unit: 'MB', goal: '< 500 MB' },
      { name: 'excel: report file size', value: Math.round(report[0].bytes / 1048576 * 10) / 10, unit: 'MB' },
      { name: `word: evaluation report of the same data (${word.rows} items)`, value: round2(word.seconds), unit: 's', goal: '< 10 s' },
      { name: 'word: peak RSS of the exporting process', value: Math.round(word.rssMb), unit: 'MB' },
      { name: 'word: report file size', value: Math.round(word.bytes / 1048576 * 10) / 10, unit: 'MB' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--excel-bench-child') {
  void child(process.argv[3] as Mode, process.argv[4], process.argv[5], Number(process.argv[6]));
} else if (require.main === module) {
  void run().then((r) => console.table(r));
}
