// The recovery screen: shown instead of the main window when the database is damaged or cannot be read. It says why,
// lists the backups that can be restored (date, what they hold) and restores the one chosen, then opens the app again.
import { useEffect, useState } from 'react';
import type { AppInfo, BackupEntry } from '../../../../contract';
import { send } from '../../api';
import './recovery.css';

const REASONS: Record<string, string> = {
  daily: '每日自动备份', manual: '手动备份', 'before-import': '导入前', 'before-restore': '恢复前', 'before-delete': '删除前',
};
export function reasonLabel(reason: string): string {
  if (REASONS[reason]) return REASONS[reason];
  if (reason.startsWith('before-migration')) return '升级数据库前';
  if (reason.startsWith('before-delete')) return '删除前';
  return reason;
}

const WHEN = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
const size = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : n === 0 ? '0 字节' : `${Math.max(1, Math.round(n / 1024))} KB`);

export function Recovery({ info }: { info: AppInfo }) {
  const [backups, setBackups] = useState<BackupEntry[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [state, setState] = useState<{ busy: boolean; message: string; failed: boolean }>({ busy: false, message: '', failed: false });

  useEffect(() => {
    send('backups.list', { inspect: true }).then(setBackups, (e: Error) => { setBackups([]); setState({ busy: false, message: e.message, failed: true }); });
  }, []);

  const restore = async (name: string) => {
    setState({ busy: true, message: '正在恢复,请稍候…', failed: false });
    try {
      await send('backups.restore', { name });
      setState({ busy: true, message: '已恢复,正在重新打开…', failed: false });
      location.reload();
    } catch (e) {
      setState({ busy: false, message: e instanceof Error ? e.message : String(e), failed: true });
    }
  };

  const good = (backups ?? []).filter((b) => !b.problem);
  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">数据库无法打开,需要从备份恢复</h1>
      <p className="recovery-problem">{info.problem || '数据库已损坏或无法读取'}。</p>
      <p className="muted">数据库文件:{info.dbFile}。恢复时,当前的文件会另存一份在备份文件夹中,不会丢失。</p>
      {backups === null && <p className="muted">正在查看备份…</p>}
      {backups && !good.length && (
        <p className="recovery-none">没有可以恢复的备份。请联系系统管理员;也可以关闭程序,把上面的数据库文件移到别处后重新打开,程序会新建一个数据库。</p>
      )}
      {backups && backups.length > 0 && (
        <table className="recovery-list" aria-label="备份列表">
          <thead><tr><th>备份时间</th><th>类型</th><th>规划</th><th>任务</th><th>大小</th><th>状态</th><th /></tr></thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name} data-backup={b.name} className={b.problem ? 'bad' : ''}>
                <td>{WHEN.format(new Date(b.at))}</td>
                <td>{reasonLabel(b.reason)}</td>
                <td className="num">{b.counts?.plans ?? '—'}</td>
                <td className="num">{b.counts?.tasks ?? '—'}</td>
                <td className="num">{size(b.size)}</td>
                <td>{b.problem ? `不能恢复:${b.problem}` : '可以恢复'}</td>
                <td>
                  {!b.problem && chosen !== b.name && <button type="button" disabled={state.busy} onClick={() => setChosen(b.name)}>恢复此备份…</button>}
                  {!b.problem && chosen === b.name && (
                    <span className="confirm">
                      <button type="button" className="primary" disabled={state.busy} onClick={() => void restore(b.name)}>确认恢复</button>
                      <button type="button" disabled={state.busy} onClick={() => setChosen(null)}>取消</button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.message && <p className={state.failed ? 'recovery-error' : 'recovery-status'} role="status">{state.message}</p>}
    </main>
  );
}
