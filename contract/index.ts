// The one contract: every operation the UI can ask for, by name. Transports validate against it; services implement it.
import type { z } from 'zod';
import { dataOps } from './data';
import { historyOps } from './history';
import { appOps } from './app';
import { fileOps } from './files';
import { defineOps } from './define';
import { returnsOps } from './returns';
import type { OpSpec } from './op';

export const contract = { ...dataOps, ...historyOps, ...appOps, ...fileOps, ...defineOps, ...returnsOps };

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type Args<K extends OpName> = z.input<Contract[K]['args']>;
export type ParsedArgs<K extends OpName> = z.output<Contract[K]['args']>;
export type Result<K extends OpName> = Contract[K] extends OpSpec<z.ZodType, infer R> ? R : never;

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './model';
export * from './op';
export type { AppInfo, Settings, SavedView, Dashboard, DashboardGroup, BackupEntry, BackupContents, JobProgress, UnitProgress } from './app';
export type {
  FileInput, Chosen, ImportPreview, ImportDocumentPreview, ImportResult, ExportResult, NoticeFile,
  ReturnsPreview, ReturnRowPreview, ReturnCellChange, ReturnsApplyResult,
} from './files';
export type { ReturnContacts, ReturnFilePreview, ReturnsAccept } from './files';
export type { ReturnsBoard, BoardUnit, ReturnState, RowInputs, UnitInputView, SharedRow } from './returns';
export { RETURN_STATES, RETURN_STATE_LABELS } from './returns';
export type * from './interchange';
export type { UndoResult } from './history';
export * from './colors';
export * from './lights';
export { IMPORT_ITEM_KINDS, IMPORT_ITEM_KIND_LABELS, IMPORT_ITEM_FIELDS, definitionText } from './define';
export type { ImportItem, ImportItemKind, ImportConflict, ImportReview, ImportRevision, UnitEntry } from './define';
