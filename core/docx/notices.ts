// 督办通知: for each responsible unit with red or yellow items (targets by their light, tasks by theirs or, without a
// light, reported as 滞后), a one-page notice in the GB/T 9704 format listing them with their lag and a date to reply.
import path from 'node:path';
import { Document } from 'docx';
import type { DB } from '../../db/connection';
import type { Flag, Round } from '../../contract/model';
import { FLAG_COLORS } from '../../contract/colors';
import { iterateTasks, resolveScope, isoDay, type ReportScope, type ReportTask } from '../report/data';
import { office } from '../common/settings';
import { flagLabel, targetWarned, taskLight, taskWarned, overdueDays } from '../report/lights';
import { targetLag } from '../report/words';
import { chineseDate, safeFileName } from '../xlsx/text';
import { gongwenStyles, section, title, body, blank, plain, signature, TEXT_WIDTH } from './gongwen';
import { Tables } from './table';
import { writeDocument } from './package';
import { DOC_FONTS } from './report';

export interface NoticeItem { what: '指标' | '任务'; name: string; plan: string; flag: Flag; lag: string }

/** The most items a one-page notice lists; the rest are counted under the table. */
export const NOTICE_ROWS = 8;

function taskLag(t: ReportTask): string {
  const light = taskLight(t);
  const late = overdueDays(t);
  const parts = [light?.reason || `评估状态为${t.status}`];
  if (t.progress != null) parts.push(`进度${t.progress}%`);
  if (late != null) parts.push(`已超过完成时限${late}天`);
  return parts.join('，');
}

/** The red and yellow items of a scope by unit (a target's responsible units; a task's lead and responsible ones). */
export function noticeItems(db: DB, round: Round, scope: ReportScope): Map<string, NoticeItem[]> {
  const { scope: exact, targets } = resolveScope(db, round, null, scope);
  const out = new Map<string, NoticeItem[]>();
  const add = (units: string[], item: NoticeItem) => {
    for (const u of new Set(units)) {
      let l = out.get(u);
      if (!l) out.set(u, (l = []));
      l.push(item);
    }
  };
  for (const t of targets) {
    if (targetWarned(t)) add(t.responsibleUnits, { what: '指标', name: t.name, plan: t.planTitle, flag: t.judgement.flag, lag: targetLag(t) });
  }
  for (const t of iterateTasks(db, round.id, undefined, exact)) {
    if (taskWarned(t)) add([...t.leadUnits, ...t.responsibleUnits], { what: '任务', name: t.title, plan: t.planTitle, flag: taskLight(t)?.flag ?? 'none', lag: taskLag(t) });
  }
  if (scope.unit) for (const u of [...out.keys()]) if (u !== scope.unit) out.delete(u);
  return out;
}

function flagWords(items: NoticeItem[]): string {
  const red = items.filter((i) => i.flag === 'red').length, yellow = items.filter((i) => i.flag === 'yellow').length;
  const parts = [red ? `红灯${red}项` : '', yellow ? `黄灯${yellow}项` : ''].filter(Boolean);
  return parts.length ? `，其中${parts.join('、')}` : '';
}

export function noticeDocument(unit: string, items: NoticeItem[], round: Round, office: string, date: string, replyBy: string, tables: Tables): Document {
  const shown = items.slice(0, NOTICE_ROWS);
  const targets = items.filter((i) => i.what === '指标').length, tasks = items.length - targets;
  const what = [targets ? `主要指标${targets}项` : '', tasks ? `重点任务${tasks}项` : ''].filter(Boolean).join('、');
  const more = items.length > shown.length ? `（表中列出其中${shown.length}项，全部事项见评估报告）` : '';
  const rows = shown.map((i, n) => ({
    cells: [String(n + 1), `${i.name}（${i.what}）`, i.plan, i.flag === 'none' ? '滞后' : { text: flagLabel(i.flag), swatch: FLAG_COLORS[i.flag] }, i.lag],
  }));
  const table = tables.add([
    { header: '序号', weight: 3, align: 'center' }, { header: '事项', weight: 16 }, { header: '所属规划', weight: 12 },
    { header: '预警', weight: 4, align: 'center' }, { header: '滞后情况', weight: 15 },
  ], rows, TEXT_WIDTH.portrait);
  const s = section();
  return new Document({
    creator: '规划评估台', title: `督办通知（${unit}）`, evenAndOddHeaderAndFooters: true, styles: gongwenStyles(),
    sections: [{
      properties: { page: s.page, grid: s.grid }, footers: s.footers,
      children: [
        title('关于加快推进规划实施滞后事项的督办通知'),
        plain(`${unit}：`),
        body(`根据${round.name}（数据截至${chineseDate(round.cutoff)}），你单位牵头或承担的${what}进度滞后${flagWords(items)}，具体见下表${more}。`),
        body(`请高度重视，认真分析滞后原因，逐项明确整改措施和完成时限，加快推进，并于${replyBy}前将整改落实情况书面报送${office}。`),
        table, blank(), ...signature(office, date),
      ],
    }],
  });
}

/** The date to reply by when none is given: ten days from today. */
export const defaultReplyBy = (today: Date): string => isoDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 10));

/** Writes one notice per unit into `dir`; returns the files with their units and counts. */
export async function writeNotices(db: DB, round: Round, scope: ReportScope, dir: string, o: { units?: string[]; replyBy?: string; today?: Date; stamp: string }):
  Promise<{ file: string; unit: string; tasks: number; targets: number }[]> {
  const today = o.today ?? new Date();
  const byUnit = noticeItems(db, round, scope);
  const signer = office(db), date = chineseDate(isoDay(today));
  const reply = chineseDate(o.replyBy ?? defaultReplyBy(today));
  const wanted = o.units?.length ? new Set(o.units) : null;
  const out: { file: string; unit: string; tasks: number; targets: number }[] = [];
  for (const [unit, items] of [...byUnit].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], 'zh-CN'))) {
    if (wanted && !wanted.has(unit)) continue;
    const file = path.join(dir, `${safeFileName(`督办通知-${unit}-${round.name}`)}-${o.stamp}.docx`);
    const tables = new Tables();
    await writeDocument(noticeDocument(unit, items, round, signer, date, reply, tables), DOC_FONTS, file, tables);
    out.push({ file, unit, tasks: items.filter((i) => i.what === '任务').length, targets: items.filter((i) => i.what === '指标').length });
  }
  return out;
}
