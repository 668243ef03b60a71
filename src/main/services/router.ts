import { Ajv, type ValidateFunction } from 'ajv';
import type { Channel, Req, Res } from '../../shared/ipc/contract';
import { err, ok, type Result } from '../../shared/result';
import { requestSchemas } from '../../shared/schemas/requests';
import { ServiceError, toResult } from './errors';
import type { NetworkOptions } from './git/git-context';
import { withGitProgress } from './git/git-progress';
import type { Services } from './index';
import { detectInterpreters } from './runtime/interpreters';
import { PROJECT_ACCESS, REVIEW_READ_ONLY_MESSAGE, runWhat } from './project-access';

const root = (s: Services, projectId: string) => s.projects.rootOf(projectId);
const net = <T>(s: Services, projectId: string, op: string, fn: (n: NetworkOptions) => Promise<T>) =>
  withGitProgress(s.events, `git:${op}:${projectId}`, `git ${op}`, fn);

/** The project a request names must be one the services know (an id they made, not a path), a review refuses
 * every write into its folder, and a restricted project refuses to run its code (project-access.ts). */
async function checkProjectAccess(s: Services, channel: Channel, req: unknown): Promise<void> {
  const access = PROJECT_ACCESS[channel];
  const projectId = (req as { projectId?: unknown }).projectId;
  if (access === 'none' || typeof projectId !== 'string') return;
  const root = await s.projects.rootOf(projectId);
  if (access === 'write' && s.projects.isReadOnly(projectId)) throw new ServiceError('FORBIDDEN', REVIEW_READ_ONLY_MESSAGE);
  if (access === 'run') s.trust.assertTrusted(root, runWhat(channel));
}

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
  'projects.delete': async (s, r) => (await s.lsp.stop(r.projectId), s.projects.delete(r.projectId)),
  'projects.trust': async (s, r) => {
    await s.trust.trust(await s.projects.rootOf(r.projectId));
    // The language server restarts so it may now use the project's own virtualenv.
    await s.lsp.stop(r.projectId);
    return s.projects.summaryOf(r.projectId);
  },
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
  'git.changes': async (s, r) => s.git.changes(await root(s, r.projectId)),
  'git.stage': async (s, r) => (await s.git.stage(await root(s, r.projectId), r.relPaths), {}),
  'git.unstage': async (s, r) => (await s.git.unstage(await root(s, r.projectId), r.relPaths), {}),
  'git.commit': async (s, r) => s.git.commit(await root(s, r.projectId), r),
  'git.identity': (s) => s.git.identity(),
  'sandbox.start': (s) => s.localSandbox.start(),
  'git.setIdentity': (s, r) => s.git.setGlobalIdentity({ name: r.name, email: r.email }),
  'git.discard': async (s, r) => (await s.git.discard(await root(s, r.projectId), r.relPaths), {}),
  'git.addRecommendedIgnores': async (s, r) => s.git.addRecommendedIgnores(await root(s, r.projectId)),
  'git.fileDiff': async (s, r) => s.git.fileDiff(await root(s, r.projectId), r.relPath, r.mode),
  'git.log': async (s, r) => s.git.log(await root(s, r.projectId), r.query),
  'git.commitFiles': async (s, r) => s.git.commitFiles(await root(s, r.projectId), r.rev),
  'git.commitFileDiff': async (s, r) => s.git.commitFileDiff(await root(s, r.projectId), r.rev, r.relPath, r.oldPath),
  'git.branches': async (s, r) => s.git.branches(await root(s, r.projectId)),
  'git.createBranch': async (s, r) => (await s.git.createBranch(await root(s, r.projectId), r.name, r), {}),
  'git.switchBranch': async (s, r) => (await s.git.switchBranch(await root(s, r.projectId), r.name), {}),
  'git.deleteBranch': async (s, r) => (await s.git.deleteBranch(await root(s, r.projectId), r.name, r), {}),
  'git.tags': async (s, r) => s.git.tags(await root(s, r.projectId)),
  'git.createTag': async (s, r) => (await s.git.createTag(await root(s, r.projectId), r.name, r), {}),
  'git.deleteTag': async (s, r) => (await s.git.deleteTag(await root(s, r.projectId), r.name), {}),
  'git.remotes': async (s, r) => s.git.remotes(await root(s, r.projectId)),
  'git.addRemote': async (s, r) => (await s.git.addRemote(await root(s, r.projectId), r.name, r.url), {}),
  'git.removeRemote': async (s, r) => (await s.git.removeRemote(await root(s, r.projectId), r.name), {}),
  'git.fetch': async (s, r) => {
    const dir = await root(s, r.projectId);
    await net(s, r.projectId, 'fetch', (n) => s.git.fetch(dir, r, n));
    return {};
  },
  'git.pull': async (s, r) => {
    const dir = await root(s, r.projectId);
    return net(s, r.projectId, 'pull', (n) => s.git.pull(dir, r, n));
  },
  'git.push': async (s, r) => {
    const dir = await root(s, r.projectId);
    await net(s, r.projectId, 'push', (n) => s.git.push(dir, r, n));
    return {};
  },
  'git.clone': (s, r) => s.cloneIntoWorkspace(r.url, r.name),
  'git.answerCredential': async (s, r) => s.credentials.answer(r.requestId, r.value),
  'versions.compare': async (s, r) => (await s.versions.compare({ old: r.old, new: r.new, cwd: await root(s, r.projectId) })).report,
  'backup.save': (s, r) => s.backup.save(r),
  'backup.discard': (s, r) => s.backup.discard(r.projectId, r.relPath),
  'backup.list': (s) => s.backup.list(),
  'session.get': (s) => s.backup.getSession(),
  'session.save': (s, r) => s.backup.saveSession(r.state),
  'templates.list': (s) => s.authoring.templates(),
  'templates.defaults': (s, r) => s.authoring.defaults(r.templateId, r.name),
  'templates.storeNames': (s) => s.authoring.storeNames(),
  'connector.create': (s, r) => s.authoring.create(r.answers),
  'apiImport.preview': (s, r) => s.apiImport.preview(r.source),
  'apiImport.create': (s, r) => s.apiImport.create(r.source, r.selection, r.answers),
  'apiImport.addOperations': (s, r) => s.apiImport.addOperations(r.projectId, r.source, r.selection),
  'mockVendor.start': (s, r) => s.apiImport.startMock(r.source, r.port),
  'mockVendor.stop': async (s, r) => (await s.apiImport.stopMock(r.port), {}),
  'connector.addVersion': (s, r) => s.authoring.addVersion(r.projectId, r.level),
  'connector.duplicate': (s, r) => s.authoring.duplicate(r.projectId, r),
  'package.export': (s, r) => s.authoring.exportPackage(r.projectId, r.force, r.runId),
  'package.import': (s, r) => s.authoring.importPackage(r.fileName, r.base64, r.mode),
  'review.openPackage': (s, r) => s.reviewDesk.openPackage(r.fileName, r.base64),
  'review.run': (s, r) => s.reviewDesk.run(r.projectId, r),
  'review.html': (s, r) => s.reviewDesk.html(r.projectId, r),
  'docs.generate': (s, r) => s.reviewDesk.docs(r.projectId, r.format),
  'playbooks.list': (s, r) => s.reviewDesk.playbooks(r.projectId),
  'playbooks.generateSamples': (s, r) => s.reviewDesk.generateSamples(r.projectId),
  'testConfig.list': (s, r) => s.testing.listConfigs(r.projectId),
  'testConfig.save': (s, r) => s.testing.saveConfig(r.projectId, r.config),
  'testConfig.delete': (s, r) => s.testing.deleteConfig(r.projectId, r.id),
  'testConfig.setActive': (s, r) => s.testing.setActive(r.projectId, r.id, r.active),
  'runtime.health': (s, r) => s.testing.health(r.projectId, r.configId, r.cassette),
  'runtime.execute': (s, r) => s.testing.execute(r.projectId, r),
  'tests.list': (s, r) => s.connectorTests.list(r.projectId),
  'tests.run': (s, r) => s.connectorTests.run(r.projectId, r.target),
  'tests.saveAsTest': (s, r) => s.connectorTests.saveAsTest(r.projectId, r.operation, r.name, r.mode ?? 'exact'),
  'tests.rerecord': (s, r) => s.connectorTests.rerecord(r.projectId, r.testId, r.configId),
  'tests.acceptRerecord': (s, r) => s.connectorTests.acceptRerecord(r.projectId, r.recording),
  'tests.keepRecording': async (s, r) => (await s.connectorTests.keepRecording(r.projectId, r.recording), {}),
  'runtime.stop': (s, r) => s.testing.stop(r.projectId),
  'runtime.environment': (s, r) => s.environments.environment(r.projectId),
  'runtime.interpreters': () => detectInterpreters(),
  'runtime.setInterpreter': (s, r) => s.environments.setInterpreter(r.projectId, r.interpreter),
  'runtime.installDependencies': (s, r) => s.environments.startInstall(r.projectId, r.runId, r.extras),
  'runtime.createPlatformEnvironment': (s, r) => s.environments.startCreatePlatform(r.projectId, r.runId),
  'runtime.removeEnvironment': (s, r) => s.environments.removeVenv(r.projectId),
  'platform.snapshot': (s, r) => s.platform.snapshot(r.projectId),
  'platform.record': (s, r) => s.platform.record(r.projectId, r.iri),
  'platform.reset': async (s, r) => (await s.platform.reset(r.projectId), {}),
  'ingestion.overview': (s, r) => s.ingestion.overview(r.projectId),
  'ingestion.fetchSample': (s, r) => s.ingestion.fetchSample(r.projectId, r.configId),
  'ingestion.run': (s, r) => s.ingestion.run(r.projectId, r.configId, r.pulls, r.intervalMinutes),
  'debug.start': (s, r) => s.debug.start(r.projectId, r),
  'debug.restart': (s, r) => s.debug.restart(r.projectId, r.sessionId),
  'debug.stop': async (s, r) => (await s.debug.stop(r.projectId, r.sessionId), {}),
  'debug.sessions': (s, r) => s.debug.sessions(r.projectId),
  'debug.continue': async (s, r) => (await s.debug.control(r.projectId, r.sessionId, 'continue', r.threadId), {}),
  'debug.next': async (s, r) => (await s.debug.control(r.projectId, r.sessionId, 'next', r.threadId), {}),
  'debug.stepIn': async (s, r) => (await s.debug.control(r.projectId, r.sessionId, 'stepIn', r.threadId), {}),
  'debug.stepOut': async (s, r) => (await s.debug.control(r.projectId, r.sessionId, 'stepOut', r.threadId), {}),
  'debug.pause': async (s, r) => (await s.debug.control(r.projectId, r.sessionId, 'pause', r.threadId), {}),
  'debug.stackTrace': (s, r) => s.debug.stackTrace(r.projectId, r.sessionId, r.threadId),
  'debug.scopes': (s, r) => s.debug.scopes(r.projectId, r.sessionId, r.frameId),
  'debug.variables': (s, r) => s.debug.variables(r.projectId, r.sessionId, r),
  'debug.evaluate': (s, r) => s.debug.evaluate(r.projectId, r.sessionId, r),
  'debug.breakpoints': (s, r) => s.debug.breakpoints(r.projectId),
  'debug.setBreakpoints': (s, r) => s.debug.setBreakpoints(r.projectId, r.path, r.breakpoints, r.sessionId),
  'debug.setExceptionFilters': async (s, r) => (await s.debug.setExceptionFilters(r.projectId, r.filters, r.sessionId), {}),
  'publish.profiles': (s) => s.publish.listProfiles(),
  'publish.saveProfile': (s, r) => s.publish.saveProfile(r.profile),
  'publish.removeProfile': async (s, r) => (await s.publish.removeProfile(r.profileId), {}),
  'publish.pinCertificate': (s, r) => s.publish.pinCertificate(r.profileId, r.sha256 || undefined),
  'publish.testConnection': (s, r) => s.publish.testConnection(r),
  'publish.inspectCertificate': (s, r) => s.publish.inspectCertificate(r.profileId),
  'publish.installedVersions': (s, r) => s.publish.installedVersions(r.profileId, r.name),
  'publish.preflight': async (s, r) => s.publish.preflight(r.profileId, await s.projects.connectorDirOf(r.projectId)),
  'publish.run': (s, r) => s.publish.startRun(r),
  'publish.history': async (s, r) => (await s.publish.history(r.projectId)).slice().reverse(),
  'publish.rollback': (s, r) => s.publish.rollback({ profileId: r.profileId, projectKey: r.projectId, archive: r.archive }),
  'lsp.open': (s, r) => s.lsp.open(r.projectId, r.relPath, r.text, r.version),
  'lsp.change': (s, r) => s.lsp.change(r.projectId, r.relPath, r.text, r.version),
  'lsp.close': (s, r) => s.lsp.close(r.projectId, r.relPath),
  'lsp.completion': (s, r) => s.lsp.completion(r),
  'lsp.hover': (s, r) => s.lsp.hover(r),
  'lsp.definition': (s, r) => s.lsp.definition(r),
  'lsp.signatureHelp': (s, r) => s.lsp.signatureHelp(r),
  'lsp.start': (s, r) => s.lsp.start(r.projectId),
  'lsp.stop': (s, r) => s.lsp.stop(r.projectId),
  'connector.validate': async (s, r) => s.validate.validateFolder(await s.projects.connectorDirOf(r.projectId), { metadataOnly: r.metadataOnly }),
};

const ajv = new Ajv({ allErrors: false, strict: false });
const validators = new Map<Channel, ValidateFunction>();
const validatorFor = (c: Channel) => {
  let v = validators.get(c);
  if (!v) validators.set(c, (v = ajv.compile(requestSchemas[c])));
  return v;
};

export { toResult };

/** The one entry point of every door: validates the request, runs the handler, and returns a Result, never a throw. */
export async function dispatch<C extends Channel>(s: Services, channel: C, raw: unknown): Promise<Result<Res<C>>> {
  if (!Object.prototype.hasOwnProperty.call(handlers, channel)) return err('VALIDATION', `Unknown channel "${String(channel)}".`);
  const validate = validatorFor(channel);
  if (!validate(raw ?? {})) {
    const first = validate.errors?.[0];
    return err('VALIDATION', `Invalid request for ${channel}: ${first?.instancePath || 'request'} ${first?.message ?? ''}`.trim(), validate.errors);
  }
  try {
    await checkProjectAccess(s, channel, raw ?? {});
    return ok(await handlers[channel](s, (raw ?? {}) as Req<C>));
  } catch (e) {
    return toResult(e, s.log.error);
  }
}
