// Operations of the returns board: who has answered and who is late per round, the deadline, the 催报 list, review of
// returns waiting, contacts entered by the planner, and every unit's own inputs side by side to compose the final text.
import { z } from 'zod';
import { op, id, roundId } from './op';
import { handle, type ExportResult, type ReturnsPreview, type ReturnContacts } from './files';
import { TASK_EDITABLE, type Changed } from './model';

export const RETURN_STATES = ['not_issued', 'issued', 'overdue', 'reissued', 'pending', 'partial', 'applied', 'declined', 'kept', 'nochange'] as const;
export type ReturnState = (typeof RETURN_STATES)[number];
export const RETURN_STATE_LABELS: Record<ReturnState, string> = {
  not_issued: '未下发', issued: '已下发待报', overdue: '逾期未报', reissued: '已重新下发', pending: '待审核', partial: '部分采纳',
  applied: '已采纳', declined: '未采纳', kept: '已收录', nochange: '无改动',
};

export interface BoardUnit {
  unit: string; tasks: number; targets: number;
  /** The workbook in force: when it was written, its file name, and how many times the unit was issued one this round. */
  issued: { at: string; file: string; times: number } | null;
  /** The newest return taken in: when, the day it counts as delivered (its 填报日期 when earlier), file, contacts. */
  returned: { receivedId: number; at: string; deliveredOn: string; file: string; contacts: ReturnContacts; operator: string } | null;
  /** Returned after the deadline, or not returned and the deadline passed; by how many days. */
  late: boolean; daysLate: number | null;
  /** Rows the unit changed in its return; rows waiting for the planner's review; rows taken from its returns. */
  changedRows: number; pendingRows: number; appliedRows: number;
  state: ReturnState;
  /** Why its rows cannot be accepted yet (contacts missing), or null. */
  blocked: string | null;
  /** The contacts the unit gave in the round before, for the 催报 call. */
  lastContacts: (ReturnContacts & { round: string }) | null;
}
export interface ReturnsBoard {
  roundId: number; roundName: string; cutoff: string; due: string; today: string; units: BoardUnit[];
  totals: { units: number; issued: number; returned: number; late: number; overdue: number; pending: number; applied: number };
}

/** One unit's input for a row, beside the others. */
export interface UnitInputView {
  unit: string; role: 'lead' | 'responsible'; receivedId: number | null; receivedAt: string | null; file: string | null; filler: string; filledOn: string;
  values: Record<string, string | null>; problems: Record<string, string>;
}
export interface RowInputs {
  entity: 'task' | 'target'; id: string; title: string; planTitle: string; leadUnits: string[]; responsibleUnits: string[];
  current: Record<string, string | null>; fields: string[]; units: UnitInputView[];
}
export interface SharedRow { id: string; title: string; planTitle: string; units: string[]; fields: string[]; differs: boolean; takenFrom: string | null }

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
const contact = z.string().trim().max(100);

export const returnsOps = {
  'returns.board': op<ReturnsBoard>()('回收看板:各单位的下发、回收、改动与审核情况', z.object({ roundId }).strict()),
  'returns.setDue': op<{ due: string }>()('设置本轮填报表的报送截止日期', z.object({ roundId, due: z.union([date, z.literal('')]) }).strict()),
  'returns.review': op<ReturnsPreview>()('审核已收到、尚未处理的填报表', z.object({
    roundId, units: z.array(z.string().min(1).max(200)).max(5000).optional(),
  }).strict()),
  'returns.setContacts': op<{ contacts: ReturnContacts; blocked: string | null }>()('补录回收表的填报信息', z.object({
    receivedId: z.number().int().positive(), filler: contact, phone: contact, reviewer: contact, filledOn: z.union([date, z.literal('')]),
  }).strict()),
  'returns.inputs': op<RowInputs>()('一项任务或指标的各单位填报', z.object({ roundId, entity: z.enum(['task', 'target']), id }).strict()),
  'returns.shared': op<SharedRow[]>()('有多个单位填报的任务', z.object({ roundId }).strict()),
  'returns.compose': op<{ value: string | null; changed: Changed }>()('采用或合并各单位的填报作为最终内容', z.object({
    roundId, id, field: z.enum(TASK_EDITABLE), value: z.union([z.string().max(20_000), z.number(), z.null()]),
    units: z.array(z.string().min(1).max(200)).min(1).max(50),
  }).strict()),
  'export.reminders': op<ExportResult & { units: number }>()('导出催报名单(Excel)', z.object({ roundId, out: handle.optional() }).strict()),
};
