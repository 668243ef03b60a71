/** Runs the runnable corpus through the real runtime service (src/main/services/runtime): per connector its
 * environment (venvs.ts), its fake vendor (fake-vendor.ts, vendors/), the health check and the actions of
 * cases.ts against one configuration record that keeps what the connector saves (update_connnector_config), as the
 * server's configuration does; then each call's outcome read by classify.ts. */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { asReceived, withoutServerKeys } from '../../src/shared/connector/server-config';
import { createPlatformHub } from '../../src/main/services/platform/hub';
import { createMemoryStore } from '../../src/main/services/platform/store';
import { createRuntimeService } from '../../src/main/services/runtime/runtime-service';
import type { HealthResult, LogEntry, RunResult } from '../../src/main/services/runtime/types';
import { CASES, type CorpusCase, type Expected, type Workspace } from './cases';
import { classify, type CallOutcome } from './classify';
import { startFakeVendor, type SeenRequest } from './fake-vendor';
import { testCertificate } from './tls';
import { environmentFor, REPO, type Environment } from './venvs';

export const CORPUS = path.join(REPO, 'tests', 'fixtures', 'runnable');

export interface CallReport extends CallOutcome {
  readonly label: string;
  readonly seconds: number;
}

export interface ConnectorReport {
  readonly name: string;
  readonly env: Environment;
  readonly health: CallReport;
  readonly actions: CallReport[];
  readonly vendorCalls: number;
  readonly seconds: number;
}

export interface RunOptions {
  /** The interpreter for connectors run without a venv; default python3. */
  readonly basePython?: string[];
  /** Run on the base interpreter with no venv (the fast suite: connectors that need nothing installed). */
  readonly noVenv?: boolean;
  readonly log?: (line: string) => void;
}

