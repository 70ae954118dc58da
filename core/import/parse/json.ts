// The interchange JSON read back: validated against the contract; anything else is refused with a clear message.
import { z } from 'zod';
import type { InterchangeFile, InterchangePlan } from '../../../contract/interchange';
import { PLAN_KINDS, TARGET_SCOPES, TASK_KINDS } from '../../../contract/model';
import { ImportFileError } from './errors';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'id 只能含字母、数字、_ 和 -,最长 100 位');
const str = z.string();
const nstr = z.string().nullable();
const nnum = z.number().int().nullable();
const taskEval = z.object({ cutoff: str, status: str, progress: z.number().nullable(), evidence: str, problems: str, nextSteps: str, note: str, reporter: str, reportedOn: str });
const targetEval = z.object({ cutoff: str, actual: str, dataSource: str, note: str, verdictOverride: str, overrideReason: str, reporter: str, reportedOn: str });
const source = z.object({ line: nnum }).optional();

const schema = z.object({
  format: z.literal('plan-review'),
  version: z.literal(1),
  exportedAt: str.optional(),
  plans: z.array(z.object({
    id, title: z.string().min(1), docNumber: nstr, issuer: nstr, issued: nstr, periodStart: nnum, periodEnd: nnum,
    kind: z.enum(PLAN_KINDS), source: z.object({ file: nstr, line: nnum }),
    targets: z.array(z.object({
      id, code: str, name: z.string().min(1), unit: str, category: str, attribute: str,
      baseline: z.object({ year: nnum, value: nstr }),
      milestones: z.array(z.object({ year: z.number().int(), value: str, qualifier: str, cumulative: z.boolean() })),
      scope: z.enum(TARGET_SCOPES), taskId: id.nullable(), responsibleUnits: z.array(str), source, evaluation: z.record(str, targetEval).optional(),
    })),
    tasks: z.array(z.object({
      id, code: str, path: z.array(str), title: z.string().min(1), body: str, kind: z.enum(TASK_KINDS),
      leadUnits: z.array(str), responsibleUnits: z.array(str), subpoints: z.array(str), deadline: str.optional(), source, evaluation: z.record(str, taskEval).optional(),
    })),
  })),
});

export function parseInterchange(file: string, text: string): InterchangePlan[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ImportFileError(`文件「${file}」不是有效的 JSON:${(e as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== 'plan-review') {
    throw new ImportFileError(`文件「${file}」不是规划评估台的交换文件(缺少 "format": "plan-review")。`);
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 3).map((i) => `「${i.path.join('.')}」${i.message}`).join(';');
    throw new ImportFileError(`文件「${file}」的内容不符合交换格式:${issues}`);
  }
  const file_ = r.data as InterchangeFile;
  for (const p of file_.plans) {
    const tasks = new Set(p.tasks.map((t) => t.id));
    const bad = p.targets.find((t) => t.taskId && !tasks.has(t.taskId));
    if (bad) throw new ImportFileError(`文件「${file}」中指标「${bad.name}」引用了不存在的任务 ${bad.taskId}。`);
  }
  return file_.plans;
}
