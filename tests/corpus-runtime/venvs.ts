/** The corpus connectors' virtualenvs, made with the app's own venv service (src/main/services/runtime/venv-service.ts:
 * pip `--retries 0 --timeout 5`, the machine's index) and kept between runs under
 * node_modules/.cache/connector-studio/corpus-venvs, keyed by what was asked, so a re-run installs nothing.
 *
 * pip installs all or nothing: a requirement it cannot find is named, dropped and the rest installed, so the
 * connector still runs and the table says which requirement was missing. The platform's pre-installed libraries
 * (PLATFORM_LIBRARIES: what FortiSOAR ships) are installed into every venv, as on the server. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findAppRoot } from '../../src/main/app-root';
import { PLATFORM_LIBRARIES } from '../../src/shared/models/environment';
import { installConnectorVenv, requirementLines } from '../../src/main/services/runtime/venv-service';
import { venvPython } from '../../src/main/services/runtime/venv-python';

// Found upward, so the same code works bundled (scripts/corpus-table.mjs) and under vitest.
export const REPO = findAppRoot(path.dirname(fileURLToPath(import.meta.url)));
export const VENV_CACHE = path.join(REPO, 'node_modules', '.cache', 'connector-studio', 'corpus-venvs');

export interface Environment {
  /** The command the runtime runs the connector with. */
  readonly python: string[];
  /** requirements.txt's lines. */
  readonly requirements: string[];
  /** Requirements pip could not find here, with the reason; the connector ran without them. */
  readonly notInstallable: string[];
  /** What was installed instead of a requirement (a requirement -> what, and why). */
  readonly substituted: string[];
  /** Seconds pip took (0 when the venv came from the cache). */
  readonly pipSeconds: number;
  readonly cached: boolean;
  /** The venv's folder, or undefined when the connector needs none (it runs on the base interpreter). */
  readonly venv?: string;
}

interface Recorded {
  notInstallable: string[];
  substituted: string[];
  pipSeconds: number;
}

/** A requirement pinned to a release this index does not hold, and the nearest one it does, with why. */
export type Substitutes = Readonly<Record<string, { readonly use: string; readonly why: string }>>;

const PLATFORM = PLATFORM_LIBRARIES.map((l) => l.requirement);
const nameOf = (req: string) => req.split(/[<>=~!;[ ]/)[0]!.trim().toLowerCase().replace(/_/g, '-');

export async function environmentFor(folder: string, name: string, substitutes: Substitutes = {}, base: string[] = ['python3']): Promise<Environment> {
  const requirements = await requirementLines(folder);
  const key = createHash('sha256').update(JSON.stringify({ requirements, PLATFORM, substitutes, base, v: 1 })).digest('hex').slice(0, 12);
  // Two connectors sharing the platform default must not build it at once (the corpus runs them one by one).
  // Keyed by what is installed, not by connector: the connectors with no requirements of their own share one venv,
  // the platform default (the libraries FortiSOAR pre-installs), as they share one environment on the server.
  const venv = path.join(VENV_CACHE, requirements.length || Object.keys(substitutes).length ? `${name}-${key}` : `platform-default-${key}`);
  const record = path.join(venv, 'corpus-install.json');
  if (existsSync(record) && existsSync(venvPython(venv))) {
    const r = JSON.parse(readFileSync(record, 'utf8')) as Recorded;
    return { python: [venvPython(venv)], requirements, notInstallable: r.notInstallable, substituted: r.substituted, pipSeconds: 0, cached: true, venv };
  }
  const started = performance.now();
  const substituted: string[] = [];
  let wanted = requirements.map((r) => {
    const s = substitutes[r];
    if (!s) return r;
    substituted.push(`${r} -> ${s.use} (${s.why})`);
    return s.use;
  });
  const notInstallable: string[] = [];
  // The requirements go in a folder of their own: installConnectorVenv reads requirements.txt from its folder.
  const stage = `${venv}.stage`;
  mkdirSync(stage, { recursive: true });
  for (let attempt = 0; attempt <= requirements.length; attempt++) {
    writeFileSync(path.join(stage, 'requirements.txt'), wanted.join('\n') + '\n');
    const r = await installConnectorVenv(stage, venv, { extra: PLATFORM });
    if (r.status === 'Completed') break;
    const failed = new Set(r.failed.map(nameOf));
    const dropped = wanted.filter((w) => failed.has(nameOf(w)));
    if (dropped.length === 0) throw new Error(`pip failed for ${name} without naming a requirement: ${r.message}\n${r.log.slice(-3000)}`);
    notInstallable.push(...dropped.map((d) => `${d} (pip: no matching distribution here)`));
    wanted = wanted.filter((w) => !dropped.includes(w));
  }
  const pipSeconds = Math.round((performance.now() - started) / 100) / 10;
  const tmp = `${record}.${process.pid}`;
  writeFileSync(tmp, JSON.stringify({ notInstallable, substituted, pipSeconds } satisfies Recorded, null, 2));
  renameSync(tmp, record);
  return { python: [venvPython(venv)], requirements, notInstallable, substituted, pipSeconds, cached: false, venv };
}
