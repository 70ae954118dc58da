// Types of electron-binary.mjs for the TypeScript tests that use it.
export declare function electronBinary(opts?: { download?: boolean }): { path: string | null; version: string | null; reason: string | null };
