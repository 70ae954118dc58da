// The reports for superiors: the Excel workbook, the Word evaluation report and the 督办通知 of the units with red or
// yellow items, each for the round (and the comparison round) and the scope the planner chose.
import type { Handlers } from '../dispatch';
import type { Context } from '../common/context';
import type { ReportScope } from '../report/data';
import { roundOrThrow } from '../common/settings';
import { invalid } from '../common/errors';
import { outputPath, outputFolder, stampForFile, written } from './uploads';
import { writeReport } from '../report/workbook';
import { writeWordReport } from '../docx/report';
import { writeNotices } from '../docx/notices';
import { safeFileName } from '../xlsx/text';
import { listPlans } from '../../db/repos/plans';

/** The name of a report file: what it is, the unit or plan of its scope, the round, the time. */
function fileName(ctx: Context, what: string, roundName: string, kind: string, s: ReportScope, ext: string): string {
  const plans = s.planIds?.length === 1 ? listPlans(ctx.db).filter((p) => p.id === s.planIds![0]) : [];
  const of = s.unit ? `-${s.unit}` : plans.length === 1 ? `-${plans[0].title}` : '';
  return `${safeFileName(`${kind}${what}${of}-${roundName}`)}-${stampForFile()}.${ext}`;
}

export const reportHandlers: Pick<Handlers, 'export.report' | 'export.docx' | 'export.notices'> = {
  'export.report': async (ctx, { roundId, compareRoundId, scope, out }) => {
    const round = roundOrThrow(ctx.db, roundId);
    const compare = compareRoundId != null && compareRoundId !== roundId ? roundOrThrow(ctx.db, compareRoundId) : null;
    const s = scope ?? {};
    const file = outputPath(ctx, out, fileName(ctx, '报告', round.name, round.kind, s, 'xlsx'));
    ctx.jobs.delete('export.report');
    const r = await writeReport(ctx.db, { round, compare, scope: s, file }, (done, total, message) =>
      ctx.progress?.({ op: 'export.report', done, total, message }));
    return written(ctx, file, r.rows);
  },
  'export.docx': async (ctx, { roundId, scope, out }) => {
    const round = roundOrThrow(ctx.db, roundId);
    const s = scope ?? {};
    const file = outputPath(ctx, out, fileName(ctx, '报告', round.name, round.kind, s, 'docx'));
    const r = await writeWordReport(ctx.db, round, s, file);
    return written(ctx, file, r.rows);
  },
  'export.notices': async (ctx, { roundId, scope, folder, units, replyBy }) => {
    const round = roundOrThrow(ctx.db, roundId);
    const dir = outputFolder(ctx, folder);
    const files = await writeNotices(ctx.db, round, scope ?? {}, dir, { units, replyBy, stamp: stampForFile() });
    if (!files.length) throw invalid('所选范围内没有亮红灯、黄灯或滞后的事项,未生成督办通知');
    return {
      files: files.map((f) => ({ ...written(ctx, f.file, f.tasks + f.targets), unit: f.unit, tasks: f.tasks, targets: f.targets })),
      folder: ctx.handles.register(dir, 'folder'),
    };
  },
};
