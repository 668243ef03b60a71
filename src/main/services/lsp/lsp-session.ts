/** One project's pyright server and the documents the UI has open in it. The session, not the process, owns
 * the documents: a restarted server (after a crash) gets every open document again and republishes. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Events } from '../../../shared/ipc/contract';
import { resolveInside } from '../workspace/safe-path';
import { toDiagnostic } from './convert';
import { startPyright, type LspDiagnosticRaw, type PyrightServer } from './pyright-server';

export interface SessionDeps {
  projectId: string;
  projectRoot: string;
  /** Also the root's realpath, since pyright may report paths with links resolved (macOS /tmp). */
  realRoot: string;
  connectorDir: string;
  /** The `python` settings section, read at every (re)start so a changed interpreter applies. */
  settings(): Promise<Record<string, unknown>>;
  emit(payload: Events['lsp.diagnostics']): void;
  log?(message: string): void;
  /** Restarts allowed within a minute before the session waits for the next request. */
  maxCrashesPerMinute?: number;
}

interface Doc {
  text: string;
  /** pyright's version: ours, always increasing, even when the UI reopens a file at version 1. */
  version: number;
  clientVersion: number;
}

/** One project's pyright server and its open documents. Paths are project-relative with `/`. */
export interface Session {
  /** Opens a document (or changes it if open) and starts the server if it is not running. */
  open(relPath: string, text: string, clientVersion: number): void;
  /** A new text for a document (opening it if it was not); an older `clientVersion` than the last is ignored. */
  change(relPath: string, text: string, clientVersion: number): void;
  close(relPath: string): void;
  /** A request about one file (`textDocument` is added to `params`); a file the UI never opened is read from disk. */
  request<T>(method: string, relPath: string, params: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  /** Files changed on disk: pyright rescans or rereads them. */
  filesChanged(relPaths: readonly string[]): void;
  /** Stops the server and forgets the documents. */
  stop(): Promise<void>;
  /** The project-relative path of a file URI, or null outside the project. */
  relPathOf(uri: string): string | null;
  /** The running server, started (and initialised) if needed. */
  ensure(): Promise<PyrightServer>;
  /** The server's process id while one runs. */
  pid(): number | undefined;
  /** pyright's diagnostics for each of `relPaths` once the running server is not analysing anything sent to it,
   * pulled (pyright checks a file first if it must); undefined when that cannot be had within `timeoutMs`. */
  checkedDiagnostics(relPaths: readonly string[], timeoutMs: number): Promise<Map<string, LspDiagnosticRaw[]> | undefined>;
  /** The text of each document the UI has open (it may differ from the file on disk). */
  openTexts(): ReadonlyMap<string, string>;
}

/** After a change is sent, how long pyright may take to start analysing it before we believe it had nothing to do. */
const ANALYSIS_START_MS = 1000;
const POLL_MS = 50;

const inside = (root: string, p: string) => p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

export function createSession(deps: SessionDeps): Session {
  const docs = new Map<string, Doc>();
  let server: PyrightServer | null = null;
  let starting: Promise<PyrightServer> | null = null;
  let generation = 0;
  let stopped = false;
  let crashes: number[] = [];
  // Whether pyright is analysing, and when we last told it of a change and last heard of an analysis.
  let analysing = 0;
  let changedAt = 0;
  let analysedAt = 0;
  const changed = () => (changedAt = performance.now());

  // A server that cannot (re)start answers the next request with the reason; meanwhile the log has it.
  const startInBackground = () => void ensure().catch((e: unknown) => (deps.log ?? console.warn)(`pyright for ${deps.projectId} could not start: ${(e as Error).message}`));
  const uriOf = (relPath: string) => pathToFileURL(path.join(deps.projectRoot, relPath)).href;

  /** The project-relative path of a file URI, or null outside the project. */
  function relPathOf(uri: string): string | null {
    const abs = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
    for (const root of [deps.projectRoot, deps.realRoot]) {
      if (inside(root, abs)) return path.relative(root, abs).split(path.sep).join('/');
    }
    return null;
  }

  function onDiagnostics(uri: string, raw: LspDiagnosticRaw[]) {
    const relPath = relPathOf(uri);
    analysedAt = performance.now();
    if (relPath !== null) deps.emit({ projectId: deps.projectId, relPath, diagnostics: raw.map(toDiagnostic) });
  }

  function onProgress(kind: 'begin' | 'report' | 'end') {
    analysedAt = performance.now();
    if (kind === 'begin') analysing++;
    else if (kind === 'end') analysing = Math.max(0, analysing - 1);
  }

  /** Nothing we told pyright is waiting to be analysed: no analysis runs, and the last change has been picked up
   * (or pyright had nothing to do for it). */
  const settled = () => server !== null && analysing === 0 && (analysedAt >= changedAt || performance.now() - changedAt >= ANALYSIS_START_MS);

  /** pyright's diagnostics for one file, pulled: it checks the file first if it must. Undefined while it does not
   * know the file yet (still looking for the workspace's files). */
  async function pulled(s: PyrightServer, relPath: string, timeoutMs: number): Promise<LspDiagnosticRaw[] | undefined> {
    const report = await s.connection.request<{ kind?: string; items?: LspDiagnosticRaw[] } | null>('textDocument/diagnostic', { textDocument: { uri: uriOf(relPath) } }, timeoutMs);
    return report?.kind === 'full' ? (report.items ?? []) : undefined;
  }

  async function checkedDiagnostics(relPaths: readonly string[], timeoutMs: number) {
    const until = performance.now() + timeoutMs;
    const found = new Map<string, LspDiagnosticRaw[]>();
    while (!stopped && performance.now() < until) {
      if (settled() && server) {
        const s = server;
        const before = changedAt;
        for (const p of relPaths.filter((r) => !found.has(r))) {
          const items = await pulled(s, p, Math.max(1, until - performance.now())).catch((e: unknown) => (deps.log?.(`pyright's diagnostics for ${p}: ${(e as Error).message}`), undefined));
          if (items) found.set(p, items);
        }
        // A change while we asked: what was pulled before it may be stale.
        if (changedAt !== before) found.clear();
        else if (found.size === relPaths.length) return found;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return undefined;
  }

  function onCrash(gen: number, reason: string) {
    if (gen !== generation) return;
    server = null;
    starting = null;
    deps.log?.(`pyright for ${deps.projectId}: ${reason}`);
    const now = Date.now();
    crashes = [...crashes.filter((t) => now - t < 60_000), now];
    // A server that keeps dying waits for the next request instead of looping.
    if (!stopped && crashes.length <= (deps.maxCrashesPerMinute ?? 3)) setTimeout(startInBackground, 200);
  }

  async function start(): Promise<PyrightServer> {
    const gen = ++generation;
    const settings = await deps.settings();
    analysing = 0;
    changed();
    const s = startPyright({ workspaceDir: deps.connectorDir, settings, onDiagnostics, onProgress, onCrash: (r) => onCrash(gen, r), log: deps.log });
    try {
      await s.ready;
    } catch (e) {
      void s.stop().catch((x: unknown) => (deps.log ?? console.warn)(`Stopping pyright for ${deps.projectId} after its failed start failed: ${(x as Error).message}`));
      throw e;
    }
    if (stopped || gen !== generation) {
      await s.stop();
      throw new Error('The language server was stopped.');
    }
    for (const [relPath, d] of docs) s.connection.notify('textDocument/didOpen', { textDocument: { uri: uriOf(relPath), languageId: 'python', version: d.version, text: d.text } });
    server = s;
    return s;
  }

  function ensure(): Promise<PyrightServer> {
    stopped = false;
    if (server) return Promise.resolve(server);
    if (starting) return starting;
    const p: Promise<PyrightServer> = start().finally(() => {
      if (starting === p) starting = null;
    });
    starting = p;
    return p;
  }

  function open(relPath: string, text: string, clientVersion: number): void {
    if (docs.has(relPath)) return change(relPath, text, clientVersion);
    docs.set(relPath, { text, version: 1, clientVersion });
    changed();
    server?.connection.notify('textDocument/didOpen', { textDocument: { uri: uriOf(relPath), languageId: 'python', version: 1, text } });
    startInBackground();
  }

  function change(relPath: string, text: string, clientVersion: number): void {
    const d = docs.get(relPath);
    if (!d) return open(relPath, text, clientVersion);
    // Requests from one window can overtake each other in browser mode: an older text never wins.
    if (clientVersion < d.clientVersion) return;
    Object.assign(d, { text, version: d.version + 1, clientVersion });
    changed();
    server?.connection.notify('textDocument/didChange', { textDocument: { uri: uriOf(relPath), version: d.version }, contentChanges: [{ text }] });
  }

  function close(relPath: string) {
    if (!docs.delete(relPath)) return;
    changed();
    server?.connection.notify('textDocument/didClose', { textDocument: { uri: uriOf(relPath) } });
  }

  /** A request about a file the UI never opened (a test, another door) opens it from disk first. */
  async function request<T>(method: string, relPath: string, params: Record<string, unknown>, timeoutMs?: number): Promise<T> {
    if (!docs.has(relPath)) open(relPath, await readFile(await resolveInside(deps.projectRoot, relPath), 'utf8'), 0);
    const s = await ensure();
    return s.connection.request<T>(method, { textDocument: { uri: uriOf(relPath) }, ...params }, timeoutMs);
  }

  function filesChanged(relPaths: readonly string[]) {
    if (!server || relPaths.length === 0) return;
    // pyright reads type 1 as "add" (rescan the folder) and 2 and 3 as "change" (reread or drop the file);
    // we cannot tell a new file from a changed one, so an existing file gets both.
    const changes = relPaths.flatMap((p) => {
      const uri = uriOf(p);
      return existsSync(path.join(deps.projectRoot, p)) ? [{ uri, type: 1 }, { uri, type: 2 }] : [{ uri, type: 3 }];
    });
    changed();
    server.connection.notify('workspace/didChangeWatchedFiles', { changes });
  }

  async function stop() {
    stopped = true;
    generation++;
    docs.clear();
    const s = server;
    server = null;
    await s?.stop();
  }

  const openTexts = () => new Map([...docs].map(([p, d]) => [p, d.text]));

  return { open, change, close, request, filesChanged, stop, relPathOf, ensure, pid: () => server?.pid, checkedDiagnostics, openTexts };
}
