import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../command';
import newCommand from './new';
import command from './package';

let work: string;
const io = (out: string[], err: string[]): CliIO => ({ out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: work, env: {} });

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(argv, io(out, err));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'package-cli-test-'));
  expect(await newCommand.run(['acme-edr', '--template', 'endpoint-edr'], io([], []))).toBe(0);
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('connector-studio package', () => {
  it('packages a clean project, exit 0, and reports it as JSON', async () => {
    const r = await run('connector-acme-edr', '-o', 'out/acme.tgz', '--json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as { file: string; name: string; version: string; entries: string[]; summary: { errors: number } };
    expect(result).toMatchObject({ file: path.join(work, 'out', 'acme.tgz'), name: 'acme-edr', version: '1.0.0', summary: { errors: 0 } });
    expect(result.entries[0]).toBe('acme-edr/');
    expect((await run('connector-acme-edr')).out).toMatch(/^Packaged acme-edr 1\.0\.0: .*acme-edr-1\.0\.0\.tgz \(\d+ entries/);
  });

  it('prints progress on stderr with --progress, a line per 10%, keeping --json on stdout clean', async () => {
    const r = await run('connector-acme-edr', '-o', 'progress.tgz', '--progress', '--json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as { entries: string[] };
    const lines = r.err.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.length).toBeLessThanOrEqual(12);
    for (const line of lines) expect(line).toMatch(/^Packing \d+\/\d+ entries \(\d+%\)$/);
    expect(lines.at(-1)).toBe(`Packing ${result.entries.length}/${result.entries.length} entries (100%)`);
    expect((await run('connector-acme-edr', '-o', 'quiet.tgz')).err).toBe(''); // not a terminal, no --progress
  });

  it('redraws one progress line on a terminal stderr', async () => {
    const raw: string[] = [];
    const out: string[] = [];
    const code = await command.run(['connector-acme-edr', '-o', 'tty.tgz'], { ...io(out, []), errIsTTY: true, errRaw: (t) => void raw.push(t) });
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/^Packaged acme-edr/);
    expect(raw.length).toBeGreaterThan(2);
    const CLEAR = '\r\u001b[K';
    expect(raw.slice(0, -1).every((t) => t.startsWith(CLEAR) && /^Packing \d+\/\d+ entries \(\d+%\)$/.test(t.slice(CLEAR.length)))).toBe(true);
    expect(raw.at(-2)).toMatch(/\(100%\)$/);
    expect(raw.at(-1)).toBe('\n');
  });

  it('exits 1 while validate reports errors, naming them; --force packages anyway', async () => {
    const infoPath = path.join(work, 'connector-acme-edr', 'acme-edr', 'info.json');
    const good = await readFile(infoPath, 'utf8');
    const info = JSON.parse(good);
    info.configuration.fields.push({ name: 'default', title: 'Default', type: 'text', required: false, editable: true, visible: true });
    await writeFile(infoPath, JSON.stringify(info, null, 2));
    try {
      const r = await run('connector-acme-edr', '-o', 'refused.tgz');
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/Not packaged: validation found 1 error\(s\)\.\n.*reserved-config-name/);
      await expect(readFile(path.join(work, 'refused.tgz'))).rejects.toThrow();
      const json = await run('connector-acme-edr', '-o', 'refused.tgz', '--json');
      expect(JSON.parse(json.out)).toMatchObject({ refused: true, summary: { errors: 1 } });
      expect((await run('connector-acme-edr', '-o', 'forced.tgz', '--force')).code).toBe(0);
    } finally {
      await writeFile(infoPath, good);
    }
  });

  it.each([
    ['no folder', []],
    ['two folders', ['a', 'b']],
    ['a missing folder', ['nowhere']],
    ['a folder that is not a connector', ['.']],
    ['an unknown option', ['connector-acme-edr', '--zip']],
  ])('exits 2 for %s', async (_, argv) => {
    expect((await run(...argv)).code).toBe(2);
  });
});
