// 管理: the administration page, a view of its own: who works here (the operator recorded with every step, the office
// named on reports), the warning thresholds, the rounds and plans that can be deleted (after a backup and a question),
// and the backups with what each holds, restored from here.
import type { PageProps } from '../registry';
import { SettingsSection } from './SettingsSection';
import { RoundsSection, PlansSection } from './DataSections';
import { BackupsSection } from './BackupsSection';

export function AdminPage(p: PageProps) {
  return (
    <div className="admin" role="region" aria-label="管理">
      <h1>管理</h1>
      <div className="admin-cols">
        <div>
          <SettingsSection settings={p.settings} onSettings={p.onSettings} onReload={p.onReload} />
          <RoundsSection rounds={p.rounds} round={p.round} onReload={p.onReload} />
        </div>
        <div>
          <PlansSection tree={p.tree} onReload={p.onReload} />
          <BackupsSection onReload={p.onReload} />
        </div>
      </div>
    </div>
  );
}
