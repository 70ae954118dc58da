// The command line of plan-review: build, import, export and serve a database. Every command goes through dispatch.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, str, num, type Parsed } from './args';
import { openDatabase } from '../db/connection';
import { createContext, type Context } from '../core/context';
import { call } from '../core/dispatch';
import { buildSeedDatabase, openAppDatabase, defaultDbFile } from '../core/seed-db';
import { startWebHost } from './web-host';
import { currentRound } from '../core/services/settings';
import { findRoundByName } from '../db/repos/rounds';
import { AppError } from '../core/errors';
import { extraCommands } from './commands';

const DEFAULT_PORT = 5178;

const HELP = `规划评估台 命令行

  build-db --out FILE [--force]                 从 seeds/ 的源文档生成数据库
  import --db FILE PATH...                      导入规划文档(.txt .docx .xlsx .json)
  export-json --db FILE --out FILE              导出交换用 JSON
  export-xlsx --db FILE --out FILE [--plan ID] [--unit NAME] [--round NAME]
                                                导出评估报告(Excel)
  export-returns --db FILE --out DIR [--round NAME] [--unit NAME]
                                                按责任单位导出填报表
  import-returns --db FILE PATH...              导入回收的填报表(有冲突的改动不导入并列出)
  web [--db FILE] [--port N]                    在浏览器中使用(仅本机 127.0.0.1,默认端口 5178)
  backup --db FILE                              立即备份数据库
  restore --db FILE --name BACKUP               从备份恢复
${Object.values(extraCommands).map((c) => '  ' + c.usage).join('\n')}
`;

export async function withContext<T>(p: Parsed, fn: (ctx: Context) => Promise<T>, requireExisting = true): Promise<T> {
  const file = path.resolve(str(p, 'db', true)!);
  if (requireExisting && !fs.existsSync(file)) throw new Error(`找不到数据库文件:${file}`);
  const db = await openDatabase(file);
  try {
    return await fn(createContext(db, file, 'cli'));
  } finally {
    db.close();
  }
}

export function roundArg(ctx: Context, p: Parsed): number {
  const name = str(p, 'round');
  if (!name) return currentRound(ctx.db).id;
  const r = findRoundByName(ctx.db, name);
  if (!r) throw new Error(`找不到评估轮次:${name}`);
  return r.id;
}

