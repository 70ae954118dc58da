// Operations over the change history: per-row history, undo, redo, restore an earlier value, audit listing.
import { z } from 'zod';
import { op, id, empty } from './op';
import type { HistoryEntry, ActionSummary, Changed } from './model';

export const historyOps = {
  'history.entity': op<HistoryEntry[]>()('一行的修改历史', z.object({
    entity: z.enum(['task', 'target', 'plan', 'round']), id, roundId: z.number().int().positive().optional(),
  }).strict()),
  'history.actions': op<ActionSummary[]>()('最近的操作', z.object({
    limit: z.number().int().min(1).max(1000).optional(), before: z.number().int().positive().optional(),
  }).strict()),
  'history.undo': op<{ action: ActionSummary | null; changed: Changed }>()('撤销上一步', empty),
  'history.redo': op<{ action: ActionSummary | null; changed: Changed }>()('重做', empty),
  'history.restore': op<{ changed: Changed }>()('恢复某条历史中的旧值', z.object({
    historyId: z.number().int().positive(), which: z.enum(['old', 'new']).optional(),
  }).strict()),
};
