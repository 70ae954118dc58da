// The attachments of the written report: 附件1 主要指标完成情况表 and 附件2 重点任务推进情况表, each on landscape pages,
// a band row per plan (and per chapter of tasks), rows numbered within their plan, values written once.
import { Paragraph, TextRun } from 'docx';
import { FLAG_COLORS, STATUS_COLORS, VERDICT_COLORS } from '../../contract/colors';
import { ATTACHED_TASKS, type ReportFacts } from '../report/facts';
import type { ReportTask } from '../report/data';
import { chapterText } from '../report/data';
import { milestoneLines } from '../../contract/notation';
import { flagLabel, taskLight } from '../report/lights';
import { attachmentLabel, title, blank, TEXT_WIDTH } from './gongwen';
import type { DocColumn, DocRow, Tables } from './table';
import type { Block } from './overview';

const pct = (x: number | null) => (x == null ? '' : `${Number(x.toFixed(1))}%`);
const units = (l: string[]) => l.join('、');

export const ATTACHMENTS = ['主要指标完成情况表', '重点任务推进情况表'];

export function targetAttachment(f: ReportFacts, label: string, tables: Tables): Block[] {
  // One base year for all: it goes into the heading, and each cell holds the value alone.
  const years = new Set(f.targets.map((t) => t.baseline.year).filter((y) => y != null));
  const baseYear = years.size === 1 ? [...years][0] : null;
  const base = (t: ReportFacts['targets'][number]) => (!t.baseline.value ? '' : baseYear != null || t.baseline.year == null ? t.baseline.value : `${t.baseline.value}\n（${t.baseline.year}年）`);
  const cols: DocColumn[] = [
    { header: '序号', weight: 3, align: 'center', keep: true }, { header: '指标名称', weight: 13, keep: true }, { header: '单位', weight: 5, align: 'center' },
    { header: baseYear != null ? `${baseYear}年基期值` : '基期值', weight: 6, align: 'center' }, { header: '目标值', weight: 12, align: 'center', keep: true },
    { header: '实际值', weight: 6, align: 'center' }, { header: '完成进度', weight: 6, align: 'right' }, { header: '序时进度', weight: 6, align: 'right' },
    { header: '评估结论', weight: 9, align: 'center', keep: true }, { header: '预警', weight: 4, align: 'center' }, { header: '责任单位', weight: 11 },
  ];
  const rows: DocRow[] = [];
  for (const p of f.plans) {
    if (!p.targets.length) continue;
    rows.push({ band: p.section.band });
    p.targets.forEach((t, i) => {
      const flag = t.judgement.flag;
      rows.push({
        cells: [String(i + 1), t.name, t.unit, base(t),
          milestoneLines(t.milestones), t.eval.actual, pct(t.judgement.completion), pct(t.judgement.timeProgress),
          { text: t.judgement.verdict, swatch: VERDICT_COLORS[t.judgement.verdict] },
          flag === 'none' ? '' : { text: flagLabel(flag), swatch: FLAG_COLORS[flag] }, units(t.responsibleUnits)],
      });
    });
  }
  return [attachmentLabel(label), title(ATTACHMENTS[0]), tables.add(cols, rows, TEXT_WIDTH.landscape), blank()];
}

export function taskAttachment(f: ReportFacts, label: string, tables: Tables): Block[] {
  const cols: DocColumn[] = [
    { header: '序号', weight: 3, align: 'center', keep: true }, { header: '任务', weight: 18, keep: true }, { header: '牵头单位', weight: 9 },
    { header: '评估状态', weight: 6, align: 'center', keep: true }, { header: '预警', weight: 4, align: 'center' },
    { header: '进度', weight: 4, align: 'right' }, { header: '进展情况', weight: 22 }, { header: '存在问题', weight: 14 },
  ];
  const rows: DocRow[] = [];
  let plan = '', chapter = '', n = 0;
  const band = (t: ReportTask) => f.plans.find((p) => p.section.id === t.planId)?.section.band ?? t.planTitle;
  for (const t of f.attached.rows) {
    if (t.planId !== plan) {
      plan = t.planId;
      chapter = '';
      n = 0;
      rows.push({ band: band(t) });
    }
    if (t.chapter && t.chapter !== chapter) {
      chapter = t.chapter;
      rows.push({ band: chapterText(t.chapter) });
    }
    const light = taskLight(t);
    rows.push({
      cells: [String(++n), t.title, units(t.leadUnits.length ? t.leadUnits : t.responsibleUnits),
        { text: t.status, swatch: STATUS_COLORS[t.status] },
        light && light.flag !== 'none' ? { text: flagLabel(light.flag), swatch: FLAG_COLORS[light.flag] } : '',
        t.progress == null ? '' : `${t.progress}%`, t.evidence, t.problems],
    });
  }
  const out: Block[] = [attachmentLabel(label), title(ATTACHMENTS[1])];
  if (!f.attached.all) {
    out.push(new Paragraph({ style: 'gwTable', children: [new TextRun(
      `本表列出滞后、未启动和亮红灯、黄灯的任务${f.attached.rows.length}项${f.attached.rows.length >= ATTACHED_TASKS ? '（其余从略）' : ''}；纳入评估的重点任务共${f.attached.total}项，全部任务见 Excel 评估报告。`)] }));
  }
  out.push(tables.add(cols, rows, TEXT_WIDTH.landscape), blank());
  return out;
}
