// 多单位填报: the tasks more than one unit answered for, and for the one chosen every unit's own text side by side with
// the text in force; the planner takes one unit's text or merges several (editing it freely) into the final one.
import { useCallback, useEffect, useState } from 'react';
import type { Changed, RowInputs, SharedRow, UnitInputView } from '../../../../contract';
import { fieldLabel } from '../../../../contract/labels';
import { send } from '../../api';
import { toast, toastError } from '../../toast';

const TEXT_FIELDS = ['evidence', 'problems', 'nextSteps'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const SHOWN_FIELDS = ['status', 'progress', 'evidence', 'problems', 'nextSteps', 'note'];

/** The texts of the units chosen, in their order, each on its own line, with the unit's name before it when asked. */
export function merged(inputs: RowInputs, field: string, units: string[], named: boolean): string {
  return inputs.units.filter((u) => units.includes(u.unit) && u.values[field])
    .map((u) => `${named ? `${u.unit}:` : ''}${u.values[field]}`).join('\n');
}

const answered = (u: UnitInputView) => Object.keys(u.values).length + Object.keys(u.problems).length > 0;

function UnitCard({ u, field, onTake }: { u: UnitInputView; field: TextField; onTake(): void }) {
  const given = SHOWN_FIELDS.filter((f) => u.values[f] != null || u.problems[f]);
  return (
    <div className="ui-col" data-unit={u.unit}>
      <h4>{u.unit} <span className="rb-chip">{u.role === 'lead' ? '牵头' : '责任'}</span></h4>
      <p className="muted">{u.filler ? `填报人 ${u.filler}` : ''}{u.filledOn ? `,填报日期 ${u.filledOn}` : ''}{u.receivedAt ? `,${u.receivedAt.slice(0, 10)} 收到` : ''}</p>
      {given.map((f) => (
        <div key={f} className={`ui-field${f === field ? ' ui-focus' : ''}`}><b>{fieldLabel(f)}</b>
          <p>{u.problems[f] ? <span className="dlg-error">{u.problems[f]}</span> : u.values[f] || <span className="muted">(清空)</span>}</p>
          {f === field && u.values[f] && <button type="button" onClick={onTake}>采用{u.unit}的{fieldLabel(f)}</button>}
        </div>
      ))}
      {!given.includes(field) && <p className="muted">未填写{fieldLabel(field)}</p>}
    </div>
  );
}

function Detail({ roundId, inputs, onSaved }: { roundId: number; inputs: RowInputs; onSaved(c: Changed): void }) {
  const [field, setField] = useState<TextField>('evidence');
  const cards = inputs.units.filter(answered);
  const silent = inputs.units.filter((u) => !answered(u)).map((u) => u.unit);
  const withText = cards.filter((u) => u.values[field]).map((u) => u.unit);
  const [picked, setPicked] = useState<string[]>(withText);
  const [named, setNamed] = useState(false);
  const [text, setText] = useState(inputs.current[field] ?? '');
  const [from, setFrom] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setText(inputs.current[field] ?? '');
    setFrom([]);
    setPicked(inputs.units.filter((u) => u.values[field]).map((u) => u.unit));
  }, [inputs, field]);

  async function save() {
    setSaving(true);
    try {
      const r = await send('returns.compose', { roundId, id: inputs.id, field, value: text, units: from.length ? from : picked });
      toast(`已保存最终${fieldLabel(field)}`, 'success');
      onSaved(r.changed);
    } catch (e) {
      toastError(e);
    } finally {
      setSaving(false);
    }
  }
  const take = (u: UnitInputView) => { setText(u.values[field] ?? ''); setFrom([u.unit]); };
  return (
    <section className="ui-detail" aria-label="各单位填报">
      <h3>{inputs.title}</h3>
      <p className="muted">{inputs.planTitle} · 牵头:{inputs.leadUnits.join('、') || '—'} · 责任:{inputs.responsibleUnits.join('、') || '—'}</p>
      <div className="ui-compose-bar">
        <label className="field"><span>组成最终的</span>
          <select aria-label="要组成的字段" value={field} onChange={(e) => setField(e.target.value as TextField)}>
            {TEXT_FIELDS.map((f) => <option key={f} value={f}>{fieldLabel(f)}</option>)}
          </select>
        </label>
        {silent.length > 0 && <span className="muted">未报送或未修改:{silent.join('、')}</span>}
      </div>
      <div className="ui-columns" style={{ gridTemplateColumns: `repeat(${cards.length + 1}, minmax(220px, 1fr))` }}>
        <div className="ui-col ui-current">
          <h4>现在的内容</h4>
          {SHOWN_FIELDS.map((f) => (
            <div key={f} className={`ui-field${f === field ? ' ui-focus' : ''}`}><b>{fieldLabel(f)}</b><p>{inputs.current[f] || <span className="muted">(空)</span>}</p></div>
          ))}
        </div>
        {cards.map((u) => <UnitCard key={u.unit} u={u} field={field} onTake={() => take(u)} />)}
      </div>
      <div className="ui-compose">
        <div className="ui-compose-bar">
          {withText.map((unit) => (
            <label key={unit} className="field check"><input type="checkbox" checked={picked.includes(unit)}
              onChange={(e) => setPicked(e.target.checked ? withText.filter((x) => x === unit || picked.includes(x)) : picked.filter((x) => x !== unit))} />
              <span>{unit}</span></label>
          ))}
          <label className="field check"><input type="checkbox" checked={named} onChange={(e) => setNamed(e.target.checked)} /><span>注明单位</span></label>
          <button type="button" disabled={!picked.length} onClick={() => { setText(merged(inputs, field, picked, named)); setFrom(picked); }}>合并所选单位</button>
        </div>
        <textarea aria-label={`最终${fieldLabel(field)}`} value={text} onChange={(e) => setText(e.target.value)} rows={6} />
        <div className="ui-compose-bar">
          <span className="muted">{from.length ? `来自:${from.join('、')}(可再修改)` : '采用一个单位的内容,或合并所选单位的内容,再按需修改'}</span>
          <span className="spacer" />
          <button type="button" className="dlg-primary" disabled={saving || text === (inputs.current[field] ?? '') || !(from.length || picked.length)} onClick={() => void save()}>
            保存为最终{fieldLabel(field)}
          </button>
        </div>
      </div>
    </section>
  );
}

