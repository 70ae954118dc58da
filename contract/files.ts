// Operations that read or write files: importing plan documents, exporting reports, JSON and returns workbooks.
import { z } from 'zod';
import { op, roundId, empty } from './op';
import type { PlanKind, TaskKind, Changed } from './model';
import type { ImportReview } from './define';

/**
 * A file the user chose, never a path: a handle the desktop app's dialog or the command line registered with the
 * service, or the file's content uploaded from a browser.
 */
export const handle = z.string().regex(/^h-[0-9a-f]{32}$/, '文件句柄不正确');
export const fileInput = z.union([
  z.object({ handle }).strict(),
  z.object({ name: z.string().min(1).max(255), base64: z.string().max(70_000_000) }).strict(),
]);
/** A file or folder chosen in a dialog: its handle and the name to show. */
export interface Chosen { handle: string; name: string }
export type FileInput = z.infer<typeof fileInput>;

export interface ImportDocumentPreview {
  key: string; file: string; title: string; kind: PlanKind; docNumber: string | null; issuer: string | null;
  issued: string | null; periodStart: number | null; periodEnd: number | null;
  taskCount: number; targetCount: number; existing: boolean;
  sampleTasks: { code: string; path: string[]; title: string; kind: TaskKind; leadUnits: string[]; responsibleUnits: string[] }[];
  sampleTargets: { name: string; unit: string; baseline: string | null; milestones: string; scope: string }[];
  warnings: string[];
  /** Every item found, the headings, the lines not placed and, on a re-import, the corrections the document contradicts. */
  review: ImportReview;
  /** Where the title came from: the document's own title line, the notice's 《…》, or the file name. */
  titleFrom: 'document' | 'notice' | 'file';
  /** Lines of the document the importer placed in no task, target or heading, for the planner to look at. */
  unplaced: { line: number; text: string }[];
}
export interface ImportPreview {
  previewId: string;
  documents: ImportDocumentPreview[];
  /** Files or passages that could not be placed, with the reason in Chinese. */
  problems: { file: string; message: string }[];
}
export interface ImportResult { plans: number; tasks: number; targets: number; updated: number; added: number; changed: Changed }

/** A written file: its name (in the browser, downloaded from /files/NAME) and a handle to show it in its folder. */
export interface ExportResult { name: string; handle: string; rows: number }

export interface ReturnCellChange {
  field: string; label: string; oldValue: string | null; newValue: string | null; conflict: boolean; currentValue: string | null;
}
export interface ReturnRowPreview {
  key: string; file: string; unit: string; entity: 'task' | 'target'; entityId: string; title: string;
  changes: ReturnCellChange[]; conflict: boolean;
  /** A value that cannot be taken (a formula without a saved result, a status not in the list…): the row cannot be accepted. */
  problem: string | null;
  /** 'lead': the unit leads the task (or the row is a target), its values are taken by default; 'responsible': it shares the task, its values are kept as its input. */
  role: 'lead' | 'responsible';
  /** Accepted unless the planner decides otherwise: a lead row without conflicts or problems, of a return whose contacts are complete. */
  takenByDefault: boolean;
}
/** 填报人, 联系电话, 审核人(负责人), 填报日期 of a return. */
export interface ReturnContacts { filler: string; phone: string; reviewer: string; filledOn: string }
export interface ReturnFilePreview {
  file: string; unit: string; roundName: string; rows: number; changedRows: number; conflicts: number; error: string | null;
  /** The return as taken in (its row on the returns board); null for a file that was refused. */
  receivedId: number | null;
  contacts: ReturnContacts | null;
  /** Why the rows of this return cannot be accepted yet (contacts missing or wrong), or null. */
  blocked: string | null;
}
export interface ReturnsPreview {
  previewId: string;
  files: ReturnFilePreview[];
  rows: ReturnRowPreview[];
}
export interface ReturnsApplyResult { appliedRows: number; appliedCells: number; skippedConflicts: number; skippedBlocked: number; changed: Changed }
/** What a review accepts: every row taken by default, or rows by key, or single cells of a row ({key, fields}). */
export const returnsAccept = z.union([
  z.literal('all'),
  z.array(z.union([z.string().max(300), z.object({ key: z.string().max(300), fields: z.array(z.string().max(40)).min(1).max(20) }).strict()])).max(200_000),
]);
export type ReturnsAccept = z.infer<typeof returnsAccept>;

