/** `run --debug <port>` and `health --debug <port>` (issue 16) with a Debug Adapter Protocol client of this test's
 * own, as VS Code's "attach" would be: debugpy is installed into this file's tools environment on first use, the
 * command waits for the client, stops at its breakpoint, and exits with the run's code. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../../services/runtime/test-kit';
import { runCli } from '../main';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cs-cli-debug-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, text: string) => (writeFileSync(path.join(tmp, name), text), path.join(tmp, name));
const hello = fixture('hello-world');
const config = file('config.json', '{"server_url": "https://example.test", "api_key": "k3y-k3y-k3y"}');
const params = file('params.json', '{"name": "Ada"}');

/** The CLI in-process, with a hook on each stderr line (the "Waiting for a debugger" line is the cue to attach). */
function startCli(argv: string[], userData: string, onErr: (line: string) => void = () => undefined) {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    out: (t: string) => out.push(t),
    err: (t: string) => (err.push(t), onErr(t)),
    cwd: tmp,
    env: { ...process.env, FSOAR_USER_DATA_DIR: userData },
  };
  return runCli(argv, io, '0.0.0-test').then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Message {
  seq: number;
  type: 'request' | 'response' | 'event';
  command?: string;
  request_seq?: number;
  success?: boolean;
  message?: string;
  event?: string;
  body?: Record<string, unknown>;
}

/** Just enough of DAP: Content-Length framed JSON, requests answered by request_seq, events by name. */
class MiniDap {
  private seq = 1;
  private buffer = '';
  private readonly messages: Message[] = [];
  private readonly waiters: Array<() => void> = [];
  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (;;) {
        const head = this.buffer.indexOf('\r\n\r\n');
        if (head === -1) return;
        const length = Number(/Content-Length: (\d+)/.exec(this.buffer.slice(0, head))![1]);
        // debugpy's messages are ASCII JSON (non-ASCII is \u-escaped), so characters count as bytes here.
        if (this.buffer.length < head + 4 + length) return;
        this.messages.push(JSON.parse(this.buffer.slice(head + 4, head + 4 + length)) as Message);
        this.buffer = this.buffer.slice(head + 4 + length);
        this.waiters.splice(0).forEach((w) => w());
      }
    });
  }
  static open(port: number): Promise<MiniDap> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => resolve(new MiniDap(socket)));
      socket.once('error', reject);
    });
  }
  private async take(pred: (m: Message) => boolean): Promise<Message> {
    for (;;) {
      const i = this.messages.findIndex(pred);
      if (i !== -1) return this.messages.splice(i, 1)[0]!;
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }
  send(command: string, args?: unknown): Promise<Message> {
    const seq = this.seq++;
    const body = JSON.stringify({ seq, type: 'request', command, arguments: args });
    this.socket.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    return this.take((m) => m.type === 'response' && m.request_seq === seq);
  }
  event(name: string): Promise<Message> {
    return this.take((m) => m.type === 'event' && m.event === name);
  }
  close(): void {
    this.socket.destroy();
  }
}

/** Resolves with the port of the "Waiting for a debugger on 127.0.0.1:<port>" line. */
function waitingLine() {
  let resolve!: (port: number) => void;
  const seen = new Promise<number>((r) => (resolve = r));
  const onErr = (line: string) => {
    const m = /^Waiting for a debugger on 127\.0\.0\.1:(\d+)$/.exec(line);
    if (m) resolve(Number(m[1]));
  };
  return { seen, onErr };
}

