// Operations over the plans themselves: correcting and completing plans, tasks and targets (one batch of definition
// edits is one undoable step), adding, deleting and moving rows, the unit directory, and reviewing an import before it
// is written (reclassify, edit, move, place lines the parser left, merge into a plan, choose per field on re-import).
import { z } from 'zod';
import { op, id, roundId, empty } from './op';
import {
  PLAN_DEFINABLE, TASK_DEFINABLE, TARGET_DEFINABLE, TASK_KINDS, JUDGE_DIRECTION_LABELS, JUDGE_KIND_LABELS, TASK_KIND_LABELS, PLAN_KIND_LABELS,
  type PlanSummary, type TaskRow, type TargetRow, type Changed, type Milestone,
} from './model';
import type { ImportDocumentPreview } from './files';

/** A definition value as typed or pasted (text), or as the detail panel's lists give it. */
const listItem = z.union([
  z.string().max(20_000),
  z.object({ year: z.union([z.number(), z.string().max(50)]), value: z.string().max(20_000), qualifier: z.string().max(50).optional(), cumulative: z.boolean().optional() }).strict(),
  z.object({ due: z.string().max(50), what: z.string().max(20_000) }).strict(),
]);
export const definitionValue = z.union([z.string().max(200_000), z.number(), z.null(), z.array(listItem).max(1000)]);
const defSource = z.enum(['edit', 'paste', 'fill']);
const path = z.array(z.string().max(20_000)).max(50);
const confirmed = z.boolean().optional();

/** What the rows of a grid need to be answered with after a change. */
const rowsOf = { roundId, compareRoundId: roundId.optional() };

/** The kinds an item of an import can be given in its preview. */
export const IMPORT_ITEM_KINDS = ['target', ...TASK_KINDS, 'ignore'] as const;
export type ImportItemKind = (typeof IMPORT_ITEM_KINDS)[number];
export const IMPORT_ITEM_KIND_LABELS: Record<ImportItemKind, string> = {
  target: '指标', task: '任务', project: '重点项目', measure: '政策措施', safeguard: '保障措施', ignore: '不导入',
};

/** One item an import found, as its preview lists it. */
export interface ImportItem {
  /** 'task:ID', 'target:ID' or 'ignored:N'. */
  key: string;
  kind: ImportItemKind;
  code: string; title: string; path: string[];
  /** Targets: 计量单位, baseline and milestones. */
  unit: string; baseline: { year: number | null; value: string | null }; milestones: Milestone[];
  leadUnits: string[]; responsibleUnits: string[]; deadline: string;
  line: number | null;
  /** The stored row this item updates (a re-import, or a merge into a plan), or null when it is new. */
  existingId: string | null;
  /** Deleted by the planner after an earlier import: left out unless the document's version is chosen (see conflicts). */
  keptOut: boolean;
}

/** A field a planner corrected that the new document says otherwise: keep the correction, or take the document's. */
export interface ImportConflict {
  key: string; entity: 'plan' | 'task' | 'target'; id: string; title: string; field: string; label: string;
  stored: string; document: string; take: 'keep' | 'document';
}

export interface ImportReview {
  items: ImportItem[];
  /** Every heading of the document (and of the plan it is merged into), for moving an item under another. */
  headings: string[][];
  /** Lines the parser could not place (未识别的内容). */
  unplaced: { line: number; text: string }[];
  conflicts: ImportConflict[];
  /** The existing plan the document is merged into (matching rows by name), or null. */
  mergeInto: { planId: string; title: string } | null;
}

const itemKey = z.string().min(1).max(300);
const keys = z.array(itemKey).min(1).max(100_000);
export const IMPORT_ITEM_FIELDS = ['title', 'code', 'unit', 'baselineYear', 'baselineValue', 'milestones', 'leadUnits', 'responsibleUnits', 'deadline'] as const;

export const importRevision = z.discriminatedUnion('op', [
  z.object({ op: z.literal('kind'), keys, kind: z.enum(IMPORT_ITEM_KINDS) }).strict(),
  z.object({ op: z.literal('set'), key: itemKey, field: z.enum(IMPORT_ITEM_FIELDS), value: definitionValue }).strict(),
  z.object({ op: z.literal('move'), keys, path }).strict(),
  z.object({ op: z.literal('place'), line: z.number().int().min(0), as: z.enum(IMPORT_ITEM_KINDS), path: path.optional() }).strict(),
  z.object({ op: z.literal('plan'), field: z.enum(PLAN_DEFINABLE), value: definitionValue }).strict(),
  z.object({ op: z.literal('mergeInto'), planId: id.nullable() }).strict(),
  z.object({ op: z.literal('choose'), keys, take: z.enum(['keep', 'document']) }).strict(),
]);
export type ImportRevision = z.infer<typeof importRevision>;

