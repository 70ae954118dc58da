// A text field of the detail panel that saves itself: shortly after typing stops and when it loses focus (a date once
// it is settled). What is typed is kept as a local draft only until the service has it: a save that never reached the
// service keeps the draft (restored and saved when the row is opened again); a value the service refused is shown once
// with the reason, and not kept. Long texts grow with their text, count their characters and show the search words.
import { useEffect, useRef, useState } from 'react';
import { drafts } from '../../state/drafts';
import { ApiError } from '../../api';
import { DateInput } from '../../components/DateInput';
import { Marked } from '../../components/Marked';
import { pieces } from '../../state/highlight';

interface Props {
  label: string; value: string; draftKey: string; save(v: string): Promise<void>;
  multiline?: boolean; type?: 'text' | 'date'; placeholder?: string; delay?: number; terms?: readonly string[];
}

export function AutoField({ label, value, draftKey, save, multiline, type = 'text', placeholder, delay = 800, terms }: Props) {
  const [text, setText] = useState(value);
  const [error, setError] = useState('');
  const [note, setNote] = useState('');
  const live = useRef({ text: value, dirty: false, save, draftKey });
  live.current.save = save;
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const flush = async () => {
    clearTimeout(timer.current);
    const cur = live.current;
    if (!cur.dirty) return;
    const v = cur.text;
    const key = cur.draftKey;
    setNote('保存中…');
    try {
      await cur.save(v);
      if (live.current.text === v && live.current.draftKey === key) {
        live.current.dirty = false;
        setError('');
        setNote('已保存');
      }
      drafts.drop(key);
    } catch (e) {
      // The service answered no: the value is shown with the reason until it is changed, and neither kept nor sent again.
      if (!(e instanceof ApiError && e.code === 'offline')) {
        drafts.drop(key);
        if (live.current.text === v && live.current.draftKey === key) live.current.dirty = false;
      }
      setError(e instanceof Error ? e.message : String(e));
      setNote('');
    }
  };

  // A new row: take its value, or the draft left there by an edit that never reached the database.
  useEffect(() => {
    const draft = drafts.get(draftKey);
    live.current = { ...live.current, draftKey, dirty: false, text: value };
    setError('');
    setNote('');
    if (draft != null && draft !== value) {
      live.current.text = draft;
      live.current.dirty = true;
      setText(draft);
      setNote('已恢复未保存的内容');
      void flush();
    } else {
      if (draft != null) drafts.drop(draftKey);
      setText(value);
    }
    return () => { void flush(); };
  }, [draftKey]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!live.current.dirty) { live.current.text = value; setText(value); }
  }, [value]);

  const onChange = (v: string, later = true) => {
    live.current.text = v;
    live.current.dirty = true;
    drafts.set(live.current.draftKey, v);
    setText(v);
    setNote('');
    clearTimeout(timer.current);
    if (later) timer.current = setTimeout(() => void flush(), delay);
  };

  const common = { 'aria-label': label, value: text, placeholder, onBlur: () => void flush(), 'aria-invalid': !!error || undefined };
  const marked = !!terms?.length && pieces(text, terms).some((p) => p.hit);
  return (
    <label className={`auto-field${error ? ' has-error' : ''}`}>
      <span className="auto-label">
        <span>{label}</span>
        {note && <em className="auto-note">{note}</em>}
        {multiline && <span className="auto-count">{Array.from(text).length} 字</span>}
      </span>
      {type === 'date'
        ? <DateInput label={label} value={text} invalid={!!error} onChange={(v) => onChange(v, false)} onCommit={() => void flush()} />
        : multiline
          ? (
            <span className="auto-text">
              {marked && <span className="auto-mirror" aria-hidden><Marked text={text + '\n'} terms={terms} /></span>}
              <textarea rows={3} {...common} className={marked ? 'over-mirror' : undefined} onChange={(e) => onChange(e.target.value)} />
            </span>
          )
          : <input type="text" {...common} onChange={(e) => onChange(e.target.value)} />}
      {error && <span className="auto-error" role="alert">{error}</span>}
    </label>
  );
}
