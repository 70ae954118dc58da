// Broken disks for tests: database pages overwritten (the file still opens, quick_check fails), files cut short or
// emptied, headers spoiled, and files or folders made read-only for real (chattr +i where the tests run as root, whom
// permission bits do not stop; chmod otherwise).
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';

const PAGE = 4096;

/** Adds a table of filler rows at the end of the file and overwrites its pages: the plans and tasks still read. */
export function damagePages(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.exec('CREATE TABLE IF NOT EXISTS filler (x BLOB)');
  const ins = db.prepare('INSERT INTO filler VALUES (?)');
  db.transaction(() => { for (let i = 0; i < 120; i++) ins.run(Buffer.alloc(3000, i)); })();
  db.close();
  const fd = fs.openSync(file, 'r+');
  try {
    const pages = Math.floor(fs.fstatSync(fd).size / PAGE);
    const junk = Buffer.alloc(PAGE, 0x5a);
    for (let p = pages - 40; p < pages; p++) fs.writeSync(fd, junk, 0, PAGE, p * PAGE);
  } finally {
    fs.closeSync(fd);
  }
}

/** Overwrites the file's header: it no longer opens as a database at all. */
export function spoilHeader(file: string): void {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.from('this is no longer a database...'), 0, 31, 0);
  fs.closeSync(fd);
}

/** Keeps only the first part of a file, as a copy cut off half-way does. */
export function truncateTo(file: string, fraction: number): void {
  fs.truncateSync(file, Math.floor(fs.statSync(file).size * fraction));
}

const root = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Makes files or folders read-only for this process; false when it cannot (root without chattr): the caller skips.
 * Undo with writable().
 */
export function readOnly(...paths: string[]): boolean {
  if (root) return spawnSync('chattr', ['+i', ...paths]).status === 0;
  for (const p of paths) fs.chmodSync(p, fs.statSync(p).isDirectory() ? 0o555 : 0o444);
  return true;
}

export function writable(...paths: string[]): void {
  const there = paths.filter((p) => fs.existsSync(p));
  if (!there.length) return;
  if (root) spawnSync('chattr', ['-i', ...there]);
  else for (const p of there) fs.chmodSync(p, fs.statSync(p).isDirectory() ? 0o755 : 0o644);
}