export function UnitInputs({ roundId, onApplied }: { roundId: number; onApplied(c: Changed): void }) {
  const [rows, setRows] = useState<SharedRow[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [inputs, setInputs] = useState<RowInputs | null>(null);
  const loadList = useCallback(() => send('returns.shared', { roundId }).then((r) => { setRows(r); setSelected((s) => s ?? r[0]?.id ?? null); }, toastError), [roundId]);
  const loadRow = useCallback((id: string) => send('returns.inputs', { roundId, entity: 'task', id }).then(setInputs, toastError), [roundId]);
  useEffect(() => { void loadList(); }, [loadList]);
  useEffect(() => { if (selected) void loadRow(selected); }, [selected, loadRow]);

  if (!rows) return <p className="muted rb-loading">正在读取各单位的填报…</p>;
  if (!rows.length) return <p className="muted rb-loading">本轮还没有两个以上单位报送同一项任务。收到的填报表中,各单位填写的内容都会分别保存,可在这里并列比较、合并。</p>;
  return (
    <div className="ui">
      <ul className="ui-list" aria-label="多单位填报的任务">
        {rows.map((r) => (
          <li key={r.id}>
            <button type="button" className={selected === r.id ? 'on' : ''} onClick={() => setSelected(r.id)}>
              <span className="ui-title">{r.title}</span>
              <span className="muted">{r.units.join('、')}</span>
              <span className={`rb-chip ${r.takenFrom ? 'ok' : r.differs ? 'wait' : ''}`}>{r.takenFrom ? `现用:${r.takenFrom}` : r.differs ? '各单位不同' : '一致'}</span>
            </button>
          </li>
        ))}
      </ul>
      {inputs && inputs.id === selected && (
        <Detail key={inputs.id} roundId={roundId} inputs={inputs} onSaved={(c) => { onApplied(c); void loadRow(inputs.id); void loadList(); }} />
      )}
    </div>
  );
}
