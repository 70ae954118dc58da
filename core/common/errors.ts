// AppError carries a code and a Chinese message a planner can act on; everything else becomes "internal".
import { ZodError } from 'zod';

export class AppError extends Error {
  constructor(public code: string, message: string) {
    super(message);
  }
}

export const notFound = (what: string, id: string | number) => new AppError('not_found', `找不到${what}:${id}`);
export const invalid = (message: string) => new AppError('invalid', message);

export function describeZodError(e: ZodError): string {
  const parts = e.issues.slice(0, 5).map((i) => {
    const where = i.path.length ? `「${i.path.join('.')}」` : '';
    return `${where}${i.message}`;
  });
  return `参数不正确:${parts.join(';')}`;
}
