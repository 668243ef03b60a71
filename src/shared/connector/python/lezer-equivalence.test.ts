/** The dispatch reader and the copyright-header check scan the source instead of parsing it (a cold parse cost a
 * fresh `validate` most of its time). They must read code as a Python parser does: here they meet the former
 * implementations on full @lezer/python parses (tests/helpers/python-lezer-oracle.ts) over every connector of the
 * repository's fixtures, and over the same code indented into a class, into a tab-indented block, with CRLF line
 * ends, and behind headers of every shape. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasCopyrightHeaderLezer, readDispatchLezer } from '../../../../tests/helpers/python-lezer-oracle';
import { FIXTURES_DIR, REPO_ROOT } from '../../../../tests/helpers/tmp';
import { hasCopyrightHeader } from './copyright';
import { readDispatch } from './dispatch';

function pythonFiles(dir: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory() && e.name !== '__pycache__') Object.assign(out, pythonFiles(dir, r));
    else if (e.name.endsWith('.py')) out[r] = readFileSync(path.join(dir, r), 'utf8');
  }
  return out;
}

function connectorDirs(dir: string): string[] {
  const found: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (readdirSync(full).includes('connector.py')) found.push(full);
    else found.push(...connectorDirs(full));
  }
  return found;
}

const CONNECTORS = [...connectorDirs(FIXTURES_DIR), ...connectorDirs(path.join(REPO_ROOT, 'resources'))].sort();

const indent = (text: string, by: string) => text.split('\n').map((l) => (l ? by + l : l)).join('\n');
/** The same code where a parser reads it differently from the top level, or with other line ends. */
const variants = (text: string): string[] => [text, `class Wrapper:\n${indent(text, '    ')}`, `if True:\n${indent(text, '\t')}\nelse:\n    pass\n`, text.replace(/\n/g, '\r\n')];

const HEADERS = [
  '# Copyright 2024 Acme\n',
  '"""\nCopyright start\nMIT License\n"""\n',
  "r'''doc'''\n# copyright\n",
  '"""a""" + b\n# copyright\n',
  '"x"; "copyright"\n',
  '\n\n  # copyright\n',
  '"""one"""\n"""copyright"""\n',
  "b'x'  # copyright\n",
  '"unterminated\n# copyright\n',
  "'''a\\'''b''' # c\n\"\"\"copyright\"\"\"\n",
  '"""copy\\\nright"""\n',
  "f'{x}' # copyright\n",
];

describe('the scanning readers agree with a parser', () => {
  it('finds the fixtures', () => expect(CONNECTORS.length).toBeGreaterThan(25));

  it.each(CONNECTORS.map((d) => [path.relative(REPO_ROOT, d), d]))('%s: the same dispatch table, file by file in every variant', (_name, dir) => {
    const files = pythonFiles(dir);
    expect(readDispatch(files)).toEqual(readDispatchLezer(files));
    for (const p of Object.keys(files))
      for (const v of variants(files[p]!).slice(1)) {
        const changed = { ...files, [p]: v };
        expect(readDispatch(changed), `${p} changed`).toEqual(readDispatchLezer(changed));
      }
  });

  it.each(CONNECTORS.map((d) => [path.relative(REPO_ROOT, d), d]))('%s: the same copyright headers, behind every kind of header', (_name, dir) => {
    for (const [p, text] of Object.entries(pythonFiles(dir)))
      for (const v of [text, ...HEADERS.map((h) => h + text)]) expect(hasCopyrightHeader(p, v), `${p}: ${JSON.stringify(v.slice(0, 40))}`).toBe(hasCopyrightHeaderLezer(p, v));
  });
});
