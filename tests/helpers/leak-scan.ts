/** Secret-leak scanning shared by the vitest and Playwright leak tests: the forms a secret takes, and the places
 * on disk (files, decompressed git objects, .tgz members) where none of them may appear. */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Parser } from 'tar';

/** A value no file could hold by chance; `+` makes its URL-encoded form differ from the plain one. */
export function makeCanary(): string {
  return `CANARY-${randomBytes(9).toString('hex')}+Zq`;
}

/** Base64 of the secret at each of the three byte alignments it can take inside a longer value (`user:secret`
 * in Basic auth, a token that embeds it), standard and URL-safe: the characters that depend only on the secret. */
function base64Needles(secret: string): string[] {
  const needles: string[] = [];
  const raw = Buffer.from(secret, 'utf8');
  for (let shift = 0; shift < 3; shift++) {
    const padded = Buffer.concat([Buffer.alloc(shift, 0x41), raw]);
    const b64 = padded.toString('base64').replace(/=+$/, '');
    // Leading characters mix in the prefix, trailing ones the suffix: keep the middle, which only the secret decides.
    const start = shift === 0 ? 0 : 4;
    const end = Math.floor(padded.length / 3) * 4;
    const middle = b64.slice(start, Math.max(end, start));
    if (middle.length >= 8) needles.push(middle, middle.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return needles;
}

/** Every form of the secret a leak could take: plain, URL-encoded (both ways), JSON-escaped, base64 variants. */
export function secretForms(secret: string, opts: { basicUser?: string } = {}): Map<string, string> {
  const forms = new Map<string, string>();
  const add = (label: string, value: string) => {
    if (!forms.has(value)) forms.set(value, label);
  };
  add('plain', secret);
  add('url-encoded', encodeURIComponent(secret));
  add('form-encoded', new URLSearchParams({ k: secret }).toString().slice(2));
  add('url-encoded lower-case', encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
  add('base64', Buffer.from(secret).toString('base64'));
  add('base64url', Buffer.from(secret).toString('base64url'));
  for (const n of base64Needles(secret)) add('base64 (inside a longer value)', n);
  if (opts.basicUser !== undefined) add('basic auth', Buffer.from(`${opts.basicUser}:${secret}`).toString('base64'));
  return forms;
}

export interface Leak {
  readonly where: string;
  readonly form: string;
}

/** The forms found in a text or a buffer. */
export function findForms(where: string, content: string | Buffer, forms: Map<string, string>): Leak[] {
  const text = typeof content === 'string' ? content : content.toString('latin1');
  const utf8 = typeof content === 'string' ? content : content.toString('utf8');
  const found: Leak[] = [];
  for (const [value, form] of forms) if (text.includes(value) || utf8.includes(value)) found.push({ where, form });
  return found;
}

/** Every regular file under `root` (symbolic links are not followed). */
export async function listFiles(root: string, skip: (abs: string) => boolean = () => false): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const abs = path.join(dir, entry.name);
      if (skip(abs)) continue;
      if (entry.isDirectory()) await walk(abs);
      else if (entry.isFile()) out.push(abs);
    }
  };
  await walk(root);
  return out;
}

/** Every file under the roots, gzip members decompressed too (a .tgz, a .gz log). */
export async function scanFiles(roots: string[], forms: Map<string, string>, skip?: (abs: string) => boolean): Promise<{ files: string[]; leaks: Leak[] }> {
  const files: string[] = [];
  const leaks: Leak[] = [];
  for (const root of roots) {
    if (!existsSync(root)) continue;
    for (const file of await listFiles(root, skip)) {
      if ((await stat(file)).size > 64 * 1024 * 1024) continue;
      const bytes = await readFile(file);
      files.push(file);
      leaks.push(...findForms(file, bytes, forms));
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
        try {
          leaks.push(...findForms(`${file} (gunzipped)`, gunzipSync(bytes), forms));
        } catch {
          // Not a complete gzip stream after all.
        }
      }
    }
  }
  return { files, leaks };
}

/** Every object of the repository at `dir`, decompressed by git itself (`cat-file --batch-all-objects --batch`),
 * loose and packed alike. */
export function gitObjects(dir: string): { count: number; content: Buffer } {
  const content = execFileSync('git', ['cat-file', '--batch-all-objects', '--batch'], { cwd: dir, maxBuffer: 512 * 1024 * 1024 });
  const count = execFileSync('git', ['cat-file', '--batch-all-objects', '--batch-check'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').filter(Boolean).length;
  return { count, content };
}

/** The members of a .tgz, read into memory: name and bytes. */
export async function tgzMembers(file: string): Promise<{ name: string; body: Buffer }[]> {
  const members: { name: string; body: Buffer }[] = [];
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry) => {
        const chunks: Buffer[] = [];
        entry.on('data', (c: Buffer) => chunks.push(c));
        entry.on('end', () => members.push({ name: entry.path, body: Buffer.concat(chunks) }));
      },
    });
    parser.on('end', () => resolve());
    parser.on('error', reject);
    readFile(file).then((bytes) => parser.end(bytes), reject);
  });
  return members;
}

/** `*.json` files in any folder named `cassettes` under the root (the cassette layout may change). */
export async function findCassettes(root: string): Promise<string[]> {
  return (await listFiles(root, (abs) => path.basename(abs) === '.git')).filter(
    (f) => f.endsWith('.json') && f.split(path.sep).includes('cassettes'),
  );
}
