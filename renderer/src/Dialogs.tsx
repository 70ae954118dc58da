// Mounts the dialog the toolbar asked for: rounds, import preview, the evaluation report and the returns.
import type { FileInput, Round } from '../../contract';
import type { DialogName } from './views/registry';
import type { GridHandle } from './grid/EvalGrid';
import type { Filters } from './state/filters';
import { announce } from './state/changes';
import { RoundDialog } from './views/dialogs/RoundDialog';
import { ImportDialog } from './views/dialogs/ImportDialog';
import { ExportReportDialog } from './views/excel/ExportReportDialog';
import { ReturnsDialog } from './views/excel/ReturnsDialog';

interface Props {
  dialog: DialogName; rounds: Round[]; round: Round | null; compareRoundId?: number; filters: Filters;
  grid: GridHandle | null; tab: string; importFiles: FileInput[] | null;
  onClose(): void; onReload(roundToSelect?: number): Promise<void>;
}

export function Dialogs(p: Props) {
  const done = (roundToSelect?: number) => { p.onClose(); void p.onReload(roundToSelect); };
  switch (p.dialog) {
    case 'round-new':
    case 'round-edit':
      return <RoundDialog mode={p.dialog === 'round-new' ? 'new' : 'edit'} rounds={p.rounds} current={p.round} onClose={p.onClose}
        onDone={(r) => done(p.dialog === 'round-new' ? r.id : undefined)} />;
    case 'import':
      return p.importFiles ? <ImportDialog files={p.importFiles} onClose={p.onClose} onDone={() => done()} /> : null;
    case 'export': {
      if (!p.round) return null;
      const ids = p.grid?.displayedIds();
      return <ExportReportDialog roundId={p.round.id} compareRoundId={p.compareRoundId}
        planIds={p.filters.planId ? [p.filters.planId] : undefined} unit={p.filters.unit || undefined}
        visibleTaskIds={p.tab === 'tasks' ? ids : undefined} visibleTargetIds={p.tab === 'targets' ? ids : undefined} onClose={p.onClose} />;
    }
    case 'returns':
      return p.round ? <ReturnsDialog roundId={p.round.id} onClose={p.onClose} onApplied={(c) => announce(c)} /> : null;
  }
}
