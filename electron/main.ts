// The Electron shell: one locked-down window over the built renderer, the IPC channel, dialogs and the menu.
// Everything behind it is the same service layer the web host and the command line use.
import { app, BrowserWindow, dialog, Menu, protocol, session, shell } from 'electron';
import path from 'node:path';
import fs from 'node:fs';
import { openAppDatabase } from '../core/app-db';
import { createContext, type Context, type Shell } from '../core/common/context';
import { registerIpc } from './ipc';
import { CSP } from '../core/common/csp';
import { APP_NAME } from '../core/common/version';
import { AppError, explainError } from '../core/common/errors';

let win: BrowserWindow | null = null;

/**
 * better-sqlite3 built for Electron: packaged, from the app's resources (electron-builder.yml puts it there); in
 * development, from build/native (npm run rebuild:electron). node_modules keeps the build for Node that the tests use.
 */
function nativeBinding(): string | undefined {
  const file = app.isPackaged
    ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(__dirname, '..', '..', 'build', 'native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}

const rendererDir = () => path.join(__dirname, '..', 'renderer');
/** The page is served from the app's own scheme (ES modules need a standard origin; file: has none). */
const APP_ORIGIN = 'app://plan-review';
const appUrl = () => `${APP_ORIGIN}/`;

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json; charset=utf-8',
};

/** The file under dist/renderer an app:// address names, or null (another host, outside the folder, a bad escape). */
function rendererFile(address: string): string | null {
  try {
    const url = new URL(address);
    if (url.host !== 'plan-review') return null;
    const root = rendererDir();
    const file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    return file.startsWith(root + path.sep) && !file.includes('\0') && fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * Serves dist/renderer under app://plan-review/, nothing outside it, with the content security policy as a header.
 * The files are read here, in the main process: no file: request is ever made, by the page or for it.
 */
function serveRenderer(): void {
  protocol.handle('app', async (req) => {
    const file = rendererFile(req.url);
    if (!file) return new Response('找不到该页面', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    const body = await fs.promises.readFile(file);
    return new Response(body, {
      status: 200,
      headers: { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}

function lockDown(): void {
  session.defaultSession.webRequest.onBeforeRequest((details, cb) => {
    // No remote content and no file: only the app's own pages and inline data.
    const ok = details.url.startsWith(APP_ORIGIN + '/') || details.url.startsWith('data:') || details.url.startsWith('blob:') || details.url.startsWith('devtools:');
    cb({ cancel: !ok });
  });
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  // Nor may the page find out whether a permission would be granted: every check answers no.
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** The native dialogs, for the file operations of the contract (core/services/files.ts): paths stay in this process. */
function desktopShell(): Shell {
  return {
    openFiles: async (kind) => {
      if (!win) return [];
      const filters = kind === 'returns'
        ? [{ name: '填报表', extensions: ['xlsx'] }]
        : [{ name: '规划文档', extensions: ['txt', 'docx', 'doc', 'wps', 'pdf', 'xlsx', 'html', 'htm', 'json'] }];
      const r = await dialog.showOpenDialog(win, { properties: ['openFile', 'multiSelections'], filters });
      return r.canceled ? [] : r.filePaths;
    },
    saveFile: async (name) => {
      if (!win) return null;
      const ext = path.extname(name).slice(1) || 'xlsx';
      const r = await dialog.showSaveDialog(win, { defaultPath: path.join(app.getPath('documents'), name), filters: [{ name: ext.toUpperCase(), extensions: [ext] }] });
      return r.canceled ? null : r.filePath ?? null;
    },
    pickFolder: async () => {
      if (!win) return null;
      const r = await dialog.showOpenDialog(win, { properties: ['openDirectory', 'createDirectory'] });
      return r.canceled ? null : r.filePaths[0] ?? null;
    },
    reveal: (file) => { if (fs.existsSync(file)) shell.showItemInFolder(file); },
  };
}

async function start(): Promise<void> {
  lockDown();
  serveRenderer();
  const dbFile = path.join(app.getPath('userData'), 'plan-review.db');
  const seedDir = app.isPackaged ? path.join(process.resourcesPath, 'seeds') : undefined;
  let opened;
  try {
    // A damaged database still opens the window: the page shows the recovery screen; a read-only one the 只读 banner.
    opened = await openAppDatabase(dbFile, { nativeBinding: nativeBinding(), seedDir });
  } catch (e) {
    const known = e instanceof AppError ? null : explainError(e);
    dialog.showErrorBox(APP_NAME, `无法打开数据库:${known?.message ?? (e instanceof Error ? e.message : String(e))}`);
    app.exit(1);
    return;
  }
  const ctx: Context = Object.assign(createContext(opened.store, dbFile, 'ipc', path.join(app.getPath('documents'), APP_NAME)), { shell: desktopShell() });
  registerIpc(ctx, () => win?.webContents ?? null, appUrl());
  Menu.setApplicationMenu(null);
  win = new BrowserWindow({
    width: 1440, height: 900, minWidth: 1024, minHeight: 640, title: APP_NAME, show: false, backgroundColor: '#f5f6f8',
    webPreferences: {
      preload: path.join(__dirname, 'preload.js'), contextIsolation: true, sandbox: true, nodeIntegration: false,
      webSecurity: true, allowRunningInsecureContent: false, spellcheck: false, webviewTag: false,
    },
  });
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => { win = null; });
  await win.loadURL(`${appUrl()}index.html`);
  app.on('before-quit', () => opened?.store.close());
}

// The window speaks Chinese whatever the system language: date pickers, built-in messages, number formats.
app.commandLine.appendSwitch('lang', 'zh-CN');

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', () => { if (win) { if (win.isMinimized()) win.restore(); win.focus(); } });
  app.whenReady().then(start);
  app.on('window-all-closed', () => app.quit());
}
