// How the window names an evaluation round in its lists: the name, and the cut-off when the name does not say it.
import type { Round } from '../../contract';

export const roundLabel = (r: Round) => (r.name.includes(r.cutoff) ? r.name : `${r.name}(截至 ${r.cutoff})`);
