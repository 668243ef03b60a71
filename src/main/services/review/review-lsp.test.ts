/** The review reuses the editor's language server: once the running pyright has checked every Python file of the
 * connector its findings are the command-line run's, so the report is the same; a server that is not running, or
 * an editor holding unsaved text, gives no answer and the review runs pyright itself. Real pyright, both ways. */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pyrightFindings } from '../lsp';
import { CONNECTOR, PROJECT, makeLspKit, type LspKit } from '../lsp/test-kit';
import { createReviewService } from './review-service';

const SLOW = 120_000;
let kit: LspKit;
let connectorDir: string;

async function pythonFiles(): Promise<Record<string, string>> {
  const names = (await readdir(connectorDir)).filter((n) => n.endsWith('.py'));
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(path.join(connectorDir, n), 'utf8')] as const)));
}

beforeAll(async () => {
  kit = await makeLspKit();
  connectorDir = path.join(kit.root, CONNECTOR);
  // Findings of both kinds pyright reports: an error and an unresolved import (a warning).
  await writeFile(path.join(connectorDir, 'typed.py'), 'import not_a_module_anywhere\n\n\ndef size(items: list[int]) -> int:\n    return len(items) + "1"\n');
}, SLOW);
afterAll(() => kit?.dispose());

const byPlace = (a: { path: string; line?: number; message: string }, b: { path: string; line?: number; message: string }) =>
  a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message);

describe('review with the language server', () => {
  it('gives no answer while no server runs for the project', async () => {
    expect(await kit.lsp.checkedFindings(PROJECT, await pythonFiles(), 100)).toBeUndefined();
  });

  it("once the server has checked every file, its findings are the command-line run's", async () => {
    await kit.lsp.start(PROJECT);
    const fromServer = await kit.lsp.checkedFindings(PROJECT, await pythonFiles(), 60_000);
    const fromCli = await pyrightFindings(connectorDir);
    expect(fromServer).toBeDefined();
    expect(fromCli.map((f) => f.rule)).toEqual(expect.arrayContaining(['reportOperatorIssue', 'reportMissingImports']));
    expect([...(fromServer ?? [])].sort(byPlace)).toEqual([...fromCli].sort(byPlace));
  }, SLOW);

  it('the review through the server reports what the review with its own pyright run reports', async () => {
    const review = createReviewService();
    let asked = 0;
    const viaServer = await review.review(kit.root, { typedFindings: async (files) => (asked++, kit.lsp.checkedFindings(PROJECT, files, 60_000)) });
    const own = await review.review(kit.root);
    expect(asked).toBe(1);
    expect(viaServer.sections).toEqual(own.sections);
  }, SLOW);

  it('gives no answer while the editor holds text for a file that differs from the disk', async () => {
    const rel = `${CONNECTOR}/typed.py`;
    await kit.lsp.open(PROJECT, rel, 'def size(items: list[int]) -> int:\n    return len(items)\n', 1);
    expect(await kit.lsp.checkedFindings(PROJECT, await pythonFiles(), 100)).toBeUndefined();
    await kit.lsp.close(PROJECT, rel);
  }, SLOW);
});
