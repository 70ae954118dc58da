// Task tables (分工表: 序号 / 重点任务 / 工作内容 / 牵头单位 / 责任单位 / 完成时限 / 进度安排; 专栏 project tables) → the
// outline's items: a row is an item with its units and deadline, a group row or a merged 重点任务 column its heading;
// rows of a group named 主要预期目标 hold targets instead of tasks; a year's target column of a table of tasks (链长制:
// 产业链 / 牵头部门 / 2025年产值目标) is each row's target.
import type { Block, TableBlock, TextBlock } from './blocks';
import { findDeadline, readDeadline } from './deadlines';
import { readUnitText } from './units';
import { isGroupRow } from '../grid';

type Role = 'seq' | 'category' | 'task' | 'content' | 'lead' | 'resp' | 'deadline' | 'progress' | 'invest' | 'goal' | 'other';

/** A year's target of each row: "2025年产值目标（亿元）", "2025年目标". */
const GOAL_COLUMN = /^(20\d\d)年([\u4e00-\u9fff]{0,8}?)(?:目标值?|预期值?)?(?:[(（]([^)）]{1,6})[)）])?$/;

/** What a row of a task table says of its item. */
export interface RowFacts { body: string; lead: string[]; responsible: string[]; deadline: string }

/** The investment column of a project table: 总投资（亿元）, 投资估算（万元）, 计划投资. */
const INVEST = /^(?:项目)?(总投资|投资估算|估算投资|计划投资|计划总投资|投资额|投资规模)(?:[(（]([^)）]{1,4})[)）])?$/;

function rolesOf(header: string[]): Role[] {
  return header.map((h) => {
    const t = h.replace(/\s+/g, '');
    if (/^(序号|编号)$/.test(t)) return 'seq';
    // (任务类别, 工作类别: the group of the rows, merged down over them.)
    if (/类别$|分类$|^领域$|^板块$/.test(t)) return 'category';
    // (责任领导, 牵头领导, 责任人: people who answer for it, no units.)
    if (/领导|责任人|联系人|联络员/.test(t) && !/单位|部门/.test(t)) return 'other';
    if (/牵头/.test(t)) return 'lead';
    if (/责任|配合|参与|协办|落实|实施单位|承办/.test(t)) return 'resp';
    if (/时限|期限|完成时间|时间节点|完成日期|建设年限|实施年限|起止年限|建设期/.test(t)) return 'deadline';
    if (/进度|节点安排|推进计划/.test(t)) return 'progress';
    if (INVEST.test(t)) return 'invest';
    if (GOAL_COLUMN.test(t)) return 'goal';
    if (/工作内容|主要内容|具体内容|建设内容|具体措施|工作措施|目标任务|任务内容|工作举措|考核内容|考核要求|目标要求|评价内容/.test(t)) return 'content';
    // (分值, 评分标准: how the work is scored, no part of it.)
    if (/分值|评分|计分|扣分|标准分/.test(t)) return 'other';
    if (/任务|项目名称|项目|工程名称|工程|工作事项|事项|产业链/.test(t)) return 'task';
    return 'other';
  });
}

/** Whether a table lists tasks: a task or content column, and a unit or deadline column, and no year or target column. */
export function isTaskTable(t: TableBlock): boolean {
  const roles = rolesOf(t.header);
  const years = t.header.some((h) => /^(20\d\d年?|目标值|基期|属性)/.test(h.replace(/\s+/g, '')));
  // (A table of tasks led by its units may give each a year's target; an indicator table names 指标 and no 牵头.)
  const goalsOfTasks = roles.includes('goal') && roles.includes('lead') && roles.includes('task') && !t.header.some((h) => /指标|基期|属性/.test(h));
  return (!years || goalsOfTasks) && roles.some((r) => r === 'task' || r === 'content') && roles.some((r) => r === 'lead' || r === 'resp' || r === 'deadline');
}

const GOAL_GROUP = /预期目标|主要目标|主要指标|目标任务$|发展目标/;
/** Rows of points added or taken off (加减分项目) score the work of the others: no task, no heading. */
const SCORING = /加减分|加分项|扣分项|附加分|一票否决/;

export interface TableTasks {
  /** Text blocks for the outline: headings and row items. */
  blocks: TextBlock[];
  /** Rows that state targets (the 主要预期目标 group of a 分工表): their sentence, group and units. */
  goals: { text: string; line: number; category: string; units: string[] }[];
}

/**
 * A project's investment as a sentence of its body ("总投资6.2亿元"), its unit from the column's brackets, so it reads as
 * the project's target like one written in the text.
 */
