// The UI's one way to the service layer: api.send(op, args), over Electron IPC when the preload bridge is there,
// otherwise over HTTP to the local web host (with the per-run token). Types come from the contract. File dialogs are
// operations too: the desktop app answers them with handles, the browser uploads and downloads instead.
import type { OpName, Args, Result, Envelope, FileInput, ExportResult } from '../../../contract';
import { BRIDGE_KEY, type Bridge } from '../../../contract/bridge';

declare global {
  interface Window { [BRIDGE_KEY]?: Bridge }
}

export class ApiError extends Error {
  constructor(public code: string, message: string) {
    super(message);
  }
}

const bridge = typeof window !== 'undefined' ? window[BRIDGE_KEY] : undefined;
export const isDesktop = !!bridge;

function token(): string {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem('pr_token', fromUrl);
    history.replaceState(null, '', location.pathname);
    return fromUrl;
  }
  return sessionStorage.getItem('pr_token') ?? '';
}
const webToken = bridge ? '' : token();

/** This tab's own name for the service: its undo stack is its own. Kept across reloads of the tab, not shared. */
function clientId(): string {
  let id = sessionStorage.getItem('pr_client');
  if (!id) sessionStorage.setItem('pr_client', (id = crypto.randomUUID()));
  return id;
}
const webClient = bridge ? '' : clientId();

async function sendRaw(op: string, args: unknown): Promise<Envelope<unknown>> {
  if (bridge) return bridge.send(op, args);
  let res: Response;
  try {
    res = await fetch('/api', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Plan-Review-Token': webToken, 'X-Plan-Review-Client': webClient },
      body: JSON.stringify({ op, args }),
    });
  } catch {
    return { ok: false, error: { code: 'offline', message: '无法连接到规划评估台的本机服务,请确认它仍在运行' } };
  }
  try {
    return (await res.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'bad_response', message: `本机服务返回了无法识别的内容(${res.status})` } };
  }
}

/**
 * Requests sent ahead of the view that needs them (at start, the grid's first page while the grid is still being
 * built). The first send of the same operation with the same arguments takes the answer; an unclaimed one expires.
 */
const ahead = new Map<string, Promise<unknown>>();
const aheadKey = (op: string, args: unknown) => `${op}\u0000${JSON.stringify(args)}`;

export function sendAhead<K extends OpName>(op: K, args: Args<K>): void {
  const key = aheadKey(op, args);
  const answer = send(op, args);
  answer.catch(() => {}); // whoever claims it sees the error
  ahead.set(key, answer);
  setTimeout(() => { if (ahead.get(key) === answer) ahead.delete(key); }, 5000);
}

const RESTORE_RETRY_MS = 250;
const RESTORE_WAIT_MS = 3 * 60_000;

/** Sends one operation; resolves with its value or rejects with an ApiError whose message is Chinese. */
export async function send<K extends OpName>(op: K, args: Args<K>): Promise<Result<K>> {
  if (ahead.size) {
    const key = aheadKey(op, args);
    const early = ahead.get(key);
    if (early) {
      ahead.delete(key);
      return early as Promise<Result<K>>;
    }
  }
  let r = await sendRaw(op, args);
  // While a backup is being restored the service holds every request ("正在恢复,请稍候"): ask again until it passes,
  // so an edit made meanwhile lands in the restored database instead of being lost.
  for (const until = Date.now() + RESTORE_WAIT_MS; !r.ok && r.error.code === 'restoring' && Date.now() < until;) {
    await new Promise((res) => setTimeout(res, RESTORE_RETRY_MS));
    r = await sendRaw(op, args);
  }
  if (!r.ok) throw new ApiError(r.error.code, r.error.message);
  return r.value as Result<K>;
}


function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const fr = new FileReader();
    fr.onload = () => resolve(String(fr.result).replace(/^data:[^,]*,/, ''));
    fr.onerror = () => reject(new ApiError('read', `无法读取文件「${file.name}」`));
    fr.readAsDataURL(file);
  });
}

/** Lets the planner choose files: a native dialog on the desktop, a file input in the browser. */
export async function chooseFiles(kind: 'plans' | 'returns', maxBytes = 50 * 1024 * 1024): Promise<FileInput[]> {
  if (bridge) return (await send('files.open', { kind })).map((c) => ({ handle: c.handle }));
  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = true;
  input.accept = kind === 'returns' ? '.xlsx' : '.txt,.docx,.xlsx,.json';
  const files = await new Promise<File[]>((resolve) => {
    input.onchange = () => resolve(Array.from(input.files ?? []));
    input.addEventListener('cancel', () => resolve([]));
    input.click();
  });
  return filesToInputs(files, maxBytes);
}

export async function filesToInputs(files: File[], maxBytes = 50 * 1024 * 1024): Promise<FileInput[]> {
  const out: FileInput[] = [];
  for (const f of files) {
    if (f.size > maxBytes) throw new ApiError('too_large', `文件「${f.name}」有 ${(f.size / 1048576).toFixed(1)} MB,超过 ${maxBytes / 1048576} MB 的上限,未读取`);
    out.push({ name: f.name, base64: await readAsBase64(f) });
  }
  return out;
}

/**
 * Where to save an export: on the desktop a save dialog gives a handle (null: cancelled); in the browser the host
 * writes into its own folder and the file is downloaded (undefined: no choice to make).
 */
export async function chooseSavePath(defaultName: string): Promise<string | null | undefined> {
  if (bridge) return (await send('files.saveAs', { defaultName }))?.handle ?? null;
  return undefined;
}

/** The folder for several files: a handle on the desktop (null: cancelled), undefined in the browser. */
export async function pickFolder(): Promise<string | null | undefined> {
  if (bridge) return (await send('files.pickFolder', {}))?.handle ?? null;
  return undefined;
}

/** After an export: show it in its folder on the desktop, download it in the browser. */
export function deliver(file: ExportResult): void {
  if (bridge) {
    void send('files.reveal', { handle: file.handle }).catch(() => undefined);
    return;
  }
  const a = document.createElement('a');
  a.href = `/files/${file.handle}/${encodeURIComponent(file.name)}`;
  a.download = file.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export const api = { send, chooseFiles, chooseSavePath, deliver, pickFolder, isDesktop };
