// Excel reports for superiors and the returns workbooks exchanged with responsible units.
import type { Handlers } from '../dispatch';
import { AppError } from '../errors';

const notYet = (): never => {
  throw new AppError('unavailable', '该功能正在完善中');
};

export const excelHandlers: Pick<Handlers, 'export.report' | 'export.returns' | 'returns.preview' | 'returns.apply' | 'returns.cancel'> = {
  'export.report': notYet,
  'export.returns': notYet,
  'returns.preview': notYet,
  'returns.apply': notYet,
  'returns.cancel': (ctx, { previewId }) => ({ cancelled: ctx.pending.delete(previewId) }),
};
