// The handler map: every operation of the contract, implemented by the services. The compiler checks it is complete.
import type { Handlers } from './dispatch';
import { planHandlers } from './services/plans';
import { evaluationHandlers } from './services/evaluation';
import { roundHandlers } from './services/rounds';
import { historyHandlers } from './services/history';
import { appHandlers } from './services/app';
import { backupHandlers } from './services/backups';
import { importHandlers } from './services/imports';
import { interchangeHandlers } from './services/interchange';
import { reportHandlers } from './services/report';
import { returnsHandlers } from './services/returns';
import { fileHandlers } from './services/files';
import { defineHandlers } from './services/define';
import { unitHandlers } from './services/units';
import { returnsBoardHandlers } from './services/returns-board';
import { backupContentsHandlers } from './services/backup-contents';

export const handlers: Handlers = {
  ...planHandlers, ...evaluationHandlers, ...roundHandlers, ...historyHandlers, ...appHandlers, ...backupHandlers,
  ...importHandlers, ...interchangeHandlers, ...reportHandlers, ...returnsHandlers, ...fileHandlers,
  ...defineHandlers, ...unitHandlers,
  ...returnsBoardHandlers,
  ...backupContentsHandlers,
};
