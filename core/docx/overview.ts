// 一、总体情况 and 二、主要指标完成情况 of the written report: counts by verdict and light as sentences, the table of
// plans, the chart, the table of verdicts and a paragraph per verdict naming its targets.
import { AlignmentType, ImageRun, LineRuleType, Paragraph, TextRun, type Table } from 'docx';
import { VERDICTS, type TargetRow, type Verdict, type TaskStatus } from '../../contract/model';
import { VERDICT_COLORS } from '../../contract/colors';
import type { DashboardGroup } from '../../contract/app';
import type { ReportFacts } from '../report/facts';
import { onTrack, judgedCount, unitProgress } from '../report/tallies';
import { listOf, percent, targetLag, chineseNumber } from '../report/words';
import type { ChartPicture } from '../chart/chart';
import { h1, body, caption, blank, TEXT_WIDTH } from './gongwen';
import type { Tables } from './table';

export type Block = Paragraph | Table;

/** Parts of a count sentence: "已完成3项" for each non-zero count, joined by ",". */
export const counted = (parts: [string, number][], measure: string): string =>
  parts.filter(([, n]) => n > 0).map(([what, n]) => `${what}${n}${measure}`).join('，');

const TASK_WORDS: Record<TaskStatus, string> = {
  待评估: '尚未评估', 未启动: '未启动', 序时推进: '序时推进', 超序时: '超序时推进', 滞后: '滞后', 已完成: '已完成', '已调整/取消': '已调整或取消',
};
export const taskSentence = (g: DashboardGroup): string =>
  counted(['已完成', '序时推进', '超序时', '滞后', '未启动', '已调整/取消', '待评估'].map((s) => [TASK_WORDS[s as TaskStatus], g.tasks[s as TaskStatus]]), '项');

/** A paragraph whose lead words are bold: "已提前实现的指标3项:" then the list. */
export const led = (lead: string, rest: string) =>
  new Paragraph({ style: 'gwBody', children: [new TextRun({ text: lead, bold: true }), new TextRun(rest)] });

function flags(targets: TargetRow[]): { red: number; yellow: number } {
  let red = 0, yellow = 0;
  for (const t of targets) {
    if (t.judgement.flag === 'red') red++;
    if (t.judgement.flag === 'yellow') yellow++;
  }
  return { red, yellow };
}

/** A table this many lines tall or less is kept on one page with its caption. */
const KEPT_LINES = 30;

function planTable(f: ReportFacts, tables: Tables): Paragraph {
  const n = (header: string) => ({ header, weight: 7, align: 'right' as const });
  const cols = [
    { header: '序号', weight: 4, align: 'center' as const }, { header: '规划', weight: 26 },
    n('指标'), n('符合预期'), n('滞后指标'), n('任务'), n('已完成'), n('推进中'), n('滞后任务'),
  ];
  const row = (n: string, g: DashboardGroup, bold = false) => ({
    bold, cells: [n, g.label, String(g.targets.total), String(onTrack(g)), String(g.targets['滞后']), String(g.tasks.total),
      String(g.tasks['已完成']), String(unitProgress(g).going), String(g.tasks['滞后'])],
  });
  // 五号 characters on a line of the 规划 column (less the cell margins), and the lines its titles take.
  const perLine = Math.floor((TEXT_WIDTH.portrait * cols[1].weight) / cols.reduce((a, c) => a + c.weight, 0) / 20 / 10.5) - 1;
  const lines = f.plans.reduce((a, p) => a + Math.ceil(p.counts.label.length / perLine), 2);
  return tables.add(cols, [...f.plans.map((p, i) => row(String(i + 1), p.counts)), row('', f.total, true)], TEXT_WIDTH.portrait, lines <= KEPT_LINES);
}

/** The chart across the type area, and its caption. */
function figure(chart: ChartPicture): Block[] {
  const width = Math.round((TEXT_WIDTH.portrait / 20) * (96 / 72));
  const height = Math.round((width * chart.height) / chart.width);
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { line: 240, lineRule: LineRuleType.AUTO }, children: [new ImageRun({ type: 'png', data: chart.png, transformation: { width, height }, altText: { name: '统计图', title: '统计图', description: '重点任务评估状态和主要指标评估结论' } })] }),
    caption('图1　重点任务评估状态和主要指标评估结论'),
  ];
}

