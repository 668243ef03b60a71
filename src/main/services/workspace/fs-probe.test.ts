import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { ServiceError, ifMissing } from '../errors';
import { pathExists, statIfPresent } from './fs-probe';
import { readJsonFile } from './json-file';

describe('probes of optional paths', () => {
  it('answer "not there" for a missing path or a file where a folder was expected, and fail on anything else', async () => {
    const dir = await tmpDir();
    await writeFile(path.join(dir, 'a-file'), 'x');
    expect(await readdir(path.join(dir, 'gone')).catch(ifMissing([]))).toEqual([]);
    expect(await readdir(path.join(dir, 'a-file', 'below')).catch(ifMissing([]))).toEqual([]);
    // A folder read as a file is no "missing": the failure comes through.
    await expect(readFile(dir).catch(ifMissing(null))).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await pathExists(path.join(dir, 'a-file'))).toBe(true);
    expect(await pathExists(path.join(dir, 'gone'))).toBe(false);
    expect(await statIfPresent(path.join(dir, 'gone'))).toBeUndefined();
    expect((await statIfPresent(dir))?.isDirectory()).toBe(true);
  });

  it("read the app's JSON files: the fallback while missing, the value when JSON, a clear failure when damaged", async () => {
    const dir = await tmpDir();
    const file = path.join(dir, 'publish', 'profiles.json');
    expect(await readJsonFile(file, [])).toEqual([]);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '[{"id":"a"}]');
    expect(await readJsonFile(file, [])).toEqual([{ id: 'a' }]);
    // Half a file must not read as no profiles: the next save would drop them all.
    await writeFile(file, '[{"id":"a"');
    const failure = await readJsonFile(file, []).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ServiceError);
    expect(failure).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining(file) });
  });
});
