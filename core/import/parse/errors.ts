// The error a file that cannot be imported raises: its message, in Chinese, names the file and what is wrong.
import { AppError } from '../../common/errors';

export class ImportFileError extends AppError {
  constructor(message: string) {
    super('import_file', message);
    this.name = 'ImportFileError';
  }
}