async function attach(port: number, breakpoints: { path: string; lines: number[] }[] = []): Promise<MiniDap> {
  const dap = await MiniDap.open(port);
  expect((await dap.send('initialize', { clientID: 'test', adapterID: 'debugpy', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path' })).success).toBe(true);
  const attached = dap.send('attach', { justMyCode: true });
  for (const b of breakpoints) {
    const placed = await dap.send('setBreakpoints', { source: { path: b.path }, breakpoints: b.lines.map((line) => ({ line })) });
    expect(placed.body?.breakpoints).toEqual(b.lines.map((line) => expect.objectContaining({ verified: true, line })));
  }
  expect((await dap.send('configurationDone')).success).toBe(true);
  expect((await attached).success).toBe(true);
  return dap;
}

describe('connector-studio run --debug', () => {
  const userData = path.join(tmp, 'user');

  it('installs debugpy, waits for a debugger, stops at its breakpoint, shows a local, and exits with the run\'s code', async () => {
    const port = await freePort();
    const { seen, onErr } = waitingLine();
    const done = startCli(['run', hello, 'greet', '--config', config, '--params', params, '--debug', String(port), '--json'], userData, onErr);
    expect(await seen).toBe(port);
    const operations = path.join(hello, 'operations.py');
    const dap = await attach(port, [{ path: operations, lines: [23] }]);
    const stopped = await dap.event('stopped');
    expect(stopped.body).toMatchObject({ reason: 'breakpoint' });
    const trace = await dap.send('stackTrace', { threadId: stopped.body!.threadId });
    const [top] = trace.body!.stackFrames as Array<{ id: number; name: string; line: number; source: { path: string } }>;
    expect(top).toMatchObject({ name: 'greet', line: 23, source: { path: operations } });
    // justMyCode alone, as VS Code attaches: the worker counts only the connector's folder as the user's code.
    const files = (trace.body!.stackFrames as Array<{ source: { path: string } }>).map((f) => f.source.path);
    expect(files.filter((f) => !f.startsWith(hello + path.sep))).toEqual([]);
    const scopes = (await dap.send('scopes', { frameId: top!.id })).body!.scopes as Array<{ name: string; variablesReference: number }>;
    const locals = scopes.find((s) => s.name === 'Locals')!;
    const vars = (await dap.send('variables', { variablesReference: locals.variablesReference })).body!.variables as Array<{ name: string; value: string }>;
    expect(vars.find((v) => v.name === 'text')?.value).toBe("'Hello Ada'");
    // Not awaited: the run may end, and the command with its worker, before debugpy's answer is on its way.
    void dap.send('continue', { threadId: stopped.body!.threadId });
    const r = await done;
    dap.close();
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ status: 'Success', data: { greeting: 'Hello Ada' } });
    // First use: the install's progress went to stderr before the waiting line.
    expect(r.err).toMatch(/Installing debugpy into the tools environment[\s\S]*Waiting for a debugger on 127\.0\.0\.1:\d+\nA debugger attached/);
  }, 240_000);

  it('health --debug runs the check once a debugger attached, exiting with its code', async () => {
    const port = await freePort();
    const { seen, onErr } = waitingLine();
    const done = startCli(['health', hello, '--config', config, '--debug', String(port)], userData, onErr);
    await seen;
    const dap = await attach(port);
    const r = await done;
    dap.close();
    expect(r.err).not.toMatch(/Installing debugpy/);
    expect(r.out).toMatch(/^(Available|Disconnected): /);
    expect(r.code).toBe(r.out.startsWith('Available') ? 0 : 1);
  }, 120_000);

  it('refuses a port that is not one (exit 2)', async () => {
    for (const bad of ['0', '65536', 'http', '-1']) {
      const r = await startCli(['run', hello, 'greet', '--config', config, `--debug=${bad}`], userData);
      expect(r.code, bad).toBe(2);
      expect(r.err).toMatch(/--debug takes a TCP port from 1 to 65535/);
    }
  });

  it('exits 1 naming the failed step when pip cannot install debugpy', async () => {
    // pip with no index and no configuration file: nothing to install debugpy from.
    const saved = { PIP_NO_INDEX: process.env.PIP_NO_INDEX, PIP_CONFIG_FILE: process.env.PIP_CONFIG_FILE };
    Object.assign(process.env, { PIP_NO_INDEX: '1', PIP_CONFIG_FILE: os.devNull });
    try {
      const r = await startCli(['run', hello, 'greet', '--config', config, '--debug', String(await freePort())], path.join(tmp, 'user-without-pip'));
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/Could not install debugpy: the step "pip install into the tools environment .*tools-env.*" failed/);
      expect(r.err).not.toMatch(/Waiting for a debugger/);
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }, 120_000);
});
