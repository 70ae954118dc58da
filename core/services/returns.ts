// The returns round trip: fill-in workbooks written per responsible unit (a new one replaces the unit's earlier one),
// read back and taken in (each a return on the board, its changed cells the unit's inputs), reviewed and applied.
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../dispatch';
import type { ReturnFilePreview } from '../../contract/files';
import { AppError, invalid } from '../common/errors';
import { putPending, takePending } from '../common/pending';
import { roundOrThrow } from '../common/settings';
import { loadFile, inputName, outputFolder, stampForFile, written } from './uploads';
import { safeFileName } from '../xlsx/text';
import { writeReturn, recordReturns, type WrittenReturn } from '../returns/write';
import { maxActionId } from '../../db/repos/returns';
import { unitsTaskRows, unitTargetRows } from '../returns/rows';
import { checkReturn } from '../returns/read';
import { inWorker } from '../files/in-worker';
import { takeInFiles, reviewReceived, type ReadFile } from '../returns/intake';
import { checkContacts, today } from '../returns/contacts';
import type { ReturnsPending } from '../returns/diff';
import { applyReturns } from '../write/returns-apply';
import { MAX_RETURN_BYTES } from '../files/zip-guard';
import { listUnits } from '../../db/repos/plans';
import { getReceived, roundReceived } from '../../db/repos/returns-received';

const PENDING_KIND = 'returns';

export const returnsHandlers: Pick<Handlers, 'export.returns' | 'returns.preview' | 'returns.apply' | 'returns.cancel' | 'returns.review'> = {
  'export.returns': async (ctx, { roundId, units, folder }) => {
    const round = roundOrThrow(ctx.db, roundId);
    const known = new Set(listUnits(ctx.db).map((u) => u.unit));
    const unknown = (units ?? []).filter((u) => !known.has(u));
    if (unknown.length) throw invalid(`找不到责任单位:${unknown.slice(0, 5).join('、')}`);
    const wanted = units?.length ? units : [...known];
    const dir = outputFolder(ctx, folder);
    const stamp = stampForFile();
    // Every unit's rows are read in one step with the newest action they reflect: an edit made while the workbooks
    // are being written is then a change made here since the export, never taken for the value the unit saw.
    const since = maxActionId(ctx.db);
    const taskRows = unitsTaskRows(ctx.db, round, wanted);
    const targetRows = new Map(wanted.map((unit) => [unit, unitTargetRows(ctx.db, round, unit)]));
    const done: { w: WrittenReturn; file: string; part: string }[] = [];
    try {
      for (const [i, unit] of wanted.entries()) {
        const rows = { tasks: taskRows.get(unit) ?? [], targets: targetRows.get(unit) ?? [] };
        if (!rows.tasks.length && !rows.targets.length) continue;
        const file = path.join(dir, `${safeFileName(`填报表-${unit}-${round.name}`)}-${stamp}.xlsx`);
        const part = `${file}.part`;
        done.push({ w: await writeReturn(ctx.db, round, unit, part, rows, since, file), file, part });
        ctx.progress?.({ op: 'export.returns', done: i + 1, total: wanted.length, message: unit });
      }
      if (!done.length) throw invalid('所选单位在本轮没有任务或指标,未导出填报表');
      // All recorded at once, then put in place: a set written only in part leaves neither files nor records.
      const replaced = recordReturns(ctx.db, done.map((d) => d.w));
      for (const d of done) fs.renameSync(d.part, d.file);
      const files = done.map((d, i) => ({
        ...written(ctx, d.file, d.w.tasks + d.w.targets), unit: d.w.record.unit, tasks: d.w.tasks, targets: d.w.targets, replaced: replaced[i] > 0,
      }));
      return { files, folder: ctx.handles.register(dir, 'folder') };
    } catch (e) {
      for (const d of done) fs.rmSync(d.part, { force: true });
      throw e;
    }
  },

  'returns.preview': async (ctx, { files }) => {
    const read: ReadFile[] = [];
    const out: ReturnFilePreview[] = [];
    const blank = { rows: 0, changedRows: 0, conflicts: 0, receivedId: null, contacts: null, blocked: null };
    for (const [index, f] of files.entries()) {
      const name = inputName(ctx, f);
      try {
        const loaded = loadFile(ctx, f, MAX_RETURN_BYTES);
        // The workbook is read in the worker (time and memory limits), then checked against the database here.
        const ret = checkReturn(ctx.db, loaded.name, await inWorker('readReturnFile', { name: loaded.name, data: loaded.data }, loaded.name));
        read.push({ index, name: loaded.name, data: loaded.data, ret });
        out.push({ ...blank, file: loaded.name, unit: ret.exp.unit, roundName: ret.round.name, rows: ret.tasks.length + ret.targets.length, error: null });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        out.push({ ...blank, file: name, unit: '', roundName: '', error: e.message });
      }
      ctx.progress?.({ op: 'returns.preview', done: index + 1, total: files.length, message: name });
    }
    const { preview, data } = takeInFiles(ctx.db, read, out);
    return { previewId: preview.rows.length ? putPending(ctx, PENDING_KIND, data) : '', ...preview };
  },

  'returns.review': (ctx, { roundId, units }) => {
    roundOrThrow(ctx.db, roundId);
    const wanted = units?.length ? new Set(units) : null;
    const receipts = roundReceived(ctx.db, roundId).filter((r) => (r.state === 'pending' || r.state === 'partial') && (!wanted || wanted.has(r.unit)));
    const { preview, data } = reviewReceived(ctx.db, receipts);
    return { previewId: preview.rows.length ? putPending(ctx, PENDING_KIND, data) : '', ...preview };
  },

  'returns.apply': (ctx, { previewId, accept, overrideConflicts }) => {
    const data = takePending<ReturnsPending>(ctx, PENDING_KIND, previewId, false);
    const day = today();
    // Contacts are checked as they stand now: the planner may have entered them since the preview.
    const blocked = data.files.map((f) => {
      const rec = f.receivedId != null ? getReceived(ctx.db, f.receivedId) : null;
      if (!rec) return false;
      const c = checkContacts(rec, day);
      return c.missing.length + c.problems.length > 0;
    });
    const r = applyReturns(ctx.db, data, accept, !!overrideConflicts, ctx.client, (i) => blocked[i]);
    ctx.pending.delete(previewId);
    return r;
  },
  'returns.cancel': (ctx, { previewId }) => ({ cancelled: ctx.pending.delete(previewId) }),
};
