// The Electron bridge, shared by the preload script, the main process and the renderer: one channel, one method.
// Every operation, the file dialogs included, goes through it to dispatch and is checked against the contract there.
import type { Envelope } from './op';

export const API_CHANNEL = 'plan-review:api';
/** The name under which the preload script puts the bridge on the page's window. */
export const BRIDGE_KEY = 'planReview';

export interface Bridge { send(op: string, args: unknown): Promise<Envelope<unknown>> }
/** What the page sends over the channel. */
export interface BridgeMessage { op: string; args: unknown }
