// Saved views: the filters, the grouping and the grid's columns (order, widths, sort) under a name, per grid.
import { useEffect, useState } from 'react';
import type { SavedView } from '../../../contract';
import { send } from '../api';
import { toast, toastError } from '../toast';

interface Props<S> { grid: 'tasks' | 'targets'; current(): S; apply(state: S): void }

export function SavedViews<S>({ grid, current, apply }: Props<S>) {
  const [views, setViews] = useState<SavedView[]>([]);
  const [chosen, setChosen] = useState<number | ''>('');
  const [naming, setNaming] = useState<string | null>(null);

  const reload = () => send('views.list', { grid }).then(setViews, toastError);
  useEffect(() => { setChosen(''); void reload(); }, [grid]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async () => {
    const name = naming?.trim();
    if (!name) return;
    try {
      const v = await send('views.save', { grid, name, state: current() });
      setNaming(null);
      await reload();
      setChosen(v.id);
      toast(`已保存视图「${v.name}」`, 'success');
    } catch (e) { toastError(e); }
  };
  const choose = (id: number | '') => {
    setChosen(id);
    const v = views.find((x) => x.id === id);
    if (v) apply(v.state as S);
  };
  const remove = async () => {
    const v = views.find((x) => x.id === chosen);
    if (!v) return;
    try {
      await send('views.delete', { id: v.id });
      setChosen('');
      await reload();
      toast(`已删除视图「${v.name}」`);
    } catch (e) { toastError(e); }
  };

  return (
    <div className="saved-views">
      <select aria-label="保存的视图" value={chosen} onChange={(e) => choose(e.target.value ? Number(e.target.value) : '')}>
        <option value="">视图…</option>
        {views.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
      </select>
      {chosen !== '' && <button type="button" onClick={() => void remove()} title="删除这个视图">删除</button>}
      {naming == null
        ? <button type="button" onClick={() => setNaming('')}>保存视图…</button>
        : (
          <form className="name-view" onSubmit={(e) => { e.preventDefault(); void save(); }}>
            <input type="text" aria-label="视图名称" autoFocus placeholder="视图名称" value={naming}
              onChange={(e) => setNaming(e.target.value)} onKeyDown={(e) => { if (e.key === 'Escape') setNaming(null); }} />
            <button type="submit" disabled={!naming.trim()}>保存</button>
          </form>
        )}
    </div>
  );
}
