// Importing plan documents: parse and preview first; the planner reviews the preview (kinds, titles, units, values,
// headings, unplaced lines, merging into a plan, per-field choices on a re-import); then the revised documents are
// stored in one transaction, or merged into the plan picked as one undoable step.
import type { Handlers } from '../dispatch';
import type { ImportPreview, ImportDocumentPreview, ImportResult } from '../../contract/files';
import type { DB } from '../../db/connection';
import { storePlans } from '../import/store';
import { catchUpLater } from './index-later';
import { evaluationProblem } from '../import/evaluations';
import { findPlan } from '../../db/repos/plan-rows';
import { reviewOf, type PendingDoc } from '../import/review';
import { reviseDoc } from '../import/revise';
import { mergeIntoPlan } from '../import/merge';
import { loadFile, inputName } from './uploads';
import { putPending, takePending } from '../common/pending';
import { safetyBackup } from './backups';
import { AppError } from '../common/errors';
import { inWorker } from '../files/in-worker';
import { fromPieces } from '../files/parse-worker';

interface PendingImport { docs: PendingDoc[]; files: string[] }

function describe(db: DB, d: PendingDoc): ImportDocumentPreview {
  const p = d.plan;
  const existing = !d.mergeInto && !!findPlan(db, p.id, p.title);
  const warnings: string[] = [];
  if (!p.tasks.length && !p.targets.length && p.kind !== 'notice_only') warnings.push('未识别出任务或指标');
  else if (!p.tasks.length && p.kind !== 'notice_only' && !d.mergeInto) warnings.push('未识别出任务');
  if (!p.docNumber && !d.mergeInto) warnings.push('未识别出发文字号');
  if (p.titleFrom === 'notice') warnings.push(`标题取自印发通知中的《${p.title}》`);
  if (p.titleFrom === 'file') warnings.push('文件中未识别出标题,暂以文件名作为标题');
  if (p.unplaced?.length) warnings.push(`有 ${p.unplaced.length} 行未识别的内容`);
  return {
    key: d.key, file: d.file, title: p.title, kind: p.kind, docNumber: p.docNumber, issuer: p.issuer, issued: p.issued,
    periodStart: p.periodStart, periodEnd: p.periodEnd, taskCount: p.tasks.length, targetCount: p.targets.length, existing,
    sampleTasks: p.tasks.slice(0, 30).map((t) => ({ code: t.code, path: t.path, title: t.title, kind: t.kind, leadUnits: t.leadUnits, responsibleUnits: t.responsibleUnits })),
    sampleTargets: p.targets.slice(0, 30).map((g) => ({
      name: g.name, unit: g.unit, baseline: g.baseline.value, scope: g.scope,
      milestones: g.milestones.map((m) => `${m.year}年:${m.value}`).join(';'),
    })),
    warnings, review: reviewOf(db, d), titleFrom: p.titleFrom ?? 'document', unplaced: p.unplaced ?? [],
  };
}

export const importHandlers: Pick<Handlers, 'import.preview' | 'import.commit' | 'import.cancel' | 'import.revise'> = {
  'import.preview': async (ctx, { files }) => {
    const out: ImportPreview = { previewId: '', documents: [], problems: [] };
    const docs: PendingDoc[] = [];
    const names: string[] = [];
    for (const f of files) {
      const label = inputName(ctx, f);
      try {
        const loaded = loadFile(ctx, f);
        // Parsed in the worker (time and memory limits), so other requests are answered meanwhile.
        const parsed = await fromPieces(await inWorker('parseDocument', { name: loaded.name, data: loaded.data }, loaded.name));
        out.problems.push(...parsed.problems);
        for (const plan of parsed.plans) {
          // Evaluations in the file pass the same rules as edits: a document with a bad value is not offered.
          const bad = evaluationProblem(plan);
          if (bad) { out.problems.push({ file: loaded.name, message: `「${plan.title}」${bad}` }); continue; }
          const key = docs.some((d) => d.key === plan.id) ? `${plan.id}#${docs.length + 1}` : plan.id;
          const doc: PendingDoc = { key, file: loaded.name, plan, ignored: [], nextIgnored: 1, mergeInto: null, take: [], tombstones: [], unitAliases: parsed.unitAliases };
          docs.push(doc);
          out.documents.push(describe(ctx.db, doc));
        }
        names.push(loaded.name);
      } catch (e) {
        if (e instanceof AppError) out.problems.push({ file: label, message: e.message });
        else out.problems.push({ file: label, message: `无法读取:${e instanceof Error ? e.message : String(e)}` });
      }
    }
    out.previewId = docs.length ? putPending(ctx, 'import', { docs, files: names } satisfies PendingImport) : '';
    return out;
  },
  'import.revise': (ctx, { previewId, key, revisions }) => {
    const pending = takePending<PendingImport>(ctx, 'import', previewId, false);
    const i = pending.docs.findIndex((d) => d.key === key);
    if (i < 0) throw new AppError('not_found', '预览中没有这份文档,请重新选择文件');
    pending.docs[i] = reviseDoc(ctx.db, pending.docs[i], revisions);
    return describe(ctx.db, pending.docs[i]);
  },
  'import.commit': async (ctx, { previewId, keys }) => {
    const pending = takePending<PendingImport>(ctx, 'import', previewId, false);
    const chosen = keys ? pending.docs.filter((d) => keys.includes(d.key)) : pending.docs;
    if (!chosen.length) throw new AppError('invalid', '没有选中要导入的文档');
    await safetyBackup(ctx, 'before-import');
    const res: ImportResult = { plans: 0, tasks: 0, targets: 0, added: 0, updated: 0, changed: { actionId: null, tasks: [], targets: [], roundId: null, plans: [] } };
    const merged = chosen.filter((d) => d.mergeInto);
    const stored = chosen.filter((d) => !d.mergeInto);
    for (const d of merged) {
      const r = mergeIntoPlan(ctx.db, d, ctx.client);
      res.plans++; res.tasks += r.tasks; res.targets += r.targets; res.updated++;
      res.changed = { ...r.changed, tasks: [...res.changed.tasks, ...r.changed.tasks], targets: [...res.changed.targets, ...r.changed.targets], plans: [...(res.changed.plans ?? []), ...(r.changed.plans ?? [])] };
    }
    if (stored.length) {
      const r = storePlans(ctx.db, stored.map((d) => d.plan), pending.files.join('、'), {
        take: new Set(stored.flatMap((d) => d.take)), unitAliases: stored.flatMap((d) => d.unitAliases ?? []), tombstones: stored.flatMap((d) => d.tombstones),
        indexLater: true,
      });
      catchUpLater(ctx.db);
      res.plans += r.plans; res.tasks += r.tasks; res.targets += r.targets; res.added += r.added; res.updated += r.updated;
      res.changed = { ...r.changed, tasks: [...res.changed.tasks, ...r.changed.tasks], targets: [...res.changed.targets, ...r.changed.targets], plans: res.changed.plans };
    }
    ctx.pending.delete(previewId);
    return res;
  },
  'import.cancel': (ctx, { previewId }) => ({ cancelled: ctx.pending.delete(previewId) }),
};
