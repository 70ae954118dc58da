// The administration page's settings: the operator's name (recorded with every step and shown in the history), the
// evaluating office's name (the 单位 line and signature of reports), and the thresholds of the lights (ThresholdsForm).
import { useEffect, useState } from 'react';
import type { Settings } from '../../../../contract';
import { send } from '../../api';
import { toast } from '../../toast';
import { ThresholdsForm } from './ThresholdsForm';

function NameField({ label, hint, value, max, save }: { label: string; hint: string; value: string; max: number; save(v: string): Promise<void> }) {
  const [text, setText] = useState(value);
  const [error, setError] = useState('');
  useEffect(() => setText(value), [value]);
  const submit = async () => {
    try { setError(''); await save(text.trim()); } catch (e) { setError(e instanceof Error ? e.message : String(e)); }
  };
  return (
    <form className="admin-field" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label>
        <span>{label}</span>
        <input type="text" aria-label={label} value={text} maxLength={max} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" disabled={text.trim() === value}>保存</button>
      <p className="muted">{hint}</p>
      {error && <p className="dlg-error" role="alert">{error}</p>}
    </form>
  );
}

export function SettingsSection({ settings, onSettings, onReload }: { settings: Settings; onSettings(s: Settings): void; onReload(): Promise<void> }) {
  return (
    <section className="admin-box" aria-label="操作人与评估单位">
      <h2>操作人与评估单位</h2>
      <NameField label="操作人" max={50} value={settings.operator ?? ''} hint="记入之后的每一步操作,在修改历史中显示。"
        save={async (operator) => { onSettings(await send('settings.setOperator', { name: operator })); toast(operator ? `操作人已设为「${operator}」` : '已清除操作人', 'success'); }} />
      <NameField label="评估单位" max={100} value={settings.office ?? ''} hint="导出报告的单位和落款,例如“某区发展和改革委员会”。"
        save={async (office) => { onSettings(await send('settings.setOffice', { office })); toast(office ? `评估单位已设为「${office}」` : '已清除评估单位', 'success'); }} />
      <h2>预警阈值</h2>
      <ThresholdsForm settings={settings} onSettings={onSettings} onReload={onReload} />
    </section>
  );
}
