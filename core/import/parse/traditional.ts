// Documents in traditional characters: parsed in simplified characters (opencc-js) so every rule reads them, then each
// stored text is given back in the characters the document was written in.
import type { InterchangePlan } from '../../../contract/interchange';
import type { Block } from './text/blocks';

type Convert = (s: string) => string;
let converter: Promise<Convert> | null = null;

/** Traditional (Hong Kong, Taiwan or plain) → simplified, character for character; loaded on first use. */
function simplifier(): Promise<Convert> {
  converter ??= import('opencc-js').then((m) => m.Converter({ from: 'hk', to: 'cn' }));
  return converter;
}

/** Whether a text is written in traditional characters: enough of its Chinese characters change when simplified. */
export async function isTraditional(text: string): Promise<boolean> {
  // The first 20 000 Chinese characters, gathered piece by piece: a long document is not filtered whole for them.
  let sample = '';
  for (let at = 0; sample.length < 20000 && at < text.length; at += 65536) sample += text.slice(at, at + 65536).replace(/[^\u4e00-\u9fff]/g, '');
  sample = sample.slice(0, 20000);
  if (sample.length < 20) return false;
  const simple = (await simplifier())(sample);
  let changed = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] !== simple[i]) changed++;
  return changed / sample.length > 0.04;
}

/** Maps simplified characters back to the form the document used where it used one form only. */
export class Restorer {
  private counts = new Map<string, Map<string, number>>();
  note(original: string, simple: string): void {
    if (original.length !== simple.length) return;
    for (let i = 0; i < original.length; i++) {
      const s = simple[i]!;
      const byForm = this.counts.get(s) ?? new Map<string, number>();
      byForm.set(original[i]!, (byForm.get(original[i]!) ?? 0) + 1);
      this.counts.set(s, byForm);
    }
  }
  private best = new Map<string, string>();
  restore = (s: string): string => {
    let out = '';
    for (const ch of s) {
      let b = this.best.get(ch);
      if (b === undefined) {
        const forms = this.counts.get(ch);
        b = forms ? [...forms].sort((x, y) => y[1] - x[1])[0]![0] : ch;
        this.best.set(ch, b);
      }
      out += b;
    }
    return out;
  };
}

/** Blocks in simplified characters, and the restorer that gives stored texts their original characters back. */
export async function simplifyBlocks(blocks: Block[]): Promise<{ blocks: Block[]; restorer: Restorer }> {
  const conv = await simplifier();
  const restorer = new Restorer();
  const one = (s: string) => {
    const out = conv(s);
    restorer.note(s, out);
    return out;
  };
  const out = blocks.map((b): Block => (b.kind === 'text'
    ? { ...b, text: one(b.text) }
    : { ...b, caption: one(b.caption), note: one(b.note), header: b.header.map(one), rows: b.rows.map((r) => r.map(one)) }));
  return { blocks: out, restorer };
}

/** A parsed plan with its texts in the document's own characters (codes, attributes, qualifiers and deadlines stay tokens). */
export function restorePlan(p: InterchangePlan, r: Restorer): InterchangePlan {
  const f = r.restore;
  return {
    ...p, title: f(p.title), issuer: p.issuer && f(p.issuer), docNumber: p.docNumber && f(p.docNumber),
    tasks: p.tasks.map((t) => ({
      ...t, title: f(t.title), body: f(t.body), path: t.path.map(f), code: f(t.code), subpoints: t.subpoints.map(f),
      leadUnits: t.leadUnits.map(f), responsibleUnits: t.responsibleUnits.map(f),
    })),
    targets: p.targets.map((g) => ({
      ...g, name: f(g.name), unit: f(g.unit), category: f(g.category), responsibleUnits: g.responsibleUnits.map(f),
      baseline: { ...g.baseline, value: g.baseline.value && f(g.baseline.value) },
      milestones: g.milestones.map((m) => ({ ...m, value: f(m.value) })),
    })),
    unplaced: p.unplaced?.map((u) => ({ ...u, text: f(u.text) })),
  };
}
