/** One pyright language server process: spawn, LSP handshake, and answers to pyright's own requests.
 * pyright stalls when a request of its own gets no answer (reference/traps.md), so every request it makes
 * is answered here, with a sensible default for the ones we do not use. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { settled } from '../../../shared/settled';
import { errnoCode } from '../errors';
import { createConnection, type Connection } from './jsonrpc';
import { pyrightLangserverPath } from './pyright-settings';

export interface LspDiagnosticRaw {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  message: string;
  code?: string | number;
  rule?: string;
  tags?: number[];
}

export interface ServerOptions {
  /** The folder pyright analyses (the connector folder). */
  workspaceDir: string;
  /** The `python` configuration section (pythonPath, analysis settings). */
  settings: Record<string, unknown> & { analysis?: Record<string, unknown> };
  onDiagnostics(uri: string, diagnostics: LspDiagnosticRaw[]): void;
  /** The process ended without stop() being called. */
  onCrash(reason: string): void;
  /** pyright's work-done progress: `begin` when it starts analysing files, `end` when it has finished. */
  onProgress?(kind: 'begin' | 'report' | 'end'): void;
  log?: (message: string) => void;
}

export interface PyrightServer {
  readonly pid: number | undefined;
  readonly connection: Connection;
  /** Resolves once `initialized` has been sent. */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

const CAPABILITIES = {
  general: { positionEncodings: ['utf-16'] },
  window: { workDoneProgress: true },
  workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    completion: { contextSupport: true, completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'], labelDetailsSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    signatureHelp: {
      contextSupport: true,
      signatureInformation: { documentationFormat: ['markdown', 'plaintext'], parameterInformation: { labelOffsetSupport: true }, activeParameterSupport: true },
    },
    definition: { linkSupport: false },
    publishDiagnostics: { versionSupport: true, tagSupport: { valueSet: [1, 2] } },
  },
};

/** Configuration items pyright asks for: `python`, `python.analysis`, `pyright`. */
function configurationFor(settings: ServerOptions['settings'], items: { section?: string }[]) {
  return items.map(({ section }) => {
    if (section === 'python') return settings;
    if (section === 'python.analysis') return settings.analysis ?? {};
    if (section === 'pyright') return { disableOrganizeImports: true };
    return null;
  });
}

function serverRequests(opts: ServerOptions, folders: unknown) {
  return (method: string, params: unknown): unknown => {
    switch (method) {
      case 'workspace/configuration':
        return configurationFor(opts.settings, (params as { items?: { section?: string }[] })?.items ?? []);
      case 'workspace/workspaceFolders':
        return folders;
      case 'workspace/applyEdit':
        return { applied: false };
      // client/registerCapability, client/unregisterCapability, window/workDoneProgress/create,
      // window/showMessageRequest, */refresh: acknowledging is all pyright needs.
      default:
        return null;
    }
  };
}

function spawnServer(): ChildProcess {
  // Electron's binary runs as plain Node with ELECTRON_RUN_AS_NODE; no `detached`: the server stays in our
  // process group, and it exits by itself when its stdin closes or our pid (sent in initialize) disappears.
  return spawn(process.execPath, [pyrightLangserverPath(), '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    windowsHide: true,
  });
}

export function startPyright(opts: ServerOptions): PyrightServer {
  const child = spawnServer();
  const uri = pathToFileURL(opts.workspaceDir).href;
  const folders = [{ uri, name: path.basename(opts.workspaceDir) }];
  let stopping = false;
  const warn = opts.log ?? console.warn;
  const connection = createConnection(
    child.stdout!,
    child.stdin!,
    serverRequests(opts, folders),
    (method, params) => {
      if (method === 'textDocument/publishDiagnostics') {
        const p = params as { uri: string; diagnostics: LspDiagnosticRaw[] };
        opts.onDiagnostics(p.uri, p.diagnostics);
      } else if (method === '$/progress') {
        const kind = (params as { value?: { kind?: unknown } })?.value?.kind;
        if (kind === 'begin' || kind === 'report' || kind === 'end') opts.onProgress?.(kind);
      } else if (method === 'window/logMessage' && (params as { type?: number })?.type === 1) opts.log?.(String((params as { message?: string }).message ?? ''));
    },
    warn,
  );
  child.stderr?.on('data', (d: Buffer) => opts.log?.(d.toString('utf8').trim()));
  // A write to a dead process's pipe must not become an uncaught error in the services; it is expected (EPIPE)
  // once the server has gone, and anything else is logged.
  child.stdin?.on('error', (e) => {
    if (errnoCode(e) !== 'EPIPE' && errnoCode(e) !== 'ERR_STREAM_DESTROYED') warn(`Writing to pyright failed: ${e.message}`);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code, signal) => {
    connection.close('The language server stopped.');
    if (!stopping) opts.onCrash(`pyright exited (${signal ?? `code ${code}`})`);
  });
  child.once('error', (e) => {
    connection.close(e.message);
    if (!stopping) opts.onCrash(e.message);
  });

  const ready = (async () => {
    await connection.request('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: folders, capabilities: CAPABILITIES, clientInfo: { name: 'Connector Studio' } }, 60_000);
    connection.notify('initialized', {});
    connection.notify('workspace/didChangeConfiguration', { settings: { python: opts.settings } });
  })();
  // Whoever starts the server awaits `ready` and gets its failure; until then it must not count as unhandled.
  void settled(ready);

  async function stop() {
    if (stopping) return exited;
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    // A server that does not answer the shutdown is ended below all the same.
    await Promise.race([connection.request('shutdown', null, 1000).then(() => connection.notify('exit', null)), exited]).catch((e: unknown) =>
      warn(`pyright did not shut down when asked (${(e as Error).message}); ending it.`),
    );
    const killer = setTimeout(() => child.kill('SIGKILL'), 1500);
    child.stdin?.end();
    await exited;
    clearTimeout(killer);
  }

  return { pid: child.pid, connection, ready, stop };
}
