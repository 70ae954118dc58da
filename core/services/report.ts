// The evaluation report for superiors (Excel): the round, the comparison round and the scope the planner chose.
import type { Handlers } from '../dispatch';
import { roundOrThrow } from '../common/settings';
import { outputPath, stampForFile, written } from './uploads';
import { writeReport } from '../report/workbook';
import { safeFileName } from '../xlsx/text';
import { listPlans } from '../../db/repos/plans';

export const reportHandlers: Pick<Handlers, 'export.report'> = {
  'export.report': async (ctx, { roundId, compareRoundId, scope, out }) => {
    const round = roundOrThrow(ctx.db, roundId);
    const compare = compareRoundId != null && compareRoundId !== roundId ? roundOrThrow(ctx.db, compareRoundId) : null;
    const s = scope ?? {};
    const plans = s.planIds?.length === 1 ? listPlans(ctx.db).filter((p) => p.id === s.planIds![0]) : [];
    const what = s.unit ? `-${s.unit}` : plans.length === 1 ? `-${plans[0].title}` : '';
    const file = outputPath(ctx, out, `${safeFileName(`中期评估报告${what}-${round.name}`)}-${stampForFile()}.xlsx`);
    ctx.jobs.delete('export.report');
    const r = await writeReport(ctx.db, { round, compare, scope: s, file }, (done, total, message) =>
      ctx.progress?.({ op: 'export.report', done, total, message }));
    return written(ctx, file, r.rows);
  },
};
