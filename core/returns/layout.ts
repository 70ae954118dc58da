// The shape of a returns workbook, shared by the writer and the reader: sheet names, columns, which columns a
// responsible unit fills in (and the evaluation field each one feeds), and where the rows start.
import crypto from 'node:crypto';
import type { ColumnSpec } from '../xlsx/table';
import type { Milestone } from '../../contract/model';
import { FIELD_LABELS } from '../rules/normalize';
import { milestoneLines } from '../rules/notation';

export const META_SHEET = '_meta';
export const META_MARK = 'plan-review-returns';
export const GUIDE_SHEET = '填报说明';
export const TASK_SHEET = '重点任务';
export const TARGET_SHEET = '主要指标';
export const SHEETS = [GUIDE_SHEET, TASK_SHEET, TARGET_SHEET, META_SHEET];
export const HEADER_ROW = 3;
export const FIRST_ROW = 4;

export type { ReturnTaskRow } from '../../db/repos/returns';
import type { ReturnTaskRow } from '../../db/repos/returns';
export interface ReturnTargetRow {
  id: string; planTitle: string; name: string; unit: string; baseline: { year: number | null; value: string | null };
  milestones: Milestone[]; actual: string; dataSource: string; note: string;
}

/** A column of a returns sheet; `field` marks a fill-in column and names the evaluation field it writes. */
export type ReturnColumn<R> = ColumnSpec<{ n: number; row: R }> & { field?: string };

const joined = (l: string[]) => l.join('、');
const fill = <R>(field: string, value: (r: R) => string | number | null, min: number, max: number): ReturnColumn<R> =>
  ({ header: FIELD_LABELS[field] ?? field, field, fillIn: true, value: (x) => value(x.row), min, max });

export const ID_HEADER = '编号(请勿修改)';

export const TASK_COLUMNS: ReturnColumn<ReturnTaskRow>[] = [
  { header: ID_HEADER, value: (x) => x.row.id, hidden: true, min: 12, max: 30 },
  { header: '序号', value: (x) => x.n, align: 'center', min: 6, max: 8 },
  { header: '规划', value: (x) => x.row.planTitle, min: 12, max: 20 },
  { header: '章节', value: (x) => x.row.chapter, min: 10, max: 18 },
  { header: '任务', value: (x) => x.row.title, min: 16, max: 32 },
  { header: '牵头单位', value: (x) => joined(x.row.leadUnits), min: 10, max: 16 },
  { header: '责任单位', value: (x) => joined(x.row.responsibleUnits), min: 10, max: 16 },
  fill<ReturnTaskRow>('status', (r) => r.status, 12, 12),
  fill<ReturnTaskRow>('progress', (r) => r.progress, 9, 9),
  fill<ReturnTaskRow>('evidence', (r) => r.evidence, 30, 40),
  fill<ReturnTaskRow>('problems', (r) => r.problems, 20, 30),
  fill<ReturnTaskRow>('nextSteps', (r) => r.nextSteps, 20, 30),
  fill<ReturnTaskRow>('note', (r) => r.note, 12, 20),
];

const baselineText = (b: ReturnTargetRow['baseline']) => (b.value ? `${b.year ? `${b.year}年:` : ''}${b.value}` : '');
const targetText = (ms: Milestone[]) => milestoneLines(ms);

export const TARGET_COLUMNS: ReturnColumn<ReturnTargetRow>[] = [
  { header: ID_HEADER, value: (x) => x.row.id, hidden: true, min: 12, max: 30 },
  { header: '序号', value: (x) => x.n, align: 'center', min: 6, max: 8 },
  { header: '规划', value: (x) => x.row.planTitle, min: 12, max: 20 },
  { header: '指标名称', value: (x) => x.row.name, min: 14, max: 28 },
  { header: '单位', value: (x) => x.row.unit, align: 'center', min: 6, max: 12 },
  { header: '基期值', value: (x) => baselineText(x.row.baseline), align: 'center', min: 12, max: 18 },
  { header: '目标值', value: (x) => targetText(x.row.milestones), align: 'center', min: 14, max: 20 },
  fill<ReturnTargetRow>('actual', (r) => r.actual, 12, 16),
  fill<ReturnTargetRow>('dataSource', (r) => r.dataSource, 16, 24),
  fill<ReturnTargetRow>('note', (r) => r.note, 16, 28),
];

/** Over the sheet names and the row ids of each sheet (sorted, so filtering or re-sorting rows does not matter). */
export function returnsChecksum(exportId: string, sheets: string[], taskIds: string[], targetIds: string[]): string {
  const body = JSON.stringify([exportId, sheets, [...taskIds].sort(), [...targetIds].sort()]);
  return crypto.createHash('sha256').update(body).digest('hex');
}

export const GUIDE_LINES = [
  '一、本表由规划评估台导出,请责任单位在“重点任务”“主要指标”两张工作表中填写浅黄色的列,其余各列为只读。',
  '二、“评估状态”请从下拉列表中选择:待评估、未启动、序时推进、超序时、滞后、已完成、已调整/取消。',
  '三、“进度(%)”填写 0 到 100 之间的数字,不带百分号亦可。',
  '四、“实际值”填写截至评估时点的数值,不要填写单位;如数据暂缺请留空,并在“备注”中说明原因。',
  '五、“进展情况”请写明已完成的工作量、投资、形象进度等具体事实;“存在问题”“下步打算”请分条简要填写。',
  '六、请勿增删行、修改编号、重命名或删除工作表,也不要在单元格中填写公式;否则回收时将无法识别本表。',
  '七、填写完成后保存为 .xlsx 文件报送规划编制部门。',
];
