/** From a read description and the user's picks to what the scaffolder takes: the wizard's answers (operations,
 * parameters, output schemas, configuration) and the `blank` template adjusted in memory (authentication style,
 * its constants, the health check, action functions the request spec cannot express). */
import type { ActionRequest, HttpMethod, WizardAction, WizardAnswers, WizardField } from '../../../shared/connector/wizard';
import {
  isReadOnlyMethod,
  type ApiDescription,
  type ApiImportPreview,
  type ApiImportSelection,
  type ApiOperation,
  type ApiOperationPreview,
  type ApiParam,
  type OperationCategory,
} from '../../../shared/models/api-import';
import { ServiceError } from '../errors';
import type { AuthStyle, Template } from '../connector/templates';
import { actionCode } from './python';
import { fieldFor, proseFor } from './fields';
import { isEmptyOutput, outputSchemaFor } from './schema';
import { UniqueNames, titleCase } from './text';

const SUPPORTED: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export function categoryFor(op: Pick<ApiOperation, 'method' | 'id' | 'title'>): OperationCategory {
  const words = `${op.id} ${op.title}`.toLowerCase();
  if (/\b(block|isolate|quarantine|disable|contain|ban|suspend|lock|deny)/.test(words)) return 'containment';
  if (/\b(unblock|release|unisolate|delete|remove|reset|revoke|restore|enable|unlock|close|resolve|remediate)/.test(words)) return 'remediation';
  if (isReadOnlyMethod(op.method)) return 'investigation';
  return 'miscellaneous';
}

const cheap = (op: ApiOperation) => op.method === 'GET' && !op.parameters.some((p) => p.required) && !op.path.includes('{');

export function preview(d: ApiDescription): ApiImportPreview {
  return {
    kind: d.kind,
    title: d.title,
    description: d.description,
    servers: d.servers,
    auth: d.auth.type,
    notes: d.notes,
    operations: d.operations.map((op): ApiOperationPreview => {
      const output = op.response && !op.response.binary ? outputSchemaFor(op.response.schema, op.response.example) : {};
      return {
        id: op.id,
        method: op.method,
        path: op.path,
        group: op.group,
        title: op.title,
        description: op.description,
        category: categoryFor(op),
        readOnly: isReadOnlyMethod(op.method),
        parameters: op.parameters.map((p) => {
          const f = fieldFor(p);
          return { name: f.name, title: f.title, type: f.type, required: f.required === true };
        }),
        outputKeys: Array.isArray(output) ? (output.length ? Object.keys(output[0] as object) : []) : Object.keys(output),
        cheap: cheap(op),
      };
    }),
  };
}

/** Without a choice: the read-only operations (GET/HEAD). */
export function defaultSelection(d: ApiDescription): string[] {
  return d.operations.filter((op) => isReadOnlyMethod(op.method)).map((op) => op.id);
}

