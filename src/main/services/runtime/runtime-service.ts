import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findAppRoot } from '../../app-root';
import { settled } from '../../../shared/settled';
import { secretRuleFor, type SecretRuleWire } from '../../../shared/connector/secret-fields';
import { CallCapture, type WorkerListeners } from './call-capture';
import { tryReadConnectorInfo } from './connector-info';
import { DEFAULT_WORKER_MEMORY_LIMIT_MB, hitMemoryLimit, memoryLimitMessage } from './memory-limit';
import type { Cassette, Effects, ResultMessage, UnsentRequest } from './protocol';
import { PythonWorker, type WorkerConfig, type WorkerReply } from './python-worker';
import type { PlatformConnection } from '../platform/endpoint';
import { compareSchema, makeScrubber, scrubLog, scrubLogs, type Scrubber } from './result-checks';
import { inheritedEnvironment } from './worker-env';
import type { PlatformRunRef } from '../../../shared/models/platform-data';
import type {
  CallOptions,
  DebuggerListening,
  ListenOptions,
  CallOutput,
  HealthResult,
  HookName,
  HookResult,
  LogEntry,
  OutputStream,
  RunResult,
  RuntimeService,
  RuntimeServiceOptions,
} from './types';

const MiB = 1024 * 1024;

/** resources/python/runner.py of the app, found upward from this file whether bundled or not. */
export function defaultRunnerPath(): string {
  return path.join(findAppRoot(path.dirname(fileURLToPath(import.meta.url))), 'resources', 'python', 'runner.py');
}

/** Picks a connector's interpreter before each call (its virtualenv, its own choice); undefined: the default. */
export type PythonResolver = (folder: string) => Promise<string[] | undefined>;

/** The simulated platform a connector folder's worker reaches (services/platform): its URL and token go into the
 * worker's environment as CS_PLATFORM_URL and CS_PLATFORM_TOKEN, and each call is named to it while it runs. */
export type PlatformResolver = (folder: string) => Promise<PlatformConnection | undefined>;

