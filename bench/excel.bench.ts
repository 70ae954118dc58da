// Excel export at city scale: 100 000 tasks (and 2 000 targets) in 200 plans, the full report written by a separate
// process so its time and peak memory are its own. Goal: under 10 s and under 500 MB.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fork } from 'node:child_process';
import { openDatabaseSync } from '../db/connection';
import { createContext } from '../core/common/context';
import { call } from '../core/dispatch';
import { TASK_STATUSES } from '../contract/model';

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
      const chapter = ['第三章 主要任务', `${['一', '二', '三', '四'][i % 4]}、重点领域`];
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

async function child(dbFile: string, out: string, roundId: number): Promise<void> {
  const db = openDatabaseSync(dbFile);
  const ctx = createContext(db, dbFile, 'cli', path.dirname(out));
  const t0 = performance.now();
  const r = await call(ctx, 'export.report', { roundId, out: ctx.handles.register(out, 'write').handle });
  const seconds = (performance.now() - t0) / 1000;
  process.send!({ seconds, rows: r.rows, rssMb: process.resourceUsage().maxRSS / 1024, bytes: fs.statSync(out).size });
  db.close();
}

export async function run(): Promise<{ name: string; value: number; unit: string; goal?: string }[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-review-excel-bench-'));
  try {
    const dbFile = path.join(dir, 'city.db');
    const roundId = generate(dbFile);
    const out = path.join(dir, 'report.xlsx');
    const res = await new Promise<{ seconds: number; rows: number; rssMb: number; bytes: number }>((resolve, reject) => {
      const p = fork(__filename, ['--excel-bench-child', dbFile, out, String(roundId)], { stdio: 'inherit' });
      p.on('message', (m) => resolve(m as never));
      p.on('exit', (code) => code && reject(new Error(`export process exited with ${code}`)));
    });
    return [
      { name: `excel: full report, ${res.rows} rows`, value: Math.round(res.seconds * 100) / 100, unit: 's', goal: '< 10 s' },
      { name: 'excel: full report, peak RSS of the exporting process', value: Math.round(res.rssMb), unit: 'MB', goal: '< 500 MB' },
      { name: 'excel: report file size', value: Math.round(res.bytes / 1048576 * 10) / 10, unit: 'MB' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--excel-bench-child') {
  void child(process.argv[3], process.argv[4], Number(process.argv[5]));
} else if (require.main === module) {
  void run().then((r) => console.table(r));
}
