// The Electron shell: one locked-down window over the built renderer, the IPC channel, dialogs and the menu.
// Everything behind it is the same service layer the web host and the command line use.
import { app, BrowserWindow, dialog, Menu, net, protocol, session, shell } from 'electron';
import path from 'node:path';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { openAppDatabase } from '../core/app-db';
import { createContext, type Shell } from '../core/common/context';
import { registerIpc } from './ipc';
import { CSP } from '../core/common/csp';
import { APP_NAME } from '../core/common/version';

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

/** Serves dist/renderer under app://plan-review/, nothing outside it, with the content security policy as a header. */
function serveRenderer(): void {
  protocol.handle('app', async (req) => {
    const url = new URL(req.url);
    const root = rendererDir();
    const file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (url.host !== 'plan-review' || !file.startsWith(root + path.sep) || !fs.existsSync(file)) return new Response('找不到该页面', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    if (file.endsWith('.js')) headers.set('Content-Type', 'text/javascript; charset=utf-8');
    return new Response(res.body, { status: res.status, headers });
  });
}

function lockDown(): void {
  session.defaultSession.webRequest.onBeforeRequest((details, cb) => {
    // No remote content: only our own files and inline data.
    const ok = details.url.startsWith(APP_ORIGIN + '/') || details.url.startsWith('file:') || details.url.startsWith('data:') || details.url.startsWith('blob:') || details.url.startsWith('devtools:');
    cb({ cancel: !ok });
  });
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
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
    opened = await openAppDatabase(dbFile, { nativeBinding: nativeBinding(), seedDir });
  } catch (e) {
    dialog.showErrorBox(APP_NAME, `无法打开数据库:${e instanceof Error ? e.message : String(e)}`);
    app.exit(1);
    return;
  }
  const ctx = { ...createContext(opened.db, dbFile, 'ipc', path.join(app.getPath('documents'), APP_NAME)), shell: desktopShell() };
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
  app.on('before-quit', () => opened?.db.close());
}

// The window speaks Chinese whatever the system language: date pickers, built-in messages, number formats.
app.commandLine.appendSwitch('lang', 'zh-CN');

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', () => { if (win) { if (win.isMinimized()) win.restore(); win.focus(); } });
  app.whenReady().then(start);
  app.on('window-all-closed', () => app.quit());
}
