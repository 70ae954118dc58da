// 三、重点任务推进情况, 四、存在的主要问题 and 五、下一步工作建议 of the written report: per plan and chapter the tasks
// done, on track and lagging (naming the lagging and overdue ones), and the units' 存在问题 and 下步打算 without repeats.
import type { ReportFacts, ChapterFacts, NameList, PlanFacts } from '../report/facts';
import { listOf, distinctTexts, chineseNumber } from '../report/words';
import { h1, h2, body } from './gongwen';
import { led, taskSentence, counted, type Block } from './overview';

/** A task's title in a list: without its own end punctuation. */
const bare = (s: string) => s.trim().replace(/[。；;，,、.\s]+$/u, '');
const named = (l: NameList, max = 8) => {
  const shown = l.names.slice(0, max).map(bare);
  return l.count > shown.length ? `${shown.join('、')}等${l.count}项` : shown.join('、');
};

function chapterText(c: ChapterFacts, lights: boolean): string {
  const going = c.status['序时推进'] + c.status['超序时'];
  const parts = counted([['已完成', c.status['已完成']], ['序时推进', going], ['滞后', c.status['滞后']], ['未启动', c.status['未启动']],
    ['已调整或取消', c.status['已调整/取消']], ['尚未评估', c.status['待评估']]], '项');
  let text = `共${c.total}项${parts ? `，${parts}` : ''}。`;
  if (c.lagging.count) text += `${lights ? '滞后或亮红灯、黄灯的有' : '滞后的有'}：${named(c.lagging)}。`;
  if (c.overdue.count) text += `已超过完成时限的有：${named(c.overdue)}。`;
  return text;
}

const chapterName = (c: ChapterFacts) => c.name || '其他任务';

export function tasksPart(f: ReportFacts): Block[] {
  const out: Block[] = [h1('三、重点任务推进情况')];
  const plans = f.plans.filter((p) => p.counts.tasks.total);
  if (!plans.length) return [...out, body('所选范围内没有重点任务。')];
  const lights = f.taskLights != null;
  if (plans.length === 1) {
    const p = plans[0];
    out.push(body(`《${p.section.title}》共有重点任务${p.counts.tasks.total}项，${taskSentence(p.counts)}。`));
    p.chapters.forEach((c, i) => out.push(h2(`（${chineseNumber(i + 1)}）${chapterName(c)}`), body(chapterText(c, lights))));
    return out;
  }
  plans.forEach((p, i) => {
    out.push(h2(`（${chineseNumber(i + 1)}）《${p.section.title}》`));
    out.push(body(`共有重点任务${p.counts.tasks.total}项，${taskSentence(p.counts)}。`));
    for (const c of p.chapters) {
      if (c.name || p.chapters.length > 1) out.push(led(`${chapterName(c)}：`, chapterText(c, lights)));
      else out.push(body(chapterText(c, lights)));
    }
  });
  return out;
}

/** A unit's texts as one sentence: "甲;乙;丙等8项。" without repeats, each without its own end punctuation. */
function unitTexts(texts: string[], max = 4): string {
  const items = distinctTexts(texts).map((t) => t.replace(/\s*\n\s*/g, '；').replace(/[。;；,，.、\s]+$/u, ''));
  return `${listOf(items, max, '项', '；')}。`;
}

function byUnit(f: ReportFacts, pick: (p: PlanFacts) => Map<string, string[]>, none: string, intro?: string): Block[] {
  const plans = f.plans.filter((p) => pick(p).size);
  if (!plans.length) return [body(none)];
  const out: Block[] = intro ? [body(intro)] : [];
  plans.forEach((p, i) => {
    if (f.plans.length > 1) out.push(h2(`（${chineseNumber(i + 1)}）《${p.section.title}》`));
    for (const [unit, texts] of pick(p)) out.push(led(`${unit}：`, unitTexts(texts)));
  });
  return out;
}

export function problemsPart(f: ReportFacts): Block[] {
  return [h1('四、存在的主要问题'), ...byUnit(f, (p) => p.problems, '各责任单位报送的评估材料中未反映存在的问题。',
    '根据各责任单位报送的评估材料，规划实施中存在的主要问题如下。')];
}

export function nextPart(f: ReportFacts): Block[] {
  return [h1('五、下一步工作建议'), ...byUnit(f, (p) => p.nextSteps, '各责任单位尚未报送下步打算。建议对照规划目标任务，逐项明确下一步工作安排。',
    '针对评估发现的问题，结合各责任单位报送的下步打算，建议重点抓好以下工作。')];
}
