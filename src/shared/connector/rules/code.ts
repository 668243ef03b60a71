/** Rules that read the Python code (skipped with metadataOnly): the dispatch table and file headers. */
import { defineRule, type Rule } from '../rule';
import type { RuleContext } from '../context';
import type { DispatchEntry } from '../python/dispatch';
import { hasCopyrightHeader } from '../python/copyright';

/** A key no operation name can equal in practice: a file name or a path, or blank/padded text. */
const unreachable = (key: string) => key.trim() === '' || key !== key.trim() || /\.py$|[\s/\\]/.test(key);

function dispatchEntries(ctx: RuleContext): { entries: readonly DispatchEntry[]; complete: boolean } | undefined {
  const d = ctx.dispatch();
  return d.layout === 'unknown' ? undefined : d;
}

export const codeRules: Rule[] = [
  defineRule({
    id: 'connector-py-present',
    severity: 'error',
    family: 'code',
    code: true,
    title: 'connector.py exists',
    description: 'The server import requires exactly one connector.py, holding the Connector subclass.',
    check({ snapshot }, report) {
      if (!('connector.py' in snapshot.files)) report({ path: 'connector.py', message: 'connector.py is missing: add the class that extends connectors.core.connector.Connector.' });
    },
  }),
  defineRule({
    id: 'operation-not-implemented',
    severity: 'error',
    family: 'code',
    code: true,
    title: 'Every declared operation is implemented',
    description: 'execute() looks the operation up in the dispatch table; a declared operation missing there always fails.',
    check(ctx, report) {
      const d = dispatchEntries(ctx);
      if (!d || !d.complete) return;
      const keys = new Set(d.entries.map((e) => e.key));
      for (const op of ctx.operations) {
        if (op.name === undefined || keys.has(op.name)) continue;
        const near = keys.has(`${op.name}.py`) ? ` (the table has '${op.name}.py', which never matches)` : '';
        report({ pointer: `${op.pointer}/operation`, message: `Operation '${op.name}' has no implementation in the dispatch table${near}: add '${op.name}': <function> to it.` });
      }
    },
  }),
  defineRule({
    id: 'dispatch-key-unreachable',
    severity: 'error',
    family: 'code',
    code: true,
    title: 'Dispatch keys can match an operation name',
    description: "A key like 'execute_api_request.py' never equals an operation name, so its function is never called.",
    check(ctx, report) {
      for (const e of dispatchEntries(ctx)?.entries ?? []) {
        if (!unreachable(e.key) || ctx.operationsByName.has(e.key)) continue;
        const fixed = e.key.trim().replace(/\.py$/, '');
        report({ path: e.file, line: e.line, column: e.column, message: `Dispatch key '${e.key}' can never match an operation name: use '${fixed}'.`, fix: `Rename the key to '${fixed}'.` });
      }
    },
  }),
  defineRule({
    id: 'dispatch-entry-undeclared',
    severity: 'warning',
    family: 'code',
    code: true,
    title: 'Every dispatch entry is declared in info.json',
    description: 'An implemented operation that info.json does not declare cannot be used from playbooks.',
    check(ctx, report) {
      for (const e of dispatchEntries(ctx)?.entries ?? [])
        if (!unreachable(e.key) && !ctx.operationsByName.has(e.key))
          report({ path: e.file, line: e.line, column: e.column, message: `Dispatch entry '${e.key}' is not declared in info.json: declare the operation or remove the entry.` });
    },
  }),
  defineRule({
    id: 'dispatch-layout-unknown',
    severity: 'info',
    family: 'code',
    code: true,
    title: 'The dispatch table can be found',
    description: 'The validator reads operations.py dicts, builtins.py modules and dicts in connector.py; other layouts are not checked.',
    check(ctx, report) {
      const d = ctx.dispatch();
      if (d.layout === 'unknown' && 'connector.py' in ctx.snapshot.files)
        report({ path: 'connector.py', message: `Cannot tell which operations the code implements (${d.reason}); declared operations were not checked against the code.` });
    },
  }),
  defineRule({
    id: 'copyright-header',
    severity: 'warning',
    family: 'code',
    code: true,
    title: 'Python files start with a copyright header',
    description: 'Fortinet certification CI checks for a copyright block at the top of every .py file.',
    check({ snapshot }, report) {
      for (const [path, text] of Object.entries(snapshot.files)) {
        if (!path.endsWith('.py') || text.trim() === '' || hasCopyrightHeader(path, text)) continue;
        report({ path, line: 1, column: 1, message: `${path} has no copyright header: start it with a """ Copyright start ... Copyright end """ block.` });
      }
    },
  }),
];
