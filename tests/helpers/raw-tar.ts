/** Writes tar archives byte by byte, so tests can build hostile archives (`..`, absolute paths, links,
 * devices, lying sizes) that well-behaved tar writers refuse to produce. */
import { gzipSync } from 'node:zlib';

export interface RawEntry {
  readonly name: string;
  /** ustar typeflag: '0' file, '1' hard link, '2' symlink, '3' char device, '4' block device, '5' dir, '6' FIFO. */
  readonly type?: string;
  readonly data?: string | Buffer;
  /** Declared size when it should differ from the data (a lying header). */
  readonly size?: number;
  readonly linkname?: string;
  readonly mode?: number;
}

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

/** Names past 100 bytes go into the ustar prefix field (up to 155 bytes), split at a slash. */
function splitName(name: string): { prefix: string; name: string } {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', name };
  for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100 && rest !== '') return { prefix, name: rest };
  }
  throw new Error(`raw-tar: name too long for a ustar header: ${name}`);
}

function header(e: RawEntry, size: number): Buffer {
  const h = Buffer.alloc(512);
  const type = e.type ?? (e.name.endsWith('/') ? '5' : '0');
  const split = splitName(e.name);
  h.write(split.name, 0, 100, 'utf8');
  h.write(split.prefix, 345, 155, 'utf8');
  h.write(octal(e.mode ?? (type === '5' ? 0o755 : 0o644), 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(1_700_000_000, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(type, 156, 'ascii');
  h.write(e.linkname ?? '', 157, 100, 'utf8');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148, 'ascii');
  return h;
}

export function rawTar(entries: readonly RawEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const data = Buffer.from(e.data ?? '');
    blocks.push(header(e, e.size ?? data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

export const rawTgz = (entries: readonly RawEntry[]): Buffer => gzipSync(rawTar(entries));
