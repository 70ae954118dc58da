// Importing plan documents: parse and preview first, then store the confirmed documents in one transaction.
import type { Handlers } from '../dispatch';
import type { ImportPreview, ImportDocumentPreview } from '../../contract/files';
import type { InterchangePlan } from '../../contract/interchange';
import type { DB } from '../../db/connection';
import { storePlans, evaluationProblem } from '../import/store';
import { findPlan } from '../../db/repos/plan-rows';
import { loadFile, inputName } from './uploads';
import { putPending, takePending } from '../common/pending';
import { safetyBackup } from './backups';
import { AppError } from '../common/errors';
import { inWorker } from '../files/in-worker';
import { fromPieces } from '../files/parse-worker';

interface PendingImport { plans: InterchangePlan[]; files: string[] }

function describe(db: DB, p: InterchangePlan, file: string): ImportDocumentPreview {
  const existing = !!findPlan(db, p.id, p.title);
  const warnings: string[] = [];
  if (!p.tasks.length && p.kind !== 'notice_only') warnings.push('未识别出任务');
  if (!p.docNumber) warnings.push('未识别出发文字号');
  return {
    key: p.id, file, title: p.title, kind: p.kind, docNumber: p.docNumber, issuer: p.issuer, issued: p.issued,
    periodStart: p.periodStart, periodEnd: p.periodEnd, taskCount: p.tasks.length, targetCount: p.targets.length, existing,
    sampleTasks: p.tasks.slice(0, 30).map((t) => ({ code: t.code, path: t.path, title: t.title, kind: t.kind, leadUnits: t.leadUnits, responsibleUnits: t.responsibleUnits })),
    sampleTargets: p.targets.slice(0, 30).map((g) => ({
      name: g.name, unit: g.unit, baseline: g.baseline.value, scope: g.scope,
      milestones: g.milestones.map((m) => `${m.year}年:${m.value}`).join(';'),
    })),
    warnings,
  };
}

export const importHandlers: Pick<Handlers, 'import.preview' | 'import.commit' | 'import.cancel'> = {
  'import.preview': async (ctx, { files }) => {
    const out: ImportPreview = { previewId: '', documents: [], problems: [] };
    const plans: InterchangePlan[] = [];
    const names: string[] = [];
    for (const f of files) {
      const label = inputName(ctx, f);
      try {
        const loaded = loadFile(ctx, f);
        // Parsed in the worker (time and memory limits), so other requests are answered meanwhile.
        const parsed = await fromPieces(await inWorker('parseDocument', { name: loaded.name, data: loaded.data }, loaded.name));
        out.problems.push(...parsed.problems);
        for (const p of parsed.plans) {
          // Evaluations in the file pass the same rules as edits: a document with a bad value is not offered.
          const bad = evaluationProblem(p);
          if (bad) { out.problems.push({ file: loaded.name, message: `「${p.title}」${bad}` }); continue; }
          plans.push(p);
          out.documents.push(describe(ctx.db, p, loaded.name));
        }
        names.push(loaded.name);
      } catch (e) {
        if (e instanceof AppError) out.problems.push({ file: label, message: e.message });
        else out.problems.push({ file: label, message: `无法读取:${e instanceof Error ? e.message : String(e)}` });
      }
    }
    out.previewId = plans.length ? putPending(ctx, 'import', { plans, files: names } satisfies PendingImport) : '';
    return out;
  },
  'import.commit': async (ctx, { previewId, keys }) => {
    const pending = takePending<PendingImport>(ctx, 'import', previewId);
    const chosen = keys ? pending.plans.filter((p) => keys.includes(p.id)) : pending.plans;
    if (!chosen.length) throw new AppError('invalid', '没有选中要导入的文档');
    await safetyBackup(ctx, 'before-import');
    const r = storePlans(ctx.db, chosen, pending.files.join('、'));
    return { plans: r.plans, tasks: r.tasks, targets: r.targets, added: r.added, updated: r.updated, changed: r.changed };
  },
  'import.cancel': (ctx, { previewId }) => ({ cancelled: ctx.pending.delete(previewId) }),
};
