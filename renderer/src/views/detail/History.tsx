// A row's change history in the detail panel: field, old → new, when and by what; any earlier value restores in one click.
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../../contract';
import { send } from '../../api';
import { restoreHistory } from '../../state/changes';
import { toastError } from '../../toast';

export const FIELD_NAMES: Record<string, string> = {
  status: '评估状态', progress: '进度', evidence: '进展情况', problems: '存在问题', nextSteps: '下步打算', note: '备注',
  reporter: '填报单位', reportedOn: '填报日期', actual: '实际值', dataSource: '数据来源', verdictOverride: '调整结论', overrideReason: '调整理由',
};

const SOURCES: Record<string, string> = {
  edit: '编辑', paste: '粘贴', fill: '填充', bulk: '批量设置', import: '导入', undo: '撤销', redo: '重做', restore: '恢复', returns: '回收填报',
};

const shown = (v: string | null) => (v == null || v === '' ? '(空)' : v);
// One formatter for every entry: toLocaleString builds a new one per call, which a long history feels.
const WHEN = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit', hour12: false });
const when = (at: string) => {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at.slice(0, 19).replace('T', ' ') : WHEN.format(d);
};

export function History({ entity, id, roundId, version }: { entity: 'task' | 'target'; id: string; roundId: number; version: string | null }) {
  const [items, setItems] = useState<HistoryEntry[]>([]);
  useEffect(() => {
    send('history.entity', { entity, id, roundId }).then(setItems, toastError);
  }, [entity, id, roundId, version]);
  if (!items.length) return <p className="muted">尚无修改记录</p>;
  return (
    <ol className="history" aria-label="修改历史">
      {items.map((h) => (
        <li key={h.id} data-history-id={h.id}>
          <div className="when">
            {when(h.at)} · <span className="source">{SOURCES[h.source] ?? h.source}</span>
            {h.label && h.label !== SOURCES[h.source] ? ` · ${h.label}` : ''}{h.operator ? ` · 操作人:${h.operator}` : ''}
          </div>
          <div className="change">
            <b>{FIELD_NAMES[h.field] ?? h.field}</b>:<s>{shown(h.oldValue)}</s> → {shown(h.newValue)}
          </div>
          {FIELD_NAMES[h.field] && (
            <button type="button" className="restore" title={`把${FIELD_NAMES[h.field]}恢复为「${shown(h.oldValue)}」`}
              onClick={() => void restoreHistory(h.id).catch(toastError)}>恢复为旧值</button>
          )}
        </li>
      ))}
    </ol>
  );
}
