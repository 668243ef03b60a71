/** The type stubs (resources/python/stubs) stay in step with the framework shims (resources/python/shims): one
 * stub per shim module, every public name a shim exports also in its stub, and a docstring on every public
 * class and function of a stub, since hover shows it. Python's own `ast` reads both trees. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../../tests/helpers/tmp';

const SHIMS = path.join(REPO_ROOT, 'resources', 'python', 'shims');
const STUBS = path.join(REPO_ROOT, 'resources', 'python', 'stubs');

/** For each module under a root: its public names (`__all__`, else top-level defs, classes, assignments and
 * names imported from framework modules, star imports followed) and its public defs without a docstring. */
const SCRIPT = String.raw`
import ast, json, os, sys
ROOT = sys.argv[1]
FRAMEWORK = {'connectors', 'integrations', 'cshmac', 'django', 'uwsgi'}

def module_of(rel):
    parts = rel[: rel.rindex('.')].split(os.sep)
    return '.'.join(parts[:-1] if parts[-1] == '__init__' else parts)

def file_of(mod):
    base = os.path.join(ROOT, *mod.split('.'))
    for c in (base + '.py', base + '.pyi', os.path.join(base, '__init__.py'), os.path.join(base, '__init__.pyi')):
        if os.path.exists(c):
            return c
    return None

cache = {}
def names(path):
    if path in cache:
        return cache[path]
    cache[path] = []
    tree = ast.parse(open(path, encoding='utf-8').read(), path)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == '__all__' for t in node.targets):
            cache[path] = sorted(set(ast.literal_eval(node.value)))
            return cache[path]
    out = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(node.name)
        elif isinstance(node, ast.Assign):
            out.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out.add(node.target.id)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and node.module.split('.')[0] in FRAMEWORK:
            for a in node.names:
                if a.name == '*':
                    target = file_of(node.module)
                    if target:
                        out.update(names(target))
                else:
                    out.add(a.asname or a.name)
    cache[path] = sorted(n for n in out if not n.startswith('_'))
    return cache[path]

def undocumented(path):
    missing = []
    def walk(body, prefix):
        for n in body:
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                if n.name.startswith('_') and n.name != '__init__':
                    continue
                if not ast.get_docstring(n):
                    missing.append(prefix + n.name)
                if isinstance(n, ast.ClassDef):
                    walk(n.body, n.name + '.')
    walk(ast.parse(open(path, encoding='utf-8').read(), path).body, '')
    return missing

res = {}
for d, _, files in os.walk(ROOT):
    for f in files:
        if f.endswith(('.py', '.pyi')):
            p = os.path.join(d, f)
            res[module_of(os.path.relpath(p, ROOT))] = {'names': names(p), 'undocumented': undocumented(p)}
print(json.dumps(res))
`;

interface ModuleInfo {
  names: string[];
  undocumented: string[];
}

function modules(root: string): Record<string, ModuleInfo> {
  return JSON.parse(execFileSync('python3', ['-c', SCRIPT, root], { encoding: 'utf8' })) as Record<string, ModuleInfo>;
}

describe('python stubs and shims', () => {
  const shims = modules(SHIMS);
  const stubs = modules(STUBS);
  const publicShims = Object.keys(shims).filter((m) => !m.startsWith('_studio_')).sort();

  it('have the same modules (the shims\' private _studio_* helpers aside)', () => {
    expect(publicShims.length).toBeGreaterThan(15);
    expect(Object.keys(stubs).sort()).toEqual(publicShims);
  });

  it('each stub declares every public name its shim exports', () => {
    const missing = publicShims.flatMap((m) => (shims[m]?.names ?? []).filter((n) => !stubs[m]?.names.includes(n)).map((n) => `${m}.${n}`));
    expect(missing).toEqual([]);
  });

  it('re-exports the stock error messages and ConnectorError from connectors.core.utils, as the server does', () => {
    expect(stubs['connectors.core.utils']?.names).toEqual(expect.arrayContaining(
      ['CONNECTION_TIMEOUT', 'SSL_VALIDATION_ERROR', 'UNAUTHORIZED', 'INVALID_URL_OR_CREDENTIALS', 'REQUEST_READ_TIMEOUT', 'ConnectorError']));
  });

  it('documents every public class, function and method of a stub (hover shows it)', () => {
    const missing = Object.entries(stubs).flatMap(([m, info]) => info.undocumented.map((n) => `${m}.${n}`));
    expect(missing).toEqual([]);
  });
});
