import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tmpDir } from '../../../../tests/helpers/tmp';
import { cliIn } from '../../cli/cli-test-kit';
import { createServices } from '../index';
import { DEFAULT_SETTINGS, createSettingsService } from './settings-service';
import { defined } from '../../../../tests/helpers/defined';

async function userData(settingsText?: string) {
  const dir = await tmpDir('settings-');
  const userDataDir = path.join(dir, 'user');
  await mkdir(userDataDir, { recursive: true });
  if (settingsText !== undefined) await writeFile(path.join(userDataDir, 'settings.json'), settingsText);
  return { dir, userDataDir, workspace: path.join(dir, 'ws') };
}

const asideFiles = async (userDataDir: string) => (await readdir(userDataDir)).filter((f) => f.startsWith('settings.json.broken-'));

describe('settings file', () => {
  it.each([
    ['not JSON', '{"pythonPath": "/usr/bin/python3",', /is not valid JSON/],
    ['a JSON list', '["pythonPath"]', /does not hold a JSON object/],
    ['JSON null', 'null', /does not hold a JSON object/],
  ])('that is %s is moved aside, the defaults take its place and a notice says where it went', async (_name, text, why) => {
    const { userDataDir, workspace } = await userData(text);
    const warned: string[] = [];
    const settings = createSettingsService({ userDataDir, defaultWorkspace: workspace, warn: (m) => warned.push(m) });
    expect(await settings.load()).toEqual({ ...DEFAULT_SETTINGS, workspaceRoot: workspace });
    const aside = defined((await asideFiles(userDataDir))[0], 'the file moved aside');
    expect(aside).toMatch(/^settings\.json\.broken-\d{4}-\d\d-\d\dT/);
    expect(await readFile(path.join(userDataDir, aside), 'utf8')).toBe(text);
    expect(JSON.parse(await readFile(path.join(userDataDir, 'settings.json'), 'utf8'))).toEqual({ ...DEFAULT_SETTINGS, workspaceRoot: workspace });
    const notices = await settings.notices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(why);
    expect(notices[0]).toContain(path.join(userDataDir, aside));
    expect(warned).toEqual(notices);
    // The user had settings: this is not the first start (no sample reinstalled).
    expect(await settings.isFirstStart()).toBe(false);
  });

  it('moves a malformed file aside once when several callers load at the same time', async () => {
    const { userDataDir, workspace } = await userData('{');
    const settings = createSettingsService({ userDataDir, defaultWorkspace: workspace });
    await Promise.all([settings.load(), settings.get(), settings.load()]);
    expect(await asideFiles(userDataDir)).toHaveLength(1);
    expect(await settings.notices()).toHaveLength(1);
  });

  it('keeps a readable file and drops only the values of the wrong type, with a notice naming them', async () => {
    const workspace = await tmpDir('settings-ws-');
    const { userDataDir } = await userData(JSON.stringify({ workspaceRoot: workspace, pythonPath: '/opt/py', runtimeTimeoutSec: 'slow', extraProjects: [1] }));
    const settings = createSettingsService({ userDataDir, defaultWorkspace: '/elsewhere' });
    const s = await settings.load();
    expect(s).toMatchObject({ workspaceRoot: workspace, pythonPath: '/opt/py', runtimeTimeoutSec: DEFAULT_SETTINGS.runtimeTimeoutSec, extraProjects: [] });
    expect(await settings.notices()).toEqual([expect.stringMatching(/runtimeTimeoutSec, extraProjects .* had the wrong type/)]);
    expect(await asideFiles(userDataDir)).toEqual([]);
  });

  it('a good file gives no notice', async () => {
    const workspace = await tmpDir('settings-ws-');
    const { userDataDir } = await userData(JSON.stringify({ workspaceRoot: workspace, theme: 'light' }));
    const settings = createSettingsService({ userDataDir, defaultWorkspace: '/elsewhere' });
    expect((await settings.load()).theme).toBe('light');
    expect(await settings.notices()).toEqual([]);
  });

  it('leaves the first start to the app when told not to persist it (a CLI command)', async () => {
    const { userDataDir, workspace } = await userData();
    const cli = createSettingsService({ userDataDir, defaultWorkspace: workspace, persistFirstStart: false });
    expect((await cli.load()).workspaceRoot).toBe(workspace);
    expect(existsSync(path.join(userDataDir, 'settings.json'))).toBe(false);
    const app = createSettingsService({ userDataDir, defaultWorkspace: workspace });
    expect(await app.isFirstStart()).toBe(true);
    expect(existsSync(path.join(userDataDir, 'settings.json'))).toBe(true);
  });

  it('does not stop the app from starting: app.info carries the notice for the window to show', async () => {
    const { userDataDir, workspace } = await userData('{"theme": "light", }');
    const services = await createServices({ userDataDir, resourcesDir: path.join(REPO_ROOT, 'resources'), appVersion: 't', mode: 'browser', workspaceOverride: workspace });
    try {
      const info = await services.app.info();
      expect(info.notices).toEqual([expect.stringMatching(/settings\.json could not be used because it is not valid JSON.*moved to .*settings\.json\.broken-/)]);
      expect((await services.settings.get()).theme).toBe(DEFAULT_SETTINGS.theme);
      expect(await readFile(path.join(userDataDir, 'logs', 'main.log'), 'utf8')).toMatch(/WARN Settings: .*settings\.json could not be used/);
    } finally {
      await services.dispose();
    }
  });

  it('the CLI treats it the same way: moved aside, a warning on stderr, and the command still runs', async () => {
    const { dir } = await userData();
    await writeFile(path.join(dir, 'user', 'settings.json'), '{"gitPath": ');
    const r = await cliIn(dir)('new', '--list-templates', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toContainEqual(expect.objectContaining({ id: 'blank' }));
    expect(r.err).toMatch(/^connector-studio: warning: Settings: .*settings\.json could not be used because it is not valid JSON/);
    expect(await asideFiles(path.join(dir, 'user'))).toHaveLength(1);
  });
});