interface Sent {
  readonly command: string[];
  readonly reply: WorkerReply;
  readonly durationMs: number;
  readonly timeoutMs: number;
  readonly stderrTail: string;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const seconds = (ms: number) => String(Math.round(ms / 100) / 10);
const round = (ms: number) => Math.round(ms * 10) / 10;

function lastLines(text: string, n: number): string {
  return text.trimEnd().split('\n').slice(-n).join('\n');
}

function cassetteOf(o: CallOptions): { cassette?: Cassette } {
  return o.cassette ? { cassette: { mode: o.cassette.mode, path: path.resolve(o.cassette.path) } } : {};
}

/** Logs and output stream to the UI while a call runs: they are masked like the final result's, with every form
 * of the secrets the worker reports. */
function scrubbedListeners(o: CallOptions, scrub: Scrubber): WorkerListeners {
  const { onLog, onOutput } = o;
  return {
    ...o,
    onSecrets: (forms) => {
      scrub.learn(forms);
      o.onSecrets?.(forms);
    },
    ...(onLog ? { onLog: (e: LogEntry) => onLog(scrubLog(e, scrub)) } : {}),
    ...(onOutput ? { onOutput: (stream: OutputStream, text: string) => onOutput(stream, scrub(text)) } : {}),
  };
}

function effectsOf(message: ResultMessage | undefined): Effects {
  const e = message?.effects ?? {};
  return {
    ...(e.configUpdates ? { configUpdates: e.configUpdates } : {}),
    ...(e.ingested ? { ingested: e.ingested } : {}),
    ...(e.crudhubRequests ? { crudhubRequests: e.crudhubRequests } : {}),
    ...(e.platformRecords ? { platformRecords: e.platformRecords } : {}),
  };
}

/** Manages one Python worker per connector folder (keyed by absolute path). Never throws: every problem,
 * including a missing interpreter, a timeout or a crash, comes back as a failed result. */
export function createRuntimeService(options: RuntimeServiceOptions & { resolvePython?: PythonResolver; platform?: PlatformResolver }): RuntimeService {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const cap = options.outputCapBytes ?? MiB;
  const pythonCommand = options.pythonCommand?.length ? options.pythonCommand : ['python3'];
  const memoryLimitMb = Math.max(0, Math.floor(options.memoryLimitMb ?? DEFAULT_WORKER_MEMORY_LIMIT_MB));
  const workers = new Map<string, PythonWorker>();
  const commands = new WeakMap<PythonWorker, string[]>();
  const queues = new Map<string, Promise<unknown>>();
  /** Each folder's platform connection, found once: its worker keeps the URL and token it started with. */
  const platforms = new Map<string, PlatformConnection | undefined>();
  let config: WorkerConfig | undefined;
  const warn = options.warn ?? console.warn;

  function workerConfig(): WorkerConfig {
    const attachments = path.join(options.dataDir, 'attachments');
    mkdirSync(attachments, { recursive: true });
    config ??= {
      pythonCommand,
      runnerPath: options.runnerPath ?? defaultRunnerPath(),
      cwd: options.dataDir,
      outputCapBytes: cap,
      ...(options.tmpFileRoot ? { tmpFileRoot: options.tmpFileRoot } : {}),
      warn,
      env: {
        // Never the IDE's whole environment: connector code must not see its tokens or the user's credentials.
        ...inheritedEnvironment(process.env),
        ...options.env,
        PYTHONDONTWRITEBYTECODE: '1',
        PYTHONUNBUFFERED: '1',
        PYTHONIOENCODING: 'utf-8',
        CS_DATA_DIR: options.dataDir,
        CS_ATTACHMENTS_DIR: attachments,
        CS_OUTPUT_CAP: String(cap),
        CS_DATA_CAP: String(options.dataCapBytes ?? 32 * MiB),
        CS_MEMORY_LIMIT_MB: String(memoryLimitMb),
      },
    };
    return config;
  }

  function spawnWorker(key: string, command: string[]): PythonWorker {
    const base = workerConfig();
    const platform = platforms.get(key);
    const env = platform ? { ...base.env, CS_PLATFORM_URL: platform.url, CS_PLATFORM_TOKEN: platform.token } : base.env;
    const fresh = new PythonWorker(key, { ...base, env, pythonCommand: command });
    commands.set(fresh, command);
    workers.set(key, fresh);
    return fresh;
  }

  /** A worker whose interpreter is no longer the connector's (a venv was made or removed) is stopped and replaced. */
  function workerFor(key: string, command: string[]): PythonWorker {
    const current = workers.get(key);
    if (current?.alive && commands.get(current)?.join('\0') === command.join('\0')) return current;
    if (current?.alive) void current.stop().catch((e: unknown) => warn(`Could not stop the Python worker of ${key} (its interpreter changed): ${messageOf(e)}`));
    return spawnWorker(key, command);
  }

  /** After a timeout the killed worker is replaced at once, so the next call finds Python already started. */
  function replace(key: string, old: PythonWorker): void {
    if (workers.get(key) !== old) return;
    spawnWorker(key, commands.get(old) ?? pythonCommand).start();
  }

  function queued<T>(key: string, task: () => Promise<T>): Promise<T> {
    const run = (queues.get(key) ?? Promise.resolve()).then(task);
    // The next task waits for this one to end; its failure reaches the caller, who awaits `run` itself.
    queues.set(key, settled(run));
    return run;
  }

  /** The folder's platform connection, asked once; a platform that cannot start leaves the worker without one
   * (a connector that then calls the platform fails saying so), and is reported. */
  async function platformOf(key: string): Promise<PlatformConnection | undefined> {
    if (!options.platform || platforms.has(key)) return platforms.get(key);
    const found = await options.platform(key).catch((e: unknown) => {
      warn(`The simulated platform for ${key} could not start: ${messageOf(e)}`);
      return undefined;
    });
    platforms.set(key, found);
    return found;
  }

  /** What the platform records as the writer of what this call creates. */
  function runRef(key: string, request: UnsentRequest, o: WorkerListeners): PlatformRunRef | undefined {
    if (request.type !== 'health' && request.type !== 'execute' && request.type !== 'hook') return undefined;
    const operation = request.type === 'execute' ? request.operation : request.type === 'hook' ? request.hook : undefined;
    return { kind: request.type, ...(operation ? { operation } : {}), ...(o.runId ? { runId: o.runId } : {}), connector: path.basename(key), startedAt: new Date().toISOString() };
  }

  function send(folder: string, request: UnsentRequest, o: WorkerListeners): Promise<Sent> {
    const key = path.resolve(folder);
    const limit = o.timeoutMs ?? timeoutMs;
    return queued(key, async () => {
      const started = performance.now();
      let worker: PythonWorker | undefined;
      let reply: WorkerReply;
      let command = pythonCommand;
      const platform = await platformOf(key);
      const ref = runRef(key, request, o);
      if (ref) platform?.beginCall(ref);
      try {
        // A connector whose own interpreter cannot be picked fails the call, saying why, rather than running on another.
        command = (await options.resolvePython?.(key)) ?? pythonCommand;
        worker = workerFor(key, command);
        reply = await worker.call(request, limit, o);
        if (reply.kind === 'timeout') replace(key, worker);
      } catch (e) {
        reply = { kind: 'spawn', detail: (e as Error).message, capture: new CallCapture(cap, o) };
      } finally {
        if (ref) platform?.endCall();
      }
      return { command, reply, durationMs: performance.now() - started, timeoutMs: limit, stderrTail: worker?.lastStderr ?? '' };
    });
  }

  function failureMessage(sent: Sent, what: string): string {
    const { reply } = sent;
    if (reply.kind === 'timeout')
      return `${what.charAt(0).toUpperCase()}${what.slice(1)} timed out after ${seconds(sent.timeoutMs)} s; the Python worker was stopped and restarted.`;
    if (reply.kind === 'spawn')
      return `Could not start the Python worker (${sent.command.join(' ')}): ${reply.detail}`;
    const tail = lastLines(sent.stderrTail, 12);
    return `The Python worker crashed (${reply.kind === 'crash' ? reply.detail : ''}) during ${what}; a new one starts with the next call.${tail ? `\nLast stderr:\n${tail}` : ''}`;
  }

  /** A failed call's message; when the failure was an allocation refused under the worker's memory limit, one
   * that says so and where to change it (the original error follows, and stays in the logs). */
  function failedMessage(sent: Sent, message: string, out: CallOutput): string {
    const evidence = [message, ...out.logs.filter((l) => l.level === 'ERROR' || l.level === 'CRITICAL').map((l) => l.message)];
    if (sent.reply.kind === 'crash') evidence.push(sent.stderrTail);
    return hitMemoryLimit(memoryLimitMb, evidence) ? `${memoryLimitMessage(memoryLimitMb)}\n${message}` : message;
  }

  function output(sent: Sent, scrub: Scrubber): CallOutput {
    const { reply } = sent;
    if (reply.kind === 'result') {
      reply.capture.addDropped(reply.message.dropped);
      const cut = reply.message.dataTruncated;
      if (cut) reply.capture.notice(`The result data (${cut.size} characters of JSON) was over the ${cut.cap}-character cap: "data" holds the start of its JSON text.`);
    }
    const { logs, stdout, stderr } = reply.capture.finish();
    return {
      durationMs: round(sent.durationMs),
      logs: scrubLogs(logs, scrub),
      stdout: scrub(stdout),
      stderr: scrub(stderr),
      ...(reply.kind === 'result' ? {} : { workerFailure: reply.kind }),
    };
  }

  /** The call's masking here, and what the worker masks with: one rule (shared/connector/secret-fields.ts), sent
   * with the call as `secrets` so the worker decides nothing of its own. */
  function secretsFor(folder: string, configs: unknown): { scrub: Scrubber; secrets: SecretRuleWire } {
    const fields = tryReadConnectorInfo(path.resolve(folder))?.passwordFields ?? [];
    return { scrub: makeScrubber(configs, fields), secrets: secretRuleFor(fields) };
  }

  async function checkHealth(folder: string, cfg: Record<string, unknown>, o: CallOptions = {}): Promise<HealthResult> {
    const { scrub, secrets } = secretsFor(folder, cfg);
    const sent = await send(folder, { type: 'health', config: cfg, secrets, ...cassetteOf(o) }, scrubbedListeners(o, scrub));
    const m = sent.reply.kind === 'result' ? sent.reply.message : undefined;
    const status = m?.status === 'Available' ? 'Available' : 'Disconnected';
    const out = output(sent, scrub);
    const message = m ? (m.message ?? '') : failureMessage(sent, 'the health check');
    // Effects too: a health check that refreshes a token saves it (update_connnector_config) as an action does.
    return { status, message: scrub(status === 'Available' ? message : failedMessage(sent, message, out)), ...out, ...effectsOf(m) };
  }

  async function execute(
    folder: string,
    operation: string,
    params: Record<string, unknown>,
    cfg: Record<string, unknown>,
    o: CallOptions & { env?: Record<string, unknown> } = {},
  ): Promise<RunResult> {
    const { scrub, secrets } = secretsFor(folder, cfg);
    const sent = await send(folder, { type: 'execute', operation, params, config: cfg, env: o.env ?? {}, secrets, ...cassetteOf(o) }, scrubbedListeners(o, scrub));
    const m = sent.reply.kind === 'result' ? sent.reply.message : undefined;
    const status = m?.status === 'Success' ? 'Success' : 'Failed';
    const data = m?.data ?? null;
    const declared = tryReadConnectorInfo(path.resolve(folder))?.operations.get(operation)?.outputSchema;
    const checked = status === 'Success' && !m?.binary && !m?.dataTruncated;
    const out = output(sent, scrub);
    const message = m ? (m.message ?? '') : failureMessage(sent, `operation "${operation}"`);
    return {
      operation,
      status,
      message: scrub(status === 'Success' ? message : failedMessage(sent, message, out)),
      data,
      ...out,
      schema: checked ? compareSchema(data, declared) : { missing: [], extra: [] },
      ...(typeof m?.operationMs === 'number' ? { operationMs: round(m.operationMs) } : {}),
      ...(m?.binary ? { binary: true } : {}),
      ...(m?.encoding === 'base64' ? { encoding: 'base64' as const } : {}),
      ...(m?.env ? { env: m.env } : {}),
      ...effectsOf(m),
    };
  }

  async function runHook(folder: string, hook: HookName, args: unknown[], o: CallOptions = {}): Promise<HookResult> {
    const configs = args.filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null && !Array.isArray(a));
    const { scrub, secrets } = secretsFor(folder, configs);
    const sent = await send(folder, { type: 'hook', hook, args, secrets }, scrubbedListeners(o, scrub));
    const m = sent.reply.kind === 'result' ? sent.reply.message : undefined;
    const status = m?.status === 'Success' ? 'Success' : 'Failed';
    const out = output(sent, scrub);
    const message = m ? (m.message ?? '') : failureMessage(sent, `hook ${hook}`);
    return {
      hook,
      status,
      message: scrub(status === 'Success' ? message : failedMessage(sent, message, out)),
      data: m?.data ?? null,
      ...out,
      ...effectsOf(m),
    };
  }

