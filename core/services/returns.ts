// The returns round trip: fill-in workbooks written per responsible unit, read back, compared and applied.
import path from 'node:path';
import type { Handlers } from '../dispatch';
import type { ReturnsPreview, ExportResult } from '../../contract/files';
import { AppError, invalid } from '../common/errors';
import { putPending, takePending } from '../common/pending';
import { roundOrThrow } from '../common/settings';
import { loadFile, inputName, outputFolder, stampForFile, written } from './uploads';
import { safeFileName } from '../xlsx/text';
import { writeReturn, unitTasks, unitTargets } from '../returns/write';
import { checkReturn, type ReadReturn } from '../returns/read';
import { inWorker } from '../files/in-worker';
import { diffReturns, type ReturnsPending } from '../returns/diff';
import { applyReturns } from '../write/returns-apply';
import { MAX_RETURN_BYTES } from '../files/zip-guard';
import { listUnits } from '../../db/repos/plans';

const PENDING_KIND = 'returns';

export const returnsHandlers: Pick<Handlers, 'export.returns' | 'returns.preview' | 'returns.apply' | 'returns.cancel'> = {
  'export.returns': async (ctx, { roundId, units, folder }) => {
    const round = roundOrThrow(ctx.db, roundId);
    const known = new Set(listUnits(ctx.db).map((u) => u.unit));
    const unknown = (units ?? []).filter((u) => !known.has(u));
    if (unknown.length) throw invalid(`找不到责任单位:${unknown.slice(0, 5).join('、')}`);
    const wanted = units?.length ? units : [...known];
    const dir = outputFolder(ctx, folder);
    const stamp = stampForFile();
    const files: (ExportResult & { unit: string; tasks: number; targets: number })[] = [];
    for (const [i, unit] of wanted.entries()) {
      const rows = { tasks: unitTasks(ctx.db, round.id, unit), targets: unitTargets(ctx.db, round.id, unit) };
      if (!rows.tasks.length && !rows.targets.length) continue;
      const name = `${safeFileName(`填报表-${unit}-${round.name}`)}-${stamp}.xlsx`;
      const file = path.join(dir, name);
      const w = await writeReturn(ctx.db, round, unit, file, rows);
      files.push({ ...written(ctx, file, w.tasks + w.targets), unit, tasks: w.tasks, targets: w.targets });
      ctx.progress?.({ op: 'export.returns', done: i + 1, total: wanted.length, message: unit });
    }
    if (!files.length) throw invalid('所选单位在本轮没有任务或指标,未导出填报表');
    return { files, folder: ctx.handles.register(dir, 'folder') };
  },

  'returns.preview': async (ctx, { files }) => {
    const read: { index: number; name: string; ret: ReadReturn }[] = [];
    const out: ReturnsPreview['files'] = [];
    for (const [index, f] of files.entries()) {
      const name = inputName(ctx, f);
      try {
        const loaded = loadFile(ctx, f, MAX_RETURN_BYTES);
        // The workbook is read in the worker (time and memory limits), then checked against the database here.
        const ret = checkReturn(ctx.db, loaded.name, await inWorker('readReturnFile', { name: loaded.name, data: loaded.data }, loaded.name));
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
    const r = applyReturns(ctx.db, data, accept, !!overrideConflicts, ctx.client);
    ctx.pending.delete(previewId);
    return r;
  },
  'returns.cancel': (ctx, { previewId }) => ({ cancelled: ctx.pending.delete(previewId) }),
};
