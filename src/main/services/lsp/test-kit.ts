/** A copy of the bundled sample project and an LSP service over it, with the diagnostics it publishes. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Events } from '../../../shared/ipc/contract';
import { SAMPLE_PROJECT } from '../../../../tests/helpers/tmp';
import { createLspService, type LspService } from './lsp-service';

export const PROJECT = 'sample';
export const CONNECTOR = 'sample-threat-intel';
export type DiagnosticsEvent = Events['lsp.diagnostics'];

export interface LspKit {
  root: string;
  lsp: LspService;
  events: DiagnosticsEvent[];
  /** The next diagnostics for `relPath` that pass `accept`. */
  nextDiagnostics(relPath: string, accept?: (e: DiagnosticsEvent) => boolean, timeoutMs?: number): Promise<DiagnosticsEvent>;
  /** Stops the servers, then removes the copy (own temp folder: one kit can serve a whole describe). */
  dispose(): Promise<void>;
}

export async function makeLspKit(): Promise<LspKit> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'cs-lsp-'));
  const root = path.join(work, 'connector-sample-threat-intel');
  await cp(SAMPLE_PROJECT, root, { recursive: true });
  const events: DiagnosticsEvent[] = [];
  const waiters = new Set<(e: DiagnosticsEvent) => void>();
  const lsp = createLspService({
    rootOf: async () => root,
    connectorDirOf: async () => path.join(root, CONNECTOR),
    pythonPath: async () => '',
    emit: (e) => {
      events.push(e);
      for (const w of [...waiters]) w(e);
    },
  });
  const nextDiagnostics = (relPath: string, accept: (e: DiagnosticsEvent) => boolean = () => true, timeoutMs = 30_000) =>
    new Promise<DiagnosticsEvent>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(w);
        reject(new Error(`No diagnostics for ${relPath} within ${timeoutMs} ms`));
      }, timeoutMs);
      const w = (e: DiagnosticsEvent) => {
        if (e.relPath !== relPath || !accept(e)) return;
        clearTimeout(timer);
        waiters.delete(w);
        resolve(e);
      };
      waiters.add(w);
    });
  const dispose = async () => {
    await lsp.dispose();
    await rm(work, { recursive: true, force: true });
  };
  return { root, lsp, events, nextDiagnostics, dispose };
}

/** 1-based line and character of the first `needle` in `text`, plus `offset` characters. */
export function positionOf(text: string, needle: string, offset = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, i + offset).split('\n');
  return { line: before.length, character: (before.at(-1) ?? '').length + 1 };
}

export function isRunning(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
