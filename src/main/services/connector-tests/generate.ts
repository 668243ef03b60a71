/** "Save as test" and `test --new-from`: one pytest function per recording in `tests/test_<operation>.py`, which
 * replays the cassette through the project's helper module (written once) and asserts status, data and the
 * error-level logs. Rewriting the same recording replaces its function; another recording adds one. */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cassetteRelPath } from '../../../shared/models/cassette';
import { TEST_HELPER_FILE, testFileRelPath, type RunRecord, type SavedTest, type TestDataMode } from '../../../shared/models/connector-tests';
import { ServiceError } from '../errors';
import { writeFileAtomic } from '../workspace/atomic-write';
import { resolveInside } from '../workspace/safe-path';
import { runRecordPathOf } from './run-record';
import { isMissing } from '../errors';

const COPYRIGHT = /^"""\r?\nCopyright start\r?\n[^\r\n]*\r?\nCopyright \(c\) \d{4} [^\r\n]*\r?\nCopyright end\r?\n"""\r?\n/m;

/** In certified mode (the connector's own connector.py opens with the copyright block) every generated file
 * carries the same block: Fortinet's CI wants it in every .py. */
function copyrightOf(connectorDir: string): string {
  try {
    const found = COPYRIGHT.exec(readFileSync(path.join(connectorDir, 'connector.py'), 'utf8'));
    return found ? `${found[0].replace(/\r\n/g, '\n')}\n` : '';
  } catch (e) {
    if (isMissing(e)) return ''; // no connector.py: nothing says the project is in certified mode
    throw e;
  }
}

export const testFunctionName = (operation: string, name: string): string => `test_${operation}_${name}`.replace(/[^A-Za-z0-9_]/g, '_');

function outputKeys(connectorDir: string, operation: string): string[] {
  const info = JSON.parse(readFileSync(path.join(connectorDir, 'info.json'), 'utf8')) as { operations?: { operation?: string; output_schema?: unknown }[] };
  const schema = info.operations?.find((o) => o.operation === operation)?.output_schema;
  const top = Array.isArray(schema) ? schema[0] : schema;
  return top && typeof top === 'object' ? Object.keys(top) : [];
}

function functionText(fn: string, recording: string, dataCheck: string): string {
  return [
    `def ${fn}():`,
    `    recorded, result = replay(${JSON.stringify(recording)})`,
    `    assert result['status'] == recorded['result']['status'], result['message']`,
    dataCheck,
    `    assert result['errorLogs'] == recorded['result']['errorLogs']`,
    '',
  ].join('\n');
}

/** Replaces the function `fn` (its def and body, up to the next top-level line) or appends it. */
function withFunction(text: string, fn: string, body: string): { text: string; added: boolean } {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`def ${fn}(`));
  if (start < 0) return { text: `${text.replace(/\n*$/, '')}\n\n\n${body}`, added: true };
  let end = start + 1;
  while (end < lines.length && (lines[end] === '' || /^\s/.test(lines[end] ?? ''))) end++;
  const tail = lines.slice(end);
  return { text: [...lines.slice(0, start), ...body.split('\n'), ...(tail.length ? ['', ...tail] : [])].join('\n'), added: false };
}

async function helperTemplate(resourcesDir: string): Promise<string> {
  return readFile(path.join(resourcesDir, 'python', 'project_tests', 'connector_studio_helpers.py'), 'utf8');
}

const HELPER_IMPORT = /^from connector_studio_helpers import ([\w, ]+)$/m;

/** The helper import names what the file's tests call, so ruff finds no unused import in a generated file. */
export function helperImports(text: string): string {
  const m = HELPER_IMPORT.exec(text);
  if (!m?.[1]) return text;
  const names = new Set(m[1].split(',').map((n) => n.trim()).filter(Boolean));
  if (/\bonly_keys\(/.test(text)) names.add('only_keys');
  else names.delete('only_keys');
  return text.replace(HELPER_IMPORT, `from connector_studio_helpers import ${[...names].sort().join(', ')}`);
}

/** Writes the test of recording `<operation>-<name>`; needs its cassette and run record. */
export async function saveTest(o: { root: string; connectorDir: string; resourcesDir: string; operation: string; name: string; mode: TestDataMode }): Promise<SavedTest> {
  const cassette = await resolveInside(o.root, cassetteRelPath(o.operation, o.name));
  const record = runRecordPathOf(cassette);
  if (!existsSync(cassette) || !existsSync(record))
    throw new ServiceError('NOT_FOUND', `There is no recording "${o.name}" of ${o.operation} to make a test of (${path.relative(o.root, record)} is missing): run it with Record first.`);
  JSON.parse(await readFile(record, 'utf8')) as RunRecord; // a broken run record fails here, not in pytest
  const block = copyrightOf(o.connectorDir);
  const helper = await resolveInside(o.root, TEST_HELPER_FILE);
  if (!existsSync(helper)) await writeFileAtomic(helper, block + (await helperTemplate(o.resourcesDir)));
  const relPath = testFileRelPath(o.operation);
  const file = await resolveInside(o.root, relPath);
  const fn = testFunctionName(o.operation, o.name);
  const keys = o.mode === 'schemaKeys' ? outputKeys(o.connectorDir, o.operation) : [];
  const dataCheck =
    o.mode === 'schemaKeys'
      ? `    keys = ${JSON.stringify(keys)}\n    assert only_keys(result['data'], keys) == only_keys(recorded['result']['data'], keys)`
      : `    assert result['data'] == recorded['result']['data']`;
  const existing = existsSync(file) ? await readFile(file, 'utf8') : `${block}from connector_studio_helpers import replay\n`;
  const { text, added } = withFunction(existing, fn, functionText(fn, `${o.operation}-${o.name}`, dataCheck));
  const imported = helperImports(text);
  await writeFileAtomic(file, imported.endsWith('\n') ? imported : `${imported}\n`);
  return { relPath, functionName: fn, nodeId: `${relPath}::${fn}`, added };
}
