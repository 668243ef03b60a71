import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// The desktop shell serves out/renderer as-is from app://, so the CSP that protects it is the one in the BUILT
// index.html. Build it when it is missing or older than its source, never skip.
const REPO = path.resolve(__dirname, '..', '..', '..');
const BUILT = path.join(REPO, 'out', 'renderer', 'index.html');
const SOURCE = path.join(REPO, 'src', 'renderer', 'index.html');

const stale = () => !existsSync(BUILT) || (existsSync(SOURCE) && statSync(SOURCE).mtimeMs > statSync(BUILT).mtimeMs);

let html: string;
let csp: Map<string, string[]>;

export function parseCsp(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !map.has(name.toLowerCase())) map.set(name.toLowerCase(), values);
  }
  return map;
}

function metaCsp(doc: string): string {
  const tag = [...doc.matchAll(/<meta\b[^>]*>/gis)].map((m) => m[0]).find((t) => /http-equiv\s*=\s*["']Content-Security-Policy["']/i.test(t));
  const content = tag?.match(/content\s*=\s*"([^"]*)"/is)?.[1] ?? tag?.match(/content\s*=\s*'([^']*)'/is)?.[1];
  if (!content) throw new Error(`No Content-Security-Policy meta tag in ${BUILT}`);
  return content.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** A directive falls back to default-src when absent (script-src, style-src, worker-src via script-src). */
const effective = (name: string, ...fallbacks: string[]) => {
  for (const n of [name, ...fallbacks, 'default-src']) if (csp.has(n)) return csp.get(n)!;
  return [];
};

beforeAll(() => {
  if (stale()) {
    const r = spawnSync(process.execPath, ['scripts/build.mjs', 'renderer'], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`Building the renderer failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  html = readFileSync(BUILT, 'utf8');
  csp = parseCsp(metaCsp(html));
}, 120_000);

describe('built renderer CSP', () => {
  it("never allows 'unsafe-eval' (ajv's compiler, eval and new Function stay blocked)", () => {
    for (const [name, values] of csp) expect(values, name).not.toContain("'unsafe-eval'");
  });

  it("allows WebAssembly compilation for ruff ('wasm-unsafe-eval')", () => {
    expect(effective('script-src')).toContain("'wasm-unsafe-eval'");
  });

  it("falls back to default-src 'self' and blocks plugins", () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(effective('object-src')).not.toContain('*');
  });

  it("lets Monaco start its workers from our own origin (worker-src 'self')", () => {
    const workers = effective('worker-src', 'child-src', 'script-src');
    expect(workers).toContain("'self'");
    expect(workers.filter((v) => !["'self'", 'blob:'].includes(v))).toEqual([]);
  });

  it("lets Monaco inject <style> tags: 'unsafe-inline' with no nonce or hash (which would disable it)", () => {
    const styles = effective('style-src');
    expect(styles).toContain("'unsafe-inline'");
    expect(styles.filter((v) => /^'(nonce|sha\d+)-/.test(v))).toEqual([]);
  });

  it('runs no inline script, so script-src needs no unsafe-inline', () => {
    expect(effective('script-src')).not.toContain("'unsafe-inline'");
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs, body]) => !/\bsrc\s*=/.test(attrs) && body.trim());
    expect(inline).toEqual([]);
  });
});
