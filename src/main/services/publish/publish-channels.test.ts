import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchJob } from '../../../../tests/helpers/jobs';
import { defined } from '../../../../tests/helpers/defined';
import { must, servicesOnSample } from '../../../../tests/helpers/services';
import type { PublishProgressEvent } from '../../../shared/models/publish';
import { INTEL_KEY, USERS, sandboxWithUsers, startIntelStub, tempDir } from '../../sandbox/test-kit';
import type { Sandbox } from '../../sandbox/server';
import type { Services } from '../index';
import { dispatch } from '../router';

// The publish channels end to end through the router, against a real sandbox server over HTTP.
const sandboxDir = tempDir('cs-pub-channels-');
let sandbox: Sandbox;
let intel: Awaited<ReturnType<typeof startIntelStub>>;
let s: Services;
let projectId: string;
let projectRoot: string;
let userDataDir: string;

const profile = (name: string, password: string) => ({ name, url: sandbox.url, auth: 'password' as const, username: USERS.admin.name, secret: password });

beforeAll(async () => {
  [sandbox, intel] = await Promise.all([sandboxWithUsers(path.join(sandboxDir.dir, 'data')), startIntelStub()]);
  // Not tmpDir(): that one is emptied after every test, and these tests build on each other.
  ({ services: s, projectId, projectRoot, userDataDir } = await servicesOnSample(sandboxDir.dir));
  must(await dispatch(s, 'git.init', { projectId }));
  must(await dispatch(s, 'git.commitAll', { projectId, message: 'first' }));
}, 60_000);
afterAll(async () => {
  await s?.dispose();
  await Promise.all([sandbox?.close(), intel?.close()]);
  sandboxDir.dispose();
});

