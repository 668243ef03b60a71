/** Dependency findings from requirements.txt: libraries the platform already ships, and (opt-in) requirements
 * pip cannot download from the configured package index. `==` pins come from the rule engine. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REQUIREMENTS_TXT } from '../../../shared/connector/snapshot';
import type { PipCheck, ReviewFinding } from './types';

/** Pre-installed on FortiSOAR and imported by connectors without declaring them (connector-format.md). */
const PLATFORM_PACKAGES = new Set(['requests', 'requests-toolbelt', 'arrow', 'urllib3', 'six', 'xmltodict', 'bs4', 'beautifulsoup4']);

export interface Requirement {
  /** The line as written, without comment. */
  readonly spec: string;
  /** PEP 503 normalised name. */
  readonly name: string;
  readonly line: number;
}

export const normaliseName = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '-');

/** Requirement lines; options (-r, --index-url, -e) and blank or comment lines are skipped. */
export function parseRequirements(text: string): Requirement[] {
  const out: Requirement[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const spec = raw.replace(/(^|\s)#.*$/, '').trim();
    const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(spec)?.[0];
    if (spec === '' || spec.startsWith('-') || !name) return;
    out.push({ spec, name: normaliseName(name), line: i + 1 });
  });
  return out;
}

export function platformFindings(reqs: readonly Requirement[]): ReviewFinding[] {
  return reqs
    .filter((r) => PLATFORM_PACKAGES.has(r.name))
    .map((r) => ({
      rule: 'deps-platform-package',
      source: 'deps',
      severity: 'warning',
      message: `'${r.spec}': FortiSOAR already ships ${r.name}; installing another version can break the platform and other connectors.`,
      path: REQUIREMENTS_TXT,
      line: r.line,
      column: 1,
      fix: `Remove the line and use the platform's ${r.name}, unless a feature of a newer release is needed.`,
    }));
}

const lastLine = (text: string) =>
  text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('WARNING')).pop() ?? '';

/** `python3 -m pip download --no-deps` into a throw-away folder: proves the index has an installable file. */
export async function pipDownload(requirement: string, python = process.platform === 'win32' ? 'py' : 'python3'): Promise<PipCheck> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'review-pip-'));
  const args = [...(python === 'py' ? ['-3'] : []), '-m', 'pip', 'download', '--no-deps', '--retries', '0', '--timeout', '5', '--disable-pip-version-check', '-d', tmp, requirement];
  try {
    return await new Promise<PipCheck>((resolve) => {
      execFile(python, args, { timeout: 120_000, maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
        if (!error) return resolve({ ok: true });
        const message = lastLine(String(stderr)) || error.message;
        const unavailable = (error as NodeJS.ErrnoException).code === 'ENOENT' || /No module named pip/.test(message);
        resolve({ ok: false, message, unavailable });
      });
    });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

export async function installFindings(reqs: readonly Requirement[], download: (req: string) => Promise<PipCheck>): Promise<ReviewFinding[]> {
  const out: ReviewFinding[] = [];
  // One at a time: pip is heavy, and parallel runs against one index mostly wait on each other anyway.
  for (const r of reqs) {
    const result = await download(r.spec);
    if (result.ok) continue;
    if (result.unavailable) return [unavailableFinding(result.message)];
    out.push({
      rule: 'deps-not-installable',
      source: 'deps',
      severity: 'error',
      message: `'${r.spec}' cannot be downloaded from the package index: ${result.message ?? 'pip failed'}.`,
      path: REQUIREMENTS_TXT,
      line: r.line,
      column: 1,
      fix: 'Check the name and version on the index, or ship the wheel in packages/.',
    });
  }
  return out;
}

function unavailableFinding(why: string | undefined): ReviewFinding {
  return {
    rule: 'deps-check-unavailable',
    source: 'deps',
    severity: 'info',
    message: `Requirements were not checked: Python's pip is not available (${why ?? 'unknown reason'}).`,
    path: REQUIREMENTS_TXT,
    fix: 'Install Python 3 with pip, or run the review without --check-install.',
  };
}