  /** Makes debugpy listen in the folder's worker (started if need be), once per worker: the port, or why not. With
   * `wait`, answers only once a debugger has attached (no timeout unless `timeoutMs`). */
  async function listenForDebugger(folder: string, o: ListenOptions = {}): Promise<DebuggerListening> {
    const limit = o.timeoutMs ?? (o.wait ? Infinity : timeoutMs);
    const sent = await send(folder, { type: 'debug', port: o.port ?? 0, wait: o.wait ?? false }, { timeoutMs: limit });
    const m = sent.reply.kind === 'result' ? sent.reply.message : undefined;
    const pid = workers.get(path.resolve(folder))?.pid;
    if (m?.status === 'Success' && typeof m.port === 'number') return { ok: true, port: m.port, ...(pid ? { pid } : {}) };
    return { ok: false, message: m ? m.message || 'debugpy did not start, and said nothing.' : failureMessage(sent, 'starting the debugger') };
  }

  async function reload(folder: string): Promise<void> {
    const key = path.resolve(folder);
    const worker = workers.get(key);
    if (!worker?.alive || worker.pid === undefined) return; // a worker started later imports fresh code anyway
    // Saved code reaches the next call without a restart; if the reload fails, that call imports the old code.
    const reply = await queued(key, () => worker.call({ type: 'reload' }, timeoutMs)).catch((e: unknown) => warn(`Reloading the code of ${key} in its Python worker failed: ${messageOf(e)}`));
    if (reply && reply.kind !== 'result') warn(`Reloading the code of ${key} in its Python worker failed (${reply.kind}).`);
  }

  async function stop(folder: string): Promise<void> {
    const key = path.resolve(folder);
    const worker = workers.get(key);
    workers.delete(key);
    await worker?.stop().catch((e: unknown) => warn(`Could not stop the Python worker of ${key}: ${messageOf(e)}`));
  }

  async function stopAll(): Promise<void> {
    await Promise.all([...workers.keys()].map(stop));
  }

  const list = () => [...workers.values()].map((w) => ({ folder: w.folder, pid: w.pid, alive: w.alive }));
  return { checkHealth, execute, runHook, listenForDebugger, reload, stop, stopAll, workers: list };
}
