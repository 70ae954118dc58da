// A target value written once, in the plan's own notation: the value as the document wrote it when it already carries
// its qualifier or brackets ("98以上", "[200]", ">40.0"), else composed from the parts ("超过800", "[200]", "16左右").
// Pure and shared: the grids and the detail panel, the reports and the returns workbooks all write 目标值 with it.
import type { Milestone } from './model';

/** The qualifiers a plan writes with a figure (以上, 左右, 超过 …), longest first where one contains another. */
export const NOTATION_QUALIFIERS = ['以上', '左右', '超过', '不低于', '不少于', '不高于', '不超过', '以内', '以下', '约', '>', '≥', '<', '≤', '力争', '达到'] as const;

/** Qualifiers a plan writes before the figure (超过800, ≥40); the others follow it (1300以上, 15左右). */
const BEFORE = new Set<string>(['超过', '不低于', '不少于', '不高于', '不超过', '约', '>', '≥', '<', '≤', '力争', '达到']);

const BRACKETED = /^\s*[[【〔［(（]/;
const QUALIFIED = new RegExp(NOTATION_QUALIFIERS.map((q) => q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
const FULLWIDTH = /[０-９．％＋－＞＜]/g;
const halfWidth = (s: string) => s.replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** The text carries a qualifier of its own (in either width: "≥40", "＞40" reads as ">40"). */
const hasQualifier = (value: string, qualifier: string): boolean => {
  const v = halfWidth(value);
  return (qualifier !== '' && v.includes(qualifier)) || QUALIFIED.test(v);
};

/**
 * One milestone as the plan writes it. Without `unit` for a table cell beside a 单位 column ("[200]", "3.0以上");
 * with it for running text, the unit after the figure and a period total said in words ("累计200亿元", "3.0%以上").
 */
export function targetNotation(m: Pick<Milestone, 'value' | 'qualifier' | 'cumulative'>, unit = ''): string {
  const value = String(m.value ?? '').trim();
  if (!value) return '';
  const qualifier = (m.qualifier ?? '').trim();
  const written = hasQualifier(value, qualifier);
  const bracketed = BRACKETED.test(value) || /累计/.test(value);
  const hasUnit = unit !== '' && value.includes(unit);
  if (written) {
    // The document's own text; a unit goes right after its figure ("≥40%", "98%以上").
    if (!unit || hasUnit) return value;
    const at = value.search(/\d(?![\d.,])/);
    return at < 0 ? value : `${value.slice(0, at + 1)}${unit}${value.slice(at + 1)}`;
  }
  const withUnit = unit && !hasUnit && /\d[\]】〕］)）]?$/.test(value) ? unit : '';
  const core = m.cumulative && !bracketed ? (unit ? `累计${value}` : `[${value}]`) : value;
  const figure = `${core}${withUnit}`;
  if (!qualifier) return figure;
  return BEFORE.has(qualifier) ? `${qualifier}${figure}` : `${figure}${qualifier}`;
}

/** Every milestone of a target on its own line: "2022年：1200", "2025年：1500以上". */
export function milestoneLines(ms: Pick<Milestone, 'year' | 'value' | 'qualifier' | 'cumulative'>[], unit = ''): string {
  return ms.map((m) => `${m.year}年：${targetNotation(m, unit)}`).join('\n');
}

/**
 * A grid cell of 目标值: the one milestone as written ("16左右"), or each with its year when there are several
 * ("2022年 1200;2025年 1500以上").
 */
export function milestonesCell(ms: Pick<Milestone, 'year' | 'value' | 'qualifier' | 'cumulative'>[]): string {
  if (ms.length === 1) return targetNotation(ms[0]);
  return ms.map((m) => `${m.year}年 ${targetNotation(m)}`).join(';');
}
