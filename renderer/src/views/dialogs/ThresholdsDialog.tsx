// The red and yellow flag thresholds: how many points a target may lag behind time progress before it turns yellow or red.
import { useState } from 'react';
import type { Settings, Thresholds } from '../../../../contract';
import { send } from '../../api';
import { toast } from '../../toast';
import { Dialog } from '../../components/Dialog';

export function ThresholdsDialog({ value, onClose, onDone }: { value: Thresholds; onClose(): void; onDone(s: Settings): void }) {
  const [yellow, setYellow] = useState(String(value.yellow));
  const [red, setRed] = useState(String(value.red));
  const [error, setError] = useState('');
  const submit = async () => {
    try {
      const s = await send('settings.setThresholds', { yellow: Number(yellow), red: Number(red) });
      toast(`预警阈值已设为:落后序时进度 ${yellow} 个百分点亮黄灯,${red} 个百分点亮红灯`, 'success');
      onDone(s);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Dialog title="预警阈值" onClose={onClose} buttons={(
      <>
        <button type="button" onClick={onClose}>取消</button>
        <button type="submit" form="thr-form" className="dlg-primary">保存</button>
      </>
    )}>
      <form id="thr-form" className="form-grid" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <p className="dlg-muted">完成进度落后于序时进度的百分点数达到下列数值时亮灯。</p>
        <label>黄灯(落后 ≥)<input type="number" min={0} max={100} step={1} aria-label="黄灯阈值" value={yellow} onChange={(e) => setYellow(e.target.value)} /></label>
        <label>红灯(落后 {">"})<input type="number" min={0} max={100} step={1} aria-label="红灯阈值" value={red} onChange={(e) => setRed(e.target.value)} /></label>
        {error && <p className="dlg-error" role="alert">{error}</p>}
      </form>
    </Dialog>
  );
}