const logText = (logs: readonly LogEntry[]) => logs.map((l) => `${l.level} ${l.message}`).join('\n');
const nameOf = (req: string) => req.split(/[<>=~!;[ (]/)[0]!.trim();

function runFile(command: string[], args: string[], cwd: string): Promise<void> {
  const [cmd, ...lead] = command;
  return new Promise((resolve, reject) =>
    execFile(cmd!, [...lead, ...args], { cwd, timeout: 60_000 }, (e, _o, stderr) => (e ? reject(new Error(`${cmd} failed: ${stderr || e.message}`)) : resolve())),
  );
}

export async function runCase(c: CorpusCase, o: RunOptions = {}): Promise<ConnectorReport> {
  const started = performance.now();
  const source = path.join(CORPUS, c.name);
  const env: Environment = o.noVenv
    ? { python: o.basePython ?? ['python3'], requirements: [], notInstallable: [], substituted: [], pipSeconds: 0, cached: true }
    : await environmentFor(source, c.name, c.substitutes, o.basePython);
  // Under /tmp: connectors such as cicd-utils only accept paths there.
  const tmp = mkdtempSync(path.join('/tmp', `cs-corpus-${c.name}-`));
  const folder = path.join(tmp, 'connector', c.name);
  cpSync(source, folder, { recursive: true });
  const dataDir = path.join(tmp, 'data');
  const cert = await testCertificate();
  const vendor = await startFakeVendor(c.routes ?? []);
  // The simulated platform as a CLI run has it: one store in memory, reached by the worker over its endpoint.
  const store = createMemoryStore();
  const hub = createPlatformHub({ storeFor: () => store, warn: (m) => o.log?.(`  platform: ${m}`) });
  const runtime = createRuntimeService({
    dataDir,
    platform: (f) => hub.connectionFor(f),
    pythonCommand: env.python,
    timeoutMs: 60_000,
    warn: (m) => o.log?.(`  warn: ${m}`),
    env: {
      // The fake vendors' certificate is trusted as a company CA would be; a vendor host fixed in the code is
      // reached through the fake vendor as proxy (127.0.0.1 itself directly).
      REQUESTS_CA_BUNDLE: cert.certFile,
      ...(c.viaProxy ? { HTTPS_PROXY: vendor.proxyUrl, https_proxy: vendor.proxyUrl, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' } : {}),
    },
  });
  const workspace: Workspace = {
    tmp,
    python: env.python,
    async seedFile(filename, content) {
      return String((await store.putFile({ filename, data: content }))['@id']);
    },
    async runPython(script, args = []) {
      const file = path.join(tmp, `prepare-${randomUUID()}.py`);
      writeFileSync(file, script);
      await runFile(env.python, [file, ...args], tmp);
    },
  };
  const missing = env.notInstallable.map(nameOf);
  let seenBefore = 0;
  const unroutedSince = () => {
    const fresh: SeenRequest[] = vendor.seen.slice(seenBefore);
    seenBefore = vendor.seen.length;
    return fresh.filter((s) => !s.routed).map((s) => `${s.method} ${s.host}${s.url}`);
  };
  // The configuration record: its values, handed to every call as the server hands them (asReceived: config_id,
  // name, status, the IDE's and the CLI's one rule), and what the connector saves during any call is kept for the next.
  let record: Record<string, unknown> = {};
  const configRecord = { configId: randomUUID(), name: `${c.name} (corpus)` };
  const received = () => asReceived(record, configRecord, 'call');
  const keep = (r: HealthResult | RunResult) => {
    const last = (r as { configUpdates?: { config: Record<string, unknown> }[] }).configUpdates?.at(-1);
    if (last) record = { ...record, ...withoutServerKeys(last.config) };
  };
  const report = (kind: 'health' | 'action', label: string, r: HealthResult | RunResult, expect: Expected, t0: number): CallReport => ({
    label,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
    ...classify(
      { kind, status: r.status, message: r.message, data: 'data' in r ? r.data : undefined, logText: logText(r.logs), stderr: r.stderr, missing, unrouted: unroutedSince() },
      expect,
    ),
  });
  try {
    const prepared = c.prepare ? await c.prepare(workspace) : {};
    record = c.config({ http: vendor.httpUrl, https: vendor.httpsUrl }, prepared);
    let t0 = performance.now();
    const h = await runtime.checkHealth(folder, received());
    keep(h);
    const health = report('health', 'health', h, c.health, t0);
    o.log?.(`  health: ${health.summary}`);
    const actions: CallReport[] = [];
    for (const a of c.actions) {
      t0 = performance.now();
      if (a.later) record = { ...record, ...a.later.config };
      const label = a.later ? `${a.operation} (${a.later.label})` : a.operation;
      const r = await runtime.execute(folder, a.operation, a.params(prepared), received(), { env: {} });
      keep(r);
      const outcome = report('action', label, r, a.expect, t0);
      o.log?.(`  ${label}: ${outcome.summary}`);
      actions.push(outcome);
    }
    return { name: c.name, env, health, actions, vendorCalls: vendor.seen.length, seconds: Math.round((performance.now() - started) / 100) / 10 };
  } finally {
    await runtime.stopAll();
    await hub.close();
    await vendor.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

export async function runCorpus(names: readonly string[] | undefined, o: RunOptions = {}): Promise<ConnectorReport[]> {
  const reports: ConnectorReport[] = [];
  for (const c of CASES.filter((x) => !names?.length || names.includes(x.name))) {
    o.log?.(`${c.name}`);
    reports.push(await runCase(c, o));
  }
  return reports;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function faultsOf(r: ConnectorReport): CallReport[] {
  return [r.health, ...r.actions].filter((x) => x.verdict === 'fault' || x.verdict === 'unexplained');
}

/** docs/runnable-corpus.md: the table connector -> requirements -> health -> action -> simulator faults. */
export function renderTable(reports: readonly ConnectorReport[], meta: { commit: string; date: string; totalSeconds: number }): string {
  const faults = reports.flatMap(faultsOf).length;
  const notRun = reports.filter((r) => [r.health, ...r.actions].some((x) => x.verdict === 'requirement')).length;
  const pip = reports.reduce((s, r) => s + r.env.pipSeconds, 0);
  const lines = [
    '# The runnable corpus in the simulated runtime',
    '',
    'Generated by `npm run corpus` (scripts/corpus-table.mjs, tests/corpus-runtime/): each connector of',
    '`tests/fixtures/runnable/` runs in the real runtime service with its requirements in a virtualenv (pip',
    '`--retries 0 --timeout 5` on this machine\'s index, plus the platform\'s pre-installed libraries), against a fake',
    'vendor on 127.0.0.1 (`tests/corpus-runtime/vendors/`). Verdicts: what the server would answer (Success /',
    'Available / the connector\'s own error, with why), **requirement not installable here** (not a fault), or',
    '**SIMULATOR FAULT** / **UNEXPLAINED** (counted as faults; the row names each one with its error).',
    '',
    'How the fake vendors are reached: a URL in the configuration points at 127.0.0.1 (HTTP, or HTTPS with a',
    'self-signed certificate and verify_ssl false); a vendor host fixed in the connector\'s code (git-guardian, SAP,',
    'SEKOIA.IO, Microsoft\'s login) is answered by the fake vendor acting as HTTPS_PROXY, its certificate trusted through',
    'REQUESTS_CA_BUNDLE as a company CA would be. Nothing leaves the machine. The simulated platform is one store in',
    'memory per connector, as in a CLI run. One configuration record per connector: every call receives it as the',
    'server hands it (src/shared/connector/server-config.ts asReceived: config_id, name, status), and what the',
    'connector saves (update_connnector_config) is kept for the next call. odbc runs on SQLite through',
    'Debian\'s unixodbc and libsqliteodbc (apt); without them it reports libodbc.so.2 as not installable.',
    '',
    `Run: ${meta.date}, tree ${meta.commit}; ${reports.length} connectors in ${meta.totalSeconds.toFixed(0)} s (pip ${pip.toFixed(0)} s; 0 when every venv came from the cache in node_modules/.cache/connector-studio/corpus-venvs).`,
    '',
    `**Simulator faults: ${faults}** · connectors not fully run for a requirement this machine cannot install: ${notRun}`,
    '',
    '| Connector | Requirements | Health | Action | Simulator faults | s |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of reports) {
    const reqs = [
      r.env.requirements.length ? r.env.requirements.join(', ') : '(none)',
      ...r.env.notInstallable.map((x) => `**not installable:** ${x}`),
      ...r.env.substituted.map((x) => `substituted: ${x}`),
    ].join('<br>');
    const action = r.actions.map((a) => `\`${a.label}\`: ${a.summary}`).join('<br>');
    const f = faultsOf(r);
    const faultCell = f.length ? f.map((x) => `${x.label}: ${x.summary}`).join('<br>') : '0';
    lines.push(`| ${cell(r.name)} | ${cell(reqs)} | ${cell(r.health.summary)} | ${cell(action)} | ${cell(faultCell)} | ${r.seconds.toFixed(1)} |`);
  }
  lines.push('');
  return lines.join('\n');
}
