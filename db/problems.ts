// The error of a backup refused or not taken, with the reason in Chinese (kept apart so that code which only needs
// to recognise it does not load SQLite).
export class BackupProblem extends Error {
  readonly code = 'backup_refused';
  /** `damaged`: the database itself failed the check (not the backup folder, nor a lock). */
  constructor(message: string, readonly damaged = false) {
    super(message);
    this.name = 'BackupProblem';
  }
}
