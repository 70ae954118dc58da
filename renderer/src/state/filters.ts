// The review filters shared by the task and target grids and the dashboard: what they hold and the query arguments they give.
import type { TaskKind, TaskStatus, TargetScope, Verdict, Flag } from '../../../contract/model';
import type { Standing } from '../../../contract/lights';

/** `lights` and `standings` narrow both grids (the dashboard's light counts and the unit ranking open them). */
export interface Filters {
  planId: string | null; chapter: string[]; kinds: TaskKind[]; scopes: TargetScope[]; unit: string;
  statuses: TaskStatus[]; verdicts: Verdict[]; changedSince: string; search: string;
  lights: Flag[]; standings: Standing[];
  /** 只看有变化: with a comparison round, only the rows whose evaluation differs from it. */
  changedOnly: boolean;
}

export const NO_FILTERS: Filters = {
  planId: null, chapter: [], kinds: [], scopes: [], unit: '', statuses: [], verdicts: [], changedSince: '', search: '',
  lights: [], standings: [], changedOnly: false,
};

const list = <T>(xs: T[]) => (xs.length ? xs : undefined);

function common(f: Filters, compareRoundId?: number) {
  return {
    planIds: f.planId ? [f.planId] : undefined,
    unit: f.unit || undefined,
    search: f.search.trim() || undefined,
    changedSince: f.changedSince || undefined,
    lights: list(f.lights ?? []),
    standings: list(f.standings ?? []),
    changedFromCompare: compareRoundId != null && f.changedOnly ? true : undefined,
  };
}

export const taskArgs = (f: Filters, compareRoundId?: number) => ({
  ...common(f, compareRoundId), chapter: list(f.chapter), kinds: list(f.kinds), statuses: list(f.statuses),
});

export const targetArgs = (f: Filters, compareRoundId?: number) => ({ ...common(f, compareRoundId), scopes: list(f.scopes), verdicts: list(f.verdicts) });

/** How many filters (besides the tree and the search box) narrow the grid now. */
export function activeFilters(f: Filters, grid: 'tasks' | 'targets', comparing = false): number {
  const shared = (f.unit ? 1 : 0) + (f.changedSince ? 1 : 0) + (f.lights?.length ? 1 : 0) + (f.standings?.length ? 1 : 0) + (comparing && f.changedOnly ? 1 : 0);
  return shared + (grid === 'tasks' ? (f.kinds.length ? 1 : 0) + (f.statuses.length ? 1 : 0) : (f.scopes.length ? 1 : 0) + (f.verdicts.length ? 1 : 0));
}
