/** /api/integration/*: connectors list, details, uninstall, configurations, health check and execute, with
 * the status codes and `{"message"}` bodies of reference/fortisoar-api.md. */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { connectorFolder, connectorRecord, connectorRow, installDir, venvDir, type SandboxContext } from './context';
import { HttpFailure } from './http-util';
import { passwordFieldNames } from '../../shared/connector/secret-fields';
import { asReceived, withoutServerKeys } from '../../shared/connector/server-config';
import type { CallEffects } from '../../shared/models/runtime';
import { findSecrets, getAt, setAt } from './secrets-at-rest';
import type { InstalledConnector, StoredConfiguration } from './state';

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  /** A file's content instead of a JSON body (GET /api/3/files/<uuid>). */
  readonly file?: { readonly data: Buffer; readonly mimeType: string; readonly filename: string };
  readonly headers?: Readonly<Record<string, string>>;
}

const MASK = '********';
const fail = (status: number, message: string) => new HttpFailure(status, message, 'message');
const newestFirst = (a: InstalledConnector, b: InstalledConnector) => b.version.localeCompare(a.version, undefined, { numeric: true });

/** Password fields anywhere in the schema, those an `onchange` choice shows included. */
const passwordFields = (c: InstalledConnector | undefined): Set<string> => passwordFieldNames(c?.config_schema);

/** Password values never leave the server: they come back masked, however deep they sit. */
function configView(ctx: SandboxContext, c: StoredConfiguration) {
  const config = structuredClone(c.config);
  for (const [at, v] of findSecrets(config, passwordFields(ctx.state.byId(c.connector)))) if (v !== '') setAt(config, at, MASK);
  return { ...c, config };
}

function listConnectors(ctx: SandboxContext, q: URLSearchParams): Reply {
  const name = q.get('name');
  const size = Math.max(1, Number(q.get('page_size')) || 30);
  const page = Math.max(1, Number(q.get('page')) || 1);
  const all = ctx.state.connectors.filter((c) => !name || c.name === name).slice().sort((a, b) => a.name.localeCompare(b.name) || newestFirst(a, b));
  const link = (p: number) => `/api/integration/connectors/?${new URLSearchParams({ ...(name ? { name } : {}), page: String(p), page_size: String(size) })}`;
  const data = all.slice((page - 1) * size, page * size).map((c) => connectorRow(ctx, c));
  const nextPage = page * size < all.length ? link(page + 1) : null;
  const previousPage = page > 1 ? link(page - 1) : null;
  return { status: 200, body: { status: 'Success', totalItems: all.length, itemsPerPage: size, nextPage, previousPage, data } };
}

/** `<id>`, `<name>` or `<name>/<version>`; an unknown version falls back to the latest installed. */
function resolveConnector(ctx: SandboxContext, a: string, b?: string): InstalledConnector {
  const found = b === undefined && /^\d+$/.test(a) ? ctx.state.byId(Number(a)) : (b !== undefined && ctx.state.find(a, b)) || ctx.state.versionsOf(a).sort(newestFirst)[0];
  if (!found) throw fail(404, `Connector ${b === undefined ? a : `${a} ${b}`} is not installed.`);
  return found;
}

async function uninstall(ctx: SandboxContext, id: string): Promise<Reply> {
  const c = resolveConnector(ctx, id);
  ctx.state.removeConnector(c.id);
  await ctx.state.save();
  // The files go in the background, as FortiSOAR's own uninstall is asynchronous.
  ctx.track(
    ctx
      .runtimeFor(c)
      .stop(connectorFolder(ctx, c))
      .then(() => Promise.all([rm(installDir(ctx, c.id), { recursive: true, force: true }), rm(venvDir(ctx, c.id), { recursive: true, force: true })])),
  );
  return { status: 204 };
}

