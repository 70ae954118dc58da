// 责任单位目录: every unit in use with its tasks (牵头/责任) and targets, the old names merged into it; the vague ones
// (各区县政府, 有关部门…) grouped apart, and 未明确责任单位 for the rows without any unit. A unit is renamed in place or
// several are merged into one (the old names stay as aliases, so the next import maps them); each step is undoable.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { UnitEntry } from '../../../../contract';
import { send } from '../../api';
import { announce, onChanged } from '../../state/changes';
import { toast, toastError } from '../../toast';
import { onUnitsChanged, unitsChanged } from '../define/save';
import { useConfirm } from '../define/ConfirmDialog';
import './units.css';

function Row({ u, picked, onPick, onShow, onRename, onUnalias }: {
  u: UnitEntry; picked: boolean; onPick(): void; onShow(): void; onRename(to: string): Promise<void>; onUnalias(a: string): void;
}) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(u.unit);
  const done = async () => { if (name.trim() && name.trim() !== u.unit) await onRename(name.trim()); setEditing(false); };
  return (
    <tr className={u.virtual ? 'virtual' : ''}>
      <td>{!u.virtual && <input type="checkbox" aria-label={`选择${u.unit}`} checked={picked} onChange={onPick} />}</td>
      <td className="name">
        {editing
          ? <input type="text" aria-label={`${u.unit}的新名称`} autoFocus value={name} onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter') void done(); if (e.key === 'Escape') { setName(u.unit); setEditing(false); } }} onBlur={() => void done()} />
          : <button type="button" className="link" title="在任务表中查看" onClick={onShow}>{u.unit}</button>}
      </td>
      <td className="num">{u.tasks}</td>
      <td className="num">{u.virtual ? '' : `${u.leadTasks} / ${u.responsibleTasks}`}</td>
      <td className="num">{u.targets}</td>
      <td className="aliases">{u.aliases.map((a) => <span key={a} className="unit-chip" title="曾用名:再次导入时自动改为现名称">{a}<button type="button" aria-label={`删除曾用名${a}`} onClick={() => onUnalias(a)}>×</button></span>)}</td>
      <td>{!u.virtual && !editing && <button type="button" onClick={() => { setName(u.unit); setEditing(true); }}>重命名</button>}</td>
    </tr>
  );
}

export function UnitDirectory({ onShow }: { onShow(unit: string): void }) {
  const [units, setUnits] = useState<UnitEntry[] | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState('');
  const [into, setInto] = useState('');
  const { confirm, dialog } = useConfirm();
  const load = useCallback(() => send('units.directory', {}).then(setUnits, toastError), []);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => onChanged(() => void load()), [load]);
  useEffect(() => onUnitsChanged(() => void load()), [load]);

  const shown = useMemo(() => (units ?? []).filter((u) => !filter || u.unit.includes(filter) || u.aliases.some((a) => a.includes(filter))), [units, filter]);
  const groups: [string, UnitEntry[]][] = [
    ['具体单位', shown.filter((u) => !u.vague && !u.virtual)],
    ['泛指单位(各区县政府、有关部门等,指代一类单位)', shown.filter((u) => u.vague)],
    ['没有写明单位的任务和指标', shown.filter((u) => u.virtual)],
  ];
  const after = (c: { changed: Parameters<typeof announce>[0] }, what: string) => { announce(c.changed); unitsChanged(); toast(`${what}(可撤销,Ctrl+Z)`, 'success'); };

  const rename = async (from: string, to: string) => {
    try {
      if (units?.some((u) => u.unit === to)) {
        if (!(await confirm('合并单位', `已有单位「${to}」。把「${from}」并入「${to}」吗?原名称留作曾用名。`))) return;
        after(await send('units.merge', { from: [from], into: to }), `已把「${from}」并入「${to}」`);
      } else after(await send('units.rename', { from, to }), `已把「${from}」改名为「${to}」`);
    } catch (e) { toastError(e); }
  };
  const merge = async () => {
    const from = [...picked];
    const target = into.trim() || from[0];
    if (from.length < 2 && !into.trim()) { toast('请勾选两个以上的单位,或填写合并后的名称', 'error'); return; }
    try {
      after(await send('units.merge', { from: from.filter((f) => f !== target), into: target }), `已合并为「${target}」`);
      setPicked(new Set());
      setInto('');
    } catch (e) { toastError(e); }
  };
  const unalias = async (alias: string) => {
    try { after(await send('units.removeAlias', { alias }), `已删除曾用名「${alias}」`); } catch (e) { toastError(e); }
  };
  const toggle = (u: string) => setPicked((s) => { const n = new Set(s); if (n.has(u)) n.delete(u); else n.add(u); return n; });

  return (
    <section className="unit-dir" aria-label="责任单位目录">
      <div className="unit-bar" role="toolbar" aria-label="单位操作">
        <input type="search" aria-label="查找单位" placeholder="查找单位或曾用名" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <span className="muted">已选 {picked.size} 个</span>
        <label className="field"><span>合并为</span>
          <input type="text" aria-label="合并后的单位名称" list="unit-names" value={into} placeholder={[...picked][0] ?? '勾选单位后填写或选择'} onChange={(e) => setInto(e.target.value)} />
          <datalist id="unit-names">{[...picked].map((u) => <option key={u} value={u} />)}</datalist>
        </label>
        <button type="button" disabled={!picked.size} onClick={() => void merge()}>合并所选</button>
        <span className="spacer" />
        <span className="muted">{units ? `共 ${units.filter((u) => !u.virtual).length} 个单位` : '正在读取…'}</span>
      </div>
      <div className="unit-scroll">
        <table className="unit-table">
          <thead><tr><th className="pick" /><th>单位</th><th className="num">任务</th><th className="num">牵头 / 责任</th><th className="num">指标</th><th>曾用名</th><th /></tr></thead>
          {groups.filter(([, list]) => list.length).map(([title, list]) => (
            <tbody key={title} aria-label={title}>
              <tr className="group"><th colSpan={7}>{title}({list.length})</th></tr>
              {list.map((u) => <Row key={u.unit} u={u} picked={picked.has(u.unit)} onPick={() => toggle(u.unit)} onShow={() => onShow(u.unit)}
                onRename={(to) => rename(u.unit, to)} onUnalias={(a) => void unalias(a)} />)}
            </tbody>
          ))}
        </table>
      </div>
      {dialog}
    </section>
  );
}
