/** Python intelligence for the editor: one pyright language server per open project, started on first use,
 * stopped with the project (or when more than `maxServers` projects are in use: the least recent goes). */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../../../shared/connector/findings';
import type { Empty, Events, LspLocation, Res } from '../../../shared/ipc/contract';
import { fulfilledValue } from '../../../shared/settled';
import { ServiceError, ifMissing } from '../errors';
import { checkRelative } from '../workspace/safe-path';
import type { EventBus } from '../events';
import { markdownOf, toCompletionList, toPosition, toRange, toSignatureHelp } from './convert';
import { externalLocation } from './external-files';
import { lspFinding } from './lsp-findings';
import { createSession, type Session } from './lsp-session';
import { defaultStubsDir, lspSettings, projectExtraPaths, pythonFor } from './pyright-settings';

export interface LspServiceDeps {
  rootOf(projectId: string): Promise<string>;
  connectorDirOf(projectId: string): Promise<string>;
  /** The configured interpreter (Settings); a virtualenv of the project wins over it. */
  pythonPath(): Promise<string>;
  /** More places a connector's virtualenv may live (the runtime's), checked after the project's own. */
  extraVenvs?(connectorDir: string): string[];
  /** Whether the project's own virtualenv may be used (a trusted folder); restricted ones never run theirs. */
  isTrusted?(projectRoot: string): boolean;
  emit(payload: Events['lsp.diagnostics']): void;
  /** The services' bus: `files.changed` tells pyright about edits on disk. */
  events?: EventBus;
  stubsDir?: string;
  maxServers?: number;
  log?(message: string): void;
}

/** A position in a project file, 1-based as the editor counts. */
export interface At {
  projectId: string;
  relPath: string;
  line: number;
  character: number;
}

/** Python intelligence for the editor, per project. Requests about a server that died or timed out answer
 * "nothing here" (the editor asks again on the next keystroke); an unknown project or a path outside it throws. */
export interface LspService {
  /** Open documents never touch the disk, but their paths must name files inside the project. */
  open(projectId: string, relPath: string, text: string, version: number): Promise<Empty>;
  change(projectId: string, relPath: string, text: string, version: number): Promise<Empty>;
  close(projectId: string, relPath: string): Promise<Empty>;
  completion(r: At): Promise<Res<'lsp.completion'>>;
  hover(r: At): Promise<Res<'lsp.hover'>>;
  /** Project files come back project-relative; library and stub files as external locations. */
  definition(r: At): Promise<LspLocation[]>;
  signatureHelp(r: At): Promise<Res<'lsp.signatureHelp'>>;
  /** Stops the project's server (deleted, trusted: its virtualenv may now be used). */
  stop(projectId: string): Promise<Empty>;
  /** Stops every server; the services' dispose() calls it. */
  dispose(): Promise<void>;
  /** For tests and diagnostics: the server's process id, once it runs. */
  pid(projectId: string): Promise<number | undefined>;
  /** Starts the server now (the project was opened), resolving when it has initialised. */
  start(projectId: string): Promise<Empty>;
  /** Files changed on disk (saves, git, other editors): pyright rereads the ones not open in the UI. */
  filesChanged(projectId: string, relPaths: readonly string[]): Promise<void>;
  /** pyright's findings on the connector's Python files (connector-relative path to the text on disk) from the
   * project's running server, once it has checked them all; undefined when no server runs, the editor holds a
   * different text for one of them, or the server has not checked them within `timeoutMs`. The review uses it
   * instead of a pyright run of its own. */
  checkedFindings(projectId: string, files: Readonly<Record<string, string>>, timeoutMs?: number): Promise<Finding[] | undefined>;
}

type RawLocation = { uri: string; range: { start: { line: number; character: number } } } | { targetUri: string; targetSelectionRange: { start: { line: number; character: number } } };

/** A request that fails because the server died or timed out answers "nothing here" rather than an error
 * dialog: the editor asks again on the next keystroke. */
const quietly = async <T>(p: Promise<T>, fallback: T, log?: (m: string) => void): Promise<T> => {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ServiceError) throw e;
    log?.(`pyright request failed: ${(e as Error).message}`);
    return fallback;
  }
};

