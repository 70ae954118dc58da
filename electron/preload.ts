// The tiny bridge the page gets: send an operation, pick files to open or a place to save, show a file in its folder.
import { contextBridge, ipcRenderer } from 'electron';

const API_CHANNEL = 'plan-review:api';
const SHELL_CHANNEL = 'plan-review:shell';

contextBridge.exposeInMainWorld('planReview', {
  send: (op: string, args: unknown) => ipcRenderer.invoke(API_CHANNEL, { op, args }),
  openFiles: (kind: 'plans' | 'returns' | 'backup') => ipcRenderer.invoke(SHELL_CHANNEL, { action: 'openFiles', kind }),
  saveFile: (defaultName: string) => ipcRenderer.invoke(SHELL_CHANNEL, { action: 'saveFile', defaultName }),
  pickFolder: () => ipcRenderer.invoke(SHELL_CHANNEL, { action: 'pickFolder' }),
  showInFolder: (file: string) => ipcRenderer.invoke(SHELL_CHANNEL, { action: 'showInFolder', file }),
});
