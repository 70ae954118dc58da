// Hostile files against the web host in its own process (as `npm run web` runs): for each crafted file, the time to
// refuse or import it, the host's peak memory while it did, and how long another request waited meanwhile.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveApart } from '../tests/helpers/browser';
import { fixtureFile } from '../tests/helpers/db';
import { hostilePlanFiles, hostileReturns, type Hostile } from '../tests/helpers/hostile';
import { apiOf, post, peakRss, resetPeak, whileAnswering, valueOf, percentile } from '../tests/helpers/http';
import type { Figure } from './run';

const MB = 1024 * 1024;

export async function run(): Promise<Figure[]> {
  const file = fixtureFile('hostile-bench.db');
  const host = await serveApart(file);
  const api = apiOf(host);
  const figures: Figure[] = [];
  try {
    // The first use starts the parsing worker: measured apart from the files.
    const cold = await whileAnswering(api, () => api('import.preview', { files: [{ name: 'warm.txt', base64: Buffer.from('某方案\n一、任务\n(一)做事。').toString('base64') }] }));
    figures.push({ name: 'hostile: first parse (starts the worker)', value: Math.round(cold.ms), unit: 'ms' });
    // What the machine itself costs a request now: the longest wait of the same requests to the idle host.
    const idle = await whileAnswering(api, () => new Promise((r) => setTimeout(r, 3000)));
    figures.push({ name: 'hostile: wait of requests to the idle host, 9 in 10 (the machine\'s own noise)', value: Math.round(percentile(idle.waits, 0.9)), unit: 'ms' });
    const measure = async (h: Hostile, op: string) => {
      const body = JSON.stringify({ op, args: { files: [{ name: h.name, base64: h.data.toString('base64') }] } });
      const cleared = resetPeak(host.pid);
      const r = await whileAnswering(api, () => post(host, body));
      const v = (r.value.ok ? r.value.value : {}) as { previewId?: string; problems?: unknown[]; files?: { error: string | null }[] };
      if (v.previewId) await api(op === 'import.preview' ? 'import.cancel' : 'returns.cancel', { previewId: v.previewId });
      const refused = op === 'import.preview' ? !!v.problems?.length : !!v.files?.some((f) => f.error);
      const label = `hostile: ${h.name} (${h.what}, ${(h.data.length / 1024).toFixed(0)} KB) → ${refused ? '拒绝' : '读入'}`;
      figures.push(
        { name: `${label}: time`, value: Math.round(r.ms), unit: 'ms', goal: '< 5000 ms' },
        { name: `${label}: peak memory of the host${cleared ? '' : ' (since start)'}`, value: Math.round(peakRss(host.pid) / MB), unit: 'MB', goal: '< 500 MB' },
        { name: `${label}: wait of other requests, 9 in 10 (longest ${Math.round(Math.max(...r.waits))} ms)`, value: Math.round(percentile(r.waits, 0.9)), unit: 'ms', goal: '< 100 ms' },
      );
    };
    for (const h of await hostilePlanFiles()) await measure(h, 'import.preview');
    const round = valueOf<{ id: number }[]>(await api('rounds.list', {}))[0];
    const exported = valueOf<{ files: { handle: string; name: string }[] }>(await api('export.returns', { roundId: round.id, units: ['区经济信息委'] }));
    const res = await fetch(`http://127.0.0.1:${host.port}/files/${exported.files[0].handle}/x.xlsx`);
    for (const h of await hostileReturns(Buffer.from(await res.arrayBuffer()))) await measure(h, 'returns.preview');
  } finally {
    await host.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  if (!fs.existsSync(`/proc/${process.pid}/status`)) figures.push({ name: `hostile: peak memory needs /proc (${os.platform()})`, value: 0, unit: '' });
  return figures;
}
