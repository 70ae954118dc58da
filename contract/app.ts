// Operations about the app itself: info, settings (thresholds, layouts, office, operator), saved views, dashboard, backups.
import { z } from 'zod';
import { op, empty, roundId, jsonValue } from './op';
import type { Thresholds, TaskStatus, Verdict, Flag } from './model';
import type { Standing } from './lights';

export interface AppInfo {
  version: string; dbFile: string; schemaVersion: number; transport: string;
  counts: { plans: number; tasks: number; targets: number; rounds: number };
  /** ready; read_only (the 只读 banner); damaged (the recovery screen); restoring (a restore is running). */
  state: 'ready' | 'read_only' | 'damaged' | 'restoring';
  readOnly: boolean;
  /** Why the database is read-only or damaged, in Chinese ('' when it is neither). */
  problem: string;
  /** What went wrong at start without stopping it (a backups folder that cannot be written). */
  warnings: string[];
  /** The operator's name (操作人) recorded with every action. */
  operator: string;
}
export interface Settings {
  thresholds: Thresholds; layouts: Record<string, unknown>; currentRoundId: number | null;
  /** The planner's name (操作人), recorded with every action. */
  operator: string;
  /** The evaluating office (评估单位): the 单位 line and the signature of reports and notices. */
  office: string;
}
export interface SavedView { id: number; grid: string; name: string; state: unknown; createdAt: string }
export interface DashboardGroup {
  key: string; label: string;
  tasks: Record<TaskStatus, number> & { total: number };
  targets: Record<Verdict, number> & { total: number };
  /** Tasks and targets by light (the same rule as the grids' 预警 column). */
  taskLights: Record<Flag, number>;
  targetLights: Record<Flag, number>;
  /** Tasks and targets by where they stand (see STANDINGS): the unit ranking is read from them. */
  taskStanding: Record<Standing, number>;
  targetStanding: Record<Standing, number>;
}
/**
 * 责任单位推进情况: a unit's tasks and targets together, counted by standing (STANDINGS in contract/lights.ts), with
 * their lights; share = (done + onTrack) / (items − unjudged), null when nothing is judged.
 */
export interface UnitProgress {
  unit: string; items: number; done: number; onTrack: number; lagging: number; overdue: number; unjudged: number;
  red: number; yellow: number; green: number; share: number | null;
  /** The same counts for the unit's tasks and its targets apart (they add up to the ones above). */
  tasks: Record<Standing, number>; targets: Record<Standing, number>;
}
export interface Dashboard {
  roundId: number; byPlan: DashboardGroup[]; byUnit: DashboardGroup[]; total: DashboardGroup;
  /** The units ranked by share on track (highest first), then by size. */
  units: UnitProgress[];
}
export interface JobProgress { op: string; done: number; total: number; message: string; at: number }
export interface BackupEntry {
  file: string; name: string; reason: string; size: number; at: string;
  /** With `inspect` (and always on the recovery screen): why it cannot be restored (null: it can), and what it holds. */
  problem?: string | null; counts?: { plans: number; tasks: number; targets: number } | null;
}
/** The largest saved view or column layout (serialized): far more than any real grid state needs. */
export const MAX_STATE_BYTES = 256 * 1024;
/** What a backup holds, read from the file without restoring it (null counts: not readable, with the reason). */
export interface BackupContents {
  name: string; counts: { plans: number; tasks: number; targets: number; rounds: number } | null; schemaVersion: number | null; problem: string;
}

export const appOps = {
  'app.info': op<AppInfo>()('程序与数据库信息', empty),
  'settings.get': op<Settings>()('读取设置', empty),
  'settings.setThresholds': op<Settings>()('设置红黄灯阈值', z.object({
    yellow: z.number().gt(0, '黄灯阈值应大于0').max(100), red: z.number().min(0).max(100),
    dueSoonDays: z.number().int().min(0).max(366).optional(),
  }).strict().refine((t) => t.red >= t.yellow, { message: '红灯阈值应不小于黄灯阈值' })),
  'settings.setLayout': op<Settings>()('保存表格列布局', z.object({
    grid: z.string().min(1).max(50), layout: jsonValue(MAX_STATE_BYTES, '列布局'),
  }).strict()),
  'settings.setCurrentRound': op<Settings>()('设置当前评估轮次', z.object({ roundId }).strict()),
  'settings.setOffice': op<Settings>()('设置评估单位(报告的单位与落款)', z.object({
    office: z.string().trim().max(100, '评估单位名称不超过 100 个字'),
  }).strict()),
  'views.list': op<SavedView[]>()('列出保存的视图', z.object({ grid: z.string().min(1).max(50) }).strict()),
  'views.save': op<SavedView>()('保存视图', z.object({
    grid: z.string().min(1).max(50), name: z.string().trim().min(1).max(100), state: jsonValue(MAX_STATE_BYTES, '视图'),
  }).strict()),
  'views.delete': op<{ deleted: number }>()('删除视图', z.object({ id: z.number().int().positive() }).strict()),
  'dashboard.summary': op<Dashboard>()('看板:按规划、责任单位统计', z.object({
    roundId, planIds: z.array(z.string().min(1).max(200)).max(10_000).optional(),
  }).strict()),
  'units.list': op<{ unit: string; tasks: number; targets: number }[]>()('列出责任单位及其任务、指标数', empty),
  'jobs.progress': op<JobProgress | null>()('长任务(导出、导入)的当前进度', z.object({ op: z.string().min(1).max(50) }).strict()),
  'backups.list': op<BackupEntry[]>()('列出自动备份', z.object({ inspect: z.boolean().optional() }).strict()),
  'backups.create': op<BackupEntry>()('立即备份数据库', z.object({ reason: z.string().max(50).optional() }).strict()),
  'backups.contents': op<BackupContents[]>()('读取备份中的规划、任务、指标和轮次数', z.object({
    names: z.array(z.string().min(1).max(300)).max(100),
  }).strict()),
  'backups.restore': op<{ restoredFrom: string; safetyBackup: BackupEntry | null; damagedCopy: string | null }>()('从备份恢复数据库', z.object({
    name: z.string().min(1).max(300),
  }).strict()),
  'settings.setOperator': op<Settings>()('设置操作人姓名(记入每一步修改)', z.object({ name: z.string().trim().max(50) }).strict()),
};
