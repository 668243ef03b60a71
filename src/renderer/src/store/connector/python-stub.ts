/** Keeps the Python dispatch in step with info.json when the form adds, renames or deletes an operation, in
 * the connector's own layout (shared/connector/python/dispatch.ts finds it). Pure: files in, changes out. */
import { children, descendants, parseModule, textOf, type PyModule, type SyntaxNode } from '../../../../shared/connector/python/ast';
import { readDispatch, type DispatchEntry } from '../../../../shared/connector/python/dispatch';
import { stubMessage } from '../../../../shared/connector/template-text';

type Files = Readonly<Record<string, string>>;

/** `text: null` deletes the file. */
export interface FileChange {
  readonly file: string;
  readonly text: string | null;
}

export type CodePlan = { ok: true; changes: FileChange[]; summary: string } | { ok: false; reason: string };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const fail = (reason: string): CodePlan => ({ ok: false, reason });

/** Operation names may hold dashes or dots; the function gets the nearest valid identifier. */
export function functionNameFor(op: string): string {
  const name = op.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(name) ? `_${name}` : name || '_operation';
}

export function stubFunction(fn: string, op: string): string {
  return `def ${fn}(config, params):\n    # TODO: call the vendor's API with config and params and return its result.\n    raise NotImplementedError('${stubMessage(op)}')\n`;
}

/** The generated stub names its operation in its message: a rename takes the message along (and nothing else). */
const renameStubMessage = (text: string, from: string, to: string) =>
  text.split(`NotImplementedError('${stubMessage(from)}')`).join(`NotImplementedError('${stubMessage(to)}')`);

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

/** The statement directly under the module that holds `node` (a class, a def, an assignment). */
function topStatement(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent && n.parent.name !== 'Script') n = n.parent;
  return n;
}

function dictFor(m: PyModule, entries: readonly DispatchEntry[]): SyntaxNode | undefined {
  const dicts = descendants(m.top, 'DictionaryExpression');
  if (entries.length > 0) {
    const at = offsetOf(m.text, entries[0].line, entries[0].column);
    return dicts.filter((d) => d.from < at && at < d.to).sort((a, b) => a.to - a.from - (b.to - b.from))[0];
  }
  return dicts.find((d) => {
    const stmt = d.parent;
    return stmt?.name === 'AssignStatement' && /operations/i.test(textOf(m, stmt.firstChild!));
  });
}

const topDefs = (m: PyModule) =>
  children(m.top).filter((s) => s.name === 'FunctionDefinition' || s.name === 'DecoratedStatement');

function defNamed(m: PyModule, name: string): SyntaxNode | undefined {
  return topDefs(m).find((s) => {
    const fn = s.name === 'DecoratedStatement' ? s.getChild('FunctionDefinition') : s;
    const id = fn?.getChild('VariableName');
    return id !== null && id !== undefined && textOf(m, id) === name;
  });
}

function splice(text: string, from: number, to: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(to);
}

/** Adds `'op': fn,` as the dict's last entry, in the dict's own quotes, line style and indentation. */
function addEntry(m: PyModule, dict: SyntaxNode, op: string, fn: string): string {
  const kids = children(dict).filter((k) => k.name !== 'Comment');
  const close = kids[kids.length - 1];
  const last = kids[kids.length - 2];
  const firstKey = kids.find((k) => k.name === 'String');
  const quote = firstKey && textOf(m, firstKey).startsWith('"') ? '"' : "'";
  const entry = `${quote}${op}${quote}: ${fn}`;
  const multiline = m.text.slice(dict.from, dict.to).includes('\n');
  if (!multiline) {
    const sep = last.name === '{' ? '' : last.name === ',' ? ' ' : ', ';
    return splice(m.text, close.from, close.from, `${sep}${entry}`);
  }
  const lineStart = m.text.lastIndexOf('\n', (firstKey ?? close).from - 1) + 1;
  const indent = firstKey ? /^[ \t]*/.exec(m.text.slice(lineStart))![0] : `${/^[ \t]*/.exec(m.text.slice(m.text.lastIndexOf('\n', dict.from) + 1))![0]}    `;
  if (last.name === '{') return splice(m.text, last.to, last.to, `\n${indent}${entry},`);
  return splice(m.text, last.to, last.to, `${last.name === ',' ? '' : ','}\n${indent}${entry},`);
}

