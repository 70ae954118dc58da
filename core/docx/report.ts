// The written evaluation report (Word): a draft of 《…》实施情况中期评估报告 in the GB/T 9704 format for the planner to
// finish in Word or WPS: title, opening, 一 to 五, the list of attachments, the 落款, then the attachments' tables.
import { Document } from 'docx';
import type { DB } from '../../db/connection';
import type { Round } from '../../contract/model';
import type { ReportScope } from '../report/data';
import { gatherFacts, type ReportFacts } from '../report/facts';
import { listOf } from '../report/words';
import { summaryChartAside, type ChartPicture } from '../chart/chart';

/** The chart's size for the portrait type area: its two panels one above the other, so its text prints large enough. */
const WORD_CHART = { width: 760, height: 820 };
import { chineseDate } from '../xlsx/text';
import { FONT, gongwenStyles, section, title, body, blank, plain, signature } from './gongwen';
import { overview, targetsPart, type Block } from './overview';
import { tasksPart, problemsPart, nextPart } from './progress';
import { targetAttachment, taskAttachment, ATTACHMENTS } from './appendix';
import { writeDocument } from './package';
import { Tables } from './table';

export const DOC_FONTS = [FONT.title, FONT.body, FONT.h1, FONT.h2, FONT.page];

export function reportTitle(f: ReportFacts): string {
  const kind = f.heading.kind;
  return f.plans.length === 1 ? `《${f.plans[0].section.title}》实施情况${kind}报告` : `规划实施情况${kind}报告`;
}

function opening(f: ReportFacts, scopeUnit: string | undefined): Block[] {
  const names = f.plans.map((p) => `《${p.section.title}》`);
  const plans = names.length === 1 ? names[0] : `${listOf(names, 3, '项规划', '')}`;
  const who = f.heading.office || '我们';
  const unit = scopeUnit ? `（本报告为${scopeUnit}牵头或承担的指标和任务）` : '';
  return [body(`按照规划${f.heading.kind}工作安排，${who}对${plans}截至${chineseDate(f.round.cutoff)}的实施情况开展了${f.heading.kind}${unit}。现将有关情况报告如下。`)];
}

/** The attachments named under the body: "附件:1.…" with the second aligned under the first. */
function attachmentList(f: ReportFacts): Block[] {
  const names = [f.targets.length ? ATTACHMENTS[0] : '', f.total.tasks.total ? ATTACHMENTS[1] : ''].filter(Boolean);
  if (!names.length) return [];
  return [blank(), ...names.map((n, i) => plain(`${i === 0 ? '附件：' : '　　　'}${names.length > 1 ? `${i + 1}.` : ''}${n}`, 640))];
}

/** A section's properties and page-number footers. */
function page(landscape: boolean) {
  const s = section(landscape);
  return { properties: { page: s.page, grid: s.grid }, footers: s.footers };
}

/** The report's document; its tables go into `tables`, for writeDocument to put in place. */
export function reportDocument(f: ReportFacts, chart: ChartPicture, tables: Tables, scopeUnit?: string): Document {
  const main: Block[] = [
    title(reportTitle(f)), ...opening(f, scopeUnit), ...overview(f, chart, tables), ...targetsPart(f, tables), ...tasksPart(f), ...problemsPart(f), ...nextPart(f),
    ...attachmentList(f), blank(), blank(), ...signature(f.heading.office, f.heading.date),
  ];
  const attached: Block[][] = [];
  if (f.targets.length) attached.push(targetAttachment(f, `附件${attached.length + 1}`, tables));
  if (f.total.tasks.total) attached.push(taskAttachment(f, `附件${attached.length + 1}`, tables));
  return new Document({
    creator: '规划评估台', title: reportTitle(f), description: `${f.round.name}评估报告（初稿）`,
    evenAndOddHeaderAndFooters: true, styles: gongwenStyles(),
    sections: [
      { ...page(false), children: main },
      ...attached.map((children) => ({ ...page(true), children })),
    ],
  });
}

/** Writes the report of a scope to `file`; returns the number of targets and tasks it covers. */
export async function writeWordReport(db: DB, round: Round, scope: ReportScope, file: string, today?: Date): Promise<{ rows: number; facts: ReportFacts }> {
  let chart: Promise<ChartPicture> | null = null;
  const f = gatherFacts(db, round, scope, today, (total) => { chart = summaryChartAside(total, WORD_CHART, true); });
  const tables = new Tables();
  await writeDocument(reportDocument(f, await chart!, tables, scope.unit), DOC_FONTS, file, tables);
  return { rows: f.targets.length + f.total.tasks.total, facts: f };
}