function configInput(ctx: SandboxContext, body: unknown, existing?: StoredConfiguration): StoredConfiguration {
  const b = (body ?? {}) as Record<string, unknown>;
  const connector = existing ? ctx.state.byId(existing.connector) : typeof b.connector === 'number' ? ctx.state.byId(b.connector) : undefined;
  if (!connector) throw fail(400, '"connector" must be the id of an installed connector.');
  const name = typeof b.name === 'string' ? b.name.trim() : (existing?.name ?? '');
  if (!name) throw fail(400, 'A configuration needs a "name".');
  if (ctx.state.configsOf(connector.id).some((c) => c.name === name && c.config_id !== existing?.config_id))
    throw fail(400, `A configuration named "${name}" already exists for ${connector.name} ${connector.version}.`);
  const config = structuredClone((b.config && typeof b.config === 'object' ? b.config : (existing?.config ?? {})) as Record<string, unknown>);
  // A masked value sent back unchanged means "keep the stored password".
  for (const [at, v] of findSecrets(config, passwordFields(connector))) if (v === MASK) setAt(config, at, getAt(existing?.config, at));
  const first = ctx.state.configsOf(connector.id).length === 0;
  return {
    id: existing?.id ?? ctx.state.takeId(),
    config_id: existing?.config_id ?? (typeof b.config_id === 'string' && b.config_id ? b.config_id : randomUUID()),
    connector: connector.id,
    connector_name: connector.name,
    connector_version: connector.version,
    name,
    default: typeof b.default === 'boolean' ? b.default : (existing?.default ?? first),
    config,
    teams: Array.isArray(b.teams) ? b.teams : (existing?.teams ?? []),
  };
}

async function configurations(ctx: SandboxContext, method: string, rest: string[], body: unknown): Promise<Reply> {
  if (rest.length === 0 && method === 'GET') return { status: 200, body: ctx.state.configurations.map((c) => configView(ctx, c)) };
  if (rest.length === 0 && method === 'POST') {
    const created = configInput(ctx, body);
    if (ctx.state.configurations.some((c) => c.config_id === created.config_id)) throw fail(400, `config_id ${created.config_id} is taken.`);
    ctx.state.putConfiguration(created);
    await ctx.state.save();
    return { status: 201, body: configView(ctx, created) };
  }
  const existing = ctx.state.configurations.find((c) => c.config_id === rest[0]);
  if (rest.length !== 1 || !existing) throw fail(404, `No configuration ${rest.join('/')}.`);
  if (method === 'GET') return { status: 200, body: configView(ctx, existing) };
  if (method === 'PUT') {
    const updated = configInput(ctx, body, existing);
    ctx.state.putConfiguration(updated);
    await ctx.state.save();
    return { status: 200, body: configView(ctx, updated) };
  }
  if (method === 'DELETE') {
    ctx.state.removeConfiguration(existing.config_id);
    await ctx.state.save();
    return { status: 204 };
  }
  throw fail(405, `Method "${method}" not allowed.`);
}

/** The configuration as FortiSOAR hands it to the connector for a health check or an action: its fields and the
 * keys the server adds (config_id, name, status). */
const received = (c: StoredConfiguration) => asReceived(c.config, { configId: c.config_id, name: c.name }, 'call');

function pickConfig(ctx: SandboxContext, c: InstalledConnector, wanted: string | null | undefined): StoredConfiguration | undefined {
  const all = ctx.state.configsOf(c.id);
  if (wanted === null || wanted === undefined || wanted === '') return all.find((x) => x.default) ?? all[0];
  return all.find((x) => x.config_id === wanted || x.name === wanted);
}

/** What `update_connnector_config` saved during a call goes into the configuration store, as on the server: into the
 * configuration the connector named by config_id, else the one that ran, so the next call sees the refreshed token. */
async function keepConfigUpdates(ctx: SandboxContext, c: InstalledConnector, ran: StoredConfiguration, updates: CallEffects['configUpdates']): Promise<void> {
  if (!updates?.length) return;
  for (const u of updates) {
    const target = (u.configId && ctx.state.configsOf(c.id).find((x) => x.config_id === u.configId)) || ran;
    ctx.state.putConfiguration({ ...target, config: { ...target.config, ...withoutServerKeys(u.config) } });
  }
  await ctx.state.save();
}