export function planAddOperation(files: Files, op: string): CodePlan {
  const d = readDispatch(files);
  if (d.layout === 'unknown') return fail(`Cannot tell where this connector registers its operations (${d.reason}). Add the Python function yourself.`);
  if (d.entries.some((e) => e.key === op)) return { ok: true, changes: [], summary: `${d.file} already dispatches ${op}.` };
  if (d.layout === 'modules') return addModule(files, d.file, op);
  const m = parseModule(d.file, files[d.file]);
  const dict = dictFor(m, d.entries);
  if (!dict) return fail(`Cannot find the operations dict in ${d.file}.`);
  const fn = defNamed(m, functionNameFor(op)) ? `${functionNameFor(op)}_action` : functionNameFor(op);
  const withEntry = addEntry(m, dict, op, fn);
  const before = topStatement(dict).from;
  const text = splice(withEntry, before, before, `${stubFunction(fn, op)}\n\n`);
  return { ok: true, changes: [{ file: d.file, text }], summary: `Added def ${fn}() to ${d.file} and registered it as '${op}'.` };
}

/** The leading docstring or comment block (the copyright header), so a new module passes the same checks. */
function headerOf(m: PyModule): string {
  let end = 0;
  for (const node of children(m.top)) {
    const isDoc = node.name === 'ExpressionStatement' && node.firstChild?.name === 'String';
    if (node.name !== 'Comment' && !isDoc) break;
    end = node.to;
    if (isDoc) break;
  }
  return end ? `${m.text.slice(0, end)}\n` : '';
}

function addModule(files: Files, builtins: string, op: string): CodePlan {
  if (!IDENTIFIER.test(op)) return fail(`'${op}' cannot be a Python module name; this connector keeps one module per operation.`);
  const dir = builtins.includes('/') ? builtins.slice(0, builtins.lastIndexOf('/') + 1) : '';
  const file = `${dir}${op}.py`;
  if (files[file] !== undefined) return fail(`${file} already exists.`);
  const m = parseModule(builtins, files[builtins]);
  const imports = children(m.top).filter((s) => s.name === 'ImportStatement');
  const at = imports.length ? imports[imports.length - 1].to : headerOf(m).length;
  const line = `from .${op} import *`;
  const text = at === 0 ? `${line}\n${m.text}` : splice(m.text, at, at, `\n${line}`);
  const header = headerOf(m);
  const module = `${header}${header ? '\n' : ''}${stubFunction(op, op)}`;
  return { ok: true, changes: [{ file, text: module }, { file: builtins, text }], summary: `Created ${file} and imported it in ${builtins}.` };
}

