// What the window says above everything at start: the 只读 banner when the database can only be read (every edit is
// refused), and warnings from the start (a backups folder that cannot be written), until the planner dismisses them.
import { useState, type ReactNode } from 'react';
import type { AppInfo } from '../../../../contract';
import './recovery.css';

export function StartNotices({ info, children }: { info: AppInfo; children: ReactNode }) {
  const [warnings, setWarnings] = useState(info.warnings);
  return (
    <div className="app-frame">
      {info.readOnly && (
        <div className="readonly-banner" role="status">
          <b>只读</b>{info.problem ? `:${info.problem}` : ''}。可以查看、筛选和导出,不能修改;修改会被拒绝并说明原因。
        </div>
      )}
      {warnings.length > 0 && (
        <div className="start-warning" role="alert">
          <span>注意:{warnings.join(';')}</span>
          <button type="button" onClick={() => setWarnings([])}>知道了</button>
        </div>
      )}
      {children}
    </div>
  );
}
