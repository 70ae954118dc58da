// A text field of the detail panel that saves itself: shortly after typing stops and when it loses focus. What is typed
// is also kept as a local draft until the database has it, so a crash or a failed save loses nothing; a failed save
// keeps the text on screen with the reason.
import { useEffect, useRef, useState } from 'react';
import { drafts } from '../../state/drafts';

interface Props {
  label: string; value: string; draftKey: string; save(v: string): Promise<void>;
  multiline?: boolean; type?: 'text' | 'date'; placeholder?: string; delay?: number;
}


export function AutoField({ label, value, draftKey, save, multiline, type = 'text', placeholder, delay = 800 }: Props) {
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

  const onChange = (v: string) => {
    live.current.text = v;
    live.current.dirty = true;
    drafts.set(live.current.draftKey, v);
    setText(v);
    setNote('');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delay);
  };

  const common = { 'aria-label': label, value: text, placeholder, onBlur: () => void flush(), 'aria-invalid': !!error || undefined };
  return (
    <label className={`auto-field${error ? ' has-error' : ''}`}>
      <span className="auto-label">{label}{note && <em className="auto-note">{note}</em>}</span>
      {multiline
        ? <textarea rows={3} {...common} onChange={(e) => onChange(e.target.value)} />
        : <input type={type} {...common} onChange={(e) => onChange(e.target.value)} />}
      {error && <span className="auto-error" role="alert">{error}</span>}
    </label>
  );
}