function investment(header: string[], roles: Role[], row: string[]): string {
  const k = roles.indexOf('invest');
  const v = (row[k] ?? '').replace(/\s+/g, '');
  if (k < 0 || !/^\d/.test(v)) return '';
  const m = header[k]!.replace(/\s+/g, '').match(INVEST)!;
  return `${m[1]}${v}${/\d$/.test(v) ? m[2] ?? '' : ''}`;
}

/** A row's target of a year's column, as a sentence of its body: "到2025年，新能源汽车产业链产值达到560亿元". */
function goalOf(header: string[], roles: Role[], row: string[], name: string): string {
  return roles.map((r, k) => {
    const v = (row[k] ?? '').replace(/\s+/g, '');
    if (r !== 'goal' || !/^\d/.test(v)) return '';
    const m = header[k]!.replace(/\s+/g, '').match(GOAL_COLUMN)!;
    return `到${m[1]}年，${name}${m[2] ?? ''}达到${v}${/\d$/.test(v) ? m[3] ?? '' : ''}`;
  }).filter(Boolean).join('；');
}

/** The outline blocks of a task table; `year` reads 全年 in a one-year list. */
export function tableTasks(t: TableBlock, year: number | null): TableTasks {
  const roles = rolesOf(t.header);
  const col = (r: Role) => roles.indexOf(r);
  const task = col('task');
  const content = col('content');
  const category = col('category');
  const rows = t.rows.filter((r) => r.some(Boolean));
  // A 重点任务 column repeated over the rows of its group (merged down) is the group's heading, not each row's title.
  const grouped = task >= 0 && content >= 0 && new Set(rows.map((r) => r[task])).size < rows.length * 0.75;
  const out: TableTasks = { blocks: [], goals: [] };
  if (t.caption) out.blocks.push({ kind: 'text', text: t.caption, line: t.line });
  let group = '';
  rows.forEach((row, k) => {
    const line = t.line + k + 1;
    if (isGroupRow(row)) { group = row[0]!.replace(/\n/g, ''); out.blocks.push({ kind: 'text', text: group, line, group: true }); return; }
    // Units keep a line each; other cells read as one text.
    const cell = (r: Role) => roles.map((x, i) => (x === r ? (r === 'lead' || r === 'resp' ? row[i] ?? '' : (row[i] ?? '').replace(/\n/g, '')) : '')).filter(Boolean).join('；');
    const taskCell = (row[task] ?? '').replace(/\n/g, '');
    // The group a row opens: its merged-down 重点任务, else its 任务类别.
    const opens = grouped ? taskCell : (row[category] ?? '').replace(/\n/g, '');
    if (opens && opens !== group) { group = opens; if (!SCORING.test(group)) out.blocks.push({ kind: 'text', text: group, line, group: true }); }
    const name = grouped ? '' : taskCell;
    if (SCORING.test(group)) return;
    // "合计" under a project table sums its rows: no project of its own (its cell merged over the first columns, too).
    if (row.slice(0, 3).some((c) => /^(合计|总计|小计|共计)$/.test((c ?? '').replace(/\s+/g, '')))) return;
    const text = [cell('content'), investment(t.header, roles, row), goalOf(t.header, roles, row, taskCell)].filter(Boolean).join('；');
    if (!name && !text) return;
    const lead = readUnitText(`牵头单位：${cell('lead')}`);
    const resp = readUnitText(cell('resp'));
    const units = { lead: [...lead.lead, ...resp.lead], responsible: [...lead.responsible, ...resp.responsible] };
    if (GOAL_GROUP.test(group) && text) { out.goals.push({ text, line, category: group, units: [...units.lead, ...units.responsible] }); return; }
    const body = name && text && !text.startsWith(name) ? `${name}。${text}` : text || name;
    const deadline = cell('deadline');
    // (Without a deadline column, a date in the row's text: "全年…", "6月底前…" in a list of one year.)
    const row_: RowFacts = { body, lead: units.lead, responsible: units.responsible, deadline: (deadline && readDeadline(deadline, year)) || findDeadline(body, year) || '' };
    // A long task cell ("建设政务云平台，推动…") is titled by its first clause.
    const head = name || body;
    const title = head.length > 20 ? head.split(/[。；;，,]/)[0]! : head.replace(/[。；;]$/, '');
    out.blocks.push({ kind: 'text', text: title, line, row: { ...row_, code: cell('seq') } });
  });
  return out;
}

/** The blocks of a body with each task table turned into its outline blocks; the target rows they hold aside. */
export function expandTaskTables(blocks: Block[], year: number | null): { blocks: Block[]; goals: TableTasks['goals'] } {
  const out: Block[] = [];
  const goals: TableTasks['goals'] = [];
  for (const b of blocks) {
    if (b.kind !== 'table' || !isTaskTable(b)) { out.push(b); continue; }
    const r = tableTasks(b, year);
    out.push(...r.blocks);
    goals.push(...r.goals);
  }
  return { blocks: out, goals };
}
