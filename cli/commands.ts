// Every command of the command line, by name: the one registry main.ts reads, and the help is written from.
import type { Command } from './command';
import { dataCommands } from './data-commands';
import { webCommand } from './web-command';
import { synthCommand } from './synth';
import { returnsCommands } from './returns-commands';

export const commands: Record<string, Command> = { ...dataCommands, web: webCommand, synth: synthCommand, ...returnsCommands };
