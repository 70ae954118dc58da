// A generated city database kept between runs (it takes a while to build), and fresh working copies of it,
// so every run starts from the same untouched data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { synthesize, type SynthOptions } from './generate';
import { latestVersion } from '../../db/migrations';

/** Bump when the generator changes what it writes. */
const GENERATOR_VERSION = 3;

export function cachedSynthDb(opts: SynthOptions, dir = path.join(os.tmpdir(), 'plan-review-synth')): { file: string; built: boolean; seconds: number } {
  const key = `city-v${GENERATOR_VERSION}-s${latestVersion}-${opts.plans}p-${opts.tasks}t-${opts.seed ?? 'd'}${opts.units ? `-${opts.units}u` : ''}.db`;
  const file = path.join(dir, key);
  if (fs.existsSync(file)) return { file, built: false, seconds: 0 };
  fs.mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  synthesize(file + '.new', opts);
  fs.renameSync(file + '.new', file);
  return { file, built: true, seconds: (performance.now() - t0) / 1000 };
}

/** A copy of `file` in a new temporary folder; remove the folder when done. */
export function workingCopy(file: string, prefix = 'plan-review-scale-'): { file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const copy = path.join(dir, 'city.db');
  fs.copyFileSync(file, copy);
  return { file: copy, dir };
}
