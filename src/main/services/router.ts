import { Ajv, type ValidateFunction } from 'ajv';
import type { Channel, Req, Res } from '../../shared/ipc/contract';
import { err, ok, type Result } from '../../shared/result';
import { requestSchemas } from '../../shared/schemas/requests';
import { isServiceError } from './errors';
import type { Services } from './index';

type Handlers = { [C in Channel]: (s: Services, req: Req<C>) => Promise<Res<C>> };

/** Every channel maps to one service method; a channel without a handler is a compile error. */
const handlers: Handlers = {
  'app.info': (s) => s.app.info(),
  'app.exportDiagnostics': (s) => s.app.exportDiagnostics(),
  'app.openLogsFolder': (s) => s.app.openLogsFolder(),
  'settings.get': (s) => s.settings.get(),
  'settings.update': (s, r) => s.settings.update(r.patch),
  'tools.detect': (s) => s.tools.detect(),
  'fs.browse': (s, r) => s.folders.browse(r.path),
  'projects.list': (s) => s.projects.list(),
  'projects.open': (s, r) => s.projects.open(r.path),
  'projects.delete': (s, r) => s.projects.delete(r.projectId),
  'files.tree': (s, r) => s.files.tree(r.projectId),
  'files.read': (s, r) => s.files.read(r.projectId, r.relPath),
  'files.write': (s, r) => s.files.write(r.projectId, r.relPath, r),
  'files.createDir': (s, r) => s.files.createDir(r.projectId, r.relPath),
  'files.rename': (s, r) => s.files.rename(r.projectId, r.from, r.to),
  'files.delete': (s, r) => s.files.delete(r.projectId, r.relPath),
  'files.search': (s, r) => s.search.search(r.projectId, r),
  'files.replace': (s, r) => s.search.replace(r.projectId, r),
  'git.status': async (s, r) => s.git.status(await s.projects.rootOf(r.projectId)),
  'git.init': async (s, r) => s.git.init(await s.projects.rootOf(r.projectId)),
  'git.commitAll': async (s, r) => s.git.commitAll(await s.projects.rootOf(r.projectId), r.message),
  'backup.save': (s, r) => s.backup.save(r),
  'backup.discard': (s, r) => s.backup.discard(r.projectId, r.relPath),
  'backup.list': (s) => s.backup.list(),
  'session.get': (s) => s.backup.getSession(),
  'session.save': (s, r) => s.backup.saveSession(r.state),
  'testConfig.list': (s, r) => s.testing.listConfigs(r.projectId),
  'testConfig.save': (s, r) => s.testing.saveConfig(r.projectId, r.config),
  'testConfig.delete': (s, r) => s.testing.deleteConfig(r.projectId, r.id),
  'testConfig.setActive': (s, r) => s.testing.setActive(r.projectId, r.id, r.active),
  'runtime.health': (s, r) => s.testing.health(r.projectId, r.configId),
  'runtime.execute': (s, r) => s.testing.execute(r.projectId, r),
  'runtime.stop': (s, r) => s.testing.stop(r.projectId),
  'connector.validate': async (s, r) => s.validate.validateFolder(await s.projects.connectorDirOf(r.projectId), { metadataOnly: r.metadataOnly }),
};

const ajv = new Ajv({ allErrors: false, strict: false });
const validators = new Map<Channel, ValidateFunction>();
const validatorFor = (c: Channel) => {
  let v = validators.get(c);
  if (!v) validators.set(c, (v = ajv.compile(requestSchemas[c])));
  return v;
};

export function toResult(e: unknown, log?: (msg: string, extra?: unknown) => void): Result<never> {
  if (isServiceError(e)) return err(e.code, e.message, e.details);
  log?.('Unexpected error in a service', e);
  return err('INTERNAL', `Something went wrong inside Connector Studio: ${(e as Error)?.message ?? String(e)}. Details are in the log (Help > Open logs folder).`);
}

/** The one entry point of every door: validates the request, runs the handler, and returns a Result, never a throw. */
export async function dispatch<C extends Channel>(s: Services, channel: C, raw: unknown): Promise<Result<Res<C>>> {
  if (!Object.prototype.hasOwnProperty.call(handlers, channel)) return err('VALIDATION', `Unknown channel "${String(channel)}".`);
  const validate = validatorFor(channel);
  if (!validate(raw ?? {})) {
    const first = validate.errors?.[0];
    return err('VALIDATION', `Invalid request for ${channel}: ${first?.instancePath || 'request'} ${first?.message ?? ''}`.trim(), validate.errors);
  }
  try {
    return ok(await handlers[channel](s, (raw ?? {}) as Req<C>));
  } catch (e) {
    return toResult(e, s.log.error);
  }
}
