// A tiny argument reader for the command line: --name value pairs, --flag switches and positional paths.
export interface Parsed { flags: Record<string, string | true>; rest: string[] }

export function parseArgs(argv: string[]): Parsed {
  const flags: Record<string, string | true> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) flags[k] = v;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) flags[k] = argv[++i];
      else flags[k] = true;
    } else rest.push(a);
  }
  return { flags, rest };
}

export function str(p: Parsed, name: string, required = false): string | undefined {
  const v = p.flags[name];
  if (v === true || (v === undefined && required)) {
    if (required) throw new Error(`缺少参数 --${name}`);
  }
  return typeof v === 'string' ? v : undefined;
}

export function num(p: Parsed, name: string): number | undefined {
  const v = str(p, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`参数 --${name} 应为数字`);
  return n;
}
