/** cURL commands, as a vendor's documentation shows them: one per blank-line-separated block, `\` continuations
 * allowed; `curlconverter` parses each. */
import { toJsonString } from 'curlconverter';
import type { ApiAuth, ApiDescription, ApiOperation, ApiParam } from '../../../shared/models/api-import';
import { ServiceError } from '../errors';
import { schemaOfValue } from './postman';
import { isSecretName, looksLikeSecret, scrubSecrets } from './secrets';
import { UniqueNames, identifier, titleCase } from './text';
import { parseJsonOrUndefined } from '../../../shared/parse-json';

const MANAGED_HEADERS = new Set(['accept', 'content-type', 'user-agent', 'content-length', 'host', 'cookie']);

export const looksLikeCurl = (text: string): boolean => /^\s*curl\s/i.test(text);

interface CurlJson {
  url: string;
  raw_url?: string;
  method?: string;
  headers?: Record<string, string>;
  queries?: Record<string, string | string[]>;
  data?: unknown;
  files?: Record<string, string>;
  auth?: { user?: string; password?: string };
}

/** Commands split at blank lines; continuation lines (`\` at the end) joined. */
export function splitCommands(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\\\n/g, ' ').trim())
    .filter((b) => b && !b.startsWith('#'));
}

function parseOne(command: string, index: number, fileName: string): CurlJson {
  try {
    return JSON.parse(toJsonString(command)) as CurlJson;
  } catch (e) {
    throw new ServiceError('VALIDATION', `${fileName}: command ${index + 1}: ${(e as Error).message.split('\n')[0]}. Check the cURL command.`);
  }
}

export function readCurl(text: string, fileName: string): ApiDescription {
  const commands = splitCommands(text);
  if (!commands.length) throw new ServiceError('VALIDATION', `${fileName} holds no cURL command: give one per blank-line-separated block.`);
  const names = new UniqueNames();
  const servers = new Map<string, number>();
  let auth: ApiAuth = { type: 'none' };
  const operations: ApiOperation[] = commands.map((command, i) => {
    const c = parseOne(command, i, fileName);
    const url = new URL(c.url);
    const origin = url.origin;
    servers.set(origin, (servers.get(origin) ?? 0) + 1);
    const params: ApiParam[] = [];
    const segments = url.pathname.split('/').map((seg) => {
      const m = /^(?::(.+)|\{([^}]+)\}|<([^>]+)>|%7B(.+)%7D)$/i.exec(seg);
      const wire = m?.[1] ?? m?.[2] ?? m?.[3] ?? m?.[4];
      if (!wire) return seg;
      const name = identifier(wire, 'param');
      params.push({ name, in: 'path', required: true, schema: { type: 'string' } });
      return `{${name}}`;
    });
    for (const [key, value] of Object.entries(c.headers ?? {})) {
      const lower = key.toLowerCase();
      if (lower === 'authorization') {
        if (/^bearer\s/i.test(value)) auth = auth.type === 'none' ? { type: 'bearer' } : auth;
        else if (/^basic\s/i.test(value)) auth = auth.type === 'none' ? { type: 'basic' } : auth;
        else if (auth.type === 'none') auth = { type: 'apiKey', in: 'header', name: key };
        continue;
      }
      if (isSecretName(key) || looksLikeSecret(value)) {
        if (auth.type === 'none') auth = { type: 'apiKey', in: 'header', name: key };
        continue;
      }
      if (MANAGED_HEADERS.has(lower)) continue;
      const name = identifier(key, 'header');
      params.push({ name, ...(name !== key ? { wireName: key } : {}), in: 'header', required: false, schema: { type: 'string' }, example: value });
    }
    if (c.auth?.user && auth.type === 'none') auth = { type: 'basic' };
    for (const [key, value] of Object.entries(c.queries ?? {})) {
      if (isSecretName(key)) {
        if (auth.type === 'none') auth = { type: 'apiKey', in: 'query', name: key };
        continue;
      }
      const name = identifier(key.replace(/\[\]$/, ''), 'param');
      const example = Array.isArray(value) ? value : /^-?\d+$/.test(value) ? Number(value) : value;
      params.push({ name, ...(name !== key ? { wireName: key } : {}), in: 'query', required: false, schema: schemaOfValue(example), example: scrubSecrets(example) });
    }
    let bodyKind: ApiOperation['bodyKind'];
    const data = typeof c.data === 'string' ? safeJson(c.data) : c.data;
    if (data !== undefined && data !== null && data !== '') {
      bodyKind = 'json';
      if (typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length <= 40) {
        for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
          const name = identifier(key, 'field');
          params.push({ name, ...(name !== key ? { wireName: key } : {}), in: 'body', required: false, schema: schemaOfValue(value), example: isSecretName(key) ? undefined : scrubSecrets(value) });
        }
      } else params.push({ name: 'body', in: 'body', required: true, description: 'The request body, as JSON.', schema: schemaOfValue(data), example: scrubSecrets(data) });
    }
    for (const key of Object.keys(c.files ?? {})) {
      bodyKind = 'multipart';
      params.push({ name: identifier(key, 'file'), in: 'body', required: true, description: 'The file to upload.', schema: { type: 'string', format: 'binary' } });
    }
    const method = (c.method ?? (data !== undefined ? 'POST' : 'GET')).toUpperCase();
    const path = segments.join('/') || '/';
    const id = names.take(identifier(`${method} ${path.replace(/[{}]/g, '')}`, 'operation'));
    return { id, method, path, group: '', title: titleCase(`${method === 'GET' ? 'Get' : method.toLowerCase()} ${path.replace(/[{}/]/g, ' ')}`), description: `Sends ${method} ${path}.`, parameters: params, bodyKind };
  });
  const sorted = [...servers.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
  return { kind: 'curl', title: sorted[0] ? new URL(sorted[0]).hostname : 'API', description: '', version: '', servers: sorted, auth, operations, notes: [] };
}

/** A body given as JSON is read as JSON; any other text stays the text the command sends. */
function safeJson(text: string): unknown {
  return parseJsonOrUndefined(text) ?? text;
}
