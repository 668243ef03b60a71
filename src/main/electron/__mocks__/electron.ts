// A vitest stand-in for the parts of Electron the shell uses. Electron's binary cannot be downloaded on our
// machines, so every shell behaviour is proven against this: it records calls and keeps the handlers the code
// registers, so tests can fire events and inspect what came back. Use in a test with
//   vi.mock('electron', () => import('./__mocks__/electron'));
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

type Handler = (...args: any[]) => any;

/** An Electron-style event: tests look at `defaultPrevented` after firing it. */
export function makeEvent<T extends object>(extra: T = {} as T) {
  const e = { defaultPrevented: false, preventDefault: vi.fn(() => void (e.defaultPrevented = true)), ...extra };
  return e;
}

class MockSession extends EventEmitter {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  setPermissionRequestHandler = vi.fn((h: Handler | null) => void (this.permissionRequestHandler = h));
  setPermissionCheckHandler = vi.fn((h: Handler | null) => void (this.permissionCheckHandler = h));
}

export const session = { defaultSession: new MockSession(), fromPartition: vi.fn(() => session.defaultSession) };

let nextWebContentsId = 1;
export class MockWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  url = '';
  destroyed = false;
  readonly session = session.defaultSession;
  windowOpenHandler: Handler | null = null;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  /** Also emits 'mock:sent' (channel), so a test can wait for a message instead of polling `sent`. */
  send = vi.fn((channel: string, ...args: unknown[]) => {
    this.sent.push({ channel, args });
    this.emit('mock:sent', channel);
  });
  setWindowOpenHandler = vi.fn((h: Handler) => void (this.windowOpenHandler = h));
  loadURL = vi.fn(async (url: string) => void (this.url = url));
  getURL = () => this.url;
  isDestroyed = () => this.destroyed;
  isLoading = () => false;
  openDevTools = vi.fn();
}

const appEmitter = new EventEmitter();
const appState = { lock: true, packaged: false, ready: false, readyResolve: (() => {}) as () => void };
let readyPromise = new Promise<void>((r) => (appState.readyResolve = r));
const paths = new Map<string, string>();

// Object.assign would copy a getter's value once, so isPackaged is defined as a live property.
Object.defineProperty(appEmitter, 'isPackaged', { get: () => appState.packaged, enumerable: true });
export const app = Object.assign(appEmitter as EventEmitter & { readonly isPackaged: boolean }, {
  setPath: vi.fn((name: string, p: string) => void paths.set(name, p)),
  getPath: vi.fn((name: string) => paths.get(name) ?? path.join(os.tmpdir(), 'electron-mock', name)),
  getVersion: vi.fn(() => '0.0.0-test'),
  getName: vi.fn(() => 'Connector Studio'),
  getAppPath: vi.fn(() => process.cwd()),
  requestSingleInstanceLock: vi.fn((_data?: unknown) => appState.lock),
  quit: vi.fn(),
  exit: vi.fn(),
  focus: vi.fn(),
  isReady: () => appState.ready,
  whenReady: vi.fn(() => readyPromise),
  setAppUserModelId: vi.fn(),
  commandLine: { appendSwitch: vi.fn() },
});

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static focused: BrowserWindow | null = null;
  static getAllWindows = vi.fn(() => BrowserWindow.instances.filter((w) => !w.destroyed));
  static getFocusedWindow = vi.fn(() => BrowserWindow.focused);
  static fromWebContents = vi.fn((wc: unknown) => BrowserWindow.instances.find((w) => w.webContents === wc) ?? null);

  readonly webContents = new MockWebContents();
  destroyed = false;
  minimized = false;
  constructor(readonly options: Record<string, any> = {}) {
    super();
    BrowserWindow.instances.push(this);
    // Electron emits this for every new WebContents; security hooks depend on it.
    app.emit('web-contents-created', makeEvent(), this.webContents);
  }
  loadURL = vi.fn((url: string) => this.webContents.loadURL(url));
  show = vi.fn();
  focus = vi.fn(() => void (BrowserWindow.focused = this));
  restore = vi.fn(() => void (this.minimized = false));
  isMinimized = vi.fn(() => this.minimized);
  isDestroyed = () => this.destroyed;
  close = vi.fn(() => {
    this.destroyed = true;
    this.webContents.destroyed = true;
    if (BrowserWindow.focused === this) BrowserWindow.focused = null;
    this.emit('closed');
  });
}

export const webContents = {
  getAllWebContents: vi.fn(() => BrowserWindow.instances.map((w) => w.webContents)),
  getFocusedWebContents: vi.fn(() => BrowserWindow.focused?.webContents ?? null),
};

const ipcHandlers = new Map<string, Handler>();
export const ipcMain = Object.assign(new EventEmitter(), {
  handlers: ipcHandlers,
  handle: vi.fn((channel: string, fn: Handler) => {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, fn);
  }),
  removeHandler: vi.fn((channel: string) => void ipcHandlers.delete(channel)),
});

const protocolHandlers = new Map<string, Handler>();
export const protocol = {
  handlers: protocolHandlers,
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, fn: Handler) => void protocolHandlers.set(scheme, fn)),
  unhandle: vi.fn((scheme: string) => void protocolHandlers.delete(scheme)),
};

export const shell = {
  openPath: vi.fn(async (_p: string) => ''),
  trashItem: vi.fn(async (_p: string) => undefined),
  openExternal: vi.fn(async (_url: string) => undefined),
  showItemInFolder: vi.fn(),
};

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showErrorBox: vi.fn(),
};

export const Menu = {
  current: null as null | { template: unknown[] },
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn((m: { template: unknown[] } | null) => void (Menu.current = m)),
};

// Reversible and not plain text, so tests can check that a secret never lands on disk readable.
const scramble = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  encryptString: vi.fn((s: string) => Buffer.concat([Buffer.from('v10'), scramble(Buffer.from(s, 'utf8'))])),
  decryptString: vi.fn((b: Buffer) => scramble(b.subarray(3)).toString('utf8')),
  getSelectedStorageBackend: vi.fn((): string => 'gnome_libsecret'),
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => void contextBridge.exposed.set(key, api)),
};

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (channel: string, req: unknown): Promise<unknown> => ({ ok: true, value: { channel, req } })),
});

/** Test controls that the real Electron has no equivalent of. */
export const mockControl = {
  setSingleInstanceLock: (got: boolean) => void (appState.lock = got),
  setPackaged: (packaged: boolean) => void (appState.packaged = packaged),
  markReady() {
    appState.ready = true;
    appState.readyResolve();
    app.emit('ready');
  },
  reset() {
    vi.clearAllMocks();
    appEmitter.removeAllListeners();
    ipcRenderer.removeAllListeners();
    ipcHandlers.clear();
    protocolHandlers.clear();
    paths.clear();
    contextBridge.exposed.clear();
    BrowserWindow.instances = [];
    BrowserWindow.focused = null;
    Menu.current = null;
    Object.assign(appState, { lock: true, packaged: false, ready: false });
    readyPromise = new Promise<void>((r) => (appState.readyResolve = r));
    session.defaultSession = new MockSession();
  },
};

export default { app, BrowserWindow, webContents, ipcMain, protocol, session, shell, dialog, Menu, safeStorage, contextBridge, ipcRenderer };
