// 补录填报信息: the planner enters 填报人, 联系电话, 审核人(负责人) and 填报日期 of a return that came without them (asked
// for on the phone), so its rows can be accepted.
import { useState } from 'react';
import type { ReturnContacts } from '../../../../contract';
import { send } from '../../api';
import { toastError } from '../../toast';

const FIELDS: [keyof ReturnContacts, string, string][] = [
  ['filler', '填报人', 'text'], ['phone', '联系电话', 'tel'], ['reviewer', '审核人(负责人)', 'text'], ['filledOn', '填报日期', 'date'],
];

export function ContactsForm(props: {
  receivedId: number; initial: ReturnContacts | null; onCancel(): void; onSaved(c: ReturnContacts, blocked: string | null): void;
}) {
  const [v, setV] = useState<ReturnContacts>(props.initial ?? { filler: '', phone: '', reviewer: '', filledOn: '' });
  const [saving, setSaving] = useState(false);
  async function save() {
    setSaving(true);
    try {
      const r = await send('returns.setContacts', { receivedId: props.receivedId, ...v, filledOn: /^\d{4}-\d{2}-\d{2}$/.test(v.filledOn) ? v.filledOn : '' });
      props.onSaved(r.contacts, r.blocked);
    } catch (e) {
      toastError(e);
    } finally {
      setSaving(false);
    }
  }
  return (
    <form className="rt-contacts" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      {FIELDS.map(([k, label, type]) => (
        <label key={k} className="field"><span>{label}</span>
          <input type={type} aria-label={label} value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} />
        </label>
      ))}
      <button type="submit" className="dlg-primary" disabled={saving}>保存</button>
      <button type="button" onClick={props.onCancel} disabled={saving}>取消</button>
    </form>
  );
}
