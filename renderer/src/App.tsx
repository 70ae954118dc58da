// The main window: toolbar (rounds, undo/redo, files, settings), tabs and search, the plan tree, the filter bar with saved
// views, the grid of the active tab or the dashboard, the detail panel, and the dialogs.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { ColumnState } from 'ag-grid-community';
import type { FileInput, PlanNode, Round, Settings } from '../../contract';
import { send, sendAhead, chooseFiles } from './api';
import { Toolbar, type DialogName } from './Toolbar';
import { PlanTree } from './views/PlanTree';
import { TasksView, taskPageArgs } from './views/TasksView';
import { TargetsView } from './views/TargetsView';
import { FilterBar } from './views/FilterBar';
import { SavedViews } from './views/SavedViews';
import { DetailPanel, type Selected } from './views/detail/DetailPanel';
import type { Drill } from './views/dashboard/Dashboard';
import { Dialogs } from './Dialogs';
import type { GridHandle } from './grid/EvalGrid';
import { FIRST_PAGE } from './grid/pages';
import { NO_FILTERS, type Filters } from './state/filters';
import { undoRedo, onChanged, announce } from './state/changes';
import { DefineTasksView, DefineTargetsView } from './views/define/DefineViews';
import { UnitDirectory } from './views/units/UnitDirectory';
import { onUnitsChanged } from './views/define/save';
import { afterFirstPage } from './state/startup';
import { Toasts, toastError } from './toast';

// The dashboard and its chart library load only when the dashboard is opened, keeping the first paint light.
const Dashboard = lazy(() => import('./views/dashboard/Dashboard').then((m) => ({ default: m.Dashboard })));
const ReturnsView = lazy(() => import('./views/returns/ReturnsView').then((m) => ({ default: m.ReturnsView })));

export type Tab = 'tasks' | 'targets' | 'dashboard' | 'units' | 'returns';
interface ViewState { filters: Filters; grouping: boolean; columns: ColumnState[] }

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (!!t.closest('input, textarea, select') || t.isContentEditable);

