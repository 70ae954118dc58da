// The parsing worker's entry and its jobs: files from outside are read here, off the main thread (core/files/in-worker.ts
// starts it). Every zip is guarded first (sizes, ratio, parts, DTDs) and every workbook's sheets pre-scanned, whatever
// the importer behind it; then the file is parsed without the database.
import { isMainThread } from 'node:worker_threads';
import { serveParseJobs, toPieces, type Pieces } from '../files/parse-worker';
import { guardZip, looksLikeZip } from '../files/zip-guard';
import { safeWorkbook } from '../files/sheet-scan';
import { parseDocument, type ParseResult } from '../import/parse';
import { readReturnFile, type ReturnFile } from '../returns/read';

/** Structured cloning hands a Buffer over as a plain Uint8Array. */
const asBuffer = (u: Uint8Array) => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength));
const ext = (name: string) => (/\.([^.\\/]+)$/.exec(name)?.[1] ?? '').toLowerCase();

/**
 * A plan document: a workbook's sheets are pre-scanned (far cells refused, ranges clamped), every other zip is guarded
 * as the format its name says by the importer itself (a .docx renamed .xlsx is refused), then parsed.
 */
async function parsePlanFile(a: { name: string; data: Uint8Array }): Promise<ParseResult> {
  let data = asBuffer(a.data);
  const kind = ext(a.name);
  if (looksLikeZip(data) && (kind === 'xlsx' || kind === 'xlsm')) data = await safeWorkbook(data, a.name);
  else if (looksLikeZip(data) && kind !== 'docx' && kind !== 'docm' && kind !== 'doc' && kind !== 'wps') await guardZip(data, { name: a.name });
  return parseDocument(a.name, data);
}

async function readReturnJob(a: { name: string; data: Uint8Array }): Promise<ReturnFile> {
  return readReturnFile(a.name, asBuffer(a.data));
}

export const parseJobs = {
  parseDocument: async (a: { name: string; data: Uint8Array }): Promise<Pieces<ParseResult>> => toPieces(await parsePlanFile(a)),
  readReturnFile: readReturnJob,
};
export type ParseJobs = typeof parseJobs;

if (!isMainThread) serveParseJobs(parseJobs);
