// Time progress (序时进度) helpers: dates as positions on a year axis, elapsed fractions, and interpolation between milestones.
//
// A year Y as a point on the axis: a value "for 2022" is the value at the end of 2022, i.e. position 2023.0.
// A date's position is year + dayOfYear / daysInYear, so 2023-12-31 → 2024.0 and 2023-06-30 → 2023 + 181/365.

/** Rounds to one decimal place, the precision every percentage is shown and judged at. */
export function round1(x: number): number {
  const r = Math.round(x * 10) / 10;
  return Object.is(r, -0) ? 0 : r;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** "YYYY-MM-DD" → its position on the year axis; null when the text is not a real calendar date. */
export function datePosition(text: string): number | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(String(text ?? '').trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  const dayOfYear = Math.round((t - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
  return y + dayOfYear / (isLeap(y) ? 366 : 365);
}

/** The position at which the value written for year Y is due: the end of that year. */
export const yearEnd = (year: number): number => year + 1;

/** Elapsed share (0–1, clamped) of the span from the end of the baseline year to the end of the target year. */
export function elapsedShare(baseYear: number, targetYear: number, at: number): number {
  const span = yearEnd(targetYear) - yearEnd(baseYear);
  if (!(span > 0)) return at >= yearEnd(targetYear) ? 1 : 0;
  return Math.min(1, Math.max(0, (at - yearEnd(baseYear)) / span));
}

/** A point of the expected path: at position `at`, `share` percent of the final target should be done. */
export interface PathPoint { at: number; share: number }

/**
 * The expected completion (%) at position `at` on a path through the given points (sorted by position),
 * interpolated linearly inside the segment `at` falls in and held flat before the first and after the last point.
 */
export function expectedOnPath(points: PathPoint[], at: number): number {
  if (!points.length) return 0;
  if (at <= points[0].at) return points[0].share;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (at <= b.at) return b.at === a.at ? b.share : a.share + ((at - a.at) / (b.at - a.at)) * (b.share - a.share);
  }
  return points[points.length - 1].share;
}
