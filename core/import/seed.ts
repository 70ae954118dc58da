// The seed documents that ship with the app: where they live, their small corrections, and parsing them all in a stable order.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InterchangePlan } from '../../contract/interchange';
import { parsePlainText } from './parse/text/plan';

/** A fix a seed needs that the importer cannot derive (see seeds/README.md). */
export interface SeedCorrections {
  about?: string;
  replace?: { find: string; with: string; why?: string }[];
  /** Sentences of run-on text that read like a lead phrase but stay inside their paragraph. */
  noLeadAt?: string[];
}

function here(): string {
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return typeof __dirname === 'string' ? __dirname : process.cwd();
  }
}

/** The project's seeds/ folder: PLAN_REVIEW_SEEDS, else found upwards from this file (also when bundled), else ./seeds. */
export function seedDir(): string {
  const env = process.env.PLAN_REVIEW_SEEDS;
  if (env) return resolve(env);
  let dir = here();
  for (let k = 0; k < 6; k++) {
    const cand = join(dir, 'seeds');
    if (existsSync(cand) && readdirSync(cand).some((f) => f.endsWith('.txt'))) return cand;
    dir = dirname(dir);
  }
  return resolve('seeds');
}

/** Applies a seed's corrections to its text; a correction that no longer matches is an error. */
export function applyCorrections(file: string, text: string, c: SeedCorrections): string {
  let out = text;
  for (const r of c.replace ?? []) {
    if (!out.includes(r.find)) throw new Error(`种子文件 ${file} 的更正项不再匹配:${r.find}`);
    out = out.split(r.find).join(r.with);
  }
  return out;
}

export function readCorrections(dir: string, file: string): SeedCorrections {
  const path = join(dir, file.replace(/\.txt$/, '.corrections.json'));
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SeedCorrections) : {};
}

/** All plans of the seed texts, file by file in name order, documents in the order they appear. */
export async function parseSeeds(dir: string = seedDir()): Promise<InterchangePlan[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return files.flatMap((file) => {
    const c = readCorrections(dir, file);
    const text = applyCorrections(file, readFileSync(join(dir, file), 'utf8'), c);
    return parsePlainText(file, text, { noLeadAt: c.noLeadAt, conventions: 'seeds' });
  });
}
