// The window's remembered arrangement: whether the plan tree and the detail panel are open, the detail panel's width,
// rows that grow to their text (per grid), and the first-run guide closed for good. Kept in the database with the
// grids' column layouts (settings.setLayout under "window"), so it is the same on the next start.
import type { Settings } from '../../../contract';
import { send } from '../api';

export interface UiPrefs {
  treeOpen: boolean;
  detailOpen: boolean;
  /** The detail panel's width in pixels; 0 until the planner drags it (then the window's size decides). */
  detailWidth: number;
  /** Grids whose rows grow to show all their text. */
  grow: Record<string, boolean>;
  guideClosed: boolean;
}

export const DETAIL_MIN = 260;
export const DETAIL_MAX = 720;
const DEFAULT_UI: UiPrefs = { treeOpen: true, detailOpen: true, detailWidth: 0, grow: {}, guideClosed: false };

export function uiPrefs(settings: Settings | null): UiPrefs {
  const saved = settings?.layouts?.window as Partial<UiPrefs> | undefined;
  return { ...DEFAULT_UI, ...(saved && typeof saved === 'object' ? saved : {}) };
}

/** The detail panel's width: the planner's own, else a share of the window that leaves the grid its columns. */
export const detailWidth = (p: UiPrefs, windowWidth: number): number =>
  p.detailWidth ? Math.min(DETAIL_MAX, Math.max(DETAIL_MIN, p.detailWidth)) : windowWidth >= 1700 ? 420 : windowWidth >= 1440 ? 360 : 320;

let timer: ReturnType<typeof setTimeout> | undefined;
/** Saves the arrangement a moment after the last change (a drag of the splitter changes it many times). */
export function saveUiSoon(p: UiPrefs): void {
  clearTimeout(timer);
  timer = setTimeout(() => void send('settings.setLayout', { grid: 'window', layout: p }).catch(() => undefined), 300);
}
