// Commands over a database file: build the default one, import plans, export JSON, the reports (Excel, Word, 督办通知)
// and returns, take in returns, back up and restore. Each goes through dispatch like a request from the window.
import fs from 'node:fs';
import path from 'node:path';
import { str, type Parsed } from './args';
import { call } from '../core/dispatch';
import { buildSeedDatabase } from '../core/app-db';
import { withContext, roundArg, inputs, output, folder, pathOf, type Command } from './command';
import type { Context } from '../core/common/context';

const SCOPE_USAGE = '[--plan ID] [--unit NAME] [--round NAME] [--evaluated] [--warnings] [--problems] [--office NAME]';

/** The scope of a report: one plan, one unit, and only evaluated items, red and yellow ones, tasks with 存在问题. */
function reportScope(p: Parsed): { planIds?: string[]; unit?: string; evaluatedOnly?: boolean; warningsOnly?: boolean; problemsOnly?: boolean } {
  const plan = str(p, 'plan'), unit = str(p, 'unit');
  return {
    ...(plan ? { planIds: [plan] } : {}), ...(unit ? { unit } : {}),
    ...(p.flags.evaluated ? { evaluatedOnly: true } : {}), ...(p.flags.warnings ? { warningsOnly: true } : {}), ...(p.flags.problems ? { problemsOnly: true } : {}),
  };
}

/** --office NAME: the evaluating office is kept in the settings, as the export dialog keeps it, before a report names it. */
async function keepOffice(ctx: Context, p: Parsed): Promise<void> {
  const name = str(p, 'office');
  if (name != null) await call(ctx, 'settings.setOffice', { office: name });
}

