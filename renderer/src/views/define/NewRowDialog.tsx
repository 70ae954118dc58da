// 新增任务 / 新增指标: the plan (the one in view, else chosen), the chapter of a task (one of the plan's headings or a new
// one), and the fields a planner fills first; the service checks them as any edit, and the row lands after the row in
// focus, or at the end of its chapter.
import { useMemo, useState } from 'react';
import type { PlanNode, ChapterNode } from '../../../../contract';
import { send } from '../../api';
import { announce } from '../../state/changes';
import { Dialog } from '../../components/Dialog';
import { unitsChanged } from './save';

export function headingsOf(node: PlanNode | undefined): string[][] {
  const out: string[][] = [];
  const walk = (cs: ChapterNode[]) => { for (const c of cs) { out.push(c.path); walk(c.children); } };
  walk(node?.chapters ?? []);
  return out;
}

interface Props {
  entity: 'task' | 'target'; tree: PlanNode[]; planId: string | null; path: string[]; after?: string;
  roundId: number; compareRoundId?: number; onClose(): void; onDone(id: string): void;
}

export function NewRowDialog({ entity, tree, planId: initialPlan, path: initialPath, after, roundId, compareRoundId, onClose, onDone }: Props) {
  const [planId, setPlanId] = useState(initialPlan ?? tree[0]?.plan.id ?? '');
  const [chapter, setChapter] = useState(initialPath.join(' / '));
  const [v, setV] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const headings = useMemo(() => headingsOf(tree.find((n) => n.plan.id === planId)), [tree, planId]);
  const set = (k: string) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const noun = entity === 'task' ? '任务' : '指标';

  const submit = async () => {
    setBusy(true);
    setError('');
    const values = Object.fromEntries(Object.entries(v).filter(([, x]) => x.trim()));
    const where = { roundId, compareRoundId, planId, after: planId === initialPlan ? after : undefined };
    try {
      const r = entity === 'task'
        ? await send('tasks.create', { ...where, path: chapter.split(/\s+\/\s+/).map((s) => s.trim()).filter(Boolean), values })
        : await send('targets.create', { ...where, values });
      announce(r.changed);
      if (values.leadUnits || values.responsibleUnits) unitsChanged();
      onDone(r.row.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  const field = (k: string, label: string, placeholder = '', wide = false) => (
    <label className={`nr-field${wide ? ' wide' : ''}`}><span>{label}</span>
      <input type="text" aria-label={label} value={v[k] ?? ''} placeholder={placeholder} onChange={set(k)} autoFocus={k === 'title' || k === 'name'} />
    </label>
  );
  return (
    <Dialog title={`新增${noun}`} onClose={onClose} buttons={(
      <>
        <button type="button" onClick={onClose}>取消</button>
        <button type="button" className="dlg-primary" disabled={busy || !planId} onClick={() => void submit()}>新增{noun}</button>
      </>
    )}>
      <form className="nr-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <label className="nr-field wide"><span>规划</span>
          <select aria-label="规划" value={planId} onChange={(e) => setPlanId(e.target.value)}>
            {tree.map((n) => <option key={n.plan.id} value={n.plan.id}>{n.plan.title}</option>)}
          </select>
        </label>
        {entity === 'task' ? (
          <>
            <label className="nr-field wide"><span>所在章节</span>
              <input type="text" aria-label="所在章节" list="nr-headings" value={chapter} placeholder="选择或输入,层级之间用「 / 」分隔" onChange={(e) => setChapter(e.target.value)} />
              <datalist id="nr-headings">{headings.map((h) => <option key={h.join('/')} value={h.join(' / ')} />)}</datalist>
            </label>
            {field('title', '任务标题', '如:建设工业互联网平台', true)}
            {field('leadUnits', '牵头单位', '多个单位用「、」分隔')}
            {field('responsibleUnits', '责任单位', '多个单位用「、」分隔')}
            {field('deadline', '完成时限', '2025-06-30、2025 或 长期')}
            {field('taskMilestones', '节点', '2024-06-30 完成选址;2025年底 建成投产', true)}
          </>
        ) : (
          <>
            {field('name', '指标名称', '如:研发投入强度', true)}
            {field('unit', '单位', '%、亿元…')}
            {field('category', '指标类别')}
            {field('baselineYear', '基期年份', '如 2020')}
            {field('baselineValue', '基期值')}
            {field('milestones', '目标值', '2025:1300;2027:1500', true)}
            {field('responsibleUnits', '责任单位', '多个单位用「、」分隔', true)}
          </>
        )}
        <button type="submit" hidden />
      </form>
      {error && <p className="dlg-error" role="alert">{error}</p>}
    </Dialog>
  );
}
