/** The server's process: started on first use, restarted after a crash with the open documents, stopped with
 * its project and by dispose(), and never outliving the services' process. */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pyrightLangserverPath } from './pyright-settings';
import { processesEnded } from '../../../../tests/helpers/process-exit';
import { CONNECTOR, PROJECT, isRunning, makeLspKit, positionOf, type LspKit } from './test-kit';

const SLOW = 90_000;
const OPS = `${CONNECTOR}/operations.py`;
let kit: LspKit | undefined;
afterEach(async () => {
  await kit?.dispose();
  kit = undefined;
});

async function started(): Promise<{ kit: LspKit; pid: number; text: string }> {
  kit = await makeLspKit();
  const text = `${await readFile(path.join(kit.root, OPS), 'utf8')}\nget_ip_reputation({})\n`;
  const first = kit.nextDiagnostics(OPS, (e) => e.diagnostics.some((d) => d.rule === 'reportCallIssue'));
  await kit.lsp.open(PROJECT, OPS, text, 1);
  await first;
  const pid = await kit.lsp.pid(PROJECT);
  expect(isRunning(pid)).toBe(true);
  return { kit, pid: pid as number, text };
}

describe('lsp lifecycle', () => {
  it('restarts a crashed server, which republishes the open documents and answers again', async () => {
    const { kit, pid, text } = await started();
    // The restarted server republishes the open documents: those diagnostics are the sign it is up. Any from the
    // killed server still in the pipe are not (it is gone before the restart can start).
    const again = kit.nextDiagnostics(OPS, (e) => !isRunning(pid) && e.diagnostics.some((d) => d.rule === 'reportCallIssue'));
    process.kill(pid, 'SIGKILL');
    await again;
    const restarted = await kit.lsp.pid(PROJECT);
    expect(restarted).toBeDefined();
    expect(restarted).not.toBe(pid);
    const hover = await kit.lsp.hover({ projectId: PROJECT, relPath: OPS, ...positionOf(text, 'def check_health', 4) });
    expect(hover?.markdown).toContain('def check_health(config');
  }, SLOW);

  it('stops the server of a project that is stopped, and starts it again on the next request', async () => {
    const { kit, pid, text } = await started();
    await kit.lsp.stop(PROJECT);
    expect(isRunning(pid)).toBe(false);
    expect(await kit.lsp.pid(PROJECT)).toBeUndefined();
    const hover = await kit.lsp.hover({ projectId: PROJECT, relPath: OPS, ...positionOf(text, 'def check_health', 4) });
    expect(hover?.markdown).toContain('def check_health(config');
    expect(await kit.lsp.pid(PROJECT)).not.toBe(pid);
  }, SLOW);

  it('leaves no process behind after dispose()', async () => {
    const { kit, pid } = await started();
    await kit.lsp.dispose();
    expect(isRunning(pid)).toBe(false);
  }, SLOW);

  it('a server whose parent dies (its stdin pipe closes) exits by itself', async () => {
    // The parent spawns pyright the way pyright-server.ts does (piped stdio, not detached) and is then killed.
    const script = `const { spawn } = require('node:child_process');
      const c = spawn(process.execPath, [process.argv[1], '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      console.log(c.pid); setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', script, pyrightLangserverPath()], { stdio: ['ignore', 'pipe', 'inherit'] });
    const child = await new Promise<number>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
    expect(isRunning(child)).toBe(true);
    parent.kill('SIGKILL');
    expect(await processesEnded([child], 20_000)).toBe(true);
  }, SLOW);
});