async function healthCheck(ctx: SandboxContext, name: string, version: string, q: URLSearchParams): Promise<Reply> {
  const c = resolveConnector(ctx, name, version);
  if (ctx.state.configsOf(c.id).length === 0) throw fail(404, `${c.name} ${c.version} has no configuration.`);
  const config = pickConfig(ctx, c, q.get('config'));
  if (!config) throw fail(404, `No configuration "${q.get('config')}" for ${c.name} ${c.version}.`);
  const base = { name: c.name, version: c.version, config_id: config.config_id };
  if (!c.active) return { status: 200, body: { ...base, status: 'Deactivated', message: 'The connector is deactivated.' } };
  const r = await ctx.runtimeFor(c).checkHealth(connectorFolder(ctx, c), received(config));
  await keepConfigUpdates(ctx, c, config, r.configUpdates);
  const available = r.status === 'Available';
  return { status: 200, body: { ...base, status: available ? 'Available' : 'Disconnected', message: available ? 'Connector is available' : r.message } };
}

async function execute(ctx: SandboxContext, body: unknown): Promise<Reply> {
  const b = (body ?? {}) as Record<string, unknown>;
  const c = typeof b.connector === 'string' ? ctx.state.find(b.connector, String(b.version ?? '')) ?? ctx.state.versionsOf(b.connector).sort(newestFirst)[0] : undefined;
  if (!c) throw fail(400, `CS-INTEGRATION-2: Connector ${String(b.connector)} ${String(b.version ?? '')} is not installed.`);
  const config = pickConfig(ctx, c, b.config === undefined || b.config === null ? undefined : String(b.config));
  if (!config) throw fail(400, 'INTEGRATION-12: Could not find a connector configuration matching the given configuration id or name');
  const operation = String(b.operation ?? '');
  const params = (b.params && typeof b.params === 'object' ? b.params : {}) as Record<string, unknown>;
  const r = await ctx.runtimeFor(c).execute(connectorFolder(ctx, c), operation, params, received(config));
  await keepConfigUpdates(ctx, c, config, r.configUpdates);
  if (r.status !== 'Success') throw fail(400, `CS-INTEGRATION-5: Error occurred while executing the connector action ERROR :: ${r.message}`);
  return { status: 200, body: { operation, status: 'Success', message: '', data: r.data } };
}

/** Dispatches a request whose path starts with /api/integration/ (and ends with "/": checked before). */
export async function integration(ctx: SandboxContext, method: string, url: URL, body: Buffer, json: () => unknown): Promise<Reply> {
  const [area, ...rest] = url.pathname.slice('/api/integration/'.length).split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = rest;
  if (area === 'connectors' && first === 'healthcheck' && second !== undefined && third !== undefined && rest.length === 3 && method === 'GET')
    return healthCheck(ctx, second, third, url.searchParams);
  if (area === 'connectors' && rest.length === 0 && method === 'GET') return listConnectors(ctx, url.searchParams);
  if (area === 'connectors' && first !== undefined && rest.length === 1 && method === 'DELETE') return uninstall(ctx, first);
  if (area === 'connectors' && first !== undefined && (rest.length === 1 || rest.length === 2)) {
    if (method !== 'POST') throw fail(405, `Method "${method}" not allowed.`);
    if (body.length === 0) throw fail(415, 'Unsupported media type "" in request.');
    json();
    return { status: 200, body: connectorRecord(ctx, resolveConnector(ctx, first, second)) };
  }
  if (area === 'configuration') return configurations(ctx, method, rest, body.length ? json() : {});
  if (area === 'execute' && rest.length === 0 && method === 'POST') return execute(ctx, json());
  throw fail(404, `No such endpoint: ${method} ${url.pathname}`);
}
