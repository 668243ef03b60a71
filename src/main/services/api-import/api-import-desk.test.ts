import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../../tests/helpers/tmp';
import { createGitService } from '../git/git-service';
import { createApiImportDesk, type ApiImportDesk } from './api-import-desk';

const PETSTORE = path.join(REPO_ROOT, 'tests', 'fixtures', 'api-descriptions', 'petstore-expanded.openapi.yaml');

/** The preview and mock paths never open a project: any call into these means the desk reached too far. */
const untouched = (what: string) => () => Promise.reject(new Error(`${what} was not expected to be called`));

let desk: ApiImportDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

function newDesk(): ApiImportDesk {
  return createApiImportDesk({
    resourcesDir: path.join(REPO_ROOT, 'resources'),
    git: createGitService(() => 'git'),
    projects: { open: untouched('projects.open'), connectorDirOf: untouched('projects.connectorDirOf') },
    trust: { trust: untouched('trust.trust') },
    workspaceRoot: untouched('workspaceRoot'),
  });
}

describe('the API import desk (the readers load on first use)', () => {
  it('previews a description, serves it as a mock vendor, and stops the mock', async () => {
    desk = newDesk();
    const source = { text: await readFile(PETSTORE, 'utf8'), fileName: 'petstore-expanded.openapi.yaml' };
    const preview = await desk.preview(source);
    expect(preview.kind).toBe('openapi');
    expect(preview.operations.map((o) => o.id)).toEqual(expect.arrayContaining(['find_pets', 'add_pet']));

    const mock = await desk.startMock(source, 0);
    expect(mock).toMatchObject({ title: preview.title, operations: preview.operations.length });
    const pets = await fetch(`${mock.url}/pets`);
    expect(pets.status).toBe(200);
    expect(Array.isArray(await pets.json())).toBe(true);

    await desk.stopMock(mock.port);
    await expect(fetch(`${mock.url}/pets`)).rejects.toThrow();
    await expect(desk.stopMock(mock.port)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses an empty pick before reading anything', async () => {
    desk = newDesk();
    const source = { text: 'not read', fileName: 'x.yaml' };
    await expect(desk.create(source, { operations: [] }, {} as never)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(desk.addOperations('p1', source, { operations: [] })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('answers an unreadable description with its reason, and still works for the next one', async () => {
    desk = newDesk();
    await expect(desk.preview({ text: '{ "openapi": ', fileName: 'broken.json' })).rejects.toMatchObject({
      code: 'VALIDATION',
      // The text stops too soon: its last line is where, not "line ?".
      message: expect.stringMatching(/^broken\.json: line 1: Unexpected end of JSON input/),
    });
    const preview = await desk.preview({ text: await readFile(PETSTORE, 'utf8'), fileName: 'petstore-expanded.openapi.yaml' });
    expect(preview.operations.length).toBeGreaterThan(0);
  });
});
