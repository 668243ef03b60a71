/** The process waiter the runtime and LSP tests rely on: it must not call a running process ended. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { processesEnded } from './process-exit';

describe.runIf(process.platform !== 'win32')('processesEnded', () => {
  it('says a running process has not ended, then that it has once it is killed', async () => {
    const child = spawn('sleep', ['300'], { stdio: 'ignore' });
    try {
      // A bound of 0 asks the kernel once, without waiting.
      expect(await processesEnded([child.pid!], 0)).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
    expect(await processesEnded([child.pid!])).toBe(true);
  });

  it('counts a process that no longer exists as ended', async () => {
    const child = spawn('true', [], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(await processesEnded([child.pid!])).toBe(true);
  });
});