export const dataCommands: Record<string, Command> = {
  'build-db': {
    usage: 'build-db --out FILE [--force]', what: '从 seeds/ 的源文档生成数据库',
    run: async (p) => {
      const out = path.resolve(str(p, 'out', true)!);
      if (fs.existsSync(out) && !p.flags.force) throw new Error(`文件已存在:${out}(如要覆盖请加 --force)`);
      const t0 = performance.now();
      const r = await buildSeedDatabase(out + '.new');
      fs.renameSync(out + '.new', out);
      console.log(`已生成 ${out}:${r.plans} 个规划,${r.tasks} 项任务,${r.targets} 个指标(${Math.round(performance.now() - t0)} ms)`);
    },
  },
  import: {
    usage: 'import --db FILE PATH...', what: '导入规划文档,同一文档再次导入时原地更新',
    run: (p) => withContext(p, async (ctx) => {
      if (!p.rest.length) throw new Error('请给出要导入的文件');
      const preview = await call(ctx, 'import.preview', { files: inputs(ctx, p.rest) });
      for (const pr of preview.problems) console.error(`! ${pr.file}:${pr.message}`);
      for (const d of preview.documents) console.log(`${d.existing ? '更新' : '新增'} ${d.title}:${d.taskCount} 项任务,${d.targetCount} 个指标`);
      if (!preview.previewId) throw new Error('没有可导入的内容,数据库未改变');
      const r = await call(ctx, 'import.commit', { previewId: preview.previewId });
      console.log(`已导入 ${r.plans} 个规划(新增 ${r.added},更新 ${r.updated}),${r.tasks} 项任务,${r.targets} 个指标`);
    }),
  },
  'export-json': {
    usage: 'export-json --db FILE --out FILE', what: '导出交换用 JSON',
    run: (p) => withContext(p, async (ctx) => {
      const r = await call(ctx, 'export.json', { out: output(ctx, str(p, 'out', true)!) });
      console.log(`已导出 ${pathOf(ctx, r.handle)}`);
    }),
  },
  'export-xlsx': {
    usage: `export-xlsx --db FILE --out FILE ${SCOPE_USAGE}`, what: '导出评估报告(Excel)',
    run: (p) => withContext(p, async (ctx) => {
      await keepOffice(ctx, p);
      const r = await call(ctx, 'export.report', { roundId: roundArg(ctx, p), scope: reportScope(p), out: output(ctx, str(p, 'out', true)!) });
      console.log(`已导出 ${pathOf(ctx, r.handle)}(${r.rows} 行)`);
    }),
  },
  'export-docx': {
    usage: `export-docx --db FILE --out FILE ${SCOPE_USAGE}`, what: '导出评估报告(Word 初稿)',
    run: (p) => withContext(p, async (ctx) => {
      await keepOffice(ctx, p);
      const r = await call(ctx, 'export.docx', { roundId: roundArg(ctx, p), scope: reportScope(p), out: output(ctx, str(p, 'out', true)!) });
      console.log(`已导出 ${pathOf(ctx, r.handle)}(指标和任务 ${r.rows} 项)`);
    }),
  },
  'export-notices': {
    usage: 'export-notices --db FILE --out DIR [--plan ID] [--unit NAME] [--round NAME] [--reply-by YYYY-MM-DD] [--office NAME]', what: '按责任单位导出督办通知(Word)',
    run: (p) => withContext(p, async (ctx) => {
      const dir = path.resolve(str(p, 'out', true)!);
      const replyBy = str(p, 'reply-by');
      await keepOffice(ctx, p);
      const r = await call(ctx, 'export.notices', { roundId: roundArg(ctx, p), scope: reportScope(p), folder: folder(ctx, dir), ...(replyBy ? { replyBy } : {}) });
      for (const f of r.files) console.log(`${f.unit}:${pathOf(ctx, f.handle)}(指标 ${f.targets},任务 ${f.tasks})`);
      console.log(`共 ${r.files.length} 份督办通知,在 ${dir}`);
    }),
  },
  'export-returns': {
    usage: 'export-returns --db FILE --out DIR [--round NAME] [--unit NAME]', what: '按责任单位导出填报表',
    run: (p) => withContext(p, async (ctx) => {
      const unit = str(p, 'unit');
      const dir = path.resolve(str(p, 'out', true)!);
      const r = await call(ctx, 'export.returns', { roundId: roundArg(ctx, p), units: unit ? [unit] : undefined, folder: folder(ctx, dir) });
      for (const f of r.files) console.log(`${f.unit}:${pathOf(ctx, f.handle)}(任务 ${f.tasks},指标 ${f.targets})`);
      console.log(`共 ${r.files.length} 个填报表,在 ${dir}`);
    }),
  },
  'import-returns': {
    usage: 'import-returns --db FILE PATH...', what: '导入回收的填报表;有冲突的改动不导入,并逐条列出',
    run: (p) => withContext(p, async (ctx) => {
      if (!p.rest.length) throw new Error('请给出回收的填报表');
      const preview = await call(ctx, 'returns.preview', { files: inputs(ctx, p.rest) });
      for (const f of preview.files) {
        if (f.error) console.error(`! ${f.file}:${f.error}`);
        else console.log(`${f.file}(${f.unit}):${f.changedRows} 行有改动,${f.conflicts} 行有冲突${f.blocked ? `;${f.blocked}` : ''}`);
      }
      // As the planner would by default: the lead units' rows without conflicts; a sharing unit's text stays its input.
      const ok = preview.rows.filter((r) => r.takenByDefault).map((r) => r.key);
      const kept = preview.rows.filter((r) => r.role === 'responsible').length;
      if (kept) console.log(`责任单位填报的 ${kept} 行已作为单位填报保存,未直接采用(可在回收看板的「多单位填报」中合并)`);
      if (preview.previewId && ok.length) {
        const r = await call(ctx, 'returns.apply', { previewId: preview.previewId, accept: ok });
        console.log(`已导入 ${r.appliedRows} 行、${r.appliedCells} 个单元格`);
      }
      for (const c of preview.rows.filter((r) => r.conflict)) {
        console.log(`冲突(未导入):${c.file} ${c.title}:${c.changes.filter((x) => x.conflict).map((x) => `${x.label} 本机为「${x.currentValue ?? ''}」,回收表为「${x.newValue ?? ''}」`).join(';')}`);
      }
      if (preview.files.some((f) => f.error)) process.exitCode = 1;
    }),
  },
  backup: {
    usage: 'backup --db FILE', what: '立即备份数据库',
    run: (p) => withContext(p, async (ctx) => {
      const b = await call(ctx, 'backups.create', { reason: 'manual' });
      console.log(`已备份到 ${b.file}`);
    }),
  },
  restore: {
    usage: 'restore --db FILE [--name BACKUP]', what: '列出备份,或从指定备份恢复',
    run: (p) => withContext(p, async (ctx) => {
      const name = str(p, 'name');
      if (!name) {
        for (const b of await call(ctx, 'backups.list', { inspect: true })) {
          const what = b.problem ? `不能恢复:${b.problem}` : b.counts ? `${b.counts.plans} 个规划,${b.counts.tasks} 项任务` : '';
          console.log(`${b.name}\t${b.at}\t${(b.size / 1024).toFixed(0)} KB\t${what}`);
        }
        if (ctx.store.damaged) console.log(`当前数据库无法使用:${ctx.store.damaged}`);
        console.log('请用 --name 指定要恢复的备份');
        return;
      }
      const r = await call(ctx, 'backups.restore', { name });
      const kept = r.safetyBackup ? `恢复前的数据已另存为 ${r.safetyBackup.file}` : r.damagedCopy ? `损坏的原文件已另存为 ${r.damagedCopy}` : '原数据库文件不存在';
      console.log(`已从 ${r.restoredFrom} 恢复;${kept}`);
    }),
  },
};
