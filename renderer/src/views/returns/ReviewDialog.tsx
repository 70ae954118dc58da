// 审核: the returns taken in and still waiting (of one unit, or all), compared with the values here now, decided per
// cell, per row or all at once.
import { useEffect, useState } from 'react';
import type { Changed, ReturnsPreview } from '../../../../contract';
import { send } from '../../api';
import { toastError } from '../../toast';
import { Dialog, Busy } from '../../components/Dialog';
import { ReturnsPreview as PreviewTable } from '../excel/ReturnsPreview';

export function ReviewDialog(props: { roundId: number; units?: string[]; onClose(): void; onApplied(c: Changed): void }) {
  const [preview, setPreview] = useState<ReturnsPreview | null>(null);
  const [busy, setBusy] = useState('正在读取待审核的填报');
  useEffect(() => {
    send('returns.review', { roundId: props.roundId, ...(props.units ? { units: props.units } : {}) })
      .then(setPreview, toastError).finally(() => setBusy(''));
  }, [props.roundId, props.units]);
  const close = () => {
    if (busy) return;
    if (preview?.previewId) void send('returns.cancel', { previewId: preview.previewId }).catch(() => undefined);
    props.onClose();
  };
  const title = props.units?.length === 1 ? `审核:${props.units[0]}的填报` : '审核待审核的填报';
  return (
    <Dialog title={title} wide onClose={close} buttons={<button type="button" onClick={close} disabled={!!busy}>关闭</button>}>
      {preview && <PreviewTable preview={preview} busy={busy} setBusy={setBusy}
        onApplied={(c) => { props.onApplied(c); setPreview(null); props.onClose(); }} />}
      {busy && <Busy text={busy} />}
    </Dialog>
  );
}
