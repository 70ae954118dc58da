// The tiny bridge the page gets: one method that sends an operation over the one channel (see contract/bridge.ts).
import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, BRIDGE_KEY, type Bridge, type BridgeMessage } from '../contract/bridge';

const bridge: Bridge = { send: (op, args) => ipcRenderer.invoke(API_CHANNEL, { op, args } satisfies BridgeMessage) };
contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
