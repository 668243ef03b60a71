/** Generates the connector's Python: connector.py, operations.py (the `operations` dict layout), utils.py and
 * constants.py, from the template's files and the wizard's actions. */
import type { ActionRequest, WizardAction, WizardAnswers, WizardField } from '../../../shared/connector/wizard';
import {
  className,
  codeOnly,
  headerFor,
  fill,
  firstSentence,
  importLine,
  pyLiteral,
  pyStr,
  topLevelNames,
  usedNames,
} from './python-text';
import { ServiceError } from '../errors';
import { readTemplateFileIfAny, templateFile, type Template } from './templates';

export type PythonFiles = Record<'connector.py' | 'operations.py' | 'utils.py' | 'constants.py', string>;

export async function renderPython(t: Template, a: WizardAnswers, year: number): Promise<PythonFiles> {
  const header = headerFor(a, year);
  const health = 'python' in t.healthCheck ? { method: 'GET', path: '/' } : t.healthCheck;
  const constants = fill(await templateFile(t, 'python/constants.py'), {
    header,
    name_literal: pyStr(a.name),
    user_agent_literal: pyStr(`FortiSOAR-${a.name}/${a.version}`),
    health_method_literal: pyStr(health.method),
    health_path_literal: pyStr(health.path),
    constants: Object.entries(t.constants).map(([k, v]) => `${k} = ${pyLiteral(v)}\n`).join(''),
  });
  const constantNames = topLevelNames(constants);
  const utils = await renderUtils(t, header, constantNames);
  const operations = await renderOperations(t, a, header, topLevelNames(utils), constantNames);
  const connector = fill(await templateFile(t, 'python/connector.py'), { header, class_name: className(a.name) });
  return { 'connector.py': connector, 'operations.py': operations, 'utils.py': utils, 'constants.py': constants };
}

async function renderUtils(t: Template, header: string, constantNames: string[]): Promise<string> {
  const auth = t.http ? await templateFile(t, `python/auth/${t.auth}.py`) : '';
  const importLineRe = /^from \.constants import __IMPORTS__$/m;
  const draft = fill(await templateFile(t, 'python/utils.py'), { header, auth, constant_imports: '__IMPORTS__' });
  const needed = usedNames(draft.replace(importLineRe, ''), constantNames);
  return draft.replace(importLineRe, importLine('.constants', needed));
}

async function renderOperations(t: Template, a: WizardAnswers, header: string, utilNames: string[], constantNames: string[]): Promise<string> {
  const clash = a.actions.find((x) => utilNames.includes(x.operation) || constantNames.includes(x.operation));
  if (clash) throw new ServiceError('VALIDATION', `Operation '${clash.operation}' has the name of a helper in utils.py or constants.py: rename the operation.`);
  const functions: string[] = [];
  for (const action of a.actions) functions.push(await actionFunction(t, action));
  functions.push(await healthFunction(t));
  const body = functions.join('\n\n\n');
  const table = a.actions.length
    ? ['operations = {', ...a.actions.map((x) => `    ${pyStr(x.operation)}: ${x.operation},`), '}'].join('\n')
    : 'operations = {}';
  const stdlib = ['base64', 'csv', 'hashlib', 'io', 'ipaddress', 're'].filter((m) => new RegExp(`\\b${m}\\.`).test(codeOnly(body)));
  // isort's groups: standard library, third party, this package.
  const groups = [
    stdlib.map((m) => `import ${m}`),
    [importLine('connectors.core.connector', usedNames(body, ['ConnectorError', 'get_logger']))],
    [importLine('.constants', usedNames(body, constantNames)), importLine('.utils', usedNames(body, utilNames))],
  ];
  const imports = groups.map((g) => g.filter(Boolean).join('\n')).filter(Boolean).join('\n\n');
  return `${header}\n${imports}\n\n\n${body}\n\n\n${table}\n`;
}

async function actionFunction(t: Template, action: WizardAction): Promise<string> {
  const own = t.actionCode?.[action.operation] ?? (await readTemplateFileIfAny(t, `actions/${action.operation}.py`));
  if (own !== undefined) return own.trimEnd();
  if (!t.http) return localStub(action);
  return requestFunction(action, action.request ?? { method: 'GET', path: `/${action.operation}` });
}

async function healthFunction(t: Template): Promise<string> {
  if ('python' in t.healthCheck) return (await templateFile(t, t.healthCheck.python)).trimEnd();
  return [
    'def health_check(config):',
    '    """Makes a lightweight authenticated call: proves the URL, the credentials and the TLS settings."""',
    '    ApiClient(config).request(HEALTH_CHECK_METHOD, HEALTH_CHECK_ENDPOINT)',
  ].join('\n');
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const list = (names: readonly string[]) => `[${names.map(pyStr).join(', ')}]`;

/** An action that calls the vendor API as its request spec says: path values, query string, JSON body. */
export function requestFunction(action: WizardAction, req: ActionRequest): string {
  const params = action.parameters ?? [];
  const pathNames = [...req.path.matchAll(/\{([^}]*)\}/g)].flatMap(([, name]) => (name === undefined ? [] : [name]));
  const placed = new Set([...pathNames, ...(req.query ?? []), ...(req.body ?? [])]);
  const rest = params.map((p) => p.name).filter((n) => !placed.has(n));
  const hasBody = BODY_METHODS.has(req.method);
  const query = [...(req.query ?? []), ...(hasBody ? [] : rest)];
  const body = [...(req.body ?? []), ...(hasBody ? rest : [])];
  const required = [...new Set([...pathNames, ...params.filter((p) => p.required).map((p) => p.name)])];
  const jsonNames = params.filter(isJson).map((p) => p.name);
  const lines = [`def ${action.operation}(config, params):`, `    """${firstSentence(action.description)}"""`];
  if (required.length) lines.push(`    require_params(params, ${list(required)})`);
  const args = [pyStr(req.method), pyStr(req.path)];
  if (pathNames.length) args.push(`path_params=${pickCall(pathNames, [])}`);
  if (query.length) args.push(`query=${pickCall(query, jsonNames)}`);
  if (body.length) args.push(`body=${pickCall(body, jsonNames)}`);
  else if (hasBody) args.push('body={}');
  lines.push(...wrapCall('    return ApiClient(config).request(', args));
  return lines.join('\n');
}

const isJson = (p: WizardField) => p.type === 'json' || p.type === 'object';

function pickCall(names: string[], jsonNames: string[]): string {
  const json = names.filter((n) => jsonNames.includes(n));
  return json.length ? `pick(params, ${list(names)}, json_names=${list(json)})` : `pick(params, ${list(names)})`;
}

/** One line when it fits in 120 columns, else one argument per line with a trailing comma (black's style). */
function wrapCall(open: string, args: string[]): string[] {
  const one = `${open}${args.join(', ')})`;
  if (one.length <= 120) return [one];
  return [open.trimEnd(), ...args.map((x) => `        ${x},`), '    )'];
}

/** A custom action in a template without a vendor API: a working placeholder the developer replaces. */
function localStub(action: WizardAction): string {
  return [
    `def ${action.operation}(config, params):`,
    `    """${firstSentence(action.description)}"""`,
    '    # Generated placeholder: returns the parameters that have a value. Replace it with the action\'s logic.',
    "    return {key: value for key, value in params.items() if value is not None and value != ''}",
  ].join('\n');
}
