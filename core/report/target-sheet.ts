// 主要指标完成情况表: a section per plan with its targets under their categories, the plan's own milestone years as the
// columns under 目标值. Consecutive plans with the same years share a table; a plan with other years opens its own
// table under its own header, and a plan with fewer years than the columns spans its last year over the rest.
// Targets stand under their categories (类别) as band rows.
import type ExcelJS from 'exceljs';
import type { TargetRow } from '../../contract/model';
import { Layout } from '../xlsx/table';
import { TableSheet, arrange } from '../xlsx/sections';
import { targetColumns, milestoneYears, MAX_YEAR_COLUMNS } from './sheets';
import type { Heading, PlanSection } from './data';

interface PlanTargets { planId: string; rows: TargetRow[]; years: number[]; baseYear: number | null }

function byPlan(targets: TargetRow[]): PlanTargets[] {
  const plans = new Map<string, TargetRow[]>();
  for (const t of targets) {
    let list = plans.get(t.planId);
    if (!list) plans.set(t.planId, (list = []));
    list.push(t);
  }
  return [...plans].map(([planId, listed]) => {
    // Under each category in the order categories first appear (a plan's table lists them together).
    const order = new Map<string, number>();
    for (const t of listed) if (!order.has(t.category)) order.set(t.category, order.size);
    const rows = listed.map((t, i) => ({ t, i })).sort((a, b) => order.get(a.t.category)! - order.get(b.t.category)! || a.i - b.i).map((x) => x.t);
    const bases = new Set(rows.map((r) => r.baseline.year).filter((y) => y != null));
    return { planId, rows, years: milestoneYears(rows), baseYear: bases.size === 1 ? [...bases][0] : null };
  });
}

const key = (p: PlanTargets, slots: number) => (slots ? p.years.join(',') : '') + `|${p.baseYear ?? ''}`;

/** Writes the sheet; returns the number of target rows. */
export function writeTargetSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, targets: TargetRow[], sections: Map<string, PlanSection>,
  compare: boolean, title: string, h: Heading, tick: () => void): number {
  const plans = byPlan(targets);
  const most = Math.max(0, ...plans.map((p) => p.years.length));
  const slots = most > MAX_YEAR_COLUMNS ? 0 : most;
  const years = new Map(plans.map((p) => [p.planId, p.years]));
  const columns = targetColumns(slots, (id) => years.get(id) ?? [], compare);
  for (let i = 0; i < slots; i++) columns[5 + i].keep = true;
  const layout = new Layout(columns);
  for (const t of targets) layout.measure({ n: 0, row: t });
  const [part] = arrange(layout);
  const tables = new Set(plans.map((p) => key(p, slots))).size;
  const sheet = new TableSheet<TargetRow>(wb, '主要指标完成情况表', title, part, h, { oneTable: tables === 1 });
  const slotAt = (i: number) => part.columns.indexOf(columns[5 + i]);
  const baseAt = part.columns.findIndex((c) => c.header === '基期值');

  let last = '';
  for (const p of plans) {
    if (key(p, slots) !== last) {
      last = key(p, slots);
      const labels: (string | undefined)[] = [];
      for (let i = 0; i < slots; i++) labels[slotAt(i)] = p.years[i] != null ? `${p.years[i]}年` : '';
      if (baseAt >= 0 && p.baseYear != null) labels[baseAt] = `${p.baseYear}年基期值`;
      const short = slots > 0 && p.years.length < slots;
      sheet.header(labels, short ? { from: slotAt(Math.max(0, p.years.length - 1)), to: slotAt(slots - 1) } : null);
    }
    sheet.band(sections.get(p.planId)?.band ?? p.rows[0].planTitle, 'section');
    const categories = new Set(p.rows.map((r) => r.category).filter(Boolean));
    let category = '';
    p.rows.forEach((row, i) => {
      if (categories.size > 0 && row.category && row.category !== category) {
        category = row.category;
        sheet.band(category, 'chapter');
      }
      sheet.write({ n: i + 1, row });
      tick();
    });
  }
  return sheet.close([h.office, h.date]);
}
