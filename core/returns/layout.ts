// The shape of a returns workbook, shared by the writer and the reader: sheet names, columns (which ones a unit fills
// in and the evaluation field each feeds, which ones name the row), the contacts block, and where the rows start.
// Every export records the headers it was written with, so a workbook of an earlier layout is still read as it was.
import crypto from 'node:crypto';
import type { ColumnSpec } from '../xlsx/table';
import { TASK_STATUSES, type Flag, type Milestone } from '../../contract/model';
import { FLAG_COLORS, FLAG_LABELS } from '../../contract/colors';
import { FIELD_LABELS } from '../../contract/labels';
import { targetNotation, milestoneLines } from '../../contract/notation';
import { cellText } from '../xlsx/text';
import type { UnitTask } from '../../db/repos/returns';

export const META_SHEET = '_meta';
export const META_MARK = 'plan-review-returns';
export const GUIDE_SHEET = '填报说明';
export const TASK_SHEET = '重点任务';
export const TARGET_SHEET = '主要指标';
export const SHEETS = [GUIDE_SHEET, TASK_SHEET, TARGET_SHEET, META_SHEET];
export const HEADER_ROW = 3;
export const FIRST_ROW = 4;
/** 1: before the contacts and the row-bound checksum; 2: with them. */
export const LAYOUT = 2;

/** A task as its unit sees it: the stored row, the unit's part in it and what the unit reported in the last round. */
/** `light`: the task's light at the round's cut-off; `overdueDays` when it is past its deadline. */
export interface ReturnTaskRow extends UnitTask { role: string; previous: string; light: Flag; overdueDays: number | null }
export interface ReturnTargetRow {
  id: string; planTitle: string; name: string; unit: string; attribute: string;
  baseline: { year: number | null; value: string | null }; milestones: Milestone[]; dataDate: string; previous: string;
  flag: Flag; verdict: string; actual: string; dataSource: string; note: string;
}

/**
 * A column of a returns sheet; `field` marks a fill-in column, `identity` one whose text binds a row to its id, and
 * `optional` one left out of a workbook in which no row has anything to show in it.
 */
export type ReturnColumn<R> = ColumnSpec<{ n: number; row: R }> & { field?: string; identity?: boolean; optional?: boolean };
/** A column as an export records it: header, the field it feeds, whether it names the row. */
export interface RecordedColumn { header: string; field?: string; identity?: boolean }

const joined = (l: string[]) => l.join('、');
const fill = <R>(field: string, value: (r: R) => string | number | null, min: number, max: number): ReturnColumn<R> =>
  ({ header: FIELD_LABELS[field] ?? field, field, fillIn: true, value: (x) => value(x.row), min, max });
/** The 预警 column: the light as a coloured cell, for tasks and targets alike. */
export const lightColumn = <R>(flag: (r: R) => Flag | undefined, text: (r: R) => string = (r) => FLAG_LABELS[flag(r) ?? 'none']): ReturnColumn<R> => ({
  header: '预警', value: (x) => text(x.row), align: 'center', swatch: (x) => FLAG_COLORS[flag(x.row) ?? 'none'], min: 8, max: 14,
});

export const ID_HEADER = '编号(请勿修改)';

/** "2025-06-30" → 2025年6月30日, "2025" → 2025年, 长期 stays. */
export function dateText(s: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(s.trim());
  if (!m) return s;
  return `${m[1]}年${m[2] ? `${Number(m[2])}月` : ''}${m[3] ? `${Number(m[3])}日` : ''}`;
}

/** A task's body without the lead phrase the 任务 column already shows (plans open the body with it). */
export function bodyAfterTitle(title: string, body: string): string {
  const t = title.trim(), b = body.trim();
  return t && b.startsWith(t) ? b.slice(t.length).trim() : b;
}

/** The columns a workbook keeps: every one but the optional ones no row fills. */
export const present = <R>(columns: ReturnColumn<R>[], rows: R[]): ReturnColumn<R>[] =>
  columns.filter((c) => !c.optional || rows.some((row, i) => { const v = c.value({ n: i + 1, row }); return v != null && v !== ''; }));

export const TASK_COLUMNS: ReturnColumn<ReturnTaskRow>[] = [
  { header: ID_HEADER, value: (x) => x.row.id, hidden: true, min: 12, max: 30 },
  { header: '序号', value: (x) => x.n, align: 'center', min: 6, max: 8 },
  { header: '规划', value: (x) => x.row.planTitle, min: 12, max: 18 },
  { header: '章节', value: (x) => x.row.chapter, min: 10, max: 16 },
  { header: '任务', value: (x) => x.row.title, identity: true, min: 16, max: 28 },
  { header: '任务内容', value: (x) => bodyAfterTitle(x.row.title, x.row.body), optional: true, min: 24, max: 40 },
  { header: '完成时限', value: (x) => dateText(x.row.deadline), align: 'center', optional: true, min: 10, max: 14 },
  { header: '牵头单位', value: (x) => joined(x.row.leadUnits), min: 10, max: 16 },
  { header: '责任单位', value: (x) => joined(x.row.responsibleUnits), min: 10, max: 16 },
  { header: '本单位职责', value: (x) => x.row.role, align: 'center', min: 8, max: 10 },
  lightColumn<ReturnTaskRow>((r) => r.light, (r) => `${FLAG_LABELS[r.light]}${r.overdueDays ? `(逾期${r.overdueDays}天)` : ''}`),
  { header: '上轮填报', value: (x) => x.row.previous, optional: true, min: 20, max: 30 },
  fill<ReturnTaskRow>('status', (r) => r.status, 12, 12),
  fill<ReturnTaskRow>('progress', (r) => r.progress, 9, 9),
  fill<ReturnTaskRow>('evidence', (r) => r.evidence, 30, 40),
  fill<ReturnTaskRow>('problems', (r) => r.problems, 20, 30),
  fill<ReturnTaskRow>('nextSteps', (r) => r.nextSteps, 20, 30),
  fill<ReturnTaskRow>('note', (r) => r.note, 12, 20),
];

