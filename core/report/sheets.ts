// The columns of the report's list sheets: 主要指标完成情况表, 重点任务进展情况表 and 重大项目, as the planning office lays them out.
import type { TargetRow, Milestone } from '../../contract/model';
import { TASK_KIND_LABELS } from '../../contract/model';
import type { ColumnSpec } from '../xlsx/table';
import type { ReportTask } from './data';
import { asNumber, asPercent } from '../xlsx/text';
import { statusSwatch, verdictSwatch } from '../xlsx/style';

export interface Numbered<T> { n: number; row: T }

const units = (list: string[]) => list.join('、');

/** A value as written in the plan: a plain figure becomes a number, [200] 累计 or 以上/左右 stay as written. */
export function milestoneCell(m: Milestone | undefined) {
  if (!m) return null;
  if (!m.qualifier && !m.cumulative) return asNumber(m.value) ?? m.value;
  return `${m.cumulative ? '[' : ''}${m.value}${m.cumulative ? ']' : ''}${m.qualifier}`;
}

export function milestoneYears(rows: TargetRow[]): number[] {
  const years = new Set<number>();
  for (const r of rows) for (const m of r.milestones) years.add(m.year);
  return [...years].sort((a, b) => a - b);
}

export function targetColumns(years: number[], compare: boolean): ColumnSpec<Numbered<TargetRow>>[] {
  const cols: ColumnSpec<Numbered<TargetRow>>[] = [
    { header: '序号', value: (r) => r.n, align: 'center', min: 6, max: 8 },
    { header: '规划', value: (r) => r.row.planTitle, min: 12, max: 24 },
    { header: '指标名称', value: (r) => r.row.name, min: 14, max: 30 },
    { header: '单位', value: (r) => r.row.unit, align: 'center', min: 6, max: 14 },
    { header: '属性', value: (r) => r.row.attribute, align: 'center', min: 8, max: 10 },
    { header: '基期值', value: (r) => asNumber(r.row.baseline.value) ?? r.row.baseline.value, align: 'number', min: 8, max: 14 },
    ...years.map((y): ColumnSpec<Numbered<TargetRow>> => ({
      header: `${y}年`, group: '目标值', value: (r) => milestoneCell(r.row.milestones.find((m) => m.year === y)), align: 'number', min: 8, max: 14,
    })),
    { header: '实际值', value: (r) => asNumber(r.row.eval.actual) ?? r.row.eval.actual, align: 'number', min: 8, max: 14 },
  ];
  if (compare) cols.push({ header: '对比轮次实际值', value: (r) => (r.row.compare ? asNumber(r.row.compare.actual) ?? r.row.compare.actual : null), align: 'number', min: 10, max: 14 });
  cols.push(
    { header: '完成进度', value: (r) => asPercent(r.row.judgement.completion), align: 'number', min: 9, max: 10 },
    { header: '序时进度', value: (r) => asPercent(r.row.judgement.timeProgress), align: 'number', min: 9, max: 10 },
    { header: '评估结论', value: (r) => r.row.judgement.verdict, align: 'center', swatch: (r) => verdictSwatch(r.row.judgement.verdict), min: 10, max: 14 },
    { header: '数据来源', value: (r) => r.row.eval.dataSource, min: 10, max: 20 },
    { header: '责任单位', value: (r) => units(r.row.responsibleUnits), min: 10, max: 20 },
    { header: '说明', value: (r) => targetNote(r.row), min: 12, max: 30 },
  );
  return cols;
}

function targetNote(t: TargetRow): string {
  const parts: string[] = [];
  if (t.judgement.overridden) parts.push(`人工研判(计算结论:${t.judgement.computed}):${t.eval.overrideReason}`);
  if (t.eval.note) parts.push(t.eval.note);
  return parts.join('\n');
}

export function taskColumns(compare: boolean): ColumnSpec<Numbered<ReportTask>>[] {
  const cols: ColumnSpec<Numbered<ReportTask>>[] = [
    { header: '序号', value: (r) => r.n, align: 'center', min: 6, max: 8 },
    { header: '规划', value: (r) => r.row.planTitle, min: 12, max: 20 },
    { header: '章节', value: (r) => r.row.chapter, min: 10, max: 20 },
    { header: '任务', value: (r) => r.row.title, min: 16, max: 36 },
    { header: '类别', value: (r) => TASK_KIND_LABELS[r.row.kind], align: 'center', min: 6, max: 10 },
    { header: '牵头单位', value: (r) => units(r.row.leadUnits), min: 10, max: 18 },
    { header: '责任单位', value: (r) => units(r.row.responsibleUnits), min: 10, max: 18 },
    { header: '评估状态', value: (r) => r.row.status, align: 'center', swatch: (r) => statusSwatch(r.row.status), min: 10, max: 12 },
  ];
  if (compare) cols.push({ header: '对比轮次状态', value: (r) => r.row.compareStatus, align: 'center', swatch: (r) => (r.row.compareStatus ? statusSwatch(r.row.compareStatus) : undefined), min: 10, max: 12 });
  cols.push(
    { header: '进度', value: (r) => asPercent(r.row.progress), align: 'number', min: 7, max: 9 },
    { header: '进展情况', value: (r) => r.row.evidence, min: 14, max: 36 },
    { header: '存在问题', value: (r) => r.row.problems, min: 12, max: 28 },
    { header: '下步打算', value: (r) => r.row.nextSteps, min: 12, max: 28 },
  );
  return cols;
}

export function projectColumns(): ColumnSpec<Numbered<ReportTask>>[] {
  return [
    { header: '序号', value: (r) => r.n, align: 'center', min: 6, max: 8 },
    { header: '规划', value: (r) => r.row.planTitle, min: 12, max: 20 },
    { header: '专栏', value: (r) => r.row.chapter, min: 10, max: 20 },
    { header: '项目名称', value: (r) => r.row.title, min: 14, max: 30 },
    { header: '建设内容', value: (r) => r.row.body, min: 16, max: 40 },
    { header: '牵头单位', value: (r) => units(r.row.leadUnits), min: 10, max: 18 },
    { header: '责任单位', value: (r) => units(r.row.responsibleUnits), min: 10, max: 18 },
    { header: '评估状态', value: (r) => r.row.status, align: 'center', swatch: (r) => statusSwatch(r.row.status), min: 10, max: 12 },
    { header: '进度', value: (r) => asPercent(r.row.progress), align: 'number', min: 7, max: 9 },
    { header: '进展情况', value: (r) => r.row.evidence, min: 14, max: 36 },
    { header: '存在问题', value: (r) => r.row.problems, min: 12, max: 28 },
  ];
}
