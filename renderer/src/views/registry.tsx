// What the window offers, as two small lists others append to: the views (grids as tabs; pages such as the dashboard
// or the administration page, as tabs or reached from the toolbar) and the toolbar's entries (a dialog or a view).
// A new page is an entry here with its render function; a new dialog is a case in Dialogs.tsx and an entry here.
import { lazy, type ReactNode } from 'react';
import type { Changed, PlanNode, Round, Settings } from '../../../contract';
import type { Drill } from './dashboard/Dashboard';

const Dashboard = lazy(() => import('./dashboard/Dashboard').then((m) => ({ default: m.Dashboard })));
const AdminPage = lazy(() => import('./admin/AdminPage').then((m) => ({ default: m.AdminPage })));
const ReturnsView = lazy(() => import('./returns/ReturnsView').then((m) => ({ default: m.ReturnsView })));
const UnitDirectory = lazy(() => import('./units/UnitDirectory').then((m) => ({ default: m.UnitDirectory })));

/** What a page is given. */
export interface PageProps {
  round: Round; rounds: Round[]; settings: Settings; tree: PlanNode[];
  onSettings(s: Settings): void;
  /** Reads rounds, settings, plans and units again and refreshes the grids; a round to make current after it. */
  onReload(roundToSelect?: number): Promise<void>;
  /** Opens a grid filtered to exactly the rows of a count. */
  onDrill(d: Drill): void;
  /** Tells the open grids what a page changed (returns applied). */
  onApplied(c: Changed): void;
}

export interface ViewEntry {
  id: string; label: string;
  /** A tab under the toolbar, or a page reached from the toolbar (with a button back to the grids). */
  place: 'tab' | 'toolbar';
  /** The evaluation grid the view shows, with the plan tree, the filters and the detail panel. */
  grid?: 'tasks' | 'targets';
  render?(p: PageProps): ReactNode;
  title?: string;
}

export const VIEWS: ViewEntry[] = [
  { id: 'tasks', label: '任务', place: 'tab', grid: 'tasks' },
  { id: 'targets', label: '指标', place: 'tab', grid: 'targets' },
  { id: 'dashboard', label: '看板', place: 'tab', render: (p) => <Dashboard key={p.round.id} roundId={p.round.id} onDrill={p.onDrill} /> },
  {
    id: 'units', label: '责任单位', place: 'tab', title: '责任单位名录:合并同一单位的不同写法,查看各单位的任务和指标',
    render: (p) => <UnitDirectory onShow={(unit) => p.onDrill({ entity: 'task', by: 'unit', key: unit, value: null })} />,
  },
  {
    id: 'returns', label: '回收看板', place: 'toolbar', title: '各单位填报表的下发、回收与审核情况',
    render: (p) => <ReturnsView key={p.round.id} roundId={p.round.id} roundName={p.round.name} onApplied={p.onApplied} />,
  },
  {
    id: 'admin', label: '管理', place: 'toolbar', title: '删除规划或评估轮次、备份与恢复、操作人、评估单位、预警阈值',
    render: (p) => <AdminPage {...p} />,
  },
];

export type DialogName = 'round-new' | 'round-edit' | 'import' | 'export' | 'returns';

export interface ToolbarEntry {
  id: string; label: string; title?: string;
  /** What the entry opens: a dialog (Dialogs.tsx) or a view of VIEWS. */
  dialog?: DialogName; view?: string;
}

export const TOOLBAR: ToolbarEntry[] = [
  { id: 'import', label: '导入规划文件…', title: '导入规划文件(Word、Excel、文本等)', dialog: 'import' },
  { id: 'export', label: '导出评估报告…', dialog: 'export' },
  { id: 'returns', label: '下发填报/回收汇总…', title: '按责任单位导出填报表,导入回收的填报表', dialog: 'returns' },
  { id: 'returns-board', label: '回收看板', title: '各单位填报表的下发、回收与审核情况', view: 'returns' },
  { id: 'admin', label: '管理', view: 'admin' },
];

export const viewById = (id: string): ViewEntry => VIEWS.find((v) => v.id === id) ?? VIEWS[0];
