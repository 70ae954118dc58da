// Pieces shared by the task and target details: an autosaving field bound to one evaluation field, a coloured choice.
import type { CSSProperties } from 'react';
import { AutoField } from './AutoField';
import { History } from './History';
import { saveEdits, type Entity } from '../../state/changes';
import { draftKey } from '../../state/drafts';
import type { Swatch } from '../../../../contract/colors';

/** The row a field is bound to, and the comparison round its answer's rows are read with. */
export interface Bound { entity: Entity; id: string; roundId: number; compareRoundId?: number; terms?: readonly string[] }

export const saveField = (b: Bound, field: string, value: string | null) =>
  saveEdits(b.entity, b.roundId, b.compareRoundId, [{ id: b.id, field, value }], 'edit').then(() => undefined);

/** An AutoField for one evaluation field of the bound row; remounted per row so a pending save goes to its own row. */
export function EvalField({ b, field, label, value, multiline, type, save }: {
  b: Bound; field: string; label: string; value: string; multiline?: boolean; type?: 'text' | 'date'; save?(v: string): Promise<void>;
}) {
  const key = draftKey(b.roundId, b.entity, b.id, field);
  return <AutoField key={key} draftKey={key} label={label} value={value} multiline={multiline} type={type} terms={b.terms}
    save={save ?? ((v) => saveField(b, field, v))} />;
}

export function ChoiceField({ label, value, options, colors, onChange, blank }: {
  label: string; value: string; options: readonly string[]; colors: Record<string, Swatch>; onChange(v: string): void; blank?: string;
}) {
  const c = colors[value];
  const style: CSSProperties | undefined = c ? { background: c.fill, color: c.text, fontWeight: 600 } : undefined;
  return (
    <label className="auto-field">
      <span className="auto-label">{label}</span>
      <select aria-label={label} value={value} style={style} onChange={(e) => onChange(e.target.value)}>
        {blank != null && <option value="">{blank}</option>}
        {options.map((o) => <option key={o} value={o} style={colors[o] ? { background: colors[o].fill, color: colors[o].text } : undefined}>{o}</option>)}
      </select>
    </label>
  );
}

/** The comparison round's values of the row, when a comparison round is chosen. */
export function CompareBlock({ compare, items }: { compare: unknown; items: [string, string][] }) {
  if (compare === undefined) return null;
  return (
    <>
      <h3>对比轮次</h3>
      {compare ? <dl>{items.map(([k, v]) => [<dt key={`t${k}`}>{k}</dt>, <dd key={`d${k}`}>{v || '—'}</dd>])}</dl>
        : <p className="muted">对比轮次中尚未评估</p>}
    </>
  );
}

/** The end both details share: who reported and when, the note, the comparison round and the history. */
export function DetailTail({ b, ev, noteLabel, compare, items }: {
  b: Bound; ev: { reporter: string; reportedOn: string; note: string; updatedAt: string | null }; noteLabel: string; compare: unknown; items: [string, string][];
}) {
  return (
    <>
      <div className="eval-form">
        <div className="row2">
          <EvalField b={b} field="reporter" label="填报单位" value={ev.reporter} />
          <EvalField b={b} field="reportedOn" label="填报日期" value={ev.reportedOn} type="date" />
        </div>
        <EvalField b={b} field="note" label={noteLabel} value={ev.note} multiline />
      </div>
      <CompareBlock compare={compare} items={items} />
      <History entity={b.entity} id={b.id} roundId={b.roundId} version={ev.updatedAt} />
    </>
  );
}
