// The command line of plan-review: looks the command up in the registry (cli/commands.ts) and runs it.
import { parseArgs } from './args';
import { AppError, explainError } from '../core/common/errors';
import { commands } from './commands';

const help = () => `规划评估台 命令行\n\n${Object.values(commands).map((c) => `  ${c.usage.padEnd(46)} ${c.what}`).join('\n')}\n`;

async function main(): Promise<void> {
  const [cmd, ...rest] = process.argv.slice(2);
  const command = commands[cmd ?? ''];
  if (!command) {
    console.log(help());
    process.exitCode = cmd && cmd !== 'help' && cmd !== '--help' ? 2 : 0;
    return;
  }
  await command.run(parseArgs(rest));
}

if (require.main === module) {
  main().catch((e) => {
    // SQLite and system errors are told in Chinese; an error of the program itself keeps its own message.
    const known = e instanceof AppError ? null : explainError(e);
    console.error(known ? `错误:${known.message}` : e instanceof Error ? `错误:${e.message}` : e);
    process.exitCode = 1;
  });
}
