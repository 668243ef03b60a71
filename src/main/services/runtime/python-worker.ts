import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { errnoCode } from '../errors';
import { CallCapture, type WorkerListeners } from './call-capture';
import { CallTimer } from './call-timer';
import { defaultTmpFileRoot, FRAMEWORK_FILES_LIST, removeFrameworkFiles } from './framework-files';
import { killGroup, killTree } from './process-tree';
import { parseWorkerMessage, requestLine } from './protocol-check';
import type { ResultMessage, UnsentRequest } from './protocol';
import type { OutputStream, WorkerFailure } from './types';

export interface WorkerConfig {
  readonly pythonCommand: string[];
  readonly runnerPath: string;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly outputCapBytes: number;
  /** settings.TMP_FILE_ROOT, where the framework's helpers write files for the connector. Default '/tmp' on POSIX
   * as on the server (framework-files.ts). */
  readonly tmpFileRoot?: string;
  /** Where problems nobody awaits are reported (a temp folder that could not be removed). Default console.warn. */
  readonly warn?: (message: string) => void;
}

/** The worker's final message for a request (see runner.py), or why there is none. */
export type WorkerReply =
  | { readonly kind: 'result'; readonly message: ResultMessage; readonly capture: CallCapture }
  | { readonly kind: WorkerFailure; readonly detail: string; readonly capture: CallCapture };

interface Pending {
  readonly id: number;
  readonly capture: CallCapture;
  readonly resolve: (reply: WorkerReply) => void;
  readonly timer: CallTimer;
}

const STDERR_TAIL = 4096;
const STOP_GRACE_MS = 2000;

/** One long-lived `python3 runner.py <folder>`. Callers send one request at a time (the service queues). */
export class PythonWorker {
  private child?: ChildProcess;
  private pending?: Pending;
  private nextId = 1;
  private partial: Buffer[] = [];
  private stderrTail = '';
  private exitInfo?: string;
  private exited?: Promise<void>;
  private dead = false;
  private tempDir?: string;
  private readonly tmpFileRoot: string;

  constructor(
    readonly folder: string,
    private readonly config: WorkerConfig,
  ) {
    this.tmpFileRoot = config.tmpFileRoot ?? defaultTmpFileRoot();
  }

