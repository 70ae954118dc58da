// The Electron main process, read without running Electron: main.ts is loaded with a stand-in for the electron module
// and started, and the handlers it installs are called as Electron would call them. No file: request passes, every
// permission check says no, the app:// handler answers bad escapes and paths outside the renderer with 404 instead of
// throwing; the packaging turns the file-protocol fuse off and the README says what the builds do not protect.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Module from 'node:module';
import { tempDir } from '../helpers/db';

const ROOT = path.resolve(__dirname, '..', '..');

interface Captured {
  start?: () => Promise<void>;
  beforeRequest?: (details: { url: string; webContentsId?: number; resourceType?: string }, cb: (r: { cancel: boolean }) => void) => void;
  check?: (...a: unknown[]) => boolean;
  request?: (wc: unknown, perm: string, cb: (ok: boolean) => void) => void;
  app?: (req: Request) => Promise<Response>;
  error?: string;
}
const got: Captured = {};
let dir: string;

before(async () => {
  dir = tempDir();
  const stub = {
    app: {
      isPackaged: false, getPath: () => dir, commandLine: { appendSwitch: () => undefined }, requestSingleInstanceLock: () => true,
      on: () => undefined, quit: () => undefined, exit: () => undefined,
      whenReady: () => ({ then: (f: () => Promise<void>) => { got.start = f; } }),
    },
    BrowserWindow: class { webContents = {}; once() {} on() {} show() {} async loadURL() {} },
    dialog: { showErrorBox: (_t: string, m: string) => { got.error = m; } },
    Menu: { setApplicationMenu: () => undefined },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: (_s: string, f: Captured['app']) => { got.app = f; } },
    session: { defaultSession: {
      webRequest: { onBeforeRequest: (f: Captured['beforeRequest']) => { got.beforeRequest = f; }, onHeadersReceived: () => undefined },
      setPermissionRequestHandler: (f: Captured['request']) => { got.request = f; },
      setPermissionCheckHandler: (f: Captured['check']) => { got.check = f; },
    } },
    shell: { showItemInFolder: () => undefined },
    ipcMain: { handle: () => undefined },
  };
  const load = (Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown })._load;
  (Module as unknown as { _load: typeof load })._load = (req: string, ...rest: unknown[]) => (req === 'electron' ? stub : load(req, ...rest));
  try {
    require('../../electron/main');
  } finally {
    (Module as unknown as { _load: typeof load })._load = load;
  }
  assert.ok(got.start, 'main.ts waits for the app to be ready');
  await got.start!();
  assert.equal(got.error, undefined, got.error);
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const cancelled = (url: string, extra: Record<string, unknown> = {}) => {
  let out: boolean | null = null;
  got.beforeRequest!({ url, ...extra }, (r) => { out = r.cancel; });
  return out;
};

test('no file: request passes, from the page or for it; only the app\'s own pages and inline data', () => {
  for (const url of ['file:///etc/passwd', 'file:///C:/Windows/win.ini', 'https://evil.example/', 'http://127.0.0.1:5178/api', 'ftp://x/']) {
    assert.equal(cancelled(url, { webContentsId: 1, resourceType: 'xhr' }), true, url);
    assert.equal(cancelled(url), true, `${url} without a window`);
  }
  for (const url of ['app://plan-review/index.html', 'data:image/png;base64,AA==', 'blob:app://plan-review/1']) assert.equal(cancelled(url, { webContentsId: 1 }), false, url);
});

test('every permission request and every permission check answers no', () => {
  assert.ok(got.check, 'a permission-check handler is installed');
  for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial']) {
    assert.equal(got.check!({}, p, 'app://plan-review', {}), false, p);
    let answer: boolean | null = null;
    got.request!({}, p, (ok) => { answer = ok; });
    assert.equal(answer, false, p);
  }
});

test('the app:// handler serves the renderer and answers anything else with 404, never throwing', async () => {
  const page = await got.app!(new Request('app://plan-review/index.html'));
  assert.equal(page.status, 200);
  assert.ok(page.headers.get('content-security-policy')?.includes("default-src 'self'"));
  for (const url of ['app://plan-review/%', 'app://plan-review/%E0%A4%A', 'app://plan-review/..%2F..%2Fpackage.json', 'app://plan-review/%2e%2e/%2e%2e/package.json',
    'app://other/index.html', 'app://plan-review/no-such-file.js', 'app://plan-review/a%00.html']) {
    const r = await got.app!(new Request(url));
    assert.equal(r.status, 404, url);
  }
});

test('the file-protocol fuse is off in the packaging, and the README says what the builds protect and what not', () => {
  const yml = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
  assert.match(yml, /^\s+grantFileProtocolExtraPrivileges:\s*false\s*$/m);
  assert.match(yml, /^\s+enableEmbeddedAsarIntegrityValidation:\s*true\s*$/m);
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const notes = readme.slice(readme.indexOf('## 安全说明'));
  assert.ok(readme.includes('## 安全说明'));
  assert.match(notes, /asar 完整性校验只在 Windows 和 macOS 上生效/);
  assert.match(notes, /Linux/);
});
