// The thresholds of the lights: how many points a target may lag behind time progress before it turns yellow or red,
// and how many days before its deadline an unfinished task turns yellow. The rule is shown in the words the report
// uses (contract/lights.ts), read from what is typed, so the dialog, the rule and the report say the same.
import { useState } from 'react';
import type { Settings, Thresholds } from '../../../../contract';
import { lightRules } from '../../../../contract/lights';
import { send } from '../../api';
import { toast } from '../../toast';
import { Dialog } from '../../components/Dialog';

export function ThresholdsDialog({ value, onClose, onDone }: { value: Thresholds; onClose(): void; onDone(s: Settings): void }) {
  const [yellow, setYellow] = useState(String(value.yellow));
  const [red, setRed] = useState(String(value.red));
  const [days, setDays] = useState(String(value.dueSoonDays));
  const [error, setError] = useState('');
  const typed: Thresholds = { yellow: Number(yellow), red: Number(red), dueSoonDays: Number(days) };
  const valid = yellow !== '' && red !== '' && days !== '' && typed.yellow > 0 && typed.red >= typed.yellow && Number.isInteger(typed.dueSoonDays) && typed.dueSoonDays >= 0;
  const submit = async () => {
    try {
      const s = await send('settings.setThresholds', typed);
      toast(`预警阈值已保存:落后序时进度 ${typed.yellow} 个百分点及以上亮黄灯,${typed.red} 个百分点及以上亮红灯;任务距完成时限 ${typed.dueSoonDays} 天以内亮黄灯`, 'success');
      onDone(s);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Dialog title="预警阈值" onClose={onClose} buttons={(
      <>
        <button type="button" onClick={onClose}>取消</button>
        <button type="submit" form="thr-form" className="dlg-primary" disabled={!valid}>保存</button>
      </>
    )}>
      <form id="thr-form" className="form-grid" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <p className="dlg-muted">指标:完成进度落后于序时进度的百分点数达到下列数值(含)时亮灯。</p>
        <label>黄灯(落后 ≥)<input type="number" min={0.1} max={100} step={0.1} aria-label="黄灯阈值" value={yellow} onChange={(e) => setYellow(e.target.value)} /></label>
        <label>红灯(落后 ≥)<input type="number" min={0} max={100} step={0.1} aria-label="红灯阈值" value={red} onChange={(e) => setRed(e.target.value)} /></label>
        <p className="dlg-muted">任务:未完成的任务距完成时限不超过下列天数(含当天)时亮黄灯,超过时限即亮红灯。</p>
        <label>临期天数(≤)<input type="number" min={0} max={366} step={1} aria-label="临期天数" value={days} onChange={(e) => setDays(e.target.value)} /></label>
        <div className="rule-text" aria-label="亮灯规则">
          {valid ? lightRules(typed).map((line) => <p key={line}>{line}</p>) : <p className="dlg-error">黄灯阈值应大于0,红灯阈值应不小于黄灯阈值,临期天数应为0到366的整数。</p>}
        </div>
        <p className="dlg-muted">已定稿的评估轮次沿用定稿时的阈值。</p>
        {error && <p className="dlg-error" role="alert">{error}</p>}
      </form>
    </Dialog>
  );
}
