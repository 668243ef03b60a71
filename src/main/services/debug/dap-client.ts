/** A Debug Adapter Protocol client over TCP: Content-Length framed JSON messages (the base protocol of
 * https://microsoft.github.io/debug-adapter-protocol/overview), one per debug session, speaking to debugpy inside
 * the connector's worker (resources/python/debug_support.py). */
import { connect, type Socket } from 'node:net';
import type { DebugProtocol } from '@vscode/debugprotocol';

const HEADER_END = Buffer.from('\r\n\r\n');
/** A message larger than this is a broken stream, not a variable's value (debugpy truncates those itself). */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** A request debugpy answered with success false: its message, as debugpy wrote it. */
export class DapError extends Error {
  constructor(
    readonly command: string,
    message: string,
  ) {
    super(message);
  }
}

type EventHandler = (event: DebugProtocol.Event) => void;

interface Waiting {
  readonly command: string;
  readonly resolve: (body: unknown) => void;
  readonly reject: (e: Error) => void;
}

export class DapClient {
  private seq = 1;
  private readonly waiting = new Map<number, Waiting>();
  private readonly handlers = new Set<EventHandler>();
  private readonly closeHandlers = new Set<(why: string) => void>();
  private buffer: Buffer = Buffer.alloc(0);
  private closed?: string;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (e) => this.markClosed(`the connection to the debugger failed: ${e.message}`));
    socket.on('close', () => this.markClosed('the debugger closed the connection'));
  }

  /** Connects to 127.0.0.1:`port`; fails after `timeoutMs` or when nothing listens. */
  static connect(port: number, timeoutMs: number, host = '127.0.0.1'): Promise<DapClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`no debugger answered on ${host}:${port} within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.setNoDelay(true);
        resolve(new DapClient(socket));
      });
      socket.once('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`could not connect to the debugger on ${host}:${port}: ${e.message}`));
      });
    });
  }

  get isClosed(): boolean {
    return this.closed !== undefined;
  }

  /** Sends a request and resolves with the response's body; rejects with DapError when debugpy refuses it. */
  request<B = unknown>(command: string, args?: unknown): Promise<B> {
    if (this.closed) return Promise.reject(new Error(`the debugger is gone (${this.closed})`));
    const seq = this.seq++;
    return new Promise<B>((resolve, reject) => {
      this.waiting.set(seq, { command, resolve: resolve as (b: unknown) => void, reject });
      this.send({ seq, type: 'request', command, ...(args === undefined ? {} : { arguments: args }) } satisfies DebugProtocol.Request);
    });
  }

  /** Returns the unsubscribe function. */
  onEvent(handler: EventHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /** Runs `handler` once when the connection ends (at once if it has). */
  whenClosed(handler: (why: string) => void): void {
    if (this.closed) handler(this.closed);
    else this.closeHandlers.add(handler);
  }

  private markClosed(why: string): void {
    if (this.closed) return;
    this.closed = why;
    for (const w of this.waiting.values()) w.reject(new Error(`the debugger is gone (${why}) before answering ${w.command}`));
    this.waiting.clear();
    for (const h of this.closeHandlers) h(why);
    this.closeHandlers.clear();
  }

  close(): void {
    this.socket.destroy();
    this.markClosed('closed by Connector Studio');
  }

  private send(message: DebugProtocol.Request | DebugProtocol.Response): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.socket.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const end = this.buffer.indexOf(HEADER_END);
      if (end === -1) return;
      const header = this.buffer.subarray(0, end).toString('ascii');
      const length = Number(/Content-Length:\s*(\d+)/i.exec(header)?.[1]);
      if (!Number.isInteger(length) || length > MAX_MESSAGE_BYTES) {
        this.socket.destroy();
        this.markClosed(`the debugger sent a message Connector Studio cannot read (header "${header.slice(0, 100)}")`);
        return;
      }
      const start = end + HEADER_END.length;
      if (this.buffer.length < start + length) return;
      const text = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.onMessage(text);
    }
  }

  private onMessage(text: string): void {
    let message: DebugProtocol.ProtocolMessage;
    try {
      message = JSON.parse(text) as DebugProtocol.ProtocolMessage;
    } catch (e) {
      this.markClosed(`the debugger sent a message that is not JSON (${(e as Error).message}): ${text.slice(0, 200)}`);
      this.socket.destroy();
      return;
    }
    if (message.type === 'response') {
      const r = message as DebugProtocol.Response;
      const w = this.waiting.get(r.request_seq);
      if (!w) return;
      this.waiting.delete(r.request_seq);
      if (r.success) w.resolve(r.body ?? {});
      else w.reject(new DapError(w.command, (r.body as { error?: { format?: string } } | undefined)?.error?.format ?? r.message ?? `${w.command} failed`));
    } else if (message.type === 'event') {
      for (const h of this.handlers) h(message as DebugProtocol.Event);
    } else if (message.type === 'request') {
      // A reverse request (runInTerminal, startDebugging): nothing here can do what it asks.
      const req = message as DebugProtocol.Request;
      this.send({ seq: this.seq++, type: 'response', request_seq: req.seq, command: req.command, success: false, message: 'not supported by Connector Studio' } as DebugProtocol.Response);
    }
  }
}
