/** A generated test imports the project's helper module (`from connector_studio_helpers import ...`, in tests/):
 * the editor resolves it, with the real pyright, instead of flagging "Import could not be resolved". */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, makeLspKit, positionOf, type LspKit } from './test-kit';

const RESOURCES = path.resolve(__dirname, '..', '..', '..', '..', 'resources');
const TEST = 'tests/test_get_ip_reputation.py';
const text = 'from connector_studio_helpers import only_keys, replay\n\n\ndef test_get_ip_reputation_happy():\n    recorded, result = replay("get_ip_reputation-happy")\n    assert only_keys(result["data"], ["ip"]) == only_keys(recorded["result"]["data"], ["ip"])\n';

let kit: LspKit;
beforeAll(async () => {
  kit = await makeLspKit();
  await mkdir(path.join(kit.root, 'tests'), { recursive: true });
  await copyFile(path.join(RESOURCES, 'python', 'project_tests', 'connector_studio_helpers.py'), path.join(kit.root, 'tests', 'connector_studio_helpers.py'));
  await writeFile(path.join(kit.root, TEST), text);
}, 60_000);
afterAll(() => kit?.dispose());

describe("a generated test's helper import", () => {
  it('resolves to tests/connector_studio_helpers.py, with no unresolved-import diagnostic', async () => {
    const seen = kit.nextDiagnostics(TEST);
    await kit.lsp.open(PROJECT, TEST, text, 1);
    const { diagnostics } = await seen;
    expect(diagnostics.filter((d) => /could not be resolved|is unknown import symbol/.test(d.message))).toEqual([]);
    const found = await kit.lsp.definition({ projectId: PROJECT, relPath: TEST, ...positionOf(text, 'replay("', 1) });
    expect(found[0]).toMatchObject({ relPath: 'tests/connector_studio_helpers.py' });
  }, 60_000);
});
