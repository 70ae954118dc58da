// Restores the paragraph breaks of run-on text whose line breaks and headings were lost in scraping.

/** Sentences with their closing mark; a numbering "(一)" or dash "——" also opens a new sentence. */
function sentences(text: string): string[] {
  return text
    .replace(/([。:：])(?=——|[(（][一二三四五六七八九十]{1,3}[)）])/g, '$1\n')
    .replace(/。(?!\n)/g, '。\n')
    .split('\n')
    .filter(Boolean);
}

const LEAD_MAX = 20;
const MIN_BODY = 50;
const isLeadLike = (s: string) =>
  s.length <= LEAD_MAX + 1 && s.endsWith('。') && !/[,，;；:：、]/.test(s.slice(0, -1)) && !/^(到|至|截至)?20\d\d/.test(s);
const isMarked = (s: string) => /^(——|[(（][一二三四五六七八九十]{1,3}[)）])/.test(s);

export interface RunOnOptions {
  /** Sentences that must stay inside their paragraph though they read like a lead. */
  noLeadAt?: string[];
}

/** Whether a line is run-on text: long, many sentences, no breaks. */
export function isRunOn(text: string): boolean {
  const numbered = text.match(/[。][(（][一二三四五六七八九十]{1,3}[)）]/g)?.length ?? 0;
  return (text.length > 800 && numbered >= 2) || (text.length > 3000 && (text.match(/。/g)?.length ?? 0) > 20);
}

/** Breaks a run-on line before each lead sentence ("先进材料。…"), numbering "(一)" and dash item. */
export function splitRunOn(text: string, opts: RunOnOptions = {}): string[] {
  const ss = sentences(text);
  const keep = new Set(opts.noLeadAt ?? []);
  const starts = new Set<number>();
  const cand = ss.map((s, k) => isMarked(s) || (isLeadLike(s) && !keep.has(s) && k > 0));
  let lastStart = -1;
  for (let k = 0; k < ss.length; k++) {
    if (!cand[k]) continue;
    if (isMarked(ss[k]!)) { starts.add(k); lastStart = k; continue; }
    // A lead needs a body of its own, and leaves one to the lead before it.
    let body = 0;
    for (let j = k + 1; j < ss.length && !(cand[j] && j > k + 1) && !isMarked(ss[j]!); j++) body += ss[j]!.length;
    let before = 0;
    for (let j = lastStart + 1; j < k; j++) before += ss[j]!.length;
    if (body >= MIN_BODY && (lastStart < 0 || before >= 10)) { starts.add(k); lastStart = k; }
  }
  const out: string[] = [];
  let cur = '';
  ss.forEach((s, k) => {
    if (starts.has(k) && cur) { out.push(cur); cur = ''; }
    cur += s;
  });
  if (cur) out.push(cur);
  return out;
}
