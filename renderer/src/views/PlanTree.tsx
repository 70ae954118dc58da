// The side panel: every plan with its chapters as a tree; choosing a node scopes the grid to it. A real tree for the
// keyboard: one Tab stop (the roving item), ↑↓ move, → opens or goes to the first child, ← closes or goes to the
// parent, Home/End, Enter or Space chooses; a click chooses, a click on the arrow opens or closes.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PlanNode, ChapterNode } from '../../../contract';
import { PLAN_KIND_LABELS } from '../../../contract/model';

export interface TreeSelection { planId: string | null; chapter: string[] }

interface Item {
  key: string; parent: string | null; level: number; label: string; title: string; count: number; kind?: string;
  children: number; select: TreeSelection;
}

const keyOf = (s: TreeSelection) => (s.planId == null ? 'all' : `${s.planId}\u0001${s.chapter.join('\u0001')}`);

/** The items shown now, in order: the root, each plan, and the chapters of the open nodes. */
function visibleItems(tree: PlanNode[], open: Set<string>): Item[] {
  const total = tree.reduce((n, p) => n + p.plan.taskCount, 0);
  const out: Item[] = [{ key: 'all', parent: null, level: 1, label: `全部规划(${tree.length})`, title: '全部规划', count: total, children: 0, select: { planId: null, chapter: [] } }];
  const chapters = (planId: string, nodes: ChapterNode[], parent: string, level: number) => {
    for (const c of nodes) {
      const select = { planId, chapter: c.path };
      const key = keyOf(select);
      out.push({ key, parent, level, label: c.name, title: c.name, count: c.taskCount, children: c.children.length, select });
      if (open.has(key)) chapters(planId, c.children, key, level + 1);
    }
  };
  for (const n of tree) {
    const p = n.plan;
    const select = { planId: p.id, chapter: [] };
    const key = keyOf(select);
    out.push({ key, parent: null, level: 1, label: p.title, title: `${p.title}${p.docNumber ? '\n' + p.docNumber : ''}`, count: p.taskCount,
      kind: PLAN_KIND_LABELS[p.kind], children: n.chapters.length, select });
    if (open.has(key)) chapters(p.id, n.chapters, key, 2);
  }
  return out;
}

export function PlanTree({ tree, selection, onSelect }: { tree: PlanNode[]; selection: TreeSelection; onSelect(s: TreeSelection): void }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [focusKey, setFocusKey] = useState<string>('all');
  const items = useMemo(() => visibleItems(tree, open), [tree, open]);
  const refs = useRef(new Map<string, HTMLDivElement>());
  const selected = keyOf(selection.planId != null && !tree.some((n) => n.plan.id === selection.planId) ? { planId: null, chapter: [] } : selection);
  // The roving item: the one last moved to, else the chosen one, else the root.
  const roving = items.some((i) => i.key === focusKey) ? focusKey : items.some((i) => i.key === selected) ? selected : 'all';

  const toggle = (key: string, to?: boolean) => setOpen((s) => {
    const n = new Set(s);
    if (to ?? !n.has(key)) n.add(key); else n.delete(key);
    return n;
  });
  const moveTo = (key: string) => {
    setFocusKey(key);
    const el = refs.current.get(key);
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
  };

  const onKey = (e: KeyboardEvent, it: Item) => {
    const at = items.findIndex((x) => x.key === it.key);
    const go = (i: number) => { const t = items[Math.max(0, Math.min(items.length - 1, i))]; if (t) moveTo(t.key); };
    const handled = () => { e.preventDefault(); e.stopPropagation(); };
    switch (e.key) {
      case 'ArrowDown': handled(); go(at + 1); break;
      case 'ArrowUp': handled(); go(at - 1); break;
      case 'Home': handled(); go(0); break;
      case 'End': handled(); go(items.length - 1); break;
      case 'ArrowRight':
        handled();
        if (it.children && !open.has(it.key)) toggle(it.key, true);
        else if (it.children) go(at + 1);
        break;
      case 'ArrowLeft':
        handled();
        if (it.children && open.has(it.key)) toggle(it.key, false);
        else if (it.parent) moveTo(it.parent);
        break;
      case 'Enter': case ' ': handled(); onSelect(it.select); break;
    }
  };

  return (
    <div className="tree" role="tree" aria-label="规划与章节">
      {items.map((it) => {
        const expanded = it.children ? open.has(it.key) : undefined;
        return (
          <div key={it.key} ref={(el) => { if (el) refs.current.set(it.key, el); else refs.current.delete(it.key); }}
            role="treeitem" aria-level={it.level} aria-expanded={expanded} aria-selected={it.key === selected}
            tabIndex={it.key === roving ? 0 : -1} title={it.title}
            className={`node${it.key === 'all' ? ' all' : it.level === 1 ? ' plan' : ' chapter'}${it.key === selected ? ' active' : ''}`}
            style={{ paddingLeft: 4 + (it.level - 1) * 14 }}
            onKeyDown={(e) => onKey(e, it)} onFocus={() => setFocusKey(it.key)}
            onClick={() => { setFocusKey(it.key); onSelect(it.select); }}>
            <span className="twisty" aria-hidden onClick={(e) => { if (it.children) { e.stopPropagation(); toggle(it.key); } }}>
              {it.children ? (expanded ? '▾' : '▸') : ''}
            </span>
            <span className="label">{it.kind && <span className="kind">{it.kind}</span>}{it.label}</span>
            <span className="count">{it.count}</span>
          </div>
        );
      })}
    </div>
  );
}