export function overview(f: ReportFacts, chart: ChartPicture, tables: Tables): Block[] {
  const g = f.total;
  const out: Block[] = [h1('一、总体情况')];
  out.push(body(`本次评估涉及规划${f.plans.length}项，主要指标${g.targets.total}个、重点任务${g.tasks.total}项${f.projects ? `（其中重大项目${f.projects}项）` : ''}。`));
  if (g.targets.total) {
    const fl = flags(f.targets);
    const rate = percent(onTrack(g), judgedCount(g));
    const on = counted([['提前实现', g.targets['提前实现']], ['快于预期', g.targets['快于预期']], ['基本符合预期', g.targets['基本符合预期']]], '个');
    const parts = [
      on ? `${on}${rate ? `，符合预期的指标合计${onTrack(g)}个，占已研判指标的${rate}` : ''}` : '',
      g.targets['滞后'] ? `滞后${g.targets['滞后']}个` : '', g.targets['数据暂缺'] ? `暂缺数据${g.targets['数据暂缺']}个` : '',
      g.targets['待人工研判'] ? `待人工研判${g.targets['待人工研判']}个` : '',
    ].filter(Boolean);
    const light = fl.red + fl.yellow ? `预警${counted([['红灯', fl.red], ['黄灯', fl.yellow]], '个').replace('，', '、')}。` : '没有亮红灯、黄灯的指标。';
    out.push(body(`从主要指标看，${parts.join('；')}。${light}`));
  }
  if (g.tasks.total) {
    const done = percent(g.tasks['已完成'], g.tasks.total);
    const moving = percent(unitProgress(g).moving, g.tasks.total);
    const lit = f.taskLights ? counted([['红灯', f.taskLights.red], ['黄灯', f.taskLights.yellow]], '项').replace('，', '、') : '';
    const lights = lit ? `任务预警${lit}。` : '';
    out.push(body(`从重点任务看，${taskSentence(g)}，完成率${done}，推进率（已完成及按序时推进的任务占比）${moving}。${lights}`));
  }
  out.push(caption('表1　各规划评估情况（指标：个；任务：项）'), planTable(f, tables), blank());
  if (f.plans.length > 1) {
    f.plans.forEach((p, i) => {
      const c = p.counts;
      const of = (parts: [string, number][], m: string) => counted(parts, m).replace(/，/g, '、');
      const on = of([['符合预期', onTrack(c)], ['滞后', c.targets['滞后']], ['暂缺数据', c.targets['数据暂缺']]], '个');
      const done = of([['已完成', c.tasks['已完成']], ['滞后', c.tasks['滞后']]], '项');
      const targets = c.targets.total ? `主要指标${c.targets.total}个${on ? `，${on}` : ''}` : '';
      const tasks = c.tasks.total ? `重点任务${c.tasks.total}项${done ? `，${done}` : ''}` : '';
      out.push(led(`${chineseNumber(i + 1)}是《${p.section.title}》：`, `${[targets, tasks].filter(Boolean).join('；')}。`));
    });
  }
  out.push(...figure(chart));
  return out;
}

export const VERDICT_PHRASE: Record<Verdict, string> = {
  提前实现: '已提前实现的指标', 快于预期: '快于预期的指标', 基本符合预期: '基本符合预期的指标', 滞后: '滞后于预期的指标', 数据暂缺: '暂缺数据的指标',
  待人工研判: '待人工研判的指标',
};

/** How a target reads in its verdict's list. */
function targetItem(t: TargetRow): string {
  const v = t.judgement.verdict;
  if (v === '滞后') return `${t.name}（${targetLag(t)}）`;
  if (v === '数据暂缺' || t.judgement.completion == null) return t.name;
  return `${t.name}（完成进度${t.judgement.completion.toFixed(1)}%）`;
}

/** The targets of one verdict, by plan when there are several: "《甲》的A、B；《乙》的C、D等12项". */
function verdictList(f: ReportFacts, v: Verdict): string {
  const of = (list: TargetRow[]) => list.filter((t) => t.judgement.verdict === v);
  if (f.plans.length === 1) return listOf(of(f.targets).map(targetItem), 10);
  return f.plans.map((p) => ({ p, mine: of(p.targets) })).filter((x) => x.mine.length)
    .map(({ p, mine }) => `《${p.section.title}》的${listOf(mine.map(targetItem), 5)}`).join('；');
}

export function targetsPart(f: ReportFacts, tables: Tables): Block[] {
  const g = f.total;
  const out: Block[] = [h1('二、主要指标完成情况')];
  if (!g.targets.total) return [...out, body('所选范围内没有主要指标。')];
  const known = g.targets.total - g.targets['数据暂缺'];
  out.push(body(`纳入评估的主要指标${g.targets.total}个，其中有实际数据的${known}个。各评估结论的指标数如表2。`));
  const binding = (v: Verdict | null) => f.targets.filter((t) => (v == null || t.judgement.verdict === v) && t.attribute.includes('约束')).length;
  const flagged = (v: Verdict | null, flag: 'red' | 'yellow') => f.targets.filter((t) => (v == null || t.judgement.verdict === v) && t.judgement.flag === flag).length;
  const rows = [...VERDICTS.map((v) => ({
    cells: [{ text: v, swatch: VERDICT_COLORS[v] }, String(g.targets[v]), percent(g.targets[v], g.targets.total) ?? '', String(binding(v)), String(flagged(v, 'red')), String(flagged(v, 'yellow'))],
  })), { bold: true, cells: ['合计', String(g.targets.total), '100.0%', String(binding(null)), String(flagged(null, 'red')), String(flagged(null, 'yellow'))] }];
  out.push(caption('表2　主要指标评估结论'), tables.add([
    { header: '评估结论', weight: 10, align: 'center' }, { header: '指标数（个）', weight: 7, align: 'right' }, { header: '占比', weight: 7, align: 'right' },
    { header: '其中约束性', weight: 7, align: 'right' }, { header: '红灯', weight: 6, align: 'right' }, { header: '黄灯', weight: 6, align: 'right' },
  ], rows, TEXT_WIDTH.portrait, true), blank());
  for (const v of VERDICTS) {
    if (!g.targets[v]) continue;
    out.push(led(`${VERDICT_PHRASE[v]}${g.targets[v]}项：`, `${verdictList(f, v)}。`));
  }
  return out;
}

