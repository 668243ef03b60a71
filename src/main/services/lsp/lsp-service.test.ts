/** The language server end to end with the real pyright: completion, hover, definition, signature help and
 * diagnostics on a copy of the bundled sample, through the same service the router calls. */
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTOR, PROJECT, makeLspKit, positionOf, type LspKit } from './test-kit';

const OPS = `${CONNECTOR}/operations.py`;
const SLOW = 60_000;

let kit: LspKit;
beforeAll(async () => {
  kit = await makeLspKit();
  await appendFile(path.join(kit.root, CONNECTOR, 'utils.py'), '\n\ndef build_url(base, path):\n    return base.rstrip("/") + path\n');
}, SLOW);
afterAll(() => kit?.dispose());

const at = (relPath: string, text: string, needle: string, offset = 0) => ({ projectId: PROJECT, relPath, ...positionOf(text, needle, offset) });

describe('lsp service', () => {
  it('completes the names of connectors.core.connector after "import "', async () => {
    const text = 'from connectors.core.connector import \n';
    await kit.lsp.open(PROJECT, `${CONNECTOR}/scratch.py`, text, 1);
    const { items } = await kit.lsp.completion(at(`${CONNECTOR}/scratch.py`, text, 'import ', 7));
    const labels = items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['Connector', 'ConnectorError', 'get_logger', 'api_health_check', 'Result']));
    expect(items.find((i) => i.label === 'get_logger')?.kind).toBe('function');
    expect(items.find((i) => i.label === 'Connector')?.kind).toBe('class');
    await kit.lsp.close(PROJECT, `${CONNECTOR}/scratch.py`);
  }, SLOW);

  it('hovers get_logger with its signature and the stub documentation', async () => {
    const rel = `${CONNECTOR}/connector.py`;
    const text = await readFile(path.join(kit.root, rel), 'utf8');
    const hover = await kit.lsp.hover(at(rel, text, "get_logger('", 2));
    expect(hover?.markdown).toContain('def get_logger(name: str | None = None) -> Logger');
    expect(hover?.markdown).toContain('connectors.<name>');
  }, SLOW);

  it('goes to the definition of a function and a method in utils.py, and of a framework name in its stub', async () => {
    const text = `${await readFile(path.join(kit.root, OPS), 'utf8')}\n\nURL = build_url('https://x', '/y')\n`.replace('from .utils import IntelClient', 'from .utils import IntelClient, build_url');
    await kit.lsp.open(PROJECT, OPS, text, 1);
    const fn = await kit.lsp.definition(at(OPS, text, "build_url('"));
    const utils = (await readFile(path.join(kit.root, CONNECTOR, 'utils.py'), 'utf8')).split('\n');
    expect(fn).toEqual([{ relPath: `${CONNECTOR}/utils.py`, line: utils.indexOf('def build_url(base, path):') + 1, character: 5 }]);
    const method = await kit.lsp.definition(at(OPS, text, ".get('/api/v1/ip", 1));
    expect(method[0]).toMatchObject({ relPath: `${CONNECTOR}/utils.py`, line: utils.findIndex((l) => l.includes('def get(self')) + 1 });
    const stub = await kit.lsp.definition(at(OPS, text, 'get_logger', 1));
    expect(stub[0]).toMatchObject({ relPath: 'connectors/core/connector.pyi', stub: true });
    expect(stub[0]?.text).toContain('def get_logger(');
  }, SLOW);

  it('shows the signature of the called function', async () => {
    const text = 'from connectors.core.connector import api_health_check\n\napi_health_check(\n';
    await kit.lsp.open(PROJECT, `${CONNECTOR}/sig.py`, text, 1);
    const help = await kit.lsp.signatureHelp(at(`${CONNECTOR}/sig.py`, text, 'api_health_check(\n', 17));
    expect(help?.signatures[0]?.label).toMatch(/^\(url: str, method: str = 'GET'/);
    expect(help?.signatures[0]?.documentation).toContain('ConnectorError');
    await kit.lsp.close(PROJECT, `${CONNECTOR}/sig.py`);
  }, SLOW);

  it('publishes a diagnostic for a call with the wrong number of arguments, and clears it when fixed', async () => {
    const base = await readFile(path.join(kit.root, OPS), 'utf8');
    const broken = `${base}\nget_ip_reputation({})\n`;
    const seen = kit.nextDiagnostics(OPS, (e) => e.diagnostics.some((d) => d.rule === 'reportCallIssue'));
    await kit.lsp.change(PROJECT, OPS, broken, 2);
    const { diagnostics } = await seen;
    const d = diagnostics.find((x) => x.rule === 'reportCallIssue');
    expect(d).toMatchObject({ severity: 'error', line: broken.split('\n').length - 1, column: 1, message: 'Argument missing for parameter "params"' });
    const fixed = kit.nextDiagnostics(OPS, (e) => !e.diagnostics.some((x) => x.severity === 'error'));
    await kit.lsp.change(PROJECT, OPS, base, 3);
    await fixed;
  }, SLOW);

  it('checks a file written on disk once files.changed reports it', async () => {
    const rel = `${CONNECTOR}/extra.py`;
    const seen = kit.nextDiagnostics(rel, (e) => e.diagnostics.some((d) => d.rule === 'reportCallIssue'));
    await writeFile(path.join(kit.root, rel), 'from .operations import check_health\n\ncheck_health()\n');
    await kit.lsp.filesChanged(PROJECT, [rel, `${CONNECTOR}/info.json`]);
    expect((await seen).diagnostics[0]).toMatchObject({ line: 3, message: 'Argument missing for parameter "config"' });
  }, SLOW);

  it('ignores a change older than the text it already has', async () => {
    const base = await readFile(path.join(kit.root, OPS), 'utf8');
    await kit.lsp.change(PROJECT, OPS, `${base}\nget_ip_reputation()\n`, 1);
    const hover = await kit.lsp.hover(at(OPS, base, 'def get_ip_reputation', 4));
    expect(hover?.markdown).toContain('def get_ip_reputation(');
    expect(kit.events.filter((e) => e.relPath === OPS).at(-1)?.diagnostics.some((d) => d.severity === 'error')).toBe(false);
  }, SLOW);
});