describe('publish channels through the router', () => {
  let good: string;
  let wrong: string;

  it('saves profiles with a write-only secret and lists them without it', async () => {
    const saved = must(await dispatch(s, 'publish.saveProfile', { profile: profile('Sandbox', USERS.admin.password) }));
    good = saved.id;
    wrong = must(await dispatch(s, 'publish.saveProfile', { profile: profile('Wrong password', 'not-the-password') })).id;
    expect(saved).toMatchObject({ name: 'Sandbox', auth: 'password', username: USERS.admin.name, secretSet: true });
    const listed = must(await dispatch(s, 'publish.profiles', {}));
    expect(listed.map((p) => p.name).sort()).toEqual(['Sandbox', 'Wrong password']);
    expect(JSON.stringify(listed)).not.toContain(USERS.admin.password);
  });

  it('tests a connection step by step, and names the step that failed', async () => {
    const ok = must(await dispatch(s, 'publish.testConnection', { profileId: good }));
    expect(ok.ok).toBe(true);
    expect(ok.steps.map((x) => `${x.step}:${x.status}`)).toEqual(['dns:ok', 'tcp:ok', 'tls:skipped', 'auth:ok', 'permission:ok']);
    const bad = must(await dispatch(s, 'publish.testConnection', { profileId: wrong }));
    expect(bad).toMatchObject({ ok: false, failedStep: 'auth' });
    expect(bad.steps.find((x) => x.step === 'auth')?.message).toMatch(/401/);
    const unsaved = must(await dispatch(s, 'publish.testConnection', { profile: profile('Unsaved', USERS.admin.password) }));
    expect(unsaved.ok).toBe(true);
  });

  it('runs the pre-flight for the project', async () => {
    const pre = must(await dispatch(s, 'publish.preflight', { projectId, profileId: good }));
    expect(pre).toMatchObject({ blocked: false, connector: { name: 'sample-threat-intel', version: '1.0.0' }, installed: [] });
  });

  it('publishes as a job with progress events, a health check from a local test configuration, and a version tag', async () => {
    const config = must(await dispatch(s, 'testConfig.save', { projectId, config: { name: 'Local stub', values: { server_url: intel.url, api_key: INTEL_KEY, verify_ssl: false } } }));
    const seen: PublishProgressEvent[] = [];
    const off = s.events.subscribe((name, p) => name === 'publish.progress' && seen.push(p as PublishProgressEvent));
    const job = await dispatchJob(s, 'publish.run', { runId: 'run-1', projectId, profileId: good, health: { fromTestConfig: config.config.id }, tag: true });
    off();
    expect(must(job.started)).toEqual({ runId: 'run-1' });
    const out = must(job.done);
    expect(out).toMatchObject({ result: 'success', health: { status: 'Available' }, tagged: 'v1.0.0' });
    expect(new Set(seen.map((p) => p.runId))).toEqual(new Set(['run-1']));
    expect(seen.map((p) => p.stage)).toEqual(expect.arrayContaining(['preflight', 'upload', 'requirements', 'health', 'done']));
    expect(execFileSync('git', ['tag', '--list'], { cwd: projectRoot, encoding: 'utf8' }).trim()).toBe('v1.0.0');
  }, 60_000);

  it('refuses the same version without Replace, with a hint, and lists the history newest first', async () => {
    const job = await dispatchJob(s, 'publish.run', { runId: 'run-2', projectId, profileId: good });
    expect(must(job.started)).toEqual({ runId: 'run-2' });
    const again = job.done;
    expect(again.ok).toBe(false);
    expect(!again.ok && again.error).toMatchObject({ code: 'CONFLICT', details: { kind: 'conflict', hint: expect.stringMatching(/Replace/) } });
    const history = must(await dispatch(s, 'publish.history', { projectId }));
    expect(history.map((h) => h.result)).toEqual(['error:conflict', 'success']);
    expect(history[1]).toMatchObject({ server: 'Sandbox', version: '1.0.0' });
  });

  it('translates a wrong password into what to do', async () => {
    const r = (await dispatchJob(s, 'publish.run', { runId: 'run-3', projectId, profileId: wrong, replace: true })).done;
    expect(!r.ok && r.error).toMatchObject({ code: 'FORBIDDEN', details: { kind: 'auth', status: 401 } });
    expect(!r.ok && r.error.message).toMatch(/refused the user name or password \(HTTP 401\)\. Check both/);
  });

  it('refuses a second publish of the project at once while one runs, and takes the next one after its done event', async () => {
    const order: string[] = [];
    const off = s.events.subscribe((name, p) => name === 'publish.done' && order.push(`done:${(p as { runId: string }).runId}`));
    const jobs = await Promise.all(
      ['run-4', 'run-5'].map(async (runId) => {
        const job = await dispatchJob(s, 'publish.run', { runId, projectId, profileId: wrong, replace: true });
        order.push(`${job.started.ok ? 'answered' : 'refused'}:${runId}`);
        return { runId, ...job };
      }),
    );
    off();
    const [first, second] = [defined(jobs[0], 'run-4'), defined(jobs[1], 'run-5')];
    const [ran, refused] = first.started.ok ? [first, second] : [second, first];
    expect(must(ran.started)).toEqual({ runId: ran.runId });
    expect(!ran.done.ok && ran.done.error.code).toBe('FORBIDDEN');
    expect(!refused.started.ok && refused.started.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already being published/) });
    // The refusal came while the other publish still ran; only the one that started ends with a done event.
    expect(order).toEqual([`refused:${refused.runId}`, `done:${ran.runId}`, `answered:${ran.runId}`]);
    const next = await dispatchJob(s, 'publish.run', { runId: 'run-6', projectId, profileId: wrong, replace: true });
    expect(must(next.started)).toEqual({ runId: 'run-6' });
    expect(!next.done.ok && next.done.error.code).toBe('FORBIDDEN');
  });

  it('rejects malformed requests before any handler runs', async () => {
    expect((await dispatch(s, 'publish.run', { projectId, profileId: good })).ok).toBe(false);
    expect((await dispatch(s, 'publish.saveProfile', { profile: { name: 'x', url: sandbox.url, auth: 'token' } })).ok).toBe(false);
    expect((await dispatch(s, 'publish.testConnection', { profile: profile('No secret', '') })).ok).toBe(false);
  });

  it('pins and unpins a certificate fingerprint, and removes a profile with its secret', async () => {
    const fp = 'ab'.repeat(32);
    expect(must(await dispatch(s, 'publish.pinCertificate', { profileId: good, sha256: fp })).tls.pinnedSha256).toMatch(/^AB:AB:/);
    expect(must(await dispatch(s, 'publish.pinCertificate', { profileId: good })).tls.pinnedSha256).toBeUndefined();
    must(await dispatch(s, 'publish.removeProfile', { profileId: wrong }));
    expect(must(await dispatch(s, 'publish.profiles', {})).map((p) => p.name)).toEqual(['Sandbox']);
  });

  it('leaves no password in the user data folder outside the secret store', async () => {
    const texts: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const e of await readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) await walk(full);
        else if (!/secret/i.test(e.name)) texts.push(await readFile(full, 'utf8').catch(() => ''));
      }
    };
    await walk(userDataDir);
    expect(texts.join('\n')).not.toContain(USERS.admin.password);
  });
});
