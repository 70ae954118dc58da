// Further commands (generators, maintenance) registered by name, so the main command file stays small.
import type { Parsed } from './args';
import { synthCommand } from './synth';

export interface ExtraCommand { usage: string; run: (p: Parsed) => Promise<void> }

export const extraCommands: Record<string, ExtraCommand> = {
  synth: synthCommand,
};
