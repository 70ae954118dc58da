// The review filters shared by the task and target grids and the dashboard: what they hold and the query arguments they give.
import type { TaskKind, TaskStatus, TargetScope, Verdict, Flag } from '../../../contract/model';
import type { Standing } from '../../../contract/lights';

/** `lights` and `standings` narrow both grids (the dashboard's light counts and the unit ranking open them). */
export interface Filters {
  planId: string | null; chapter: string[]; kinds: TaskKind[]; scopes: TargetScope[]; unit: string;
  statuses: TaskStatus[]; verdicts: Verdict[]; changedSince: string; search: string;
  lights: Flag[]; standings: Standing[];
}

export const NO_FILTERS: Filters = {
  planId: null, chapter: [], kinds: [], scopes: [], unit: '', statuses: [], verdicts: [], changedSince: '', search: '',
  lights: [], standings: [],
};

const list = <T>(xs: T[]) => (xs.length ? xs : undefined);

function common(f: Filters) {
  return {
    planIds: f.planId ? [f.planId] : undefined,
    unit: f.unit || undefined,
    search: f.search.trim() || undefined,
    changedSince: f.changedSince || undefined,
    lights: list(f.lights ?? []),
    standings: list(f.standings ?? []),
  };
}

export const taskArgs = (f: Filters) => ({
  ...common(f), chapter: list(f.chapter), kinds: list(f.kinds), statuses: list(f.statuses),
});

export const targetArgs = (f: Filters) => ({ ...common(f), scopes: list(f.scopes), verdicts: list(f.verdicts) });

/** How many filters (besides the tree and the search box) narrow the grid now. */
export function activeFilters(f: Filters, grid: 'tasks' | 'targets'): number {
  const shared = (f.unit ? 1 : 0) + (f.changedSince ? 1 : 0) + (f.lights?.length ? 1 : 0) + (f.standings?.length ? 1 : 0);
  return shared + (grid === 'tasks' ? (f.kinds.length ? 1 : 0) + (f.statuses.length ? 1 : 0) : (f.scopes.length ? 1 : 0) + (f.verdicts.length ? 1 : 0));
}
