// Export of the interchange JSON: every plan with its targets, tasks and the evaluations of every round.
import fs from 'node:fs';
import type { Handlers } from '../dispatch';
import { buildInterchange } from '../../db/repos/interchange';
import { outputPath, stampForFile, written } from './uploads';

export const interchangeHandlers: Pick<Handlers, 'export.json'> = {
  'export.json': (ctx, { out }) => {
    const file = outputPath(ctx, out, `规划评估数据-${stampForFile()}.json`);
    const data = buildInterchange(ctx.db);
    const tmp = file + '.part';
    fs.writeFileSync(tmp, JSON.stringify(data, null, 2));
    fs.renameSync(tmp, file);
    return written(ctx, file, data.plans.reduce((n, p) => n + p.tasks.length + p.targets.length, 0));
  },
};
