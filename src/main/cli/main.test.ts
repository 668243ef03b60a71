import { describe, expect, it } from 'vitest';
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