export function pickOperations(d: ApiDescription, ids: readonly string[]): ApiOperation[] {
  const byId = new Map(d.operations.map((op) => [op.id, op]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length) throw new ServiceError('VALIDATION', `No operation ${unknown.join(', ')} in the description: list them with --list-operations.`);
  return ids.map((id) => byId.get(id) as ApiOperation);
}

/** The operation as info.json and operations.py have it; `code` when the blank template's request spec cannot say it. */
export function actionFor(op: ApiOperation, selection: ApiImportSelection, taken: UniqueNames): { action: WizardAction; code?: string } {
  const name = taken.take(op.id);
  const method = (op.method === 'HEAD' ? 'GET' : op.method) as HttpMethod;
  if (!SUPPORTED.has(method)) throw new ServiceError('VALIDATION', `${op.method} ${op.path} uses a method the connector cannot send.`);
  const title = (selection.titles?.[op.id] ?? op.title).trim() || titleCase(name);
  const description = proseFor(op.description, name, [
    `${title}: sends ${op.method} ${op.path} to the service and returns its answer.`,
    `Sends ${op.method} ${op.path} to the service and returns its answer.`,
  ]);
  const parameters: WizardField[] = op.parameters.map(fieldFor);
  const output = op.response && !op.response.binary ? outputSchemaFor(op.response.schema, op.response.example) : {};
  const action: WizardAction = {
    operation: name,
    title,
    description,
    category: selection.categories?.[op.id] ?? categoryFor(op),
    annotation: name,
    parameters,
    output_schema: isEmptyOutput(output) ? {} : output,
  };
  const simple = op.parameters.every((p) => p.in !== 'header' && !p.wireName) && (op.bodyKind === undefined || op.bodyKind === 'json') && op.method !== 'HEAD';
  if (simple) {
    const request: ActionRequest = {
      method,
      path: op.path,
      ...(listOf(op.parameters, 'query').length ? { query: listOf(op.parameters, 'query') } : {}),
      ...(listOf(op.parameters, 'body').length ? { body: listOf(op.parameters, 'body') } : {}),
    };
    return { action: { ...action, request } };
  }
  return { action, code: actionCode(name, description, op) };
}

const listOf = (params: readonly ApiParam[], where: ApiParam['in']) => params.filter((p) => p.in === where).map((p) => p.name);

function configurationFor(d: ApiDescription): { auth: AuthStyle; constants: Record<string, string>; fields: WizardField[] } {
  const server = d.servers.find((s) => /^https?:\/\/[^{}\s]+$/.test(s));
  const f = (name: string, title: string, type: string, description: string, extra: Partial<WizardField> = {}): WizardField => ({
    name,
    title,
    type,
    description,
    tooltip: description.split(/(?<=\.)\s/)[0],
    required: true,
    visible: true,
    editable: true,
    ...extra,
  });
  const fields: WizardField[] = [
    f('server_url', 'Server URL', 'text', `The base URL of the service API, for example ${server ?? 'https://api.example.com'}.`, {
      placeholder: server ?? 'https://api.example.com',
      ...(server ? { value: server } : {}),
    }),
  ];
  let auth = 'none' as AuthStyle;
  const constants: Record<string, string> = {};
  const a = d.auth;
  switch (a.type) {
    case 'apiKey':
      auth = (a.in === 'query' ? 'api_key_query' : 'api_key_header') as AuthStyle;
      constants[a.in === 'query' ? 'API_KEY_PARAM' : 'API_KEY_HEADER'] = a.name;
      fields.push(f('api_key', 'API Key', 'password', `The API key the service expects in the ${a.name} ${a.in === 'query' ? 'query parameter' : 'header'} of each request.`));
      break;
    case 'bearer':
      auth = 'bearer';
      constants.AUTH_SCHEME = 'Bearer';
      fields.push(f('api_key', 'API Token', 'password', 'The API token sent as a Bearer token in the Authorization header of each request.'));
      break;
    case 'basic':
      auth = 'basic';
      fields.push(f('username', 'Username', 'text', 'The user name of the account the connector signs in with.'));
      fields.push(f('password', 'Password', 'password', 'The password of the account the connector signs in with.'));
      break;
    case 'oauth2': {
      auth = 'oauth2_token_url' as AuthStyle;
      constants.TOKEN_URL = sameOrigin(a.tokenUrl, server) ?? a.tokenUrl;
      fields.push(f('client_id', 'Client ID', 'text', 'The OAuth 2.0 client ID of the application registered with the service.'));
      fields.push(f('client_secret', 'Client Secret', 'password', 'The OAuth 2.0 client secret of that application.'));
      break;
    }
    case 'none':
      break;
  }
  fields.push(
    f('verify_ssl', 'Verify SSL', 'checkbox', "Verify the server's TLS certificate. Keep it on unless the server uses a self-signed certificate.", { required: false, value: true }),
  );
  return { auth, constants, fields };
}

/** A token URL on the server's own host is kept relative, so a mock or a staging server gets the token too. */
function sameOrigin(tokenUrl: string, server: string | undefined): string | undefined {
  if (!server) return undefined;
  // A token URL or server that is no URL gives no path to keep: the configuration then asks for the whole URL.
  if (!URL.canParse(server) || !URL.canParse(tokenUrl, server)) return undefined;
  const t = new URL(tokenUrl, server);
  const s = new URL(server);
  if (t.origin !== s.origin) return undefined;
  const base = s.pathname.replace(/\/$/, '');
  return base && t.pathname.startsWith(base) ? t.pathname.slice(base.length) : t.pathname;
}

export function healthCheckFor(d: ApiDescription, picked: readonly ApiOperation[], chosen?: string): { method: HttpMethod; path: string } {
  const op = (chosen ? d.operations.find((o) => o.id === chosen) : undefined) ?? picked.find(cheap) ?? d.operations.find(cheap);
  if (chosen && op?.id !== chosen) throw new ServiceError('VALIDATION', `No operation ${chosen} in the description for the health check.`);
  if (op && op.path.includes('{')) throw new ServiceError('VALIDATION', `The health check ${op.id} needs path values: pick an operation without parameters.`);
  return op ? { method: op.method === 'HEAD' ? 'GET' : (op.method as HttpMethod), path: op.path } : { method: 'GET', path: '/' };
}

export interface GeneratedImport {
  readonly answers: WizardAnswers;
  readonly template: Template;
}

/** The answers and template for `new <name>` from the description: `base` is the blank template read from disk. */
export function generateImport(d: ApiDescription, selection: ApiImportSelection, base: Template, name: string, overrides: Partial<WizardAnswers> = {}): GeneratedImport {
  const picked = pickOperations(d, selection.operations);
  const taken = new UniqueNames();
  const code: Record<string, string> = {};
  const actions = picked.map((op) => {
    const { action, code: own } = actionFor(op, selection, taken);
    if (own) code[action.operation] = own;
    return action;
  });
  const cfg = configurationFor(d);
  const label = overrides.label ?? (d.title.replace(/\s+API$/i, '').trim() || titleCase(name));
  const template: Template = {
    ...base,
    auth: cfg.auth,
    constants: { ...cfg.constants },
    healthCheck: healthCheckFor(d, picked, selection.healthCheck),
    configuration: cfg.fields,
    actions,
    actionCode: code,
  };
  const answers: WizardAnswers = {
    name,
    label,
    version: '1.0.0',
    description: proseFor(d.description, label, [
      `Integrates FortiSOAR with the ${label} API: ${actions.length} action${actions.length === 1 ? '' : 's'} generated from its API description.`,
      `Integrates FortiSOAR with this service through its REST API: ${actions.length} action${actions.length === 1 ? '' : 's'} generated from its API description.`,
    ], 400),
    publisher: 'Community',
    category: base.category,
    template: base.id,
    configuration: cfg.fields,
    actions,
    licence: 'MIT',
    ...overrides,
  };
  return { answers, template };
}