export function App() {
  const [rounds, setRounds] = useState<Round[]>([]);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tree, setTree] = useState<PlanNode[]>([]);
  const [units, setUnits] = useState<string[]>([]);
  const [tab, setTab] = useState<Tab>('tasks');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [grouping, setGrouping] = useState(false);
  const [compareRoundId, setCompareRoundId] = useState<number | undefined>(undefined);
  const [selected, setSelected] = useState<Selected>(null);
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [importFiles, setImportFiles] = useState<FileInput[] | null>(null);
  const [version, setVersion] = useState(0);
  const [defining, setDefining] = useState(false);
  const grid = useRef<GridHandle | null>(null);

  const load = useCallback(async (atStart = false) => {
    try {
      const [r, s] = await Promise.all([send('rounds.list', {}), send('settings.get', {})]);
      // The task grid opens first, unfiltered: its first page is asked for now, while the grid is being built.
      if (atStart && s.currentRoundId != null) sendAhead('tasks.query', taskPageArgs(NO_FILTERS, { offset: 0, limit: FIRST_PAGE }, s.currentRoundId));
      setRounds(r);
      setSettings(s);
      await afterFirstPage();
      const [t, u] = await Promise.all([send('plans.tree', {}), send('units.list', {})]);
      setTree(t);
      setUnits(u.map((x) => x.unit));
    } catch (e) {
      toastError(e);
    }
  }, []);
  useEffect(() => { void load(true); }, [load]);
  // Rows added, deleted or moved, plan details or unit names changed: the tree and the unit list are read again.
  const reloadLists = useCallback(() => {
    Promise.all([send('plans.tree', {}), send('units.list', {})]).then(([t, u]) => { setTree(t); setUnits(u.map((x) => x.unit)); }, toastError);
  }, []);
  useEffect(() => onChanged((c) => { if (c.plans?.length) reloadLists(); }), [reloadLists]);
  useEffect(() => onUnitsChanged(reloadLists), [reloadLists]);

  const undo = useCallback((kind: 'undo' | 'redo') => void undoRedo(kind).catch(toastError), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || typing(e.target) || document.querySelector('.dlg-backdrop')) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) { e.preventDefault(); undo('undo'); }
      else if (k === 'y' || (k === 'z' && e.shiftKey)) { e.preventDefault(); undo('redo'); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo]);

  const roundId = settings?.currentRoundId ?? null;
  const round = rounds.find((r) => r.id === roundId) ?? null;

  const changeRound = async (id: number) => {
    try {
      setSettings(await send('settings.setCurrentRound', { roundId: id }));
      if (compareRoundId === id) setCompareRoundId(undefined);
    } catch (e) {
      toastError(e);
    }
  };

  const openDialog = async (d: DialogName) => {
    if (d !== 'import') { setDialog(d); return; }
    try {
      const files = await chooseFiles('plans');
      if (files.length) { setImportFiles(files); setDialog('import'); }
    } catch (e) {
      toastError(e);
    }
  };

  const drill = (d: Drill) => {
    setFilters({
      ...NO_FILTERS, planId: d.by === 'plan' ? d.key : null, unit: d.by === 'unit' ? d.key : '',
      statuses: !d.field && d.entity === 'task' && d.value ? [d.value as Filters['statuses'][number]] : [],
      verdicts: !d.field && d.entity === 'target' && d.value ? [d.value as Filters['verdicts'][number]] : [],
      lights: d.field === 'light' && d.value ? [d.value as Filters['lights'][number]] : [],
      standings: d.field === 'standing' && d.value ? [d.value as Filters['standings'][number]] : [],
    });
    setGrouping(false);
    setTab(d.entity === 'task' ? 'tasks' : 'targets');
  };

  const onReady = useCallback((h: GridHandle | null) => { grid.current = h; }, []);
  const select = (kind: 'task' | 'target') => (row: { id: string } | null) =>
    setSelected((s) => (!row ? s : s?.kind === kind && s.id === row.id ? s : { kind, id: row.id }));

  const gridProps = roundId != null && settings
    ? { roundId, compareRoundId, filters, grouping, settings, onReady } : null;

  return (
    <div className="app">
      <Toolbar rounds={rounds} roundId={roundId} compareRoundId={compareRoundId} onRound={(id) => void changeRound(id)}
        onCompare={setCompareRoundId} onDialog={(d) => void openDialog(d)} onUndo={() => undo('undo')} onRedo={() => undo('redo')}
        onReturns={() => setTab('returns')} />
      <div className="subbar">
        <nav className="tabs" role="tablist">
          {(['tasks', 'targets', 'dashboard', 'units'] as const).map((t) => (
            <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'active' : ''} onClick={() => setTab(t)}>
              {{ tasks: '任务', targets: '指标', dashboard: '看板', units: '责任单位' }[t]}
            </button>
          ))}
        </nav>
        <button type="button" className={`define-toggle${defining ? ' on' : ''}`} aria-pressed={defining} title="修改规划本身:任务、指标、单位、完成时限、基期和目标值"
          onClick={() => { setDefining((d) => !d); if (tab !== 'tasks' && tab !== 'targets') setTab('tasks'); }}>{defining ? '✓ 编辑规划' : '编辑规划'}</button>
        <input className="search" type="search" placeholder="搜索标题和正文(如:氢能、芯片)" aria-label="搜索"
          value={filters.search} onChange={(e) => setFilters({ ...filters, search: e.target.value })} />
        {round && <span className="muted round-note">当前:{round.name},截至 {round.cutoff}{round.dataDate ? `,数据截至 ${round.dataDate}` : ''}
          {round.finalizedAt && <span className="round-final">(已定稿)</span>}</span>}
      </div>
      <div className="body">
        <aside className="sidebar">
          <PlanTree tree={tree} selection={{ planId: filters.planId, chapter: filters.chapter }}
            onSelect={(s) => setFilters({ ...filters, planId: s.planId, chapter: s.chapter })} />
        </aside>
        <main className="main">
          {(tab === 'tasks' || tab === 'targets') && (
            <FilterBar grid={tab} filters={filters} onFilters={setFilters} units={units} grouping={grouping} onGrouping={setGrouping}>
              <SavedViews<ViewState> grid={tab}
                current={() => ({ filters, grouping, columns: grid.current?.api.getColumnState() ?? [] })}
                apply={(v) => {
                  setFilters({ ...NO_FILTERS, ...v.filters });
                  setGrouping(!!v.grouping);
                  if (v.columns?.length) grid.current?.api.applyColumnState({ state: v.columns, applyOrder: true });
                }} />
            </FilterBar>
          )}
          {gridProps && tab === 'tasks' && !defining && <TasksView key={`t${version}`} {...gridProps} onSelect={select('task')} />}
          {gridProps && tab === 'targets' && !defining && <TargetsView key={`g${version}`} {...gridProps} onSelect={select('target')} />}
          {gridProps && tab === 'tasks' && defining && <DefineTasksView key={`dt${version}`} {...gridProps} tree={tree} onSelect={select('task')} />}
          {gridProps && tab === 'targets' && defining && <DefineTargetsView key={`dg${version}`} {...gridProps} tree={tree} onSelect={select('target')} />}
          {tab === 'units' && <UnitDirectory onShow={(unit) => { setFilters({ ...NO_FILTERS, unit }); setTab('tasks'); }} />}
          {roundId != null && tab === 'dashboard' && <Suspense fallback={<p className="muted">正在载入看板…</p>}><Dashboard key={`d${version}`} roundId={roundId} onDrill={drill} /></Suspense>}
          {round && tab === 'returns' && <Suspense fallback={<p className="muted">正在载入回收看板…</p>}><ReturnsView key={`r${version}`} roundId={round.id} roundName={round.name} onApplied={announce} /></Suspense>}
        </main>
        {(tab === 'tasks' || tab === 'targets') && <DetailPanel selected={selected} round={round} compareRoundId={compareRoundId} define={defining} tree={tree} />}
      </div>
      {dialog && settings && (
        <Dialogs dialog={dialog} rounds={rounds} round={round} settings={settings} compareRoundId={compareRoundId}
          filters={filters} grid={tab === 'tasks' || tab === 'targets' ? grid.current : null} tab={tab} importFiles={importFiles}
          onClose={() => { setDialog(null); setImportFiles(null); }}
          onSettings={setSettings}
          onReload={async (roundToSelect) => {
            await load();
            if (roundToSelect != null) await changeRound(roundToSelect);
            setVersion((v) => v + 1);
          }} />
      )}
      <Toasts />
    </div>
  );
}
