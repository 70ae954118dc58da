// The thresholds of the lights on the administration page: how many points a target may lag behind time progress
// before it turns yellow or red, and how many days before its deadline an unfinished task turns yellow. The rule is
// shown in the words the report uses (contract/lights.ts), read from what is typed.
import { useEffect, useState } from 'react';
import type { Settings, Thresholds } from '../../../../contract';
import { lightRules } from '../../../../contract/lights';
import { send } from '../../api';
import { toast } from '../../toast';

export function ThresholdsForm({ settings, onSettings, onReload }: { settings: Settings; onSettings(s: Settings): void; onReload(): Promise<void> }) {
  const t = settings.thresholds;
  const [yellow, setYellow] = useState(String(t.yellow));
  const [red, setRed] = useState(String(t.red));
  const [days, setDays] = useState(String(t.dueSoonDays));
  const [error, setError] = useState('');
  useEffect(() => { setYellow(String(t.yellow)); setRed(String(t.red)); setDays(String(t.dueSoonDays)); }, [t]);
  const typed: Thresholds = { yellow: Number(yellow), red: Number(red), dueSoonDays: Number(days) };
  const valid = yellow !== '' && red !== '' && days !== '' && typed.yellow > 0 && typed.red >= typed.yellow
    && Number.isInteger(typed.dueSoonDays) && typed.dueSoonDays >= 0 && typed.dueSoonDays <= 366;
  const changed = typed.yellow !== t.yellow || typed.red !== t.red || typed.dueSoonDays !== t.dueSoonDays;
  const save = async () => {
    try {
      setError('');
      const s = await send('settings.setThresholds', typed);
      onSettings(s);
      toast(`预警阈值已设为:落后序时进度 ${typed.yellow} 个百分点及以上亮黄灯,${typed.red} 个百分点及以上亮红灯;任务距完成时限 ${typed.dueSoonDays} 天以内亮黄灯`, 'success');
      await onReload();
    } catch (e) { setError(e instanceof Error ? e.message : String(e)); }
  };
  return (
    <form className="admin-field thresholds" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label><span>黄灯:落后 ≥</span><input type="number" min={0.1} max={100} step={0.1} aria-label="黄灯阈值" value={yellow} onChange={(e) => setYellow(e.target.value)} /><span>个百分点</span></label>
      <label><span>红灯:落后 ≥</span><input type="number" min={0} max={100} step={0.1} aria-label="红灯阈值" value={red} onChange={(e) => setRed(e.target.value)} /><span>个百分点</span></label>
      <label><span>任务临期 ≤</span><input type="number" min={0} max={366} step={1} aria-label="临期天数" value={days} onChange={(e) => setDays(e.target.value)} /><span>天</span></label>
      <button type="submit" disabled={!changed || !valid}>保存</button>
      <div className="rule-text" aria-label="亮灯规则">
        {valid ? lightRules(typed).map((line) => <p key={line} className="muted">{line}</p>)
          : <p className="dlg-error">黄灯阈值应大于0,红灯阈值应不小于黄灯阈值,临期天数应为0到366的整数。</p>}
      </div>
      <p className="muted">已定稿的评估轮次沿用定稿时的阈值。</p>
      {error && <p className="dlg-error" role="alert">{error}</p>}
    </form>
  );
}