const commands: Record<string, (p: Parsed) => Promise<void>> = {
  'build-db': async (p) => {
    const out = path.resolve(str(p, 'out', true)!);
    if (fs.existsSync(out) && !p.flags.force) throw new Error(`文件已存在:${out}(如要覆盖请加 --force)`);
    const t0 = performance.now();
    const r = await buildSeedDatabase(out + '.new');
    fs.renameSync(out + '.new', out);
    console.log(`已生成 ${out}:${r.plans} 个规划,${r.tasks} 项任务,${r.targets} 个指标(${Math.round(performance.now() - t0)} ms)`);
  },
  import: (p) => withContext(p, async (ctx) => {
    if (!p.rest.length) throw new Error('请给出要导入的文件');
    const preview = await call(ctx, 'import.preview', { files: p.rest.map((f) => ({ path: path.resolve(f) })) });
    for (const pr of preview.problems) console.error(`! ${pr.file}:${pr.message}`);
    for (const d of preview.documents) console.log(`${d.existing ? '更新' : '新增'} ${d.title}:${d.taskCount} 项任务,${d.targetCount} 个指标`);
    if (!preview.previewId) throw new Error('没有可导入的内容');
    const r = await call(ctx, 'import.commit', { previewId: preview.previewId });
    console.log(`已导入 ${r.plans} 个规划(新增 ${r.added},更新 ${r.updated}),${r.tasks} 项任务,${r.targets} 个指标`);
    if (preview.problems.length) process.exitCode = 1;
  }),
  'export-json': (p) => withContext(p, async (ctx) => {
    const r = await call(ctx, 'export.json', { outPath: path.resolve(str(p, 'out', true)!) });
    console.log(`已导出 ${r.file}`);
  }),
  'export-xlsx': (p) => withContext(p, async (ctx) => {
    const scope: { planIds?: string[]; unit?: string } = {};
    const plan = str(p, 'plan');
    if (plan) scope.planIds = [plan];
    const unit = str(p, 'unit');
    if (unit) scope.unit = unit;
    const r = await call(ctx, 'export.report', { roundId: roundArg(ctx, p), scope, outPath: path.resolve(str(p, 'out', true)!) });
    console.log(`已导出 ${r.file}(${r.rows} 行)`);
  }),
  'export-returns': (p) => withContext(p, async (ctx) => {
    const unit = str(p, 'unit');
    const r = await call(ctx, 'export.returns', { roundId: roundArg(ctx, p), units: unit ? [unit] : undefined, outDir: path.resolve(str(p, 'out', true)!) });
    for (const f of r.files) console.log(`${f.unit}:${f.file}(任务 ${f.tasks},指标 ${f.targets})`);
    console.log(`共 ${r.files.length} 个填报表,在 ${r.dir}`);
  }),
  'import-returns': (p) => withContext(p, async (ctx) => {
    if (!p.rest.length) throw new Error('请给出回收的填报表');
    const preview = await call(ctx, 'returns.preview', { files: p.rest.map((f) => ({ path: path.resolve(f) })) });
    for (const f of preview.files) {
      if (f.error) console.error(`! ${f.file}:${f.error}`);
      else console.log(`${f.file}(${f.unit}):${f.changedRows} 行有改动,${f.conflicts} 行有冲突`);
    }
    const ok = preview.rows.filter((r) => !r.conflict).map((r) => r.key);
    if (preview.previewId && ok.length) {
      const r = await call(ctx, 'returns.apply', { previewId: preview.previewId, accept: ok });
      console.log(`已导入 ${r.appliedRows} 行、${r.appliedCells} 个单元格`);
    }
    for (const c of preview.rows.filter((r) => r.conflict)) {
      console.log(`冲突(未导入):${c.file} ${c.title}:${c.changes.filter((x) => x.conflict).map((x) => `${x.label} 本机为「${x.currentValue ?? ''}」,回收表为「${x.newValue ?? ''}」`).join(';')}`);
    }
    if (preview.files.some((f) => f.error)) process.exitCode = 1;
  }),
  web: async (p) => {
    const file = path.resolve(str(p, 'db') ?? defaultDbFile());
    const { db, created } = await openAppDatabase(file);
    if (created) console.log(`已从内置种子文档创建数据库:${file}`);
    const ctx = createContext(db, file, 'web');
    const staticDir = path.resolve(__dirname, '..', 'dist', 'renderer');
    if (!fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error('界面尚未构建,请先运行 npm run build');
    // A steady port keeps the page's origin, and with it any unsaved drafts, across restarts; a busy one falls back.
    const wanted = num(p, 'port');
    const host = await startWebHost(ctx, { port: wanted ?? DEFAULT_PORT, staticDir })
      .catch((e) => (wanted == null ? startWebHost(ctx, { port: 0, staticDir }) : Promise.reject(e)));
    console.log(`规划评估台已在浏览器中可用:${host.url}`);
    console.log(`数据库:${file}(按 Ctrl+C 退出)`);
    const stop = async () => {
      await host.close();
      db.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    await new Promise(() => undefined);
  },
  backup: (p) => withContext(p, async (ctx) => {
    const b = await call(ctx, 'backups.create', { reason: 'manual' });
    console.log(`已备份到 ${b.file}`);
  }),
  restore: (p) => withContext(p, async (ctx) => {
    const name = str(p, 'name');
    if (!name) {
      for (const b of await call(ctx, 'backups.list', {})) console.log(`${b.name}\t${b.at}\t${(b.size / 1024).toFixed(0)} KB`);
      console.log('请用 --name 指定要恢复的备份');
      return;
    }
    const r = await call(ctx, 'backups.restore', { name });
    console.log(`已从 ${r.restoredFrom} 恢复;恢复前的数据已另存为 ${r.safetyBackup.file}`);
  }),
};

async function main(): Promise<void> {
  const [cmd, ...rest] = process.argv.slice(2);
  const run = commands[cmd ?? ''] ?? extraCommands[cmd ?? '']?.run;
  if (!run) {
    console.log(HELP);
    process.exitCode = cmd && cmd !== 'help' && cmd !== '--help' ? 2 : 0;
    return;
  }
  await run(parseArgs(rest));
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof AppError || e instanceof Error ? `错误:${e.message}` : e);
    process.exitCode = 1;
  });
}
