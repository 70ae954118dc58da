// The main window: toolbar (round, search, actions), plan tree on the left, the grid of the active tab, the detail panel.
import { useCallback, useEffect, useState } from 'react';
import { send } from './api';
import type { PlanNode, Round, Settings, TaskRow, TargetRow } from '../../core/contract';
import { PlanTree, type TreeSelection } from './views/PlanTree';
import { TasksView } from './views/TasksView';
import { TargetsView } from './views/TargetsView';
import { DetailPanel } from './views/DetailPanel';
import { Toasts, toastError } from './toast';

export type Tab = 'tasks' | 'targets';
export type Selected = { kind: 'task'; row: TaskRow } | { kind: 'target'; row: TargetRow } | null;

export function App() {
  const [rounds, setRounds] = useState<Round[]>([]);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tree, setTree] = useState<PlanNode[]>([]);
  const [scope, setScope] = useState<TreeSelection>({ planId: null, chapter: [] });
  const [tab, setTab] = useState<Tab>('tasks');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Selected>(null);
  const [refreshKey, setRefreshKey] = useState(0);

  const load = useCallback(async () => {
    try {
      const [r, s, t] = await Promise.all([send('rounds.list', {}), send('settings.get', {}), send('plans.tree', {})]);
      setRounds(r);
      setSettings(s);
      setTree(t);
    } catch (e) {
      toastError(e);
    }
  }, []);
  useEffect(() => { void load(); }, [load]);

  const roundId = settings?.currentRoundId ?? null;
  const round = rounds.find((r) => r.id === roundId) ?? null;

  const changeRound = async (id: number) => {
    try {
      setSettings(await send('settings.setCurrentRound', { roundId: id }));
    } catch (e) {
      toastError(e);
    }
  };

  return (
    <div className="app">
      <header className="toolbar">
        <div className="brand">规划评估台</div>
        <label className="field">
          <span>评估轮次</span>
          <select aria-label="评估轮次" value={roundId ?? ''} onChange={(e) => void changeRound(Number(e.target.value))}>
            {rounds.map((r) => <option key={r.id} value={r.id}>{r.name}(截至 {r.cutoff})</option>)}
          </select>
        </label>
        <nav className="tabs" role="tablist">
          <button role="tab" aria-selected={tab === 'tasks'} className={tab === 'tasks' ? 'active' : ''} onClick={() => setTab('tasks')}>任务</button>
          <button role="tab" aria-selected={tab === 'targets'} className={tab === 'targets' ? 'active' : ''} onClick={() => setTab('targets')}>指标</button>
        </nav>
        <input className="search" type="search" placeholder="搜索标题和正文(如:氢能、芯片)" aria-label="搜索"
          value={search} onChange={(e) => setSearch(e.target.value)} />
      </header>
      <div className="body">
        <aside className="sidebar">
          <PlanTree tree={tree} selection={scope} onSelect={setScope} />
        </aside>
        <main className="main">
          {roundId != null && settings && (tab === 'tasks'
            ? <TasksView key={`t${refreshKey}`} roundId={roundId} scope={scope} search={search} settings={settings}
                onSelect={(row) => setSelected(row ? { kind: 'task', row } : null)} />
            : <TargetsView key={`g${refreshKey}`} roundId={roundId} scope={scope} search={search} settings={settings}
                onSelect={(row) => setSelected(row ? { kind: 'target', row } : null)} />)}
        </main>
        <DetailPanel selected={selected} round={round} onChanged={() => setRefreshKey((k) => k + 1)} />
      </div>
      <Toasts />
    </div>
  );
}
