import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tmpDir } from '../../../../tests/helpers/tmp';
import type { CliIO } from '../command';
import mock from './mock';

const TENABLE = path.join(REPO_ROOT, 'tests', 'fixtures', 'api-descriptions', 'tenable-platform.openapi.yaml');

describe('connector-studio mock', () => {
  it('prints {"url","port"} once listening, answers from the description, stops on SIGTERM', async () => {
    let printed: (line: string) => void = () => undefined;
    const firstLine = new Promise<string>((resolve) => (printed = resolve));
    const cli: CliIO = { cwd: REPO_ROOT, env: {}, out: (t) => printed(t), err: () => undefined };
    const running = mock.run([TENABLE, '--port', '0', '--json'], cli);
    const info = JSON.parse(await firstLine) as { url: string; port: number };
    expect(Object.keys(info).sort()).toEqual(['port', 'url']);
    expect(info.url).toBe(`http://127.0.0.1:${info.port}`);
    const r = await fetch(`${info.url}/session`);
    expect(r.status).toBe(200);
    process.emit('SIGTERM');
    expect(await running).toBe(0);
    await expect(fetch(`${info.url}/session`)).rejects.toThrow();
  });

  it('exits 2 with the parser message and line for a broken description', async () => {
    const dir = await tmpDir();
    await writeFile(path.join(dir, 'broken.yaml'), 'openapi: 3.0.0\ninfo:\n  title: x\npaths:\n  /a: [\n');
    const errors: string[] = [];
    const code = await mock.run(['broken.yaml', '--json'], { cwd: dir, env: {}, out: () => undefined, err: (t) => errors.push(t) });
    expect(code).toBe(2);
    expect(errors.join('\n')).toMatch(/broken\.yaml: line \d+: /);
  });
});
