/** "Add operations from the API description" on an existing connector: the picked operations are appended to
 * info.json and operations.py; the operations already there, their code and the rest of the files are never
 * touched. Names that clash with what is there get a suffix. */
import { readFile } from 'node:fs/promises';
import type { AddedOperations, ApiDescription, ApiImportSelection } from '../../../shared/models/api-import';
import { ServiceError, isMissing } from '../errors';
import { toField } from '../connector/info-gen';
import { requestFunction } from '../connector/python-gen';
import { topLevelNames } from '../connector/python-text';
import { writeFileAtomic } from '../workspace/atomic-write';
import { resolveInside } from '../workspace/safe-path';
import { actionFor, pickOperations } from './generate';
import { UniqueNames } from './text';

export type { AddedOperations };

const UTIL_NAMES = ['ApiClient', 'pick', 'require_params', 'expand_path', 'parse_response', 'parse_json'];

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if (isMissing(e)) throw new ServiceError('NOT_FOUND', `${what} is missing: adding operations needs a connector folder with info.json and operations.py.`);
    throw e;
  }
}

/** `from .utils import a, b` extended with what the new code uses (a parenthesised list is rewritten on one line
 * when it fits, else one name per line). */
function withUtilImports(source: string, code: string): string {
  const used = UTIL_NAMES.filter((n) => new RegExp(`\\b${n}\\b`).test(code));
  const re = /^from \.utils import (\(([^)]*)\)|[^\n]+)$/m;
  const m = re.exec(source);
  if (!m) {
    if (!used.length) return source;
    const lastImport = [...source.matchAll(/^(from \S+ import [^\n(]+|from \S+ import \([^)]*\)|import [^\n]+)$/gm)].pop();
    const at = lastImport ? (lastImport.index ?? 0) + lastImport[0].length : 0;
    return `${source.slice(0, at)}\nfrom .utils import ${used.join(', ')}${source.slice(at)}`;
  }
  const current = (m[2] ?? m[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const all = [...new Set([...current, ...used])].sort((a, b) => a.localeCompare(b, 'en', { caseFirst: 'upper' }));
  const one = `from .utils import ${all.join(', ')}`;
  const line = one.length <= 120 ? one : `from .utils import (\n${all.map((n) => `    ${n},`).join('\n')}\n)`;
  return source.replace(re, line);
}

export async function addOperations(connectorDir: string, d: ApiDescription, selection: ApiImportSelection): Promise<AddedOperations> {
  const infoPath = await resolveInside(connectorDir, 'info.json');
  const opsPath = await resolveInside(connectorDir, 'operations.py');
  const infoText = await readText(infoPath, 'info.json');
  let info: { operations?: Array<{ operation?: string }> };
  try {
    info = JSON.parse(infoText) as typeof info;
  } catch (e) {
    throw new ServiceError('VALIDATION', `info.json is not valid JSON (${(e as Error).message}): fix it before adding operations.`);
  }
  const source = await readText(opsPath, 'operations.py');
  const table = /^operations = \{\n?([\s\S]*?)\}\s*$/m.exec(source);
  if (!table) throw new ServiceError('VALIDATION', 'operations.py has no `operations = {...}` table at the end: add the operations by hand, or restore the table.');
  const existing = (info.operations ?? []).map((o) => String(o.operation ?? ''));
  const taken = new UniqueNames([...existing, ...topLevelNames(source), ...UTIL_NAMES]);
  const renamed: Record<string, string> = {};
  const functions: string[] = [];
  const ops = pickOperations(d, selection.operations);
  const added = ops.map((op) => {
    const { action, code } = actionFor(op, selection, taken);
    if (action.operation !== op.id) renamed[op.id] = action.operation;
    functions.push(code ?? requestFunction(action, action.request ?? { method: 'GET', path: op.path }));
    (info.operations ??= []).push({
      operation: action.operation,
      title: action.title,
      description: action.description,
      category: action.category ?? 'investigation',
      annotation: action.annotation ?? action.operation,
      enabled: true,
      parameters: action.parameters.map(toField),
      output_schema: action.output_schema,
    } as { operation: string });
    return action.operation;
  });
  if (!added.length) return { added, renamed };
  const entries = table[1] ?? '';
  const newEntries = added.map((n) => `    '${n}': ${n},\n`).join('');
  const tableText = `operations = {\n${entries.trim() ? `${entries.replace(/\s*$/, '\n')}` : ''}${newEntries}}\n`;
  const before = source.slice(0, table.index).replace(/\s*$/, '');
  const code = functions.join('\n\n\n');
  const updated = withUtilImports(`${before}\n\n\n${code}\n\n\n${tableText}`, code);
  await writeFileAtomic(opsPath, updated);
  await writeFileAtomic(infoPath, `${JSON.stringify(info, null, 2)}\n`);
  return { added, renamed };
}
