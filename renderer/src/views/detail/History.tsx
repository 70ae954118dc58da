// A row's change history in the detail panel, folded until opened: field, old → new, when, by what and by whom; any
// earlier value restores in one click. It is read when opened, and again after a change only while it is open.
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../../contract';
import { FIELD_LABELS, fieldLabel, sourceLabel } from '../../../../contract/labels';
import { definitionText, TASK_DEFINABLE, TARGET_DEFINABLE } from '../../../../contract';
import { send } from '../../api';
import { restoreHistory } from '../../state/changes';
import { toastError } from '../../toast';
import { dateTime } from '../../dates';

/** Evaluation and definition fields: their earlier values can be restored from here. */
const RESTORABLE = new Set(['status', 'progress', 'evidence', 'problems', 'nextSteps', 'note', 'reporter', 'reportedOn', 'actual', 'dataSource', 'verdictOverride', 'overrideReason',
  ...TASK_DEFINABLE, ...TARGET_DEFINABLE]);
/** Whole rows added or deleted: the history holds all of the row, shown as what happened to it. */
const shown = (v: string | null, field = '') => {
  if (field === 'created') return v == null ? '(无)' : '(新增)';
  if (field === 'deleted') return v == null ? '(已删除)' : '(原内容)';
  const t = definitionText(field, v);
  return t === '' ? '(空)' : t;
};

export function History({ entity, id, roundId, version }: { entity: 'task' | 'target'; id: string; roundId: number; version: string | null }) {
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<HistoryEntry[] | null>(null);
  useEffect(() => {
    if (!open) return;
    let stale = false;
    send('history.entity', { entity, id, roundId }).then((h) => { if (!stale) setItems(h); }, toastError);
    return () => { stale = true; };
  }, [open, entity, id, roundId, version]);
  useEffect(() => setItems(null), [entity, id, roundId]);
  return (
    <details className="history-box" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>修改历史</summary>
      {!open ? null : items == null ? <p className="muted">正在读取…</p> : !items.length ? <p className="muted">尚无修改记录</p> : (
        <ol className="history" aria-label="修改历史">
          {items.map((h) => (
            <li key={h.id} data-history-id={h.id}>
              <div className="when">
                {dateTime(h.at, true)} · <span className="source">{sourceLabel(h.source)}</span>
                {h.label && h.label !== sourceLabel(h.source) ? ` · ${h.label}` : ''}
                {h.operator ? ` · 操作人:${h.operator}` : ''}
              </div>
              <div className="change">
                <b>{fieldLabel(h.field)}</b>:<s>{shown(h.oldValue, h.field)}</s> → {shown(h.newValue, h.field)}
              </div>
              {RESTORABLE.has(h.field) && FIELD_LABELS[h.field] && (
                <button type="button" className="restore" title={`把${fieldLabel(h.field)}恢复为「${shown(h.oldValue, h.field)}」`}
                  onClick={() => void restoreHistory(h.id).catch(toastError)}>恢复为旧值</button>
              )}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
