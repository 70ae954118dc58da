// Operations over the change history: per-row history, undo, redo, restore an earlier value, audit listing.
import { z } from 'zod';
import { op, id, empty } from './op';
import type { HistoryEntry, ActionSummary, Changed } from './model';

/**
 * An undo or redo: the step it went over (null when none was left, or when every cell it touched was changed since),
 * the rows to refresh, and how many cells kept a later value with the reason in Chinese ("2 个单元格之后已被导入修改").
 */
export interface UndoResult { action: ActionSummary | null; changed: Changed; kept: number; note: string }

export const historyOps = {
  'history.entity': op<HistoryEntry[]>()('一行的修改历史', z.object({
    entity: z.enum(['task', 'target', 'plan', 'round']), id, roundId: z.number().int().positive().optional(),
  }).strict()),
  'history.actions': op<ActionSummary[]>()('最近的操作', z.object({
    limit: z.number().int().min(1).max(1000).optional(), before: z.number().int().positive().optional(),
  }).strict()),
  'history.undo': op<UndoResult>()('撤销本窗口的上一步', empty),
  'history.redo': op<UndoResult>()('重做本窗口撤销的一步', empty),
  'history.restore': op<{ changed: Changed }>()('恢复某条历史中的旧值', z.object({
    historyId: z.number().int().positive(), which: z.enum(['old', 'new']).optional(),
  }).strict()),
};
