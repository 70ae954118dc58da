// Operations over plans, tasks, targets and rounds: reading, editing, bulk changes.
import { z } from 'zod';
import { op, id, roundId, empty } from './op';
import {
  TASK_KINDS, TASK_STATUSES, TARGET_SCOPES, VERDICTS, TASK_EDITABLE, TARGET_EDITABLE, FLAGS, ROUND_KINDS,
  type PlanSummary, type PlanNode, type TaskRow, type TargetRow, type Round, type Changed,
} from './model';
import { STANDINGS } from './lights';

/** Filters shared by the task and target grids. */
const filters = {
  roundId,
  compareRoundId: roundId.optional(),
  planIds: z.array(id).max(10_000).optional(),
  chapter: z.array(z.string().max(500)).max(20).optional(),
  unit: z.string().max(200).optional(),
  search: z.string().max(200).optional(),
  changedSince: z.string().max(40).optional(),
  ids: z.array(id).max(200_000).optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(200_000).optional(),
  /** Only rows with these lights (红灯 red, 黄灯 yellow, 绿灯 green, none). */
  lights: z.array(z.enum(FLAGS)).optional(),
  /** Only rows that stand so (done, onTrack, lagging, overdue, unjudged: see contract/lights.ts), as the unit ranking counts them. */
  standings: z.array(z.enum(STANDINGS)).optional(),
};

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
/** 数据截至 of a round: a date, or '' for the cut-off itself. */
const dataDate = z.union([date, z.literal('')]);
const reason = z.string().trim().min(1, '请填写原因').max(500);

export const taskQuery = z.object({
  ...filters,
  kinds: z.array(z.enum(TASK_KINDS)).max(20).optional(),
  statuses: z.array(z.enum(TASK_STATUSES)).max(20).optional(),
  /** With a comparison round: only rows whose evaluation differs between the two rounds (只看有变化). */
  changedFromCompare: z.boolean().optional(),
}).strict();

export const targetQuery = z.object({
  ...filters,
  scopes: z.array(z.enum(TARGET_SCOPES)).max(20).optional(),
  verdicts: z.array(z.enum(VERDICTS)).max(20).optional(),
  /** With a comparison round: only rows whose evaluation differs between the two rounds (只看有变化). */
  changedFromCompare: z.boolean().optional(),
}).strict();

const cellValue = z.union([z.string().max(20_000), z.number(), z.null()]);
const editSource = z.enum(['edit', 'paste', 'fill', 'bulk']);

export const dataOps = {
  'plans.list': op<PlanSummary[]>()('列出全部规划', empty),
  'plans.tree': op<PlanNode[]>()('规划与章节树', empty),
  'plans.delete': op<Changed>()('删除一个规划及其任务、指标', z.object({ id }).strict()),

  'tasks.query': op<{ rows: TaskRow[]; total: number }>()('按条件查询任务', taskQuery),
  'tasks.get': op<TaskRow>()('读取一个任务', z.object({ id, roundId, compareRoundId: roundId.optional() }).strict()),
  'tasks.edit': op<{ rows: TaskRow[]; changed: Changed }>()('修改任务的评估内容(单元格、粘贴、填充),答复改动后的行', z.object({
    roundId, compareRoundId: roundId.optional(), source: editSource,
    edits: z.array(z.object({ id, field: z.enum(TASK_EDITABLE), value: cellValue }).strict()).min(1).max(200_000),
  }).strict()),
  'tasks.bulkSet': op<{ count: number; changed: Changed }>()('批量设置任务的评估字段', z.object({
    roundId, ids: z.array(id).min(1).max(200_000),
    field: z.enum(TASK_EDITABLE), value: cellValue,
  }).strict()),

  'targets.query': op<{ rows: TargetRow[]; total: number }>()('按条件查询指标', targetQuery),
  'targets.get': op<TargetRow>()('读取一个指标', z.object({ id, roundId, compareRoundId: roundId.optional() }).strict()),
  'targets.edit': op<{ rows: TargetRow[]; changed: Changed; warnings: string[] }>()('修改指标的实际值与评估内容,答复改动后的行', z.object({
    roundId, compareRoundId: roundId.optional(), source: editSource,
    edits: z.array(z.object({ id, field: z.enum(TARGET_EDITABLE), value: cellValue }).strict()).min(1).max(200_000),
  }).strict()),
  'targets.bulkSet': op<{ count: number; changed: Changed }>()('批量设置指标的评估字段', z.object({
    roundId, ids: z.array(id).min(1).max(200_000),
    field: z.enum(TARGET_EDITABLE), value: cellValue,
  }).strict()),

  'rounds.list': op<Round[]>()('列出评估轮次', empty),
  'rounds.create': op<Round>()('新建评估轮次', z.object({
    name: z.string().trim().min(1).max(100),
    cutoff: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '截止日期应为 YYYY-MM-DD'),
    copyFrom: roundId.optional(),
    dataDate: dataDate.optional(),
    kind: z.enum(ROUND_KINDS).optional(),
  }).strict()),
  'rounds.update': op<Round>()('修改评估轮次的名称或截止日期', z.object({
    id: roundId,
    name: z.string().trim().min(1).max(100).optional(),
    cutoff: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '截止日期应为 YYYY-MM-DD').optional(),
    dataDate: dataDate.optional(),
    kind: z.enum(ROUND_KINDS).optional(),
  }).strict()),
  'rounds.delete': op<{ deleted: number }>()('删除评估轮次', z.object({ id: roundId }).strict()),
  'rounds.setDataDate': op<Round>()('设置评估轮次实际值的默认数据截至日期', z.object({ id: roundId, dataDate }).strict()),
  'rounds.finalize': op<Round>()('评估轮次定稿:此后不接受修改和回收填报', z.object({ id: roundId, reason }).strict()),
  'rounds.reopen': op<Round>()('撤销评估轮次定稿', z.object({ id: roundId, reason }).strict()),
};
