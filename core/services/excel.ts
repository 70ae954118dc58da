// Excel reports for superiors and the returns workbooks exchanged with responsible units.
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../dispatch';
import type { ReturnsPreview } from '../contract/files';
import { AppError, invalid } from '../errors';
import { roundOrThrow } from './settings';
import { loadFile, outputPath, putPending, takePending, stampForFile } from './files';
import { writeReport } from '../export/report';
import { safeFileName } from '../export/xlsx-text';
import { writeReturn, unitTasks, unitTargets } from '../export/returns-write';
import { readReturn, type ReadReturn } from '../export/returns-read';
import { diffReturns, applyReturns, type ReturnsPending } from '../export/returns-diff';
import { MAX_RETURN_BYTES } from '../export/returns-zip';
import { listPlans, listUnits } from '../../db/repos/plans';

const PENDING_KIND = 'returns';

export const excelHandlers: Pick<Handlers, 'export.report' | 'export.returns' | 'returns.preview' | 'returns.apply' | 'returns.cancel'> = {
  'export.report': async (ctx, { roundId, compareRoundId, scope, outPath }) => {
    const round = roundOrThrow(ctx.db, roundId);
    const compare = compareRoundId != null && compareRoundId !== roundId ? roundOrThrow(ctx.db, compareRoundId) : null;
    const s = scope ?? {};
    const plans = s.planIds?.length === 1 ? listPlans(ctx.db).filter((p) => p.id === s.planIds![0]) : [];
    const what = s.unit ? `-${s.unit}` : plans.length === 1 ? `-${plans[0].title}` : '';
    const file = outputPath(ctx, outPath, `${safeFileName(`中期评估报告${what}-${round.name}`)}-${stampForFile()}.xlsx`);
    ctx.jobs.delete('export.report');
    const r = await writeReport(ctx.db, { round, compare, scope: s, file }, (done, total, message) =>
      ctx.progress?.({ op: 'export.report', done, total, message }));
    return { file, name: path.basename(file), rows: r.rows };
  },

  'export.returns': async (ctx, { roundId, units, outDir }) => {
    const round = roundOrThrow(ctx.db, roundId);
    const known = new Set(listUnits(ctx.db).map((u) => u.unit));
    const unknown = (units ?? []).filter((u) => !known.has(u));
    if (unknown.length) throw invalid(`找不到责任单位:${unknown.slice(0, 5).join('、')}`);
    const wanted = units?.length ? units : [...known];
    const dir = outDir ? path.resolve(outDir) : ctx.workDir;
    fs.mkdirSync(dir, { recursive: true });
    const stamp = stampForFile();
    const files: { unit: string; file: string; name: string; tasks: number; targets: number }[] = [];
    for (const [i, unit] of wanted.entries()) {
      const rows = { tasks: unitTasks(ctx.db, round.id, unit), targets: unitTargets(ctx.db, round.id, unit) };
      if (!rows.tasks.length && !rows.targets.length) continue;
      const name = `${safeFileName(`填报表-${unit}-${round.name}`)}-${stamp}.xlsx`;
      const file = path.join(dir, name);
      const w = await writeReturn(ctx.db, round, unit, file, rows);
      files.push({ unit, file, name, tasks: w.tasks, targets: w.targets });
      ctx.progress?.({ op: 'export.returns', done: i + 1, total: wanted.length, message: unit });
    }
    if (!files.length) throw invalid('所选单位在本轮没有任务或指标,未导出填报表');
    return { files, dir };
  },

  'returns.preview': async (ctx, { files }) => {
    const read: { index: number; name: string; ret: ReadReturn }[] = [];
    const out: ReturnsPreview['files'] = [];
    for (const [index, f] of files.entries()) {
      const name = 'path' in f ? path.basename(f.path) : f.name;
      try {
        const loaded = loadFile(f, MAX_RETURN_BYTES);
        const ret = await readReturn(ctx.db, loaded.name, loaded.data);
        read.push({ index, name: loaded.name, ret });
        out.push({ file: loaded.name, unit: ret.exp.unit, roundName: ret.round.name, rows: ret.tasks.length + ret.targets.length, changedRows: 0, conflicts: 0, error: null });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        out.push({ file: name, unit: '', roundName: '', rows: 0, changedRows: 0, conflicts: 0, error: e.message });
      }
    }
    const { rows, pending } = diffReturns(ctx.db, read);
    for (const r of pending) {
      out[r.file].changedRows++;
      if (r.conflict) out[r.file].conflicts++;
    }
    const data: ReturnsPending = {
      files: out.map((f, i) => ({ name: f.file, unit: f.unit, roundId: read.find((x) => x.index === i)?.ret.round.id ?? 0 })),
      rows: pending,
    };
    const previewId = rows.length ? putPending(ctx, PENDING_KIND, data) : '';
    return { previewId, files: out, rows };
  },

  'returns.apply': (ctx, { previewId, accept, overrideConflicts }) => {
    const data = takePending<ReturnsPending>(ctx, PENDING_KIND, previewId, false);
    const r = applyReturns(ctx.db, data, accept, !!overrideConflicts);
    ctx.pending.delete(previewId);
    return r;
  },
  'returns.cancel': (ctx, { previewId }) => ({ cancelled: ctx.pending.delete(previewId) }),
};
