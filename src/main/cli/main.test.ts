import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PROJECT, tmpDir } from '../../../tests/helpers/tmp';
import { ServiceError } from '../services/errors';
import { cliIn } from './cli-test-kit';
import { UsageError } from './command';
import { InputError } from './errors';
import { runCli } from './main';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), cwd: process.cwd(), env: process.env } };
}

describe('connector-studio CLI', () => {
  it('prints help listing the commands, exit 0', async () => {
    const c = io();
    expect(await runCli(['--help'], c.io, '1.2.3')).toBe(0);
    expect(c.out.join('\n')).toMatch(/Usage: connector-studio/);
    expect(c.out.join('\n')).toMatch(/web/);
  });

  it('prints the version, exit 0', async () => {
    const c = io();
    expect(await runCli(['--version'], c.io, '1.2.3')).toBe(0);
    expect(c.out).toEqual(['1.2.3']);
  });

  it('refuses an unknown command or a bad option with exit 2', async () => {
    const c = io();
    expect(await runCli(['frobnicate'], c.io, '1')).toBe(2);
    expect(c.err.join('')).toMatch(/unknown command/);
    expect(await runCli(['web', '--port', 'abc', '--no-open'], c.io, '1')).toBe(2);
    expect(await runCli(['web', '--bogus'], c.io, '1')).toBe(2);
  });
});

describe('connector-studio exit codes', () => {
  const command = (name: string, fail: () => never) => ({ summary: name, load: async () => ({ default: { name, summary: name, usage: name, run: async () => fail() } }) });
  const table = {
    usage: command('usage', () => { throw new UsageError('give a folder'); }),
    input: command('input', () => { throw new InputError('--config x.json is not valid JSON'); }),
    missing: command('missing', () => { throw new ServiceError('NOT_FOUND', '/nowhere does not exist'); }),
    refused: command('refused', () => { throw new ServiceError('CONFLICT', 'the target already exists'); }),
    crashed: command('crashed', () => { throw new Error('the worker died'); }),
    unwritable: command('unwritable', () => { throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }); }),
  };

  it.each([
    ['usage', 2],
    ['input', 2],
    ['missing', 2],
    ['refused', 1],
    ['crashed', 1],
    ['unwritable', 1],
  ])('a command that throws %s exits %i, with the message on stderr', async (name, code) => {
    const c = io();
    expect(await runCli([name], c.io, '1', table)).toBe(code);
    expect(c.err.join('\n')).toMatch(new RegExp(`^connector-studio ${name}: `));
  });

  it('docs: an unreadable connector is bad input (2), an output file that cannot be written is a failed action (1)', async () => {
    const work = await tmpDir('cli-exit-');
    const cli = cliIn(work);
    const missing = await cli('docs', 'nowhere');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/does not exist/);
    const blocked = path.join(work, 'blocked');
    await writeFile(blocked, 'a file where a folder should be');
    const unwritable = await cli('docs', path.join(SAMPLE_PROJECT, 'sample-threat-intel'), '-o', path.join(blocked, 'docs.md'));
    expect(unwritable.code).toBe(1);
    expect(unwritable.err).toMatch(/ENOTDIR/);
    const written = await cli('docs', path.join(SAMPLE_PROJECT, 'sample-threat-intel'), '-o', path.join(work, 'docs.md'));
    expect(written.code).toBe(0);
  });

  it('review: a report that cannot be written with --html exits 1, after the review ran', async () => {
    const work = await tmpDir('cli-exit-');
    await writeFile(path.join(work, 'blocked'), 'a file where a folder should be');
    const r = await cliIn(work)('review', path.join(SAMPLE_PROJECT, 'sample-threat-intel'), '--html', path.join(work, 'blocked', 'review.html'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/ENOTDIR/);
  }, 120_000);
});
