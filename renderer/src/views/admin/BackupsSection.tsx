// The administration page's backups: every backup with its date, why it was made, its size and what it holds (plans,
// tasks, targets, rounds), a backup made now, and a restore from any of them after a question. A restore the service
// finishes later (it answers `restoring`) is waited for, and the window reads everything again when it is done.
import { useEffect, useState } from 'react';
import type { BackupContents, BackupEntry } from '../../../../contract';
import { send, ApiError } from '../../api';
import { toast, toastError } from '../../toast';
import { Confirm } from '../../components/Confirm';
import { dateTime } from '../../dates';

const REASONS: [RegExp, string][] = [
  [/^manual$/, '手动备份'], [/^before-delete-plan/, '删除规划前'], [/^before-delete-round/, '删除轮次前'], [/^before-restore/, '恢复前'],
  [/^before-migration/, '升级数据库前'], [/^before-import/, '导入前'], [/^before-returns/, '导入填报前'], [/^(startup|daily|auto)/, '自动备份'],
];
const reasonLabel = (r: string) => REASONS.find(([re]) => re.test(r))?.[1] ?? (r || '备份');
const size = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
const holds = (c: BackupContents | undefined) =>
  !c ? '…' : c.counts ? `${c.counts.plans} 个规划 · ${c.counts.tasks} 项任务 · ${c.counts.targets} 个指标 · ${c.counts.rounds} 个轮次` : c.problem;

/** Waits until the service answers again after a restore it runs apart (a few seconds at most in practice). */
async function serviceBack(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try { await send('app.info', {}); return; } catch { await new Promise((r) => setTimeout(r, 500)); }
  }
}

/** Restores a backup; true when the service said it is still restoring (a result or an error named so). */
async function restore(name: string): Promise<boolean> {
  try {
    const r = (await send('backups.restore', { name })) as unknown as Record<string, unknown> | null;
    return !!r?.restoring;
  } catch (e) {
    if (e instanceof ApiError && /restoring/.test(e.code)) return true;
    throw e;
  }
}

export function BackupsSection({ onReload }: { onReload(): Promise<void> }) {
  const [list, setList] = useState<BackupEntry[] | null>(null);
  const [contents, setContents] = useState<Map<string, BackupContents>>(new Map());
  const [asking, setAsking] = useState<BackupEntry | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const l = await send('backups.list', {});
    setList(l);
    const c = await send('backups.contents', { names: l.slice(0, 100).map((b) => b.name) });
    setContents(new Map(c.map((x) => [x.name, x])));
  };
  useEffect(() => { void load().catch(toastError); }, []);

  const backupNow = async () => {
    setBusy(true);
    try {
      const b = await send('backups.create', { reason: 'manual' });
      toast(`已备份(${dateTime(b.at)})`, 'success');
      await load();
    } catch (e) { toastError(e); } finally { setBusy(false); }
  };

  return (
    <section className="admin-box" aria-label="备份与恢复">
      <h2>备份与恢复</h2>
      <p className="muted">删除、导入、恢复和升级之前都会自动备份;这里列出最近的备份。</p>
      <button type="button" onClick={() => void backupNow()} disabled={busy}>立即备份</button>
      {list == null ? <p className="muted">正在读取…</p> : !list.length ? <p className="muted">还没有备份。</p> : (
        <div className="admin-scroll">
          <table className="admin-table" aria-label="备份列表">
            <thead><tr><th>时间</th><th>原因</th><th>内容</th><th>大小</th><th /></tr></thead>
            <tbody>
              {list.map((b) => (
                <tr key={b.name} data-backup={b.name}>
                  <td className="nowrap">{dateTime(b.at, true)}</td>
                  <td className="nowrap">{reasonLabel(b.reason)}</td>
                  <td>{holds(contents.get(b.name))}</td>
                  <td className="num nowrap">{size(b.size)}</td>
                  <td><button type="button" aria-label={`从 ${dateTime(b.at, true)} 的备份恢复`} disabled={!contents.get(b.name)?.counts}
                    onClick={() => setAsking(b)}>恢复…</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {asking && (
        <Confirm title="从备份恢复" action="恢复" onClose={() => setAsking(null)} onConfirm={async () => {
          if (await restore(asking.name)) { toast('正在恢复,完成后自动刷新…'); await serviceBack(); }
          toast(`已从 ${dateTime(asking.at, true)} 的备份恢复;恢复前的数据已另行备份`, 'success');
          await onReload();
          await load();
        }}>
          <p>用 <b>{dateTime(asking.at, true)}</b>({reasonLabel(asking.reason)})的备份替换现在的全部数据?</p>
          <p>备份中有 {holds(contents.get(asking.name))}。之后的修改将不再保留。</p>
          <p className="muted">恢复前会先备份现在的数据,需要时可以再恢复回来。</p>
        </Confirm>
      )}
    </section>
  );
}
