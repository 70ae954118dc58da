// The returns of the current round as a view of its own: the board of who has answered and who is late, and the tasks
// several units answered for, with their texts side by side to compose the final one.
import { useState } from 'react';
import type { Changed } from '../../../../contract';
import { Board } from './Board';
import { UnitInputs } from './UnitInputs';
import './returns.css';

export function ReturnsView({ roundId, roundName, onApplied }: { roundId: number; roundName: string; onApplied(c: Changed): void }) {
  const [tab, setTab] = useState<'board' | 'inputs'>('board');
  return (
    <div className="returns-view">
      <div className="rv-head">
        <h2>{roundName} · 填报回收</h2>
        <nav className="tabs" role="tablist" aria-label="回收">
          <button type="button" role="tab" aria-selected={tab === 'board'} className={tab === 'board' ? 'active' : ''} onClick={() => setTab('board')}>回收看板</button>
          <button type="button" role="tab" aria-selected={tab === 'inputs'} className={tab === 'inputs' ? 'active' : ''} onClick={() => setTab('inputs')}>多单位填报</button>
        </nav>
      </div>
      {tab === 'board' ? <Board key={roundId} roundId={roundId} onApplied={onApplied} /> : <UnitInputs key={roundId} roundId={roundId} onApplied={onApplied} />}
    </div>
  );
}
