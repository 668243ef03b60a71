/** JSON-RPC 2.0 over a byte stream with LSP's `Content-Length` framing. Hand-written (about 100 lines) because
 * vscode-jsonrpc is not a dependency of ours and pyright bundles its own copy. */
import type { Readable, Writable } from 'node:stream';
import { parseJsonOrUndefined } from '../../../shared/parse-json';

export interface RpcMessage {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** What the peer asks us (pyright asks for configuration, capabilities, progress tokens). */
export type RequestHandler = (method: string, params: unknown) => unknown;
export type NotificationHandler = (method: string, params: unknown) => void;

export class RpcError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** Splits a stream of framed messages; tolerates any chunking, including a header split across chunks. */
export function createFrameReader(onMessage: (m: RpcMessage) => void) {
  let buf: Buffer = Buffer.alloc(0);
  return (chunk: Buffer) => {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    for (;;) {
      const end = buf.indexOf(HEADER_END);
      if (end < 0) return;
      const match = /Content-Length:\s*(\d+)/i.exec(buf.subarray(0, end).toString('ascii'));
      const length = match ? Number(match[1]) : 0;
      const start = end + HEADER_END.length;
      if (buf.length < start + length) return;
      const body = buf.subarray(start, start + length).toString('utf8');
      buf = buf.subarray(start + length);
      // A malformed message is dropped; the next header resynchronises the stream.
      const message = parseJsonOrUndefined(body);
      if (typeof message === 'object' && message !== null) onMessage(message as RpcMessage);
    }
  };
}

export function frame(message: RpcMessage): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/** A connection to one peer: requests with timeouts, notifications, and answers to the peer's requests. */
export interface Connection {
  /** Sends a request and waits for its result; RpcError on the peer's error, after `timeoutMs` (default 30 s,
   * then `$/cancelRequest` goes out) or once the connection is closed. */
  request<T>(method: string, params: unknown, timeoutMs?: number): Promise<T>;
  /** Sends a notification (no answer); nothing is written once closed. */
  notify(method: string, params: unknown): void;
  /** Fails every request still waiting (the process died or is being stopped). */
  close(reason: string): void;
}

/** `log`: where a handler's failure is reported (it must not end the stream's reading); default console.warn. */
export function createConnection(
  input: Readable,
  output: Writable,
  onRequest: RequestHandler,
  onNotification: NotificationHandler,
  log: (message: string) => void = console.warn,
): Connection {
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, Pending>();

  const write = (m: RpcMessage) => {
    if (!closed && output.writable) output.write(frame(m));
  };

  async function answer(m: RpcMessage) {
    try {
      write({ jsonrpc: '2.0', id: m.id, result: (await onRequest(m.method as string, m.params)) ?? null });
    } catch (e) {
      write({ jsonrpc: '2.0', id: m.id, error: { code: -32603, message: (e as Error).message } });
    }
  }

  function receive(m: RpcMessage) {
    if (m.method !== undefined && m.id !== undefined && m.id !== null) void answer(m);
    else if (m.method !== undefined) onNotification(m.method, m.params);
    else if (typeof m.id === 'number') settle(m);
  }

  function settle(m: RpcMessage) {
    const p = pending.get(m.id as number);
    if (!p) return;
    pending.delete(m.id as number);
    clearTimeout(p.timer);
    if (m.error) p.reject(new RpcError(m.error.message, m.error.code));
    else p.resolve(m.result);
  }

  input.on(
    'data',
    createFrameReader((m) => {
      try {
        receive(m);
      } catch (e) {
        log(`Handling a message from the language server failed: ${(e as Error).message}`);
      }
    }),
  );

  return {
    request<T>(method: string, params: unknown, timeoutMs = 30_000): Promise<T> {
      if (closed) return Promise.reject(new RpcError('The language server is not running.', -32099));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          write({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } });
          reject(new RpcError(`${method} took longer than ${timeoutMs} ms.`, -32800));
        }, timeoutMs);
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
        write({ jsonrpc: '2.0', id, method, params });
      });
    },
    notify(method: string, params: unknown) {
      write({ jsonrpc: '2.0', method, params });
    },
    close(reason: string) {
      closed = true;
      for (const [id, p] of pending) {
        clearTimeout(p.timer);
        p.reject(new RpcError(reason, -32099));
        pending.delete(id);
      }
    },
  };
}
