// The main window: the toolbar, the tabs and the search, the first-run guide, and the active view of views/registry.ts:
// an evaluation grid with the plan tree, the filters and the detail panel (views/Workspace.tsx), or a page (the
// dashboard, the administration page). The window's keys, the dialogs and the messages.
import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { FileInput, PlanNode, Round, Settings } from '../../contract';
import { send, sendAhead, chooseFiles } from './api';
import { Toolbar } from './Toolbar';
import { taskPageArgs } from './views/TasksView';
import { Workspace, type WorkspaceHandle } from './views/Workspace';
import { Guide } from './views/Guide';
import type { Drill } from './views/dashboard/Dashboard';
import { VIEWS, viewById, type DialogName, type PageProps } from './views/registry';
import { Dialogs } from './Dialogs';
import { FIRST_PAGE } from './grid/pages';
import { NO_FILTERS, type Filters } from './state/filters';
import { undoRedo, onChanged, announce } from './state/changes';
import { onUnitsChanged } from './views/define/save';
import { afterFirstPage } from './state/startup';
import { useWindowKeys } from './state/keys';
import { uiPrefs, saveUiSoon, type UiPrefs } from './state/ui';
import { Toasts, toastError } from './toast';

export function App() {
  const [rounds, setRounds] = useState<Round[]>([]);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tree, setTree] = useState<PlanNode[] | null>(null);
  const [units, setUnits] = useState<string[]>([]);
  const [view, setView] = useState('tasks');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [grouping, setGrouping] = useState(false);
  const [compareRoundId, setCompareRoundId] = useState<number | undefined>(undefined);
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [importFiles, setImportFiles] = useState<FileInput[] | null>(null);
  const [version, setVersion] = useState(0);
  const [defining, setDefining] = useState(false);
  const [ui, setUiState] = useState<UiPrefs>(() => uiPrefs(null));
  const work = useRef<WorkspaceHandle | null>(null);
  const search = useRef<HTMLInputElement>(null);

  const load = useCallback(async (atStart = false) => {
    try {
      const [r, s] = await Promise.all([send('rounds.list', {}), send('settings.get', {})]);
      // The task grid opens first, unfiltered: its first page is asked for now, while the grid is being built.
      if (atStart && s.currentRoundId != null) sendAhead('tasks.query', taskPageArgs(NO_FILTERS, { offset: 0, limit: FIRST_PAGE }, s.currentRoundId));
      setRounds(r);
      setSettings(s);
      if (atStart) setUiState(uiPrefs(s));
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

  const setUi = (patch: Partial<UiPrefs>) => setUiState((u) => { const n = { ...u, ...patch }; saveUiSoon(n); return n; });
  const undo = useCallback((kind: 'undo' | 'redo') => void undoRedo(kind).catch(toastError), []);
  const current = viewById(view);
  useWindowKeys({
    undo: () => undo('undo'), redo: () => undo('redo'),
    search: () => { search.current?.focus(); search.current?.select(); },
    panes: () => work.current?.panes() ?? [],
  });

  const roundId = settings?.currentRoundId ?? null;
  const round = rounds.find((r) => r.id === roundId) ?? null;
  const compareRound = rounds.find((r) => r.id === compareRoundId);

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
    setView(d.entity === 'task' ? 'tasks' : 'targets');
  };

  const reload = async (roundToSelect?: number) => {
    await load();
    if (roundToSelect != null) await changeRound(roundToSelect);
    setVersion((v) => v + 1);
  };
  const pageProps: PageProps | null = round && settings
    ? { round, rounds, settings, tree: tree ?? [], onSettings: setSettings, onReload: reload, onDrill: drill, onApplied: announce } : null;

  return (
    <div className="app">
      <Toolbar rounds={rounds} roundId={roundId} compareRoundId={compareRoundId} view={view} onRound={(id) => void changeRound(id)}
        onCompare={setCompareRoundId} onDialog={(d) => void openDialog(d)} onView={setView} onUndo={() => undo('undo')} onRedo={() => undo('redo')} />
      <div className="subbar">
        <nav className="tabs" role="tablist" aria-label="视图">
          {VIEWS.filter((v) => v.place === 'tab').map((v) => (
            <button key={v.id} role="tab" aria-selected={view === v.id} className={view === v.id ? 'active' : ''} title={v.title} onClick={() => setView(v.id)}>
              {v.label}
            </button>
          ))}
          {current.place === 'toolbar' && <button role="tab" aria-selected className="active">{current.label}</button>}
        </nav>
        <input ref={search} className="search" type="search" placeholder="搜索任务、指标、进展情况、存在问题、单位…(Ctrl+F)" aria-label="搜索"
          title="在标题、正文、分项、单位和本轮的进展情况、存在问题、下步打算、备注中搜索;多个词用空格分开"
          value={filters.search} onChange={(e) => { setFilters({ ...filters, search: e.target.value }); if (!current.grid) setView('tasks'); }} />
        <button type="button" className={`define-toggle${defining ? ' on' : ''}`} aria-pressed={defining} title="修改规划本身:任务、指标、单位、完成时限、基期和目标值"
          onClick={() => { setDefining((d) => !d); if (!current.grid) setView('tasks'); }}>{defining ? '✓ 编辑规划' : '编辑规划'}</button>
        {round && (round.dataDate || round.finalizedAt) && (
          <span className="muted round-note">{round.dataDate ? `数据截至 ${round.dataDate}` : ''}{round.finalizedAt && <span className="round-final">(已定稿)</span>}</span>
        )}
      </div>
      {!ui.guideClosed && settings && (
        <Guide onClose={() => setUi({ guideClosed: true })} steps={{
          importPlans: () => void openDialog('import'),
          evaluate: () => { setView('tasks'); setTimeout(() => work.current?.focusGrid(), 0); },
          sendReturns: () => void openDialog('returns'),
          exportReport: () => void openDialog('export'),
        }} />
      )}
      <div className="body">
        {current.grid && roundId != null && settings ? (
          <Workspace key={`${current.grid}${defining ? 'd' : ''}${version}`} ref={work} grid={current.grid} roundId={roundId} round={round}
            compareRoundId={compareRoundId} compareName={compareRound?.name} settings={settings} tree={tree} units={units}
            filters={filters} onFilters={setFilters} grouping={grouping} onGrouping={setGrouping} ui={ui} onUi={setUi}
            onImport={() => void openDialog('import')} define={defining} />
        ) : current.render && pageProps ? (
          <main key={`${view}${version}`} className="main page"><Suspense fallback={<p className="muted">正在载入…</p>}>{current.render({ ...pageProps })}</Suspense></main>
        ) : null}
      </div>
      {dialog && settings && (
        <Dialogs dialog={dialog} rounds={rounds} round={round} compareRoundId={compareRoundId}
          filters={filters} grid={current.grid ? work.current?.grid() ?? null : null} tab={current.grid ?? view} importFiles={importFiles}
          onClose={() => { setDialog(null); setImportFiles(null); }}
          onReload={reload} />
      )}
      <Toasts />
    </div>
  );
}
