// The editor of a date cell (填报日期): the YYYY-MM-DD box with its Chinese calendar open under the cell. A picked day,
// Enter or leaving the box saves; Esc leaves the cell as it was.
import { useState } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import { DateInput } from '../components/DateInput';

export function DateEditor(props: CustomCellEditorProps<unknown, string>) {
  const { eventKey, onValueChange, stopEditing, colDef } = props;
  const [text, setText] = useState(() => (eventKey && /^\d$/.test(eventKey) ? eventKey : String(props.value ?? '')));
  return (
    <div className="pr-date-editor">
      <DateInput value={text} label={`编辑${colDef.headerName ?? ''}`} autoFocus startOpen={!eventKey}
        onChange={(v) => { setText(v); onValueChange(v); }}
        onCommit={(v) => { onValueChange(v); setTimeout(() => stopEditing(), 0); }} />
    </div>
  );
}