/** The span of one dict entry (key to value and its comma), widened to whole lines when it sits alone on one. */
function entrySpan(m: PyModule, dict: SyntaxNode, key: number): { from: number; to: number } | undefined {
  const kids = children(dict);
  const i = kids.findIndex((k) => k.from === key);
  if (i < 0) return undefined;
  let j = i;
  while (j + 1 < kids.length && kids[j + 1].name !== ',' && kids[j + 1].name !== '}') j++;
  const comma = kids[j + 1]?.name === ',' ? kids[j + 1] : undefined;
  let from = kids[i].from;
  let to = comma ? comma.to : kids[j].to;
  const lineStart = m.text.lastIndexOf('\n', from - 1) + 1;
  const lineEnd = m.text.indexOf('\n', to);
  if (m.text.slice(lineStart, from).trim() === '' && lineEnd >= 0 && m.text.slice(to, lineEnd).trim().replace(/^#.*/, '') === '') {
    from = lineStart;
    to = lineEnd + 1;
  } else if (!comma && kids[i - 1]?.name === ',') {
    from = kids[i - 1].from;
  }
  return { from, to };
}

/** A top-level def with the blank lines that separated it from the next statement. */
function defSpan(m: PyModule, def: SyntaxNode): { from: number; to: number } {
  let to = def.to;
  while (to < m.text.length && (m.text[to] === '\n' || m.text[to] === ' ')) to++;
  return { from: def.from, to };
}

function valueName(m: PyModule, dict: SyntaxNode, key: number): string | undefined {
  const kids = children(dict);
  const i = kids.findIndex((k) => k.from === key);
  const value = kids[i + 2];
  return value?.name === 'VariableName' ? textOf(m, value) : undefined;
}

export function planRemoveOperation(files: Files, op: string): CodePlan {
  const d = readDispatch(files);
  if (d.layout === 'unknown') return fail(`Cannot tell where this connector registers its operations (${d.reason}).`);
  const entry = d.entries.find((e) => e.key === op);
  if (!entry) return { ok: true, changes: [], summary: `The code does not dispatch '${op}'.` };
  if (d.layout === 'modules') {
    const dir = d.file.includes('/') ? d.file.slice(0, d.file.lastIndexOf('/') + 1) : '';
    const text = files[d.file].replace(importLine(op), '');
    return { ok: true, changes: [{ file: d.file, text }, { file: `${dir}${op}.py`, text: null }], summary: `Removed ${dir}${op}.py and its import.` };
  }
  const m = parseModule(d.file, files[d.file]);
  const dict = dictFor(m, d.entries);
  const key = offsetOf(m.text, entry.line, entry.column);
  const span = dict && entrySpan(m, dict, key);
  if (!dict || !span) return fail(`Cannot find '${op}' in ${d.file}.`);
  const fn = valueName(m, dict, key);
  const def = fn ? defNamed(m, fn) : undefined;
  const spans = [span, ...(def ? [defSpan(m, def)] : [])].sort((a, b) => b.from - a.from);
  const text = spans.reduce((t, s) => splice(t, s.from, s.to, ''), m.text);
  return { ok: true, changes: [{ file: d.file, text }], summary: `Removed '${op}'${def ? ` and def ${fn}()` : ''} from ${d.file}.` };
}

export function planRenameOperation(files: Files, from: string, to: string): CodePlan {
  const d = readDispatch(files);
  if (d.layout === 'unknown') return fail(`Cannot tell where this connector registers its operations (${d.reason}).`);
  const entry = d.entries.find((e) => e.key === from);
  if (!entry) return { ok: true, changes: [], summary: `The code does not dispatch '${from}'.` };
  if (d.entries.some((e) => e.key === to)) return fail(`The code already dispatches '${to}'.`);
  if (d.layout === 'modules') return renameModule(files, d.file, from, to);
  const m = parseModule(d.file, files[d.file]);
  const dict = dictFor(m, d.entries);
  const key = offsetOf(m.text, entry.line, entry.column);
  const keyNode = dict && children(dict).find((k) => k.from === key);
  if (!dict || !keyNode) return fail(`Cannot find '${from}' in ${d.file}.`);
  const quote = textOf(m, keyNode)[0] === '"' ? '"' : "'";
  const fn = valueName(m, dict, key);
  const def = fn === functionNameFor(from) ? defNamed(m, fn) : undefined;
  const newFn = functionNameFor(to);
  const edits: { from: number; to: number; text: string }[] = [{ from: keyNode.from, to: keyNode.to, text: `${quote}${to}${quote}` }];
  if (def && fn && !defNamed(m, newFn)) {
    const kids = children(dict);
    const value = kids[kids.findIndex((k) => k.from === keyNode.from) + 2];
    edits.push({ from: value.from, to: value.to, text: newFn });
    const id = (def.name === 'DecoratedStatement' ? def.getChild('FunctionDefinition')! : def).getChild('VariableName')!;
    edits.push({ from: id.from, to: id.to, text: newFn });
  }
  const text = renameStubMessage(edits.sort((a, b) => b.from - a.from).reduce((t, e) => splice(t, e.from, e.to, e.text), m.text), from, to);
  return { ok: true, changes: [{ file: d.file, text }], summary: `Renamed '${from}' to '${to}' in ${d.file}.` };
}

function renameModule(files: Files, builtins: string, from: string, to: string): CodePlan {
  if (!IDENTIFIER.test(to)) return fail(`'${to}' cannot be a Python module name.`);
  const dir = builtins.includes('/') ? builtins.slice(0, builtins.lastIndexOf('/') + 1) : '';
  const oldFile = `${dir}${from}.py`;
  const newFile = `${dir}${to}.py`;
  if (files[newFile] !== undefined) return fail(`${newFile} already exists.`);
  const source = files[oldFile];
  if (source === undefined) return fail(`${oldFile} is missing.`);
  const mod = parseModule(oldFile, source);
  const def = defNamed(mod, from);
  const id = def && (def.name === 'DecoratedStatement' ? def.getChild('FunctionDefinition')! : def).getChild('VariableName');
  const moduleText = renameStubMessage(id ? splice(source, id.from, id.to, to) : source, from, to);
  const builtinsText = files[builtins].replace(importLine(from), (line) => line.replace(`.${from}`, `.${to}`));
  return {
    ok: true,
    changes: [{ file: newFile, text: moduleText }, { file: oldFile, text: null }, { file: builtins, text: builtinsText }],
    summary: `Renamed ${oldFile} to ${newFile} and its import.`,
  };
}

/** `from .<op> import ...` on one line: the SDK template writes exactly this (op is an identifier here). */
const importLine = (op: string) => new RegExp(`^from\\s+\\.${op}\\s+import\\b[^\\n]*\\n?`, 'm');
