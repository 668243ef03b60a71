/** Workspace trust and the project checks every door goes through (dispatch): who starts trusted, what a
 * restricted project refuses, what a review refuses, and request project ids that try to leave the user data
 * folder. Every hostile request is built here; each test counts what it tried and what was refused. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, Req } from '../../src/shared/ipc/contract';
import { createServices, type Services } from '../../src/main/services';
import { PROJECT_ACCESS } from '../../src/main/services/project-access';
import { dispatch } from '../../src/main/services/router';
import { startEchoVendor } from '../helpers/echo-vendor';
import { REPO_ROOT, SAMPLE_PROJECT, sampleWorkspace, tmpDir } from '../helpers/tmp';

const open: Services[] = [];
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.dispose()));
  await Promise.all(closers.splice(0).map((c) => c()));
});

async function start(userDataDir: string, workspace: string) {
  const s = await createServices({ userDataDir, resourcesDir: path.join(REPO_ROOT, 'resources'), appVersion: 't', mode: 'browser', workspaceOverride: workspace });
  open.push(s);
  return s;
}

async function value<C extends Channel>(s: Services, c: C, req: Req<C>) {
  const r = await dispatch(s, c, req);
  if (!r.ok) throw new Error(`${c}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const codeOf = async <C extends Channel>(s: Services, c: C, req: unknown) => {
  const r = await dispatch(s, c, req as Req<C>);
  return r.ok ? 'OK' : r.error.code;
};

describe('who is trusted', () => {
  it('projects registered before trust shipped and wizard projects are trusted; imports, clones and outside folders are not; trust is remembered', async () => {
    const userData = await tmpDir('cs-data-');
    const workspace = await sampleWorkspace();
    let s = await start(userData, workspace);
    const [sample] = await s.projects.list();
    expect(sample!.trusted).toBe(true);

    const made = await value(s, 'connector.create', { answers: { ...(await value(s, 'templates.defaults', { templateId: 'blank', name: 'acme-made' })) } });
    expect(made.trusted).toBe(true);

    const exported = await value(s, 'package.export', { projectId: sample!.id });
    const ws2 = await tmpDir('cs-ws2-');
    await s.settings.update({ workspaceRoot: ws2 });
    const imported = await value(s, 'package.import', { fileName: exported.fileName, base64: exported.base64 });
    expect(imported.trusted).toBe(false);

    const outside = path.join(await tmpDir('cs-outside-'), 'elsewhere');
    await cp(SAMPLE_PROJECT, outside, { recursive: true });
    expect((await value(s, 'projects.open', { path: outside })).trusted).toBe(false);

    const origin = path.join(await tmpDir('cs-origin-'), 'origin');
    await cp(SAMPLE_PROJECT, origin, { recursive: true });
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: origin });
    execFileSync('git', ['-c', 'user.email=a@b.c', '-c', 'user.name=A', 'commit', '-q', '--allow-empty', '-m', 'x'], { cwd: origin });
    execFileSync('git', ['add', '-A'], { cwd: origin });
    execFileSync('git', ['-c', 'user.email=a@b.c', '-c', 'user.name=A', 'commit', '-q', '-m', 'all'], { cwd: origin });
    const cloned = await value(s, 'git.clone', { url: origin, name: 'cloned' });
    expect(cloned.trusted).toBe(false);

    const review = await value(s, 'review.openPackage', { fileName: exported.fileName, base64: exported.base64 });
    expect(review.trusted).toBe(false);

    // Trusting the import is remembered across a restart; the others stay restricted.
    expect((await value(s, 'projects.trust', { projectId: imported.id })).trusted).toBe(true);
    await s.dispose();
    open.pop();
    s = await start(userData, ws2);
    const byId = new Map((await s.projects.list()).map((p) => [p.id, p]));
    expect(byId.get(imported.id)?.trusted).toBe(true);
    expect(byId.get(cloned.id)?.trusted).toBe(false);
    const trustFile = JSON.parse(await readFile(path.join(userData, 'trust.json'), 'utf8'));
    expect(trustFile.trusted).toContain(imported.root);
    expect(trustFile.trusted).not.toContain(cloned.root);
  }, 120_000);
});

describe('a restricted project', () => {
  it('refuses to run its code (health, actions, installing requirements, publishing) until trusted, then runs', async () => {
    const s = await start(await tmpDir('cs-data-'), await tmpDir('cs-ws-'));
    const outside = path.join(await tmpDir('cs-outside-'), 'connector-sample-threat-intel');
    await cp(SAMPLE_PROJECT, outside, { recursive: true });
    const p = await value(s, 'projects.open', { path: outside });
    const vendor = await startEchoVendor('trust-canary-key');
    closers.push(() => vendor.close());
    const { config, hook } = await value(s, 'testConfig.save', { projectId: p.id, config: { name: 'echo', values: { server_url: vendor.url, api_key: 'trust-canary-key', verify_ssl: false } } });
    // Saving is allowed; the connector's on_add_config hook is its code, so it is not run.
    expect(hook).toMatchObject({ hook: 'on_add_config', skipped: 'restricted' });
    expect(hook.message).toMatch(/not run.*Restricted Mode/);
    expect((await value(s, 'testConfig.setActive', { projectId: p.id, id: config.id, active: false })).hook.skipped).toBe('restricted');
    await value(s, 'testConfig.setActive', { projectId: p.id, id: config.id, active: true });

    const tries: Array<[Channel, unknown]> = [
      ['runtime.health', { projectId: p.id, configId: config.id }],
      ['runtime.execute', { projectId: p.id, runId: 'r1', operation: 'get_ip_reputation', params: { ip: '198.51.100.7' }, configId: config.id }],
      ['runtime.installDependencies', { projectId: p.id, runId: 'i1' }],
      ['publish.run', { projectId: p.id, runId: 'p1', profileId: 'none' }],
      ['publish.rollback', { projectId: p.id, profileId: 'none', archive: 'x-1.0.0-abc.tgz' }],
      ['debug.start', { projectId: p.id, runId: 'd1', target: { kind: 'health', configId: config.id } }],
      // A restricted project never has a session; asking one of its ids to run code is refused before it is looked up.
      ...(['debug.restart', 'debug.continue', 'debug.next', 'debug.stepIn', 'debug.stepOut'] as const).map((c): [Channel, unknown] => [c, { projectId: p.id, sessionId: 's1' }]),
      ['debug.evaluate', { projectId: p.id, sessionId: 's1', expression: '1', context: 'repl' }],
      ['tests.run', { projectId: p.id }],
      ['ingestion.fetchSample', { projectId: p.id, configId: config.id }],
      ['ingestion.run', { projectId: p.id, configId: config.id, pulls: 1 }],
      ['tests.rerecord', { projectId: p.id, testId: 'tests/test_get_ip_reputation.py::test_get_ip_reputation_happy', configId: config.id }],
    ];
    for (const [c, req] of tries) {
      const r = await dispatch(s, c, req as never);
      expect(r.ok, c).toBe(false);
      if (!r.ok) {
        expect(r.error.code, c).toBe('FORBIDDEN');
        expect(r.error.message, c).toMatch(/Restricted Mode.*Trust/s);
      }
    }
    // Nothing ran: the vendor was never called.
    expect(vendor.requests).toEqual([]);
    // Every channel that runs code is in the list above.
    expect(tries.map(([c]) => c).sort()).toEqual((Object.keys(PROJECT_ACCESS) as Channel[]).filter((c) => PROJECT_ACCESS[c] === 'run').sort());

    await value(s, 'projects.trust', { projectId: p.id });
    expect((await value(s, 'testConfig.setActive', { projectId: p.id, id: config.id, active: true })).hook.skipped).toBeUndefined();
    const health = await value(s, 'runtime.health', { projectId: p.id, configId: config.id });
    expect(health.status, health.message).toBe('Available');
    expect(vendor.requests.length).toBeGreaterThan(0);
  }, 120_000);
});

describe('a review', () => {
  it('answers FORBIDDEN to every channel that writes into its folder or its git, and writes nothing there', async () => {
    const s = await start(await tmpDir('cs-data-'), await sampleWorkspace());
    const [sample] = await s.projects.list();
    const exported = await value(s, 'package.export', { projectId: sample!.id });
    const review = await value(s, 'review.openPackage', { fileName: exported.fileName, base64: exported.base64 });
    const id = review.id;
    const before = await listTree(review.root);
    const writes: { [C in Channel]?: unknown } = {
      'files.write': { projectId: id, relPath: 'info.json', text: '{}', etag: null },
      'files.createDir': { projectId: id, relPath: 'x' },
      'files.rename': { projectId: id, from: 'info.json', to: 'x.json' },
      'files.delete': { projectId: id, relPath: 'info.json' },
      'files.replace': { projectId: id, query: 'sample', replacement: 'x' },
      'git.init': { projectId: id },
      'git.commitAll': { projectId: id, message: 'x' },
      'git.stage': { projectId: id, relPaths: ['info.json'] },
      'git.unstage': { projectId: id, relPaths: ['info.json'] },
      'git.commit': { projectId: id, message: 'x' },
      'git.discard': { projectId: id, relPaths: ['info.json'] },
      'git.addRecommendedIgnores': { projectId: id },
      'git.createBranch': { projectId: id, name: 'b' },
      'git.switchBranch': { projectId: id, name: 'b' },
      'git.deleteBranch': { projectId: id, name: 'b' },
      'git.createTag': { projectId: id, name: 'v1' },
      'git.deleteTag': { projectId: id, name: 'v1' },
      'git.addRemote': { projectId: id, name: 'o', url: 'https://example.invalid/x.git' },
      'git.removeRemote': { projectId: id, name: 'o' },
      'git.fetch': { projectId: id },
      'git.pull': { projectId: id },
      'git.push': { projectId: id },
      'connector.addVersion': { projectId: id, level: 'patch' },
      'package.export': { projectId: id },
      'playbooks.generateSamples': { projectId: id },
      'tests.saveAsTest': { projectId: id, operation: 'get_ip_reputation', name: 'happy' },
      'tests.acceptRerecord': { projectId: id, recording: 'get_ip_reputation-happy' },
      'apiImport.addOperations': { projectId: id, source: { text: 'curl https://api.example.test/x' }, selection: { operations: ['get_x'] } },
    };
    const writeChannels = (Object.keys(PROJECT_ACCESS) as Channel[]).filter((c) => PROJECT_ACCESS[c] === 'write');
    expect(Object.keys(writes).sort()).toEqual(writeChannels.sort());
    const answers: Record<string, string> = {};
    for (const c of writeChannels) answers[c] = await codeOf(s, c, writes[c]);
    expect(answers).toEqual(Object.fromEntries(writeChannels.map((c) => [c, 'FORBIDDEN'])));
    expect(await listTree(review.root)).toEqual(before);
    expect(existsSync(path.join(review.root, '.git'))).toBe(false);
    // A test configuration for a review lives in the user data folder and may be saved.
    expect(await codeOf(s, 'testConfig.save', { projectId: id, config: { name: 'c', values: { server_url: 'http://127.0.0.1:9', api_key: 'k' } } })).toBe('OK');
  }, 120_000);
});

describe('project ids from a door', () => {
  it('never build a path: traversal ids are refused before any file is touched, unknown ids are NOT_FOUND', async () => {
    const base = await tmpDir('cs-ids-');
    const userData = path.join(base, 'user-data');
    await mkdir(userData);
    const s = await start(userData, await sampleWorkspace());
    const escape = `cs-escape-${process.pid}-${Date.now()}`;
    const hostile = [`../../../../tmp/${escape}`, `../../../../../../../../${base}/${escape}`, '..', '../x', '/etc/passwd', 'a/b', 'ABCDEF012345', '0123456789ab/..', '0123456789a', 'x'.repeat(300)];
    const channels: Array<[Channel, (id: string) => unknown]> = [
      ['backup.save', (id) => ({ projectId: id, relPath: 'a.py', text: 'x', baseEtag: null })],
      ['backup.discard', (id) => ({ projectId: id, relPath: 'a.py' })],
      ['testConfig.list', (id) => ({ projectId: id })],
      ['testConfig.save', (id) => ({ projectId: id, config: { name: 'c', values: {} } })],
      ['publish.history', (id) => ({ projectId: id })],
      ['runtime.environment', (id) => ({ projectId: id })],
      ['files.read', (id) => ({ projectId: id, relPath: 'info.json' })],
    ];
    let tried = 0;
    let refused = 0;
    for (const [c, req] of channels)
      for (const id of hostile) {
        tried++;
        if ((await codeOf(s, c, req(id))) === 'VALIDATION') refused++;
      }
    expect(refused).toBe(tried);
    for (const [c, req] of channels) expect(await codeOf(s, c, req('0123456789ab'))).toBe('NOT_FOUND');
    // Nothing appeared beside the user data folder, and no backup or test configuration was written for them.
    expect(await readdir(base)).toEqual(['user-data']);
    expect((await readdir('/tmp')).filter((n) => n.startsWith(escape))).toEqual([]);
    const backups = path.join(userData, 'backups');
    expect(existsSync(backups) ? await readdir(backups) : []).toEqual([]);
  }, 60_000);
});

async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      out.push(path.relative(dir, full));
      if (e.isDirectory()) await walk(full);
    }
  };
  await walk(dir);
  return out.sort();
}
