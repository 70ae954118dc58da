// The side panel: every plan with its chapters as a tree; choosing a node scopes the grid to it.
import { useState } from 'react';
import type { PlanNode, ChapterNode } from '../../../contract';
import { PLAN_KIND_LABELS } from '../../../contract/model';

export interface TreeSelection { planId: string | null; chapter: string[] }

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function Chapter({ node, planId, selection, onSelect, depth }: {
  node: ChapterNode; planId: string; selection: TreeSelection; onSelect(s: TreeSelection): void; depth: number;
}) {
  const [open, setOpen] = useState(false);
  const active = selection.planId === planId && same(selection.chapter, node.path);
  return (
    <li>
      <div className={`node chapter${active ? ' active' : ''}`} style={{ paddingLeft: 12 + depth * 14 }}>
        {node.children.length ? <button className="twisty" aria-label={open ? '收起' : '展开'} onClick={() => setOpen(!open)}>{open ? '▾' : '▸'}</button> : <span className="twisty" />}
        <button className="label" title={node.name} onClick={() => onSelect({ planId, chapter: node.path })}>{node.name}</button>
        <span className="count">{node.taskCount}</span>
      </div>
      {open && node.children.length > 0 && (
        <ul>{node.children.map((c) => <Chapter key={c.name} node={c} planId={planId} selection={selection} onSelect={onSelect} depth={depth + 1} />)}</ul>
      )}
    </li>
  );
}

function Plan({ node, selection, onSelect }: { node: PlanNode; selection: TreeSelection; onSelect(s: TreeSelection): void }) {
  const [open, setOpen] = useState(false);
  const p = node.plan;
  const active = selection.planId === p.id && selection.chapter.length === 0;
  return (
    <li>
      <div className={`node plan${active ? ' active' : ''}`}>
        {node.chapters.length ? <button className="twisty" aria-label={open ? '收起' : '展开'} onClick={() => setOpen(!open)}>{open ? '▾' : '▸'}</button> : <span className="twisty" />}
        <button className="label" title={`${p.title}${p.docNumber ? '\n' + p.docNumber : ''}`} onClick={() => onSelect({ planId: p.id, chapter: [] })}>
          <span className="kind">{PLAN_KIND_LABELS[p.kind]}</span>{p.title}
        </button>
        <span className="count">{p.taskCount}</span>
      </div>
      {open && <ul>{node.chapters.map((c) => <Chapter key={c.name} node={c} planId={p.id} selection={selection} onSelect={onSelect} depth={1} />)}</ul>}
    </li>
  );
}

export function PlanTree({ tree, selection, onSelect }: { tree: PlanNode[]; selection: TreeSelection; onSelect(s: TreeSelection): void }) {
  const total = tree.reduce((n, p) => n + p.plan.taskCount, 0);
  return (
    <nav className="tree" aria-label="规划与章节">
      <div className={`node all${selection.planId == null ? ' active' : ''}`}>
        <span className="twisty" />
        <button className="label" onClick={() => onSelect({ planId: null, chapter: [] })}>全部规划({tree.length})</button>
        <span className="count">{total}</span>
      </div>
      <ul>{tree.map((n) => <Plan key={n.plan.id} node={n} selection={selection} onSelect={onSelect} />)}</ul>
    </nav>
  );
}
