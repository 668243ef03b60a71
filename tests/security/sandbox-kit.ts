/** Raw HTTP/1.1 over a TCP socket for the sandbox's hostile-input tests: node:http's client would not let a
 * test send headers, stop half-way through a body, or watch for a 100 Continue. */
import net from 'node:net';

export interface RawExchange {
  /** The status of the first final (non-1xx) answer, or 0 when none came. */
  readonly status: number;
  /** Everything the server sent. */
  readonly text: string;
  /** Body bytes the client had handed to the socket when the answer arrived (or the socket ended). */
  readonly bodyBytesSent: number;
}

const finalStatus = (text: string): number => {
  for (const m of text.matchAll(/HTTP\/1\.1 (\d{3})[^\r\n]*\r\n/g)) if (!m[1].startsWith('1')) return Number(m[1]);
  return 0;
};

/** `METHOD path` with these headers, then `bodyBytes` of filler in 256 KiB writes (chunked when
 * `chunked`), each only after the socket drained, stopping as soon as a final answer arrives. */
export function sendBodyUntilAnswered(base: string, head: { method: string; path: string; headers: Record<string, string> }, bodyBytes: number, chunked = false): Promise<RawExchange> {
  const { hostname, port } = new URL(base);
  const piece = Buffer.alloc(256 * 1024, 0x61);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let text = '';
    let sent = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ status: finalStatus(text), text, bodyBytesSent: sent });
    };
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      if (finalStatus(text) && text.includes('\r\n\r\n', text.search(/HTTP\/1\.1 [2-5]/))) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    const lines = [`${head.method} ${head.path} HTTP/1.1`, `Host: ${hostname}:${port}`, ...Object.entries(head.headers).map(([k, v]) => `${k}: ${v}`)];
    lines.push(chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${bodyBytes}`);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    const pump = () => {
      while (!done && sent < bodyBytes) {
        const n = Math.min(piece.length, bodyBytes - sent);
        const data = chunked ? Buffer.concat([Buffer.from(`${n.toString(16)}\r\n`), piece.subarray(0, n), Buffer.from('\r\n')]) : piece.subarray(0, n);
        sent += n;
        if (!socket.write(data)) return void socket.once('drain', pump);
      }
      if (!done && chunked) socket.write('0\r\n\r\n');
    };
    socket.once('connect', pump);
  });
}

export interface HeldRequest {
  /** Resolves with everything received once the server answered 100 Continue or a final status. */
  readonly firstAnswer: Promise<string>;
  /** Sends the rest of the declared body and resolves with the final answer. */
  finish(): Promise<RawExchange>;
  close(): void;
}

/** A request that declares a body with `Expect: 100-continue` and sends none of it until `finish()`. */
export function holdRequest(base: string, head: { method: string; path: string; headers: Record<string, string> }, bodyBytes: number): HeldRequest {
  const { hostname, port } = new URL(base);
  const socket = net.connect(Number(port), hostname);
  let text = '';
  let sent = 0;
  let onData: () => void = () => undefined;
  socket.on('data', (d: Buffer) => {
    text += d.toString('latin1');
    onData();
  });
  socket.on('error', () => onData());
  socket.on('close', () => onData());
  const lines = [`${head.method} ${head.path} HTTP/1.1`, `Host: ${hostname}:${port}`, ...Object.entries(head.headers).map(([k, v]) => `${k}: ${v}`), 'Expect: 100-continue', `Content-Length: ${bodyBytes}`];
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  const waitFor = (ready: () => boolean) =>
    new Promise<void>((resolve) => {
      onData = () => (ready() || socket.destroyed) && resolve();
      onData();
    });
  const answered = () => /HTTP\/1\.1 \d{3}[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n/.test(text);
  return {
    firstAnswer: waitFor(answered).then(() => text),
    async finish() {
      socket.write(Buffer.alloc(bodyBytes, 0x62));
      sent = bodyBytes;
      await waitFor(() => finalStatus(text) !== 0 && /\r\n\r\n/.test(text.slice(text.search(/HTTP\/1\.1 [2-5]/))));
      return { status: finalStatus(text), text, bodyBytesSent: sent };
    },
    close: () => socket.destroy(),
  };
}
