// The ordered list of schema migrations; user_version records the number of the last one applied.
import { sql as m001 } from './001_init';
import { sql as m002 } from './002_returns';
import { sql as m003 } from './003_scale_indexes';
import { sql as m004 } from './004_contentless_search';
import { sql as m005 } from './005_tree_unit_indexes';
import { sql as m006 } from './006_plan_data_and_judgement';
import { sql as m007 } from './007_returns_board';
import { sql as m012 } from './012_search_evaluations';

export interface Migration { version: number; name: string; sql: string }

export const migrations: Migration[] = [
  { version: 1, name: 'init', sql: m001 },
  { version: 2, name: 'returns', sql: m002 },
  { version: 3, name: 'scale_indexes', sql: m003 },
  { version: 4, name: 'contentless search', sql: m004 },
  { version: 5, name: 'tree and unit indexes', sql: m005 },
  { version: 6, name: 'plan data and judgement', sql: m006 },
  { version: 7, name: 'returns board', sql: m007 },
  { version: 12, name: 'search evaluations', sql: m012 },
];

export const latestVersion = migrations[migrations.length - 1].version;
