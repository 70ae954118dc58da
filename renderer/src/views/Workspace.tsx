// An evaluation grid's workspace: the plan tree (folds), the filters with the saved views, the grid of tasks or
// targets, and the detail panel of the focused row (folds and widens, remembered). It gives the window the panes F6
// moves between.
import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type ForwardedRef } from 'react';
import type { ColumnState } from 'ag-grid-community';
import type { PlanNode, Round, Settings } from '../../../contract';
import { PlanTree } from './PlanTree';
import { TasksView } from './TasksView';
import { TargetsView } from './TargetsView';
import { DefineTasksView, DefineTargetsView } from './define/DefineViews';
import { FilterBar } from './FilterBar';
import { SavedViews } from './SavedViews';
import { EmptyGrid } from './Guide';
import { DetailPanel, type Selected } from './detail/DetailPanel';
import { SidePane } from '../components/SidePane';
import type { GridHandle } from '../grid/EvalGrid';
import { activeFilters, NO_FILTERS, type Filters } from '../state/filters';
import { searchTerms } from '../state/highlight';
import { detailWidth, DETAIL_MAX, DETAIL_MIN, type UiPrefs } from '../state/ui';

interface ViewState { filters: Filters; grouping: boolean; columns: ColumnState[] }

export interface WorkspaceHandle {
  panes(): { el: HTMLElement | null; focus(): void }[];
  focusGrid(): void;
  grid(): GridHandle | null;
}

interface Props {
  grid: 'tasks' | 'targets'; roundId: number; round: Round | null; compareRoundId?: number; compareName?: string;
  settings: Settings; tree: PlanNode[] | null; units: string[];
  filters: Filters; onFilters(f: Filters): void; grouping: boolean; onGrouping(g: boolean): void;
  ui: UiPrefs; onUi(p: Partial<UiPrefs>): void; onImport(): void;
  /** 编辑规划: the plan's own fields (tasks, targets, units, deadlines, baselines and milestones) instead of the evaluation. */
  define: boolean;
}

const useWindowWidth = () => {
  const [w, setW] = useState(window.innerWidth);
  useEffect(() => { const on = () => setW(window.innerWidth); window.addEventListener('resize', on); return () => window.removeEventListener('resize', on); }, []);
  return w;
};

function WorkspaceIn(p: Props, ref: ForwardedRef<WorkspaceHandle>) {
  const [selected, setSelected] = useState<Selected>(null);
  const grid = useRef<GridHandle | null>(null);
  const treePane = useRef<HTMLElement>(null);
  const detailPane = useRef<HTMLElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const width = useWindowWidth();
  const kind = p.grid === 'tasks' ? 'task' : 'target';
  const noun = p.grid === 'tasks' ? '任务' : '指标';

  useImperativeHandle(ref, () => ({
    grid: () => grid.current,
    focusGrid: () => grid.current?.focus(),
    panes: () => [
      { el: treePane.current, focus: () => (treePane.current?.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"], .pane-rail'))?.focus() },
      { el: mainRef.current, focus: () => grid.current?.focus() },
      { el: detailPane.current, focus: () => (detailPane.current?.querySelector<HTMLElement>('.pane-body input, .pane-body textarea, .pane-body select, .pane-rail') ?? detailPane.current)?.focus() },
    ],
  }));

  const f = p.filters;
  const filtered = activeFilters(f, p.grid, p.compareRoundId != null) > 0 || !!f.search.trim() || f.planId != null;
  const gridProps = {
    roundId: p.roundId, compareRoundId: p.compareRoundId, compareName: p.compareName, filters: f, grouping: p.grouping, settings: p.settings,
    grow: !!p.ui.grow[p.grid], onGrow: (g: boolean) => p.onUi({ grow: { ...p.ui.grow, [p.grid]: g } }),
    onReady: (h: GridHandle | null) => { grid.current = h; },
    onSelect: (row: { id: string } | null) => setSelected((s) => (!row ? null : s?.kind === kind && s.id === row.id ? s : { kind, id: row.id } as Selected)),
    barEnd: (
      <SavedViews<ViewState> grid={p.grid}
        current={() => ({ filters: f, grouping: p.grouping, columns: grid.current?.api.getColumnState() ?? [] })}
        apply={(v) => {
          p.onFilters({ ...NO_FILTERS, ...v.filters });
          p.onGrouping(!!v.grouping);
          if (v.columns?.length) grid.current?.api.applyColumnState({ state: v.columns, applyOrder: true });
        }} />
    ),
    empty: <EmptyGrid noun={noun} hasPlans={p.tree == null || p.tree.length > 0} filtered={filtered} onImport={p.onImport}
      onClear={() => p.onFilters({ ...NO_FILTERS })} />,
  };

  return (
    <>
      <SidePane side="left" title="规划" open={p.ui.treeOpen} onOpen={(o) => p.onUi({ treeOpen: o })} width={width >= 1700 ? 280 : 220} paneRef={treePane} className="sidebar">
        <PlanTree tree={p.tree ?? []} selection={{ planId: f.planId, chapter: f.chapter }} onSelect={(s) => p.onFilters({ ...f, planId: s.planId, chapter: s.chapter })} />
      </SidePane>
      <main className="main" ref={mainRef}>
        <FilterBar grid={p.grid} filters={f} onFilters={p.onFilters} units={p.units} comparing={p.compareRoundId != null} grouping={p.grouping} onGrouping={p.onGrouping} />
        {p.define
          ? (p.grid === 'tasks' ? <DefineTasksView {...gridProps} tree={p.tree ?? []} /> : <DefineTargetsView {...gridProps} tree={p.tree ?? []} />)
          : (p.grid === 'tasks' ? <TasksView {...gridProps} /> : <TargetsView {...gridProps} />)}
      </main>
      <SidePane side="right" title="详情" open={p.ui.detailOpen} onOpen={(o) => p.onUi({ detailOpen: o })} paneRef={detailPane} className="detail"
        width={detailWidth(p.ui, width)} onWidth={(w) => p.onUi({ detailWidth: w })} min={DETAIL_MIN} max={Math.min(DETAIL_MAX, Math.round(width * 0.5))}>
        <DetailPanel selected={selected} round={p.round} compareRoundId={p.compareRoundId} terms={searchTerms(f.search)} noun={noun} define={p.define} tree={p.tree} />
      </SidePane>
    </>
  );
}

export const Workspace = forwardRef(WorkspaceIn);