const scope = z.object({
  planIds: z.array(z.string().min(1).max(200)).max(10_000).optional(),
  unit: z.string().max(200).optional(),
  taskIds: z.array(z.string().min(1).max(200)).max(200_000).optional(),
  targetIds: z.array(z.string().min(1).max(200)).max(200_000).optional(),
  /** Only tasks and targets evaluated in the round (a status other than 待评估; an actual value or a verdict). */
  evaluatedOnly: z.boolean().optional(),
  /** Only what shows a red or yellow light (tasks without a light: those 滞后). */
  warningsOnly: z.boolean().optional(),
  /** Only tasks whose 存在问题 is filled in (targets are not narrowed by it). */
  problemsOnly: z.boolean().optional(),
}).strict();

/** A file for each responsible unit with red or yellow items: its 督办通知. */
export interface NoticeFile extends ExportResult { unit: string; tasks: number; targets: number }

export const fileOps = {
  'import.preview': op<ImportPreview>()('读取规划文件并预览将导入的内容', z.object({
    files: z.array(fileInput).min(1).max(50),
  }).strict()),
  'import.commit': op<ImportResult>()('确认导入预览中的文档', z.object({
    previewId: z.string().min(1).max(100), keys: z.array(z.string().max(200)).max(10_000).optional(),
  }).strict()),
  'import.cancel': op<{ cancelled: boolean }>()('放弃导入预览', z.object({ previewId: z.string().min(1).max(100) }).strict()),

  'files.open': op<Chosen[]>()('选择要打开的文件(桌面程序的对话框)', z.object({ kind: z.enum(['plans', 'returns']) }).strict()),
  'files.saveAs': op<Chosen | null>()('选择保存位置(桌面程序的对话框)', z.object({ defaultName: z.string().min(1).max(200) }).strict()),
  'files.pickFolder': op<Chosen | null>()('选择文件夹(桌面程序的对话框)', empty),
  'files.reveal': op<{ shown: boolean }>()('在文件夹中显示导出的文件', z.object({ handle }).strict()),

  'export.json': op<ExportResult>()('导出交换用 JSON', z.object({ out: handle.optional() }).strict()),
  'export.report': op<ExportResult>()('导出评估报告(Excel)', z.object({
    roundId, compareRoundId: roundId.optional(), scope: scope.optional(), out: handle.optional(),
  }).strict()),
  'export.docx': op<ExportResult>()('导出评估报告(Word)', z.object({
    roundId, compareRoundId: roundId.optional(), scope: scope.optional(), out: handle.optional(),
  }).strict()),
  'export.notices': op<{ files: NoticeFile[]; folder: Chosen }>()('按责任单位导出督办通知(Word)', z.object({
    roundId, scope: scope.optional(), folder: handle.optional(),
    units: z.array(z.string().min(1).max(200)).max(5000).optional(),
    replyBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '回复日期应为 YYYY-MM-DD').optional(),
  }).strict()),
  'export.returns': op<{ files: (ExportResult & { unit: string; tasks: number; targets: number; replaced: boolean })[]; folder: Chosen }>()(
    '按责任单位导出填报表', z.object({
      roundId, units: z.array(z.string().min(1).max(200)).max(5000).optional(), folder: handle.optional(),
    }).strict()),
  'returns.preview': op<ReturnsPreview>()('读取回收的填报表并预览改动', z.object({
    files: z.array(fileInput).min(1).max(500),
  }).strict()),
  'returns.apply': op<ReturnsApplyResult>()('接受回收表中的改动', z.object({
    previewId: z.string().min(1).max(100),
    accept: returnsAccept,
    overrideConflicts: z.boolean().optional(),
  }).strict()),
  'returns.cancel': op<{ cancelled: boolean }>()('放弃回收预览', z.object({ previewId: z.string().min(1).max(100) }).strict()),
};
