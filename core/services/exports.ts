// Export of the interchange JSON; the Excel exports and returns live in excel.ts.
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../dispatch';
import { buildInterchange } from '../export/json';
import { outputPath, stampForFile } from './files';

export const exportHandlers: Pick<Handlers, 'export.json'> = {
  'export.json': (ctx, { outPath }) => {
    const file = outputPath(ctx, outPath, `规划评估数据-${stampForFile()}.json`);
    const data = buildInterchange(ctx.db);
    const tmp = file + '.part';
    fs.writeFileSync(tmp, JSON.stringify(data, null, 2));
    fs.renameSync(tmp, file);
    return { file, name: path.basename(file), rows: data.plans.reduce((n, p) => n + p.tasks.length + p.targets.length, 0) };
  },
};
