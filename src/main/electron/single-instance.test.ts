import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./__mocks__/electron'));
import { app, makeEvent, mockControl } from './__mocks__/electron';
import { openTargetFromArgs, workspaceFromArgs } from './open-request';
import { acquireSingleInstance, onSecondInstance } from './single-instance';

let dir: string;
let folder: string;
let tgz: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cs-instance-'));
  folder = path.join(dir, 'connector-demo');
  tgz = path.join(dir, 'demo-1.0.0.tgz');
  await mkdir(folder);
  await writeFile(tgz, 'not really gzip');
});
afterAll(() => rm(dir, { recursive: true, force: true }));
beforeEach(() => mockControl.reset());

describe('single-instance lock', () => {
  it('asks for the lock and passes its own arguments and folder along', () => {
    expect(acquireSingleInstance({})).toBe(true);
    expect(app.requestSingleInstanceLock).toHaveBeenCalledWith({ args: expect.any(Array), cwd: process.cwd() });
    mockControl.setSingleInstanceLock(false);
    expect(acquireSingleInstance({})).toBe(false);
  });

  it('is skipped under FSOAR_E2E=1 so parallel e2e launches each run', () => {
    mockControl.setSingleInstanceLock(false);
    expect(acquireSingleInstance({ FSOAR_E2E: '1' })).toBe(true);
    expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
  });
});

describe('second launch', () => {
  it("routes the folder from the second instance's launch data (relative to its own cwd)", () => {
    const route = vi.fn();
    onSecondInstance(route);
    app.emit('second-instance', makeEvent(), ['/opt/cs/connector-studio', '--garbled'], '/', { args: ['--workspace', dir, 'connector-demo'], cwd: dir });
    expect(route).toHaveBeenCalledWith({ path: folder, kind: 'folder' });
  });

  it('falls back to argv (skipping the executable and main script) when there is no launch data', () => {
    const route = vi.fn();
    onSecondInstance(route);
    app.emit('second-instance', makeEvent(), ['/usr/bin/electron', path.join(dir, 'index.cjs'), '--original-process-start-time=1', tgz], '/tmp', undefined);
    expect(route).toHaveBeenLastCalledWith({ path: tgz, kind: 'package' });
    app.emit('second-instance', makeEvent(), ['/usr/bin/electron', 'index.cjs'], '/tmp', { args: 'not an array', cwd: 1 });
    expect(route).toHaveBeenLastCalledWith(null);
  });
});

describe('launch arguments', () => {
  it('picks an existing folder or .tgz, ignores flag values, other files and missing paths', () => {
    expect(openTargetFromArgs(['--workspace', folder], '/')).toBeNull();
    expect(openTargetFromArgs([path.join(dir, 'missing'), tgz], '/')).toEqual({ path: tgz, kind: 'package' });
    expect(openTargetFromArgs([path.join(dir, 'demo-1.0.0.txt')], '/')).toBeNull();
    expect(workspaceFromArgs(['--workspace', 'ws'], '/home/u')).toBe(path.resolve('/home/u', 'ws'));
    expect(workspaceFromArgs(['--workspace=/abs'], '/home/u')).toBe(path.resolve('/abs'));
    expect(workspaceFromArgs(['--no-open'], '/')).toBeUndefined();
  });
});