const baselineText = (b: ReturnTargetRow['baseline']) => (b.value ? `${b.year ? `${b.year}年：` : ''}${targetNotation({ value: b.value, qualifier: '', cumulative: false })}` : '');

export const TARGET_COLUMNS: ReturnColumn<ReturnTargetRow>[] = [
  { header: ID_HEADER, value: (x) => x.row.id, hidden: true, min: 12, max: 30 },
  { header: '序号', value: (x) => x.n, align: 'center', min: 6, max: 8 },
  { header: '规划', value: (x) => x.row.planTitle, min: 12, max: 18 },
  { header: '指标名称', value: (x) => x.row.name, identity: true, min: 14, max: 28 },
  { header: '单位', value: (x) => x.row.unit, align: 'center', min: 6, max: 12 },
  { header: '指标属性', value: (x) => x.row.attribute, align: 'center', min: 8, max: 10 },
  { header: '基期值', value: (x) => baselineText(x.row.baseline), align: 'center', min: 12, max: 18 },
  { header: '目标值', value: (x) => milestoneLines(x.row.milestones), align: 'center', min: 14, max: 20 },
  { header: '数据截至', value: (x) => dateText(x.row.dataDate), align: 'center', min: 12, max: 16 },
  { header: '上轮实际值', value: (x) => x.row.previous, align: 'center', optional: true, min: 12, max: 20 },
  lightColumn<ReturnTargetRow>((r) => r.flag, (r) => (r.flag === 'none' ? FLAG_LABELS.none : `${FLAG_LABELS[r.flag]}(${r.verdict})`)),
  fill<ReturnTargetRow>('actual', (r) => r.actual, 12, 16),
  fill<ReturnTargetRow>('dataSource', (r) => r.dataSource, 16, 24),
  fill<ReturnTargetRow>('note', (r) => r.note, 16, 28),
];

export const recorded = <R>(columns: ReturnColumn<R>[]): RecordedColumn[] =>
  columns.map((c) => ({ header: c.header, ...(c.field ? { field: c.field } : {}), ...(c.identity ? { identity: true } : {}) }));

/** The columns of the first layout, before exports recorded their headers. */
const v1 = (headers: string[], fields: Record<string, string>): RecordedColumn[] =>
  headers.map((header) => ({ header, ...(fields[header] ? { field: fields[header] } : {}) }));
export const LAYOUT_1 = {
  tasks: v1([ID_HEADER, '序号', '规划', '章节', '任务', '牵头单位', '责任单位', '评估状态', '进度(%)', '进展情况', '存在问题', '下步打算', '备注'],
    { 评估状态: 'status', '进度(%)': 'progress', 进展情况: 'evidence', 存在问题: 'problems', 下步打算: 'nextSteps', 备注: 'note' }),
  targets: v1([ID_HEADER, '序号', '规划', '指标名称', '单位', '基期值', '目标值', '实际值', '数据来源', '备注'],
    { 实际值: 'actual', 数据来源: 'dataSource', 备注: 'note' }),
};

/** The text of a row's naming cells, compared the same way on both sides (as a cell carries it, trimmed). */
export const identityText = (parts: unknown[]): string => parts.map((p) => cellText(p).trim()).join('\u0001');

/**
 * Over the sheet names and each row's id bound to the text that names it (sorted, so filtering or re-sorting rows
 * does not matter, while an id moved to another row does). Layout 1 bound no text to the ids.
 */
export function returnsChecksum(exportId: string, sheets: string[], tasks: [string, string][], targets: [string, string][], layout = LAYOUT): string {
  const rows = (l: [string, string][]) => (layout === 1 ? l.map(([id]) => id) : l.map(([id, t]) => `${id}\u0000${t}`)).sort();
  const body = JSON.stringify([exportId, sheets, rows(tasks), rows(targets)]);
  return crypto.createHash('sha256').update(body).digest('hex');
}

/** The contacts block of the first sheet: the labels the unit fills in beside, and the field each one is. */
export const CONTACTS = [
  { key: 'filler', label: '填报人' }, { key: 'phone', label: '联系电话' },
  { key: 'reviewer', label: '审核人(负责人)' }, { key: 'filledOn', label: '填报日期' },
] as const;
export type ContactKey = (typeof CONTACTS)[number]['key'];
export type Contacts = Record<ContactKey, string>;
export const CONTACTS_HEADING = '填报信息(必填)';

export const GUIDE_LINES = [
  '一、请先在上方“填报信息”中填写填报人、联系电话、审核人(负责人)和填报日期;四项未填全的填报表不能被采纳。',
  '二、请在“重点任务”“主要指标”两张工作表中填写浅黄色的列,其余各列为只读;“上轮填报”“上轮实际值”是本单位上一轮报送的内容,供参考。',
  `三、“评估状态”请从下拉列表中选择:${TASK_STATUSES.join('、')}。`,
  '四、“进度(%)”填写 0 到 100 之间的数字,不带百分号亦可。',
  '五、“实际值”填写截至“数据截至”所示时间的数值,不要填写单位;如数据暂缺请留空,并在“备注”中说明原因。',
  '六、“进展情况”请写明已完成的工作量、投资、形象进度等具体事实;“存在问题”“下步打算”请分条简要填写。',
  '七、请勿增删行、修改编号、重命名或删除工作表,也不要在单元格中填写公式;否则回收时将无法识别本表。',
  '八、填写完成后保存为 .xlsx 文件报送规划编制部门。',
];
