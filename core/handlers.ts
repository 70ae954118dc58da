// The handler map: every operation of the contract, implemented by the services. The compiler checks it is complete.
import type { Handlers } from './dispatch';
import { dataHandlers } from './services/data';
import { historyHandlers } from './services/history';
import { appHandlers } from './services/app';
import { backupHandlers } from './services/backups';
import { importHandlers } from './services/imports';
import { exportHandlers } from './services/exports';
import { excelHandlers } from './services/excel';

export const handlers: Handlers = {
  ...dataHandlers, ...historyHandlers, ...appHandlers, ...backupHandlers, ...importHandlers, ...exportHandlers, ...excelHandlers,
};
