/** The action function for an operation the blank template's request spec cannot express: headers, names that
 * differ on the wire (`status[]`), form and multipart bodies. It still calls the endpoint through the template's
 * ApiClient (its session, credentials, TLS settings and error handling). */
import type { ApiOperation, ApiParam } from '../../../shared/models/api-import';
import { firstSentence, pyStr } from '../connector/python-text';

/** A list literal on one line, or wrapped at 110 columns inside the brackets when it is long. */
function list(names: readonly string[]): string {
  const one = `[${names.map(pyStr).join(', ')}]`;
  if (one.length <= 70) return one;
  const rows: string[] = [];
  let row = '';
  for (const item of names.map(pyStr)) {
    if (row && row.length + item.length + 2 > 100) {
      rows.push(row.trimEnd());
      row = '';
    }
    row += `${item}, `;
  }
  if (row) rows.push(row.trimEnd());
  return `[\n${rows.map((r) => `        ${r}`).join('\n')}\n    ]`;
}
const JSON_TYPES = new Set(['object', 'array']);

function isJsonParam(p: ApiParam): boolean {
  const t = p.schema?.type;
  const enumItems = (p.schema?.items as { enum?: unknown } | undefined)?.enum;
  return typeof t === 'string' && JSON_TYPES.has(t) && !(t === 'array' && Array.isArray(enumItems));
}

/** `name = pick(...)`, its keys turned into the names the service expects on the wire where they differ. */
function picked(variable: string, params: readonly ApiParam[], lines: string[]): void {
  const json = params.filter(isJsonParam).map((p) => p.name);
  const call = json.length ? `pick(params, ${list(params.map((p) => p.name))}, json_names=${list(json)})` : `pick(params, ${list(params.map((p) => p.name))})`;
  const renamed = params.filter((p) => p.wireName && p.wireName !== p.name);
  if (!renamed.length) {
    lines.push(`    ${variable} = ${call}`);
    return;
  }
  lines.push('    wire_names = {', ...renamed.map((p) => `        ${pyStr(p.name)}: ${pyStr(p.wireName as string)},`), '    }');
  lines.push(`    ${variable} = {wire_names.get(key, key): value for key, value in ${call}.items()}`);
}

export function actionCode(name: string, description: string, op: ApiOperation): string {
  const by = (where: ApiParam['in']) => op.parameters.filter((p) => p.in === where);
  const [path, query, headers, body] = [by('path'), by('query'), by('header'), by('body')];
  const required = op.parameters.filter((p) => p.required).map((p) => p.name);
  const lines = [`def ${name}(config, params):`, `    """${firstSentence(description)}"""`];
  if (required.length) lines.push(`    require_params(params, ${list(required)})`);
  lines.push('    client = ApiClient(config)');
  if (headers.length) {
    picked('headers', headers, lines);
    lines.push('    client.session.headers.update({key: str(value) for key, value in headers.items()})');
  }
  if (path.length) lines.push(`    path_params = pick(params, ${list(path.map((p) => p.name))})`);
  if (query.length) picked('query', query, lines);
  const method = op.method === 'HEAD' ? 'GET' : op.method;
  const form = op.bodyKind === 'form' || op.bodyKind === 'multipart' || op.bodyKind === 'binary';
  if (body.length) picked('body', body, lines);
  const pathArg = path.length ? 'path_params' : 'None';
  if (!form) {
    const args = [pyStr(method), pyStr(op.path)];
    if (path.length) args.push('path_params=path_params');
    if (query.length) args.push('query=query');
    if (body.length) args.push('body=body');
    else if (['POST', 'PUT', 'PATCH'].includes(method)) args.push('body={}');
    lines.push(`    return client.request(${args.join(', ')})`);
    return lines.join('\n');
  }
  // Form and multipart bodies: files go as uploads, the other fields as form fields.
  const files = body.filter((p) => p.schema?.format === 'binary' || p.schema?.type === 'file').map((p) => p.wireName ?? p.name);
  lines.push(`    url = client.base_url + expand_path(${pyStr(op.path)}, ${pathArg})`);
  if (files.length) {
    lines.push(`    files = {key: (key, body.pop(key)) for key in ${list(files)} if key in body}`);
    lines.push(`    response = client.send(${pyStr(method)}, url, params=${query.length ? 'query' : 'None'}, data=body, files=files or None)`);
  } else lines.push(`    response = client.send(${pyStr(method)}, url, params=${query.length ? 'query' : 'None'}, data=${body.length ? 'body' : 'None'})`);
  lines.push('    return parse_response(response, url)');
  return lines.join('\n');
}