/** A unit in the directory: its rows, whether it names no one unit in particular, the old names merged into it. */
export interface UnitEntry {
  unit: string; tasks: number; targets: number; leadTasks: number; responsibleTasks: number;
  /** 各区县政府, 有关部门…: a group of units, not one. */
  vague: boolean;
  /** 未明确责任单位: the rows without any unit. */
  virtual: boolean;
  aliases: string[];
}

const unitName = z.string().max(20_000);

export const defineOps = {
  'plans.update': op<{ plan: PlanSummary; changed: Changed }>()('修改规划的标题、发文字号、发文机关、日期与规划期', z.object({
    id, changes: z.partialRecord(z.enum(PLAN_DEFINABLE), definitionValue),
  }).strict()),

  'tasks.define': op<{ rows: TaskRow[]; changed: Changed }>()('修改任务的内容(标题、章节、单位、完成时限、节点…),答复改动后的行', z.object({
    ...rowsOf, source: defSource,
    edits: z.array(z.object({ id, field: z.enum(TASK_DEFINABLE), value: definitionValue }).strict()).min(1).max(200_000),
  }).strict()),
  'tasks.create': op<{ row: TaskRow; changed: Changed }>()('在规划中新增一项任务', z.object({
    ...rowsOf, planId: id, path: path.optional(), after: id.optional(),
    values: z.partialRecord(z.enum(TASK_DEFINABLE), definitionValue),
  }).strict()),
  'tasks.delete': op<{ changed: Changed }>()('删除任务(有评估记录的须确认,可撤销)', z.object({
    ids: z.array(id).min(1).max(10_000), confirmed,
  }).strict()),
  'tasks.move': op<{ changed: Changed }>()('把任务移到另一章节或另一位置', z.object({
    ids: z.array(id).min(1).max(10_000), path: path.optional(), before: id.nullable().optional(),
  }).strict()),

  'targets.define': op<{ rows: TargetRow[]; changed: Changed }>()('修改指标的定义(名称、单位、基期、目标值、研判方式…),答复改动后的行', z.object({
    ...rowsOf, source: defSource,
    edits: z.array(z.object({ id, field: z.enum(TARGET_DEFINABLE), value: definitionValue }).strict()).min(1).max(200_000),
  }).strict()),
  'targets.create': op<{ row: TargetRow; changed: Changed }>()('在规划中新增一个指标', z.object({
    ...rowsOf, planId: id, after: id.optional(),
    values: z.partialRecord(z.enum(TARGET_DEFINABLE), definitionValue),
  }).strict()),
  'targets.delete': op<{ changed: Changed }>()('删除指标(有评估记录的须确认,可撤销)', z.object({
    ids: z.array(id).min(1).max(10_000), confirmed,
  }).strict()),

  'units.directory': op<UnitEntry[]>()('责任单位目录:每个单位的任务、指标数与曾用名', empty),
  'units.rename': op<{ changed: Changed }>()('重命名责任单位(原名称留作曾用名,再次导入时自动对应)', z.object({
    from: unitName, to: unitName,
  }).strict()),
  'units.merge': op<{ changed: Changed }>()('把若干单位合并为一个(原名称留作曾用名)', z.object({
    from: z.array(unitName).min(1).max(200), into: unitName,
  }).strict()),
  'units.removeAlias': op<{ changed: Changed }>()('删除一个曾用名', z.object({ alias: unitName }).strict()),

  'import.revise': op<ImportDocumentPreview>()('修改导入预览中的内容(类别、标题、单位、数值、位置、合并到规划、逐项取舍)', z.object({
    previewId: z.string().min(1).max(100), key: z.string().min(1).max(200),
    revisions: z.array(importRevision).min(1).max(10_000),
  }).strict()),
};

/** A definition value as the history and the import preview keep it (lists as JSON), in words a planner reads. */
export function definitionText(field: string, v: string | null): string {
  if (v == null || v === '') return '';
  if (field === 'kind') return (TASK_KIND_LABELS as Record<string, string>)[v] ?? (PLAN_KIND_LABELS as Record<string, string>)[v] ?? v;
  if (!v.startsWith('[')) return field === 'judgeDirection' || field === 'judgeKind' ? judgeText(field, v) : v;
  try {
    const list = JSON.parse(v) as unknown[];
    if (field === 'milestones') return (list as Milestone[]).map((m) => `${m.year}年:${m.value}${m.cumulative && !/[[【]/.test(m.value) ? '(期间累计)' : ''}`).join(';');
    if (field === 'taskMilestones') return (list as { due: string; what: string }[]).map((m) => `${m.due} ${m.what}`).join(';');
    return list.map(String).join(field === 'path' ? ' / ' : field === 'subpoints' ? ';' : '、');
  } catch {
    return v;
  }
}

const judgeText = (field: string, v: string): string =>
  (field === 'judgeDirection' ? (JUDGE_DIRECTION_LABELS as Record<string, string>)[v] : (JUDGE_KIND_LABELS as Record<string, string>)[v]) ?? v;
