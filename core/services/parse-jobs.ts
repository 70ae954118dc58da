// The parsing worker's entry and its jobs: files from outside are read here, off the main thread (core/files/in-worker.ts
// starts it). Every zip is guarded (sizes, ratio, parts, DTDs) and every workbook's sheets pre-scanned before it is
// read, by the importer for its own formats and here for any other zip; the file is parsed without the database.
import { isMainThread } from 'node:worker_threads';
import { serveParseJobs, toPieces, type Pieces } from '../files/parse-worker';
import { guardZip, looksLikeZip } from '../files/zip-guard';
import { parseDocument, type ParseResult } from '../import/parse';
import { readReturnFile, type ReturnFile } from '../returns/read';

/** Structured cloning hands a Buffer over as a plain Uint8Array. */
const asBuffer = (u: Uint8Array) => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength));
const ext = (name: string) => (/\.([^.\\/]+)$/.exec(name)?.[1] ?? '').toLowerCase();

/** Formats the importer guards itself (core/import/parse: the zip guard, and for workbooks the sheet pre-scan). */
const GUARDED_BY_IMPORTER = new Set(['xlsx', 'xlsm', 'docx', 'docm', 'doc', 'wps']);

/** A plan document: any other zip is guarded here before the importer sees it, then the file is parsed. */
async function parsePlanFile(a: { name: string; data: Uint8Array }): Promise<ParseResult> {
  const data = asBuffer(a.data);
  if (looksLikeZip(data) && !GUARDED_BY_IMPORTER.has(ext(a.name))) await guardZip(data, { name: a.name });
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
