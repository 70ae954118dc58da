// Indicator tables → targets: name, unit, category, 预期性/约束性, baseline, a milestone per year column, responsible units.
import { parseValue, parseYear } from '../../../rules/values';
import type { TableBlock } from './blocks';
import { splitUnits } from './units';
import { isGroupRow } from '../grid';

export interface DraftTarget {
  code: string; name: string; unit: string; category: string; attribute: string;
  baseline: { year: number | null; value: string | null };
  milestones: { year: number; value: string; qualifier: string; cumulative: boolean }[];
  responsibleUnits: string[]; line: number | null;
  /** The row's 年均增长 column, where the table has one: what a goal restating the row may also say. */
  growth?: string;
}

type Role = 'seq' | 'category' | 'name' | 'unit' | 'attribute' | 'responsible' | 'baseline' | 'milestone' | 'other';
interface Column { role: Role; year: number | null }

const UNIT_LIKE = /^(%|％|‰|个百分点|[万亿千百]*(元|家|个|人|件|项|吨|辆|台|套|座|亩|平方米|平方公里|千瓦|户|所|次|款|条|标准煤|架|片|位|名|人次|公里|公顷|岁|年)|kW|GW|MW)([/／].{1,6})?$/;
const ATTRIBUTE = /^(预期性|约束性)$/;
const VALUE_LIKE = /^[[【(（]?\s*[<>≥≤约＞]?\s*[-+]?\d/;

const GROWTH = /年均增长|年均增速|增长率|增速/;

export function columnsOf(header: string[], periodStart: number | null): Column[] {
  const cols = roles(header, periodStart);
  // "2025年年均增长（%）" beside "2025年目标值" (a 2025年 spanning both): the growth its figure means, no figure of its
  // own; a table of growth rates alone keeps them.
  if (cols.some((c, k) => c.role === 'milestone' && !GROWTH.test(header[k]!))) cols.forEach((c, k) => { if (c.role === 'milestone' && GROWTH.test(header[k]!)) cols[k] = { role: 'other', year: null }; });
  // "2023年 | 2027年目标": a first year column not called a target, before ones that are, is the baseline.
  const years = cols.map((c, k) => (c.role === 'milestone' ? k : -1)).filter((k) => k >= 0);
  if (!cols.some((c) => c.role === 'baseline') && years.length > 1 && !/目标|预期/.test(header[years[0]!]!) && years.slice(1).some((k) => /目标|预期/.test(header[k]!))) {
    cols[years[0]!] = { role: 'baseline', year: cols[years[0]!]!.year };
  }
  return cols;
}

function roles(header: string[], periodStart: number | null): Column[] {
  let seenName = false;
  return header.map((h) => {
    const year = parseYear(h);
    if (/序号|编号/.test(h)) return { role: 'seq', year: null };
    if (/类别|分类|领域|维度|一级指标/.test(h)) return { role: 'category', year: null };
    if (/属性|性质/.test(h)) return { role: 'attribute', year: null };
    if (/责任|牵头|部门/.test(h)) return { role: 'responsible', year: null };
    if (/^(计量)?单位$/.test(h)) return { role: 'unit', year: null };
    if (year !== null || /目标|基期|现状|基准|基数/.test(h)) {
      const base = /基期|现状|基准|基数/.test(h) || (year !== null && periodStart !== null && year < periodStart);
      return { role: base ? 'baseline' : 'milestone', year };
    }
    if (!seenName && /指标|名称|项目|内容/.test(h)) { seenName = true; return { role: 'name', year: null }; }
    return { role: 'other', year: null };
  });
}

/** "工业总产值(亿元)" → name and unit; a lost closing bracket is tolerated. */
export function splitNameUnit(raw: string): { name: string; unit: string } {
  // ("每万人拥有5G基站数（个）①", "…基站数①（个）": the mark of a note under the table is no part of either.)
  const mark = (s: string) => s.replace(/\s*[①-⑳*＊※†‡¹²³⁴⁵⁶⁷⁸⁹]+$/, '');
  const m = mark(raw).match(/^(.+?)\s*[(（]([^()（）]{1,10})[)）]?$/);
  if (m && UNIT_LIKE.test(m[2]!.trim())) return { name: mark(m[1]!.trim()), unit: m[2]!.trim().replace('％', '%') };
  return { name: mark(raw.trim()), unit: '' };
}

/** The 备注 of a flattened table saying which cell a row lacks: "“X”2023年不设中期值", "“Y”无2020年基数". */
export function gapsOf(note: string): Map<string, number> {
  const out = new Map<string, number>();
  const bare = (x: string) => x.replace(/[^\p{L}\p{N}]/gu, '');
  for (const m of note.matchAll(/[“"]([^”"]+)[”"]\s*(?:的)?\s*(20\d\d)\s*年(?:不设|无|没有|暂无)/g)) out.set(bare(m[1]!), +m[2]!);
  for (const m of note.matchAll(/[“"]([^”"]+)[”"]\s*(?:无|没有|暂无)\s*(20\d\d)\s*年/g)) out.set(bare(m[1]!), +m[2]!);
  return out;
}

/** Puts the cells of a flattened row (empty cells dropped) into their columns; `missing` is a year column the 备注 says it lacks. */
function placeFlat(cells: string[], cols: Column[], missing?: number): Map<number, string[]> {
  const at = new Map<number, string[]>();
  const put = (k: number, v: string) => { if (k >= 0) at.set(k, [...(at.get(k) ?? []), v]); };
  const idx = (r: Role) => cols.findIndex((c) => c.role === r);
  const rest = [...cells];
  // 类别 before 序号 ("创新投入 / 1 / …"), or after it ("1 / 创新投入 / …"): the category only on its group's first row.
  const catFirst = idx('category') >= 0 && idx('seq') >= 0 && idx('category') < idx('seq');
  if (catFirst && rest.length > 1 && !/^\d+$/.test(rest[0]!) && /^\d+$/.test(rest[1]!)) put(idx('category'), rest.shift()!);
  if (idx('seq') >= 0 && /^\d+$/.test(rest[0] ?? '')) put(idx('seq'), rest.shift()!);
  if (!catFirst && idx('category') >= 0 && idx('category') < idx('name') && rest.length > 1 && !VALUE_LIKE.test(rest[1]!) && !UNIT_LIKE.test(rest[1]!)) put(idx('category'), rest.shift()!);
  const name = [rest.shift() ?? ''];
  // A name broken over two lines: the next cell is neither unit, value nor attribute.
  while (rest.length && !VALUE_LIKE.test(rest[0]!) && !UNIT_LIKE.test(rest[0]!) && !ATTRIBUTE.test(rest[0]!) && rest.length > 2 && VALUE_LIKE.test(rest[1]!)) name.push(rest.shift()!);
  put(idx('name'), name.join(''));
  if (idx('unit') >= 0 && rest.length && UNIT_LIKE.test(rest[0]!)) put(idx('unit'), rest.shift()!);
  let yearCols = cols.map((c, k) => (c.role === 'baseline' || c.role === 'milestone' ? k : -1)).filter((k) => k >= 0);
  if (missing !== undefined && yearCols.length > 1) yearCols = yearCols.filter((k) => cols[k]!.year !== missing);
  const attrAt = rest.findIndex((c) => ATTRIBUTE.test(c));
  let values: string[];
  if (attrAt >= 0) { values = rest.slice(0, attrAt); put(idx('attribute'), rest[attrAt]!); rest.splice(0, attrAt + 1); } else {
    const n = rest.findIndex((c) => !VALUE_LIKE.test(c));
    values = n < 0 ? rest.splice(0) : rest.splice(0, n);
  }
  // Missing values are the leading ones (a baseline not given); assign from the right.
  const take = values.slice(0, yearCols.length);
  const offset = yearCols.length - take.length;
  take.forEach((v, k) => put(yearCols[offset + k]!, v));
  for (const r of rest) put(idx('responsible'), r);
  return at;
}

export function tableTargets(t: TableBlock, periodStart: number | null, periodEnd: number | null): DraftTarget[] {
  const cols = columnsOf(t.header, periodStart);
  if (!cols.some((c) => c.role === 'name')) {
    const first = cols.findIndex((c) => c.role === 'other');
    if (first >= 0) cols[first] = { role: 'name', year: null };
  }
  if (!cols.some((c) => c.role === 'milestone')) return [];
  const out: DraftTarget[] = [];
  let category = '';
  const gaps = gapsOf(t.note);
  const gapOf = (row: string[]) => [...gaps].find(([n]) => row.some((c) => c.replace(/[^\p{L}\p{N}]/gu, '').startsWith(n)))?.[1];
  // The columns of each role, found once for the table rather than for every row.
  const ofRole = new Map<Role, number[]>();
  cols.forEach((c, k) => ofRole.set(c.role, [...(ofRole.get(c.role) ?? []), k]));
  const growthCol = cols.findIndex((c, k) => c.role === 'other' && /年均增长|年均增速/.test(t.header[k] ?? ''));
  // Unit lists repeat from row to row ("市发展改革委、市统计局"): each is split once.
  const unitsOf = new Map<string, string[]>();
  const split = (u: string) => { let list = unitsOf.get(u); if (!list) unitsOf.set(u, (list = splitUnits(u))); return list; };
  const none: string[] = [];
  // "标*的为2019年数据": the year a marked figure is of.
  const marked = t.note.match(/标\s*([*＊※])\s*(?:号)?的?(?:为|是)\s*(20\d\d)\s*年/);
  const lastYear = Math.max(periodEnd ?? 0, ...cols.map((c) => (c.role === 'milestone' ? c.year ?? 0 : 0)));
  t.rows.forEach((row, r) => {
    // A row of one cell across the table names the group of the rows below it.
    if (t.complete && isGroupRow(row)) { category = row[0]!.replace(/\n/g, '').replace(/^[一二三四五六七八九十]+[、.．]\s*/, ''); return; }
    // A complete row has its cells in their columns; a flattened one is placed first.
    const placed = t.complete ? null : placeFlat(row, cols, gapOf(row));
    const at = (k: number): string[] => (placed ? placed.get(k) ?? none : row[k] === undefined ? none : [row[k]!]);
    const text = cols.map((_, k) => { const v = at(k); const s = v.length === 1 ? v[0]! : v.join(''); return s.includes('\n') ? s.replace(/\n/g, '') : s; });
    const get = (role: Role) => (ofRole.get(role) ?? []).map((k) => text[k]!).find(Boolean) ?? '';
    const rawName = get('name');
    // A header printed again after a page break is no row.
    if (!rawName || text.filter((c, k) => c && c === t.header[k]).length >= 2) return;
    category = get('category') || category;
    const { name, unit: fromName } = splitNameUnit(rawName);
    const milestones: DraftTarget['milestones'] = [];
    let baseline: DraftTarget['baseline'] = { year: null, value: null };
    cols.forEach((c, k) => {
      if (c.role !== 'baseline' && c.role !== 'milestone') return;
      // "稳定在118万亩以上": the figure, its unit and qualifier read apart; a verb before it says nothing more.
      const v = text[k]!.trim().replace(/^(稳定在|保持在|达到|提高到|提升到|增加到)\s*(?=[[【]?\s*\d)/, '');
      if (!v || /^[-—/／]+$/.test(v)) return;
      if (c.role === 'baseline') {
        // "85*": a figure marked as of another year; the mark is no part of it.
        const mark = v.match(/^(.*\d)\s*[*＊※]$/);
        baseline = mark ? { year: marked ? +marked[2]! : c.year, value: mark[1]! } : { year: c.year, value: v };
      }
      else {
        const p = parseValue(v);
        milestones.push({ year: c.year ?? periodEnd ?? 0, value: v, qualifier: p.num === null ? '' : p.qualifier, cumulative: p.cumulative });
      }
    });
    const units = (ofRole.get('responsible') ?? []).flatMap((k) => at(k)).flatMap(split);
    const growth = growthCol >= 0 ? text[growthCol]!.trim() : '';
    // "— | — | [50]": a row whose only figure is a period total in the 年均增速/累计 column.
    if (!milestones.length && /^[[【〔]\s*\d/.test(growth) && lastYear) milestones.push({ year: lastYear, value: growth, qualifier: parseValue(growth).qualifier, cumulative: true });
    out.push({
      code: get('seq') || String(r + 1), name, unit: get('unit') || fromName, category, attribute: get('attribute'),
      baseline, milestones, responsibleUnits: [...new Set(units)], line: t.line, ...(growth && /\d/.test(growth) ? { growth } : {}),
    });
  });
  return out;
}
