// Types of the packages the readers load that ship none: word-extractor (word97.ts) and the pdfjs worker (pdf.ts).
declare module 'word-extractor' {
  class WordExtractor {
    extract(source: Buffer | string): Promise<{ getBody(): string }>;
  }
  export = WordExtractor;
}

// pdfjs-dist worker code, run in this thread.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
