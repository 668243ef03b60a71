/** The lsp.* channels through the router and the services' event bus, as every door uses them; and
 * services.dispose() leaves no pyright behind. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Events } from '../../../shared/ipc/contract';
import { REPO_ROOT, sampleWorkspace, tmpDir } from '../../../../tests/helpers/tmp';
import { createServices } from '../index';
import { dispatch } from '../router';
import { isRunning } from './test-kit';
import { defined } from '../../../../tests/helpers/defined';

const REL = 'sample-threat-intel/scratch.py';

describe('lsp channels', () => {
  it('open, diagnostics as an event, completion, validation of positions, and dispose() stops the server', async () => {
    const s = await createServices({ userDataDir: await tmpDir('cs-data-'), resourcesDir: path.join(REPO_ROOT, 'resources'), appVersion: 't', mode: 'browser', workspaceOverride: await sampleWorkspace() });
    let pid: number | undefined;
    try {
      const p = defined((await s.projects.list())[0], 'the sample project');
      const text = 'from connectors.core.connector import get_logger\n\nget_logger("a", "b")\nfrom connectors.core.connector import \n';
      const diagnostics = new Promise<Events['lsp.diagnostics']>((resolve) =>
        s.events.subscribe((name, payload) => {
          const e = payload as Events['lsp.diagnostics'];
          if (name === 'lsp.diagnostics' && e.relPath === REL && e.diagnostics.some((d) => d.rule === 'reportCallIssue')) resolve(e);
        }),
      );
      expect(await dispatch(s, 'lsp.open', { projectId: p.id, relPath: REL, text, version: 1 })).toEqual({ ok: true, value: {} });
      expect((await diagnostics).projectId).toBe(p.id);
      const completion = await dispatch(s, 'lsp.completion', { projectId: p.id, relPath: REL, line: 4, character: 39 });
      expect(completion.ok && completion.value.items.map((i) => i.label)).toContain('ConnectorError');
      const bad = await dispatch(s, 'lsp.hover', { projectId: p.id, relPath: REL, line: 0, character: 1 });
      expect(bad.ok ? null : bad.error.code).toBe('VALIDATION');
      const outside = await dispatch(s, 'lsp.hover', { projectId: p.id, relPath: '../../etc/passwd', line: 1, character: 1 });
      expect(outside.ok ? null : outside.error.code).toBe('OUTSIDE_WORKSPACE');
      const escape = await dispatch(s, 'lsp.open', { projectId: p.id, relPath: '../elsewhere.py', text: '', version: 1 });
      expect(escape.ok ? null : escape.error.code).toBe('OUTSIDE_WORKSPACE');
      pid = await s.lsp.pid(p.id);
      expect(isRunning(pid)).toBe(true);
    } finally {
      await s.dispose();
    }
    expect(isRunning(pid)).toBe(false);
  }, 90_000);
});