export function createLspService(deps: LspServiceDeps): LspService {
  const stubsDir = deps.stubsDir ?? defaultStubsDir();
  const sessions = new Map<string, Promise<Session>>();

  async function newSession(projectId: string): Promise<Session> {
    const [projectRoot, connectorDir] = await Promise.all([deps.rootOf(projectId), deps.connectorDirOf(projectId)]);
    const realRoot = await realpath(projectRoot).catch(ifMissing(projectRoot));
    const settings = async () =>
      lspSettings(stubsDir, await pythonFor(connectorDir, projectRoot, await deps.pythonPath(), deps.extraVenvs?.(connectorDir) ?? [], { folderVenvs: deps.isTrusted?.(projectRoot) === true }), projectExtraPaths(projectRoot));
    return createSession({ projectId, projectRoot, realRoot, connectorDir, settings, emit: deps.emit, log: deps.log });
  }

  function session(projectId: string): Promise<Session> {
    let s = sessions.get(projectId);
    if (s) sessions.delete(projectId);
    else {
      // One that fails to start leaves the map, so the next request tries afresh; the failure goes to the caller.
      const made: Promise<Session> = newSession(projectId).catch((e: unknown) => {
        if (sessions.get(projectId) === made) sessions.delete(projectId);
        throw e;
      });
      s = made;
    }
    sessions.set(projectId, s);
    const max = deps.maxServers ?? 3;
    const warn = deps.log ?? console.warn;
    for (const id of [...sessions.keys()].slice(0, Math.max(0, sessions.size - max)))
      void stop(id).catch((e: unknown) => warn(`Stopping the least recent pyright (${id}) failed: ${(e as Error).message}`));
    return s;
  }

  async function stop(projectId: string) {
    const s = sessions.get(projectId);
    sessions.delete(projectId);
    // A session that never started has nothing to stop; its failure went to the request that started it.
    if (s) await (await fulfilledValue(s))?.stop();
  }

  const ask = async <T>(r: At, method: string, extra: Record<string, unknown> = {}, timeoutMs?: number) =>
    (await session(r.projectId)).request<T>(method, r.relPath, { position: toPosition(r.line, r.character), ...extra }, timeoutMs);

  async function definition(r: At): Promise<LspLocation[]> {
    const s = await session(r.projectId);
    const raw = await quietly(s.request<RawLocation | RawLocation[] | null>('textDocument/definition', r.relPath, { position: toPosition(r.line, r.character) }), null, deps.log);
    const list = raw === null ? [] : Array.isArray(raw) ? raw : [raw];
    const out: LspLocation[] = [];
    for (const l of list) {
      const uri = 'uri' in l ? l.uri : l.targetUri;
      const start = 'uri' in l ? l.range.start : l.targetSelectionRange.start;
      const relPath = s.relPathOf(uri);
      const at = { line: start.line + 1, character: start.character + 1 };
      if (relPath !== null) out.push({ relPath, ...at });
      else {
        const ext = await externalLocation(uri, stubsDir);
        if (ext) out.push({ ...ext, ...at });
      }
    }
    return out;
  }

  const filesChanged = async (projectId: string, relPaths: readonly string[]) => {
    const started = sessions.get(projectId);
    const s = started && (await fulfilledValue(started));
    s?.filesChanged(relPaths.filter((p) => /\.pyi?$/.test(p)));
  };
  async function checkedFindings(projectId: string, files: Readonly<Record<string, string>>, timeoutMs = 15_000): Promise<Finding[] | undefined> {
    const started = sessions.get(projectId);
    const s = started && (await fulfilledValue(started));
    if (!s) return undefined;
    const [projectRoot, connectorDir] = await Promise.all([deps.rootOf(projectId), deps.connectorDirOf(projectId)]);
    const prefix = path.relative(projectRoot, connectorDir).split(path.sep).join('/');
    const toProject = (rel: string) => (prefix ? `${prefix}/${rel}` : rel);
    const open = s.openTexts();
    // Unsaved edits: the server checked the editor's text, the review reads the disk.
    if (Object.entries(files).some(([rel, text]) => open.has(toProject(rel)) && open.get(toProject(rel)) !== text)) return undefined;
    const rels = Object.keys(files);
    const checked = await s.checkedDiagnostics(rels.map(toProject), timeoutMs);
    if (!checked) return undefined;
    return rels.flatMap((rel) => (checked.get(toProject(rel)) ?? []).flatMap((d) => lspFinding(d, rel)));
  }

  const unsubscribe = deps.events?.subscribe((name, payload) => {
    if (name === 'files.changed') void filesChanged((payload as Events['files.changed']).projectId, (payload as Events['files.changed']).relPaths);
  });

  return {
    // Open documents never touch the disk, but their paths name files inside the project all the same.
    open: async (projectId: string, relPath: string, text: string, version: number) => ((await session(projectId)).open(checkRelative(relPath), text, version), {}),
    change: async (projectId: string, relPath: string, text: string, version: number) => ((await session(projectId)).change(checkRelative(relPath), text, version), {}),
    close: async (projectId: string, relPath: string) => {
      const s = sessions.get(projectId);
      if (s) (await fulfilledValue(s))?.close(relPath);
      return {};
    },
    completion: async (r: At): Promise<Res<'lsp.completion'>> =>
      toCompletionList(await quietly(ask<Parameters<typeof toCompletionList>[0]>(r, 'textDocument/completion', { context: { triggerKind: 1 } }), null, deps.log)),
    hover: async (r: At): Promise<Res<'lsp.hover'>> => {
      const h = await quietly(ask<{ contents: Parameters<typeof markdownOf>[0]; range?: Parameters<typeof toRange>[0] } | null>(r, 'textDocument/hover'), null, deps.log);
      const markdown = markdownOf(h?.contents);
      return markdown ? { markdown, ...(h?.range ? { range: toRange(h.range) } : {}) } : null;
    },
    definition,
    signatureHelp: async (r: At): Promise<Res<'lsp.signatureHelp'>> =>
      toSignatureHelp(await quietly(ask<Parameters<typeof toSignatureHelp>[0]>(r, 'textDocument/signatureHelp'), null, deps.log)),
    stop: async (projectId: string) => (await stop(projectId), {}),
    dispose: async () => {
      unsubscribe?.();
      await Promise.all([...sessions.keys()].map(stop));
    },
    /** For tests and diagnostics: the server's process id, once it runs. */
    pid: async (projectId: string) => {
      const s = sessions.get(projectId);
      return s && (await fulfilledValue(s))?.pid();
    },
    /** Starts the server now (the project was opened), resolving when it has initialised. */
    start: async (projectId: string) => (await (await session(projectId)).ensure(), {}),
    filesChanged,
    checkedFindings,
  };
}
