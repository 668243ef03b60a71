/**
 * Secret-leak test (issue 5): a unique canary in the sample connector's password field, a vendor that echoes it
 * back in a header, a body and `?apikey=` links, and a connector that logs and prints what the vendor said. After
 * a health check and an action recorded to cassettes, a git commit and a .tgz export, no form of the canary may
 * be in any workspace or user-data file, decompressed git object, archive member, cassette or log.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEchoVendor } from '../helpers/echo-vendor';
import { findCassettes, findForms, gitObjects, makeCanary, scanFiles, secretForms, tgzMembers, type Leak } from '../helpers/leak-scan';
import { REPO_ROOT, sampleWorkspace, tmpDir } from '../helpers/tmp';
import { createServices, type Services } from '../../src/main/services';
import { dispatch } from '../../src/main/services/router';
import { defined } from '../helpers/defined';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => void (await Promise.all(cleanups.splice(0).map((c) => c()))));

async function ok<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The sample connector, made chatty: it logs and prints every answer, as connectors being debugged do. */
async function makeChatty(connectorDir: string) {
  const file = path.join(connectorDir, 'utils.py');
  const text = await readFile(file, 'utf8');
  const chatty = text.replace(
    '        return response.json()',
    "        logger.info('%s answered %s %s', url, response.headers, response.text)\n        print('answer from', response.url, response.text)\n        return response.json()",
  );
  expect(chatty).not.toBe(text);
  await writeFile(file, chatty);
}

describe('secret leak', () => {
  it('keeps a password value echoed by the vendor out of files, git objects, the archive, cassettes and logs', async () => {
    const canary = makeCanary();
    const forms = secretForms(canary);
    const workspace = await sampleWorkspace();
    const userData = await tmpDir('cs-data-');
    const s: Services = await createServices({ userDataDir: userData, resourcesDir: path.join(REPO_ROOT, 'resources'), appVersion: 't', mode: 'browser', workspaceOverride: workspace });
    cleanups.push(() => s.dispose());
    const vendor = await startEchoVendor(canary);
    cleanups.push(() => vendor.close());
    const p = defined((await s.projects.list())[0], 'the sample project');
    const root = await s.projects.rootOf(p.id);
    await makeChatty(await s.projects.connectorDirOf(p.id));
    const streamed: string[] = [];
    s.events.subscribe((name, payload) => name === 'runtime.output' && streamed.push(JSON.stringify(payload)));

    const { config } = await ok(dispatch(s, 'testConfig.save', { projectId: p.id, config: { name: 'echo', values: { server_url: vendor.url, api_key: canary, verify_ssl: false } } }));
    expect(config.secretsSet).toEqual(['api_key']);
    // The secret store holds the value (the runtime gets it back), but not in the clear.
    expect((await s.testConfigs.resolve(p.id, config.id)).api_key).toBe(canary);

    const health = await ok(dispatch(s, 'runtime.health', { projectId: p.id, configId: config.id, cassette: { mode: 'record', name: 'leak-health' } }));
    expect(health.status, health.message).toBe('Available');
    const run = await ok(dispatch(s, 'runtime.execute', {
      projectId: p.id, runId: 'leak-1', operation: 'get_ip_reputation', params: { ip: '198.51.100.7' }, configId: config.id,
      cassette: { mode: 'record', name: 'leak-ip' },
    }));
    expect(run.status, run.message).toBe('Success');
    // The vendor really echoed it: the redirect with ?apikey= was followed and the body repeats the key.
    expect(vendor.requests.some((r) => r.includes(`apikey=${encodeURIComponent(canary)}`))).toBe(true);
    expect(run.data).toMatchObject({ ip: '198.51.100.7', api_key: canary });
    // Logs and output in the result, and as they streamed to the UI, have it masked.
    expect(run.logs.some((l) => l.message.includes('answered'))).toBe(true);
    expect(run.stdout).toContain('answer from');
    const inResult = findForms('run logs/stdout/stderr/message', JSON.stringify([run.logs, run.stdout, run.stderr, run.message, health]), forms);
    const inEvents = findForms('runtime.output events', streamed.join('\n'), forms);
    expect(streamed.some((e) => e.includes('answered'))).toBe(true);

    await ok(dispatch(s, 'git.init', { projectId: p.id }));
    await ok(dispatch(s, 'git.commitAll', { projectId: p.id, message: 'after a recorded run' }));
    const exported = await ok(dispatch(s, 'package.export', { projectId: p.id, force: true }));
    await s.dispose();

    const leaks: Leak[] = [...inResult, ...inEvents];
    // Cassettes: at least the two just recorded, wherever the layout puts them, scrubbed.
    const cassettes = await findCassettes(root);
    expect(cassettes.length).toBeGreaterThanOrEqual(2);
    for (const c of cassettes) {
      const text = await readFile(c, 'utf8');
      if (path.basename(c).includes('leak-ip')) expect(text).toContain('<scrubbed:api_key>');
      leaks.push(...findForms(`cassette ${c}`, text, forms));
    }
    // Git: every object, decompressed; the cassettes were committed.
    const objects = gitObjects(root);
    expect(objects.content.toString('utf8')).toContain('<scrubbed:api_key>');
    leaks.push(...findForms('git objects', objects.content, forms));
    // The archive: every member.
    const members = await tgzMembers(exported.file);
    expect(members.map((m) => m.name)).toContain(`${p.name}/info.json`);
    for (const m of members) leaks.push(...findForms(`${path.basename(exported.file)}:${m.name}`, m.body, forms));
    // Every file in the workspace (the .tgz and .git included) and the user-data folder: settings, test
    // configurations, the encrypted secret store, logs, backups, the runtime's working folder.
    const scanned = await scanFiles([workspace, userData], forms);
    leaks.push(...scanned.leaks);
    expect(scanned.files).toContain(path.join(userData, 'secrets.json'));
    expect(scanned.files.some((f) => f.startsWith(path.join(userData, 'logs')) && f.endsWith('.log'))).toBe(true);
    expect(scanned.files.some((f) => f.startsWith(path.join(userData, 'test-configs')))).toBe(true);
    expect(existsSync(exported.file)).toBe(true);

    expect(leaks).toEqual([]);
  });
});
