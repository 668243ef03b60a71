/** Issue 13: tests never sleep. A test that waits for time to pass (a token's lifetime, a poll interval, a
 * timeout) runs on an injected clock (tests/helpers/test-clock.ts, the sandbox's `now`) or vitest's fake timers;
 * a test that waits for something to happen (output, a job, a process ending) waits on that event (an emitter,
 * a promise, sandbox.settled(), tests/helpers/process-exit.ts), with a timeout only as the failure bound. This
 * scan fails on the usual shapes of a sleep in test code (test files, kits, mocks, tests/) outside the
 * allow-list below, where each entry says why it has to stay. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../helpers/source-files';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/tmp';

interface Shape {
  readonly what: string;
  readonly re: RegExp;
}

const SHAPES: Shape[] = [
  // setTimeout(r, 50) and friends; a timer that rejects is a failure bound, and a 0 delay only yields.
  { what: 'a sleep: setTimeout(resolve, ms)', re: /\bsetTimeout\(\s*(?!reject\b|fail\b)[A-Za-z_$][\w$]*\s*,\s*(?!0\s*\))[^)\s]/ },
  { what: 'a sleep: setTimeout(() => resolve(), ms)', re: /\bsetTimeout\(\s*\(\s*\)\s*=>\s*(?!reject\b|fail\b)[A-Za-z_$][\w$]*\(\s*\)\s*,\s*(?!0\s*\))[^)\s]/ },
  // A poll on real time; an empty callback only keeps a spawned script alive.
  { what: 'a poll: setInterval', re: /\bsetInterval\(\s*(?!\(\s*\)\s*=>\s*\{\s*\}\s*,)/ },
  { what: 'a sleep helper: await sleep(ms) / delay(ms)', re: /\bawait\s+(?:sleep|delay)\(/ },
  { what: 'a sleep: node:timers/promises', re: /['"](?:node:)?timers\/promises['"]/ },
  { what: 'a poll on real time: vi.waitFor / vi.waitUntil', re: /\bvi\.wait(?:For|Until)\(/ },
  // Spelt in two parts so that a scan of the repository for the habit does not find its own detector.
  { what: "a sleep: Playwright's waitForTimeout", re: new RegExp('\\.waitFor' + 'Timeout\\(') },
  { what: 'a sleep: Atomics.wait', re: /\bAtomics\.wait\(/ },
];

/** Sleeps that stay, each with its reason. An entry that no longer matches fails the test, so the list shrinks
 * with the code. */
const ALLOWED: ReadonlyArray<{ readonly file: string; readonly what: string; readonly why: string }> = [];

/** This file holds the shapes as examples, so it is not scanned. */
const SELF = 'tests/architecture/no-sleeps-in-tests.test.ts';

/** The shapes found in `text`, one line each ("12: what"); comment lines do not count. */
function sleepsIn(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^\s*(\/\/|\/?\*)/.test(line)) return;
    for (const s of SHAPES) if (s.re.test(line)) found.push(`${i + 1}: ${s.what}`);
  });
  return found;
}

/** Test code: test files, kits, test support and mocks under src/, and everything under tests/ but the fixtures
 * (inputs that tests read, not tests). */
function isTestCode(rel: string): boolean {
  if (!/\.tsx?$/.test(rel) || rel.endsWith('.d.ts')) return false;
  if (rel.startsWith('tests/')) return !rel.startsWith('tests/fixtures/');
  const base = path.posix.basename(rel);
  return /\.test\.tsx?$/.test(base) || /(^|-)kit\.ts$/.test(base) || base === 'test-support.ts' || rel.includes('/__mocks__/');
}

const files = (top: string) => filesUnder(path.join(REPO_ROOT, top), () => true).map((r) => `${top}/${r}`).filter(isTestCode);

describe('no sleeps in tests', () => {
  it('recognises the shapes of a sleep, and lets events, failure bounds and fake clocks through', () => {
    const caught = [
      'await new Promise((r) => setTimeout(r, 50));',
      'while (out.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));',
      'const tick = () => new Promise((r) => setTimeout(r, 10));',
      'await new Promise<void>((r) => setTimeout(() => r(), 1100));',
      'const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));',
      'const t = setInterval(() => seen.length > start && (clearInterval(t), resolve(seen.at(-1))), 10);',
      'await sleep(1100);',
      "import { setTimeout as wait } from 'node:timers/promises';",
      'await vi.waitFor(() => expect(api.calls).toHaveLength(1));',
      `await page.waitFor${'Timeout'}(500);`,
    ];
    for (const text of caught) expect(sleepsIn(text), text).not.toEqual([]);
    const fine = [
      "const timer = setTimeout(() => reject(new Error('no diagnostics within 30 s')), timeoutMs);",
      'const timer = setTimeout(reject, 5000);',
      'await new Promise((r) => setTimeout(r, 0));',
      'await new Promise((r) => setImmediate(r));',
      "console.log(w.pid); setInterval(() => {}, 1000);",
      'await vi.advanceTimersByTimeAsync(20);',
      'await clock.sleep(20);',
      'await sandbox.settled();',
      'expect(await processesEnded([pid])).toBe(true);',
      '// never: await new Promise((r) => setTimeout(r, 50));',
      " * a sleep such as setTimeout(r, 50) is refused",
    ];
    for (const text of fine) expect(sleepsIn(text), text).toEqual([]);
  });

  it('finds none in the test code outside the allow-list', () => {
    const scanned = [...files('src'), ...files('tests')].filter((f) => f !== SELF);
    // The scan reads real files: the test files, the kits and the helpers are there.
    expect(scanned.length).toBeGreaterThan(200);
    expect(scanned).toEqual(expect.arrayContaining(['src/main/sandbox/golden-sandbox.test.ts', 'src/main/services/runtime/test-kit.ts', 'tests/helpers/process-exit.ts', 'src/main/electron/__mocks__/electron.ts']));
    const found = scanned.flatMap((f) => sleepsIn(readFileSync(path.join(REPO_ROOT, f), 'utf8')).map((s) => `${f}:${s}`));
    const allowed = (hit: string) => ALLOWED.some((a) => hit.startsWith(`${a.file}:`) && hit.endsWith(`: ${a.what}`));
    expect(found.filter((hit) => !allowed(hit))).toEqual([]);
    const stale = ALLOWED.filter((a) => !found.some((hit) => hit.startsWith(`${a.file}:`) && hit.endsWith(`: ${a.what}`)));
    expect(stale).toEqual([]);
  });
});
