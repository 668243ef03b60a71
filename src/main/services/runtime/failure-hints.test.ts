/**
 * A connector that imports a library FortiSOAR pre-installs without declaring it (the `undeclared-arrow` fixture,
 * as paloalto-cortex-xdr imports arrow) fails on the plain interpreter; both doors then say how to fix it, with the
 * one shared rule (shared/models/environment-hint.ts): the CLI's run and health, and the IDE's Test Actions and
 * health check. With a virtualenv of its own the library belongs in requirements.txt, so no such hint.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defined } from '../../../../tests/helpers/defined';
import { must } from '../../../../tests/helpers/services';
import { REPO_ROOT } from '../../../../tests/helpers/tmp';
import { cliIn } from '../../cli/cli-test-kit';
import { createServices } from '../index';
import { dispatch } from '../router';
import { fixture } from './test-kit';

const HINT = /\narrow is one of the libraries FortiSOAR installs for every connector, and this connector runs on the plain interpreter, which lacks it\. Create the platform default environment: the Environment tab's "Create Platform Default Environment" button, or connector-studio env \S+ create --platform\.$/;

/** arrow is not importable by the plain interpreter here, or these tests would prove nothing. */
const arrowMissing = (() => {
  try {
    execFileSync('python3', ['-c', 'import arrow'], { stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
})();

let dir = '';
let connector = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cs-failure-hints-'));
  connector = path.join(dir, 'workspace', 'undeclared-arrow');
  await cp(fixture('undeclared-arrow'), connector, { recursive: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.runIf(arrowMissing)('a missing platform library on the plain interpreter', () => {
  it('the CLI: run and health fail saying how to make the platform default', async () => {
    const cli = cliIn(dir);
    const config = path.join(dir, 'config.json');
    await writeFile(config, '{}');
    const run = await cli('run', connector, 'now_ms', '--config', config, '--json');
    expect(run.code).toBe(1);
    const ran = JSON.parse(run.out) as { status: string; message: string };
    expect(ran.status).toBe('Failed');
    expect(ran.message).toMatch(/^Could not load the connector: ModuleNotFoundError: No module named 'arrow'\n/);
    expect(ran.message).toMatch(HINT);
    expect(ran.message).toContain(`connector-studio env ${connector} create --platform.`);

    const health = await cli('health', connector, '--config', config);
    expect(health.code).toBe(1);
    expect(health.out).toMatch(/^Disconnected: Could not load the connector: ModuleNotFoundError: No module named 'arrow'\n/);
    expect(health.out).toContain('arrow is one of the libraries FortiSOAR installs for every connector');
  });

  it('the IDE: Test Actions and the health check say the same; a connector virtualenv makes it a requirements.txt matter', async () => {
    const s = await createServices({ userDataDir: path.join(dir, 'user-data'), resourcesDir: path.join(REPO_ROOT, 'resources'), appVersion: 't', mode: 'browser', workspaceOverride: path.join(dir, 'workspace') });
    try {
      const project = defined((await s.projects.list()).find((p) => p.root.endsWith('undeclared-arrow')), 'the fixture project');
      await s.trust.trust(project.root);
      const projectId = project.id;
      const run = must(await dispatch(s, 'runtime.execute', { projectId, runId: 'hint-1', operation: 'now_ms', params: {} }));
      expect(run.status).toBe('Failed');
      expect(run.message).toMatch(HINT);

      // Saving a test configuration runs on_add_config, which cannot load the connector either.
      const refused = await dispatch(s, 'testConfig.save', { projectId, config: { name: 'default', values: {} } });
      expect(!refused.ok && refused.error.message).toMatch(HINT);
      // One saved while the code did not import arrow yet, then the import added: the health check says it.
      const operations = path.join(connector, 'operations.py');
      const code = await readFile(operations, 'utf8');
      await writeFile(operations, code.replace('import arrow\n', ''));
      const { config } = must(await dispatch(s, 'testConfig.save', { projectId, config: { name: 'default', values: {} } }));
      await writeFile(operations, code);
      must(await dispatch(s, 'runtime.stop', { projectId }));
      const health = must(await dispatch(s, 'runtime.health', { projectId, configId: config.id }));
      expect(health.status).toBe('Disconnected');
      expect(health.message).toMatch(HINT);

      // Its own virtualenv (empty): the same failure, and no word of the platform default.
      const env = await s.environments.createVenvIn(await s.projects.connectorDirOf(projectId), 'hint-venv');
      expect(env.status, env.message).toBe('Completed');
      const onVenv = must(await dispatch(s, 'runtime.execute', { projectId, runId: 'hint-2', operation: 'now_ms', params: {} }));
      expect(onVenv.message).toBe("Could not load the connector: ModuleNotFoundError: No module named 'arrow'");
    } finally {
      await s.dispose();
    }
  }, 120_000);
});