  get alive(): boolean {
    return !this.dead;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Spawns the interpreter now (calls do it on demand); the connector itself is imported by the first call. */
  start(): void {
    if (this.child || this.dead) return;
    const [command, ...leading] = this.config.pythonCommand;
    if (command === undefined) throw new Error('no interpreter was given (an empty command). Choose one in Settings > Runtime or in the connector\'s Environment tab.');
    // A private temp folder per worker: connectors share no files through it, and it goes with the worker.
    const tempDir = (this.tempDir = mkdtempSync(path.join(os.tmpdir(), 'cs-worker-')));
    chmodSync(tempDir, 0o700);
    const child = spawn(command, [...leading, this.config.runnerPath, this.folder], {
      cwd: this.config.cwd,
      env: {
        ...this.config.env,
        TMPDIR: tempDir,
        TEMP: tempDir,
        TMP: tempDir,
        CS_TMP_FILE_ROOT: this.tmpFileRoot,
        CS_FRAMEWORK_FILES: path.join(tempDir, FRAMEWORK_FILES_LIST),
      },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'],
      // Its own process group, so ending the worker also ends whatever the connector started.
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    this.child = child;
    const [, out, err, requests, replies] = child.stdio as [null, Readable, Readable, Writable, Readable];
    // EPIPE after a crash is expected; anything else on the worker's pipes is worth a line in the log.
    for (const s of [out, err, requests, replies]) s.on('error', (e) => {
        if (errnoCode(e) !== 'EPIPE') this.warn(`The Python worker's pipe failed: ${e.message}`);
      });
    // Decoded as streams: a UTF-8 character may be split across two chunks.
    out.setEncoding('utf8').on('data', (t: string) => this.raw('stdout', t));
    err.setEncoding('utf8').on('data', (t: string) => this.raw('stderr', t));
    replies.on('data', (b: Buffer) => this.onData(b));
    let pendingEvents = 2; // the exit status and the end of fd 4 (the last result may still be in the pipe)
    const settle = () => --pendingEvents === 0 && this.onGone();
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitInfo = signal ? `signal ${signal}` : `exit code ${code}`;
        this.dead = true;
        this.cleanUp(child.pid);
        resolve();
        settle();
      });
      child.once('error', (e) => {
        this.onSpawnError(e); // no 'exit' follows when the interpreter could not be started
        this.cleanUp(undefined);
        resolve();
      });
    });
    replies.once('close', settle);
    // An idle worker must not keep Node alive; a call's timer does while it runs.
    child.unref();
    for (const s of [out, err, requests, replies]) (s as unknown as { unref?: () => void }).unref?.();
  }

  call(request: UnsentRequest, timeoutMs: number, listeners: WorkerListeners = {}): Promise<WorkerReply> {
    const capture = new CallCapture(this.config.outputCapBytes, listeners);
    this.start();
    if (this.dead) return Promise.resolve(this.failure('crash', capture));
    const id = this.nextId++;
    return new Promise<WorkerReply>((resolve) => {
      // A debug session stops the clock while the connector is paused at a breakpoint (listeners.timeoutPause).
      const timer = new CallTimer(timeoutMs, () => {
        this.kill();
        this.finish({ kind: 'timeout', detail: `timed out after ${timeoutMs} ms`, capture });
      }, listeners.timeoutPause);
      this.pending = { id, capture, resolve, timer };
      (this.child!.stdio[3] as Writable).write(requestLine(request, id));
    });
  }

  /** Closes the request pipe so the worker exits by itself; kills it if it does not within a grace period. */
  async stop(): Promise<void> {
    if (!this.child || !this.exited) return;
    this.child.ref(); // whoever awaits stop() must see it finish, not Node exit with nothing left to do
    if (!this.dead) (this.child.stdio[3] as Writable).end();
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), STOP_GRACE_MS)));
    if ((await Promise.race([this.exited, grace])) === 'late') this.kill();
    clearTimeout(timer);
    await this.exited;
  }

  /** Ends the worker and every process below it (see process-tree.ts). */
  kill(): void {
    const pid = this.child?.pid;
    if (!pid || this.dead) return;
    if (process.platform === 'win32') {
      this.child!.kill('SIGKILL');
      return;
    }
    killTree(pid).catch((e: Error) => {
      this.warn(`Could not end every process of the Python worker ${pid}: ${e.message}`);
      this.child!.kill('SIGKILL');
    });
  }

  /** After the worker is gone: what is left of its process group (on Linux the worker's supervisor has already
   * ended the rest of its tree), the files it created in TMP_FILE_ROOT (it removes them itself unless it was
   * killed), then its temp folder. */
  private cleanUp(pid: number | undefined): void {
    try {
      if (pid) killGroup(pid);
    } catch (e) {
      this.warn(`Could not end the processes left in the Python worker's group ${pid}: ${(e as Error).message}`);
    }
    if (!this.tempDir) return;
    for (const problem of removeFrameworkFiles(path.join(this.tempDir, FRAMEWORK_FILES_LIST), this.tmpFileRoot)) this.warn(problem);
    try {
      rmSync(this.tempDir, { recursive: true, force: true, maxRetries: 3 });
    } catch (e) {
      this.warn(`Could not remove the Python worker's temp folder ${this.tempDir}: ${(e as Error).message}. It can be deleted by hand.`);
    }
    this.tempDir = undefined;
  }

  private warn(message: string): void {
    (this.config.warn ?? console.warn)(message);
  }

  private finish(reply: WorkerReply): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    p.timer.stop();
    p.resolve(reply);
  }

  private failure(kind: WorkerFailure, capture: CallCapture, detail?: string): WorkerReply {
    return { kind, detail: detail ?? this.exitInfo ?? 'the worker is not running', capture };
  }

  private onGone(): void {
    if (this.pending) this.finish(this.failure('crash', this.pending.capture));
  }

  private onSpawnError(e: Error): void {
    this.dead = true;
    if (this.pending) this.finish(this.failure('spawn', this.pending.capture, e.message));
  }

  /** The worker's stderr tail, for crash reports. */
  get lastStderr(): string {
    return this.stderrTail;
  }

  private raw(stream: OutputStream, text: string): void {
    if (stream === 'stderr') this.stderrTail = (this.stderrTail + text).slice(-STDERR_TAIL);
    this.pending?.capture.output(stream, text);
  }

  private onData(chunk: Buffer): void {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl);
      const line = this.partial.length ? Buffer.concat([...this.partial, piece]) : piece;
      this.partial = [];
      start = nl + 1;
      this.onMessage(line.toString('utf8'));
    }
    if (start < chunk.length) this.partial.push(chunk.subarray(start));
  }

  private onMessage(line: string): void {
    const p = this.pending;
    const parsed = parseWorkerMessage(line);
    if (!parsed.ok) return this.refuse(parsed.problem, parsed.type === 'result' && (parsed.id === p?.id || parsed.id === null));
    const message = parsed.message;
    if (message.type === 'result' && message.id === null) {
      // The worker could not read our request line, so it had no id to echo; one request runs at a time.
      this.warn(`The Python worker ${this.pid ?? ''} could not read a request: ${message.message ?? ''}`);
      if (p) this.finish({ kind: 'result', message, capture: p.capture });
      return;
    }
    if (!p || message.id !== p.id) return; // a late message of a call that already timed out
    if (message.type === 'log') p.capture.log(message.entry);
    else if (message.type === 'out') p.capture.output(message.stream, message.text);
    else if (message.type === 'secrets') p.capture.secrets(message.forms);
    else this.finish({ kind: 'result', message, capture: p.capture });
  }

  /** A message the protocol does not allow is logged and dropped. When it was the call's result, the call fails
   * with the reason instead of waiting for its timeout. */
  private refuse(problem: string, endsCall: boolean): void {
    const p = this.pending;
    // The shims' records (effects) carry what the connector handed a FortiSOAR function; the rest is runner.py's.
    const why = problem.includes('.effects')
      ? 'The value came from the connector, through a FortiSOAR function it called: check what it passed.'
      : 'runner.py and the app must come from the same Connector Studio: reinstall it if they do not.';
    const text = `Connector Studio refused ${problem} from the Python worker of ${this.folder}. ${why}`;
    this.warn(text);
    p?.capture.notice(text, 'ERROR');
    if (p && endsCall) this.finish({ kind: 'result', message: { type: 'result', id: p.id, status: 'Failed', message: text }, capture: p.capture });
  }
}
