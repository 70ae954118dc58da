// The columns of the report's list sheets: 主要指标完成情况表, 重点任务进展情况表 and 重大项目, as the planning office
// lays them out. The plan and chapter stand in band rows above their rows, so no column repeats them.
import type { TargetRow, Milestone } from '../../contract/model';
import type { ColumnSpec } from '../xlsx/table';
import type { Numbered } from '../xlsx/sections';
import type { ReportTask } from './data';
import { asNumber, asPercent } from '../xlsx/text';
import { statusSwatch, verdictSwatch, flagSwatch } from '../xlsx/style';
import { targetNotation, milestoneLines } from '../../contract/notation';
import { taskLight, flagLabel } from './lights';

export type { Numbered };

const units = (list: string[]) => list.join('、');

/** A value as written in the plan: a plain figure becomes a number, "[200]", "98以上", "超过800" stay text, written once. */
export function milestoneCell(m: Milestone | undefined) {
  if (!m) return null;
  const text = targetNotation(m);
  return text === m.value.trim() ? asNumber(text) ?? text : text;
}

/** The milestone years of a plan's targets, in order. */
export function milestoneYears(rows: TargetRow[]): number[] {
  const years = new Set<number>();
  for (const r of rows) for (const m of r.milestones) years.add(m.year);
  return [...years].sort((a, b) => a - b);
}

/** More milestone years than this in one plan: its targets show them in one 目标值 column, a year to a line. */
export const MAX_YEAR_COLUMNS = 4;

/**
 * The target table. `slots` year columns under 目标值, filled from each row's plan years (`yearsOf`); with
 * `slots` 0 one 目标值 column holds every year.
 */
export function targetColumns(slots: number, yearsOf: (planId: string) => number[], compare: boolean): ColumnSpec<Numbered<TargetRow>>[] {
  const yearColumns: ColumnSpec<Numbered<TargetRow>>[] = slots === 0
    ? [{ header: '目标值', value: (r) => milestoneLines(r.row.milestones), align: 'center', min: 10, max: 16 }]
    : Array.from({ length: slots }, (_, i): ColumnSpec<Numbered<TargetRow>> => ({
      header: `目标${i + 1}`, group: '目标值', align: 'number', min: 6, max: 12,
      value: (r) => {
        const y = yearsOf(r.row.planId)[i];
        return y == null ? null : milestoneCell(r.row.milestones.find((m) => m.year === y));
      },
    }));
  const cols: ColumnSpec<Numbered<TargetRow>>[] = [
    { header: '序号', value: (r) => r.n, align: 'center', min: 5, max: 6, keep: true },
    { header: '指标名称', value: (r) => r.row.name, min: 12, max: 24, keep: true },
    { header: '单位', value: (r) => r.row.unit, align: 'center', min: 5, max: 10 },
    { header: '属性', value: (r) => r.row.attribute, align: 'center', min: 7, max: 8 },
    { header: '基期值', value: (r) => asNumber(r.row.baseline.value) ?? r.row.baseline.value, align: 'number', min: 6, max: 12 },
    ...yearColumns,
    { header: '实际值', value: (r) => asNumber(r.row.eval.actual) ?? r.row.eval.actual, align: 'number', min: 6, max: 12 },
  ];
  if (compare) cols.push({ header: '对比轮次实际值', value: (r) => (r.row.compare ? asNumber(r.row.compare.actual) ?? r.row.compare.actual : null), align: 'number', min: 7, max: 12 });
  cols.push(
    { header: '完成进度', value: (r) => asPercent(r.row.judgement.completion), align: 'number', min: 7, max: 9 },
    { header: '序时进度', value: (r) => asPercent(r.row.judgement.timeProgress), align: 'number', min: 7, max: 9 },
    { header: '评估结论', value: (r) => r.row.judgement.verdict, align: 'center', swatch: (r) => verdictSwatch(r.row.judgement.verdict), min: 10, max: 12 },
    { header: '预警', value: (r) => flagLabel(r.row.judgement.flag), align: 'center', swatch: (r) => flagSwatch(r.row.judgement.flag), min: 7, max: 7 },
    { header: '数据来源', value: (r) => r.row.eval.dataSource, min: 8, max: 16 },
    { header: '责任单位', value: (r) => units(r.row.responsibleUnits), min: 8, max: 16 },
    { header: '说明', value: (r) => targetNote(r.row), min: 8, max: 22 },
  );
  return cols;
}

function targetNote(t: TargetRow): string {
  const parts: string[] = [];
  if (t.judgement.overridden) parts.push(`人工研判（计算结论：${t.judgement.computed}）：${t.eval.overrideReason}`);
  if (t.eval.note) parts.push(t.eval.note);
  return parts.join('\n');
}

/** 预警 of a task: from its light, when its row carries one (the column is left out while no row does). */
const taskLightColumn = (): ColumnSpec<Numbered<ReportTask>> => ({
  header: '预警', value: (r) => flagLabel(taskLight(r.row)?.flag), align: 'center', swatch: (r) => flagSwatch(taskLight(r.row)?.flag), min: 7, max: 7,
});

const statusColumns = (compare: boolean): ColumnSpec<Numbered<ReportTask>>[] => [
  { header: '评估状态', value: (r) => r.row.status, align: 'center', swatch: (r) => statusSwatch(r.row.status), min: 8, max: 10 },
  ...(compare ? [{
    header: '对比轮次状态', value: (r: Numbered<ReportTask>) => r.row.compareStatus, align: 'center' as const,
    swatch: (r: Numbered<ReportTask>) => (r.row.compareStatus ? statusSwatch(r.row.compareStatus) : undefined), min: 8, max: 10,
  }] : []),
  taskLightColumn(),
  { header: '进度', value: (r) => asPercent(r.row.progress), align: 'number', min: 6, max: 7 },
];

export function taskColumns(compare: boolean): ColumnSpec<Numbered<ReportTask>>[] {
  return [
    { header: '序号', value: (r) => r.n, align: 'center', min: 5, max: 6, keep: true },
    { header: '任务', value: (r) => r.row.title, min: 16, max: 30, keep: true },
    { header: '牵头单位', value: (r) => units(r.row.leadUnits), min: 8, max: 14 },
    { header: '责任单位', value: (r) => units(r.row.responsibleUnits), min: 8, max: 14 },
    ...statusColumns(compare),
    { header: '进展情况', value: (r) => r.row.evidence, min: 20, max: 40 },
    { header: '存在问题', value: (r) => r.row.problems, min: 14, max: 30, part2: true },
    { header: '下步打算', value: (r) => r.row.nextSteps, min: 14, max: 30, part2: true },
  ];
}

export function projectColumns(compare: boolean): ColumnSpec<Numbered<ReportTask>>[] {
  return [
    { header: '序号', value: (r) => r.n, align: 'center', min: 5, max: 6, keep: true },
    { header: '项目名称', value: (r) => r.row.title, min: 14, max: 26, keep: true },
    { header: '建设内容', value: (r) => (r.row.body === r.row.title ? '' : r.row.body), min: 16, max: 36 },
    { header: '牵头单位', value: (r) => units(r.row.leadUnits), min: 8, max: 14 },
    { header: '责任单位', value: (r) => units(r.row.responsibleUnits), min: 8, max: 14 },
    ...statusColumns(compare),
    { header: '进展情况', value: (r) => r.row.evidence, min: 16, max: 36 },
    { header: '存在问题', value: (r) => r.row.problems, min: 14, max: 28, part2: true },
  ];
}
