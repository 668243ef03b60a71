import type { Channel } from '../ipc/contract';
import { CASSETTE_NAME } from '../models/cassette';
import { EXCEPTION_FILTERS } from '../models/debug';
import { PLATFORM_LIBRARIES } from '../models/environment';
import { PROFILE_TIMEOUT_SEC } from '../models/server-profile';
import { PROJECT_ID_PATTERN } from '../models/workspace';

/** JSON Schemas for every request, checked by the router before a handler runs. A Record so a new channel
 * without a schema is a compile error. Kept as plain data: the services compile them with ajv. */
type Schema = Record<string, unknown>;

const str = { type: 'string' } as const;
const nonEmpty = { type: 'string', minLength: 1 } as const;
const bool = { type: 'boolean' } as const;
const obj = (properties: Record<string, unknown>, required: string[] = []): Schema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const empty = obj({});
const cassette = obj({ mode: { enum: ['record', 'replay'] }, name: { type: 'string', pattern: CASSETTE_NAME.source } }, ['mode', 'name']);
/** Project ids are hashes the services made (projects/project-summary.ts); anything else never reaches a path. */
const projectIdSchema = { type: 'string', pattern: PROJECT_ID_PATTERN } as const;
const project = { projectId: projectIdSchema };
const inProject = (extra: Record<string, unknown> = {}, required: string[] = []) =>
  obj({ ...project, ...extra }, ['projectId', ...required]);
const query = { query: nonEmpty, isRegex: bool, matchCase: bool };
const strings = { type: 'array', items: str } as const;
const profileFields = {
  id: nonEmpty,
  name: nonEmpty,
  url: nonEmpty,
  auth: { enum: ['password', 'apiKey', 'hmac'] },
  username: str,
  hmacPublicKey: str,
  tls: obj({ caFile: str, pinnedSha256: str }),
  timeoutSec: { type: 'integer', minimum: PROFILE_TIMEOUT_SEC.min, maximum: PROFILE_TIMEOUT_SEC.max },
  secret: str,
};
const profileInput = obj(profileFields, ['name', 'url', 'auth']);
const healthRequest = { anyOf: [obj({ config: nonEmpty }, ['config']), obj({ fromTestConfig: nonEmpty, name: str }, ['fromTestConfig'])] };

/** The API import (issue 20): a description's text (32 MB at most), the picks and the About answers. */
const apiSource = obj({ kind: { enum: ['openapi', 'postman', 'curl'] }, text: { type: 'string', minLength: 1, maxLength: 32 * 1024 * 1024 }, fileName: { type: 'string', maxLength: 255 } }, ['text']);
const apiSelection = obj(
  {
    operations: { type: 'array', maxItems: 5000, items: { type: 'string', minLength: 1, maxLength: 200 } },
    titles: { type: 'object', additionalProperties: { type: 'string', maxLength: 200 } },
    categories: { type: 'object', additionalProperties: { enum: ['investigation', 'containment', 'remediation', 'miscellaneous'] } },
    healthCheck: { type: 'string', maxLength: 200 },
  },
  ['operations'],
);
const apiAnswers = obj({ name: nonEmpty, label: str, publisher: str, description: str, publishTarget: { enum: ['own', 'fortinet'] } }, ['name']);

const lspInt = { type: 'integer', minimum: 0 } as const;
const lspAt = inProject({ relPath: nonEmpty, line: { type: 'integer', minimum: 1 }, character: { type: 'integer', minimum: 1 } }, ['relPath', 'line', 'character']);

/** The debugger (shared/models/debug.ts). */
const posInt = { type: 'integer', minimum: 1 } as const;
const dapRef = { type: 'integer', minimum: 0 } as const;
const inSession = (extra: Record<string, unknown> = {}, required: string[] = []) => inProject({ sessionId: nonEmpty, ...extra }, ['sessionId', ...required]);
const threadReq = inSession({ threadId: dapRef });
const relFile = { type: 'string', minLength: 1, maxLength: 1000 } as const;
const bpFields = { line: posInt, condition: str, hitCondition: str, logMessage: str };
const sourceBreakpoints = { type: 'array', maxItems: 1000, items: obj(bpFields, ['line']) } as const;
const debugBreakpoints = { type: 'array', maxItems: 10000, items: obj({ ...bpFields, path: relFile, verified: bool, message: str }, ['path', 'line']) } as const;
const exceptionFilters = { type: 'array', maxItems: EXCEPTION_FILTERS.length, uniqueItems: true, items: { enum: [...EXCEPTION_FILTERS] } } as const;
const debugTarget = {
  anyOf: [
    obj({ kind: { const: 'health' }, configId: nonEmpty }, ['kind', 'configId']),
    obj({ kind: { const: 'execute' }, operation: nonEmpty, params: { type: 'object' }, configId: nonEmpty }, ['kind', 'operation', 'params']),
    obj({ kind: { const: 'test' }, testId: { type: 'string', minLength: 1, maxLength: 2000 } }, ['kind', 'testId']),
  ],
};

export const requestSchemas: Record<Channel, Schema> = {
  'app.info': empty,
  'app.exportDiagnostics': empty,
  'app.openLogsFolder': empty,
  'settings.get': empty,
  'settings.update': obj(
    {
      patch: obj({
        workspaceRoot: nonEmpty,
        pythonPath: str,
        gitPath: str,
        theme: { enum: ['dark', 'light'] },
        editorFontSize: { type: 'integer', minimum: 8, maximum: 40 },
        runtimeTimeoutSec: { type: 'integer', minimum: 1, maximum: 3600 },
        workerMemoryLimitMb: { type: 'integer', minimum: 0, maximum: 1048576 },
        largeFileLimitKb: { type: 'integer', minimum: 16, maximum: 102400 },
        formatOnSave: { type: 'boolean' },
      }),
    },
    ['patch'],
  ),
  'tools.detect': empty,
  'fs.browse': obj({ path: str }),
  'projects.list': empty,
  'projects.open': obj({ path: nonEmpty }, ['path']),
  'projects.delete': inProject(),
  'projects.trust': inProject(),
  'files.tree': inProject(),
  'files.read': inProject({ relPath: str }, ['relPath']),
  'files.write': inProject(
    { relPath: nonEmpty, text: str, base64: str, etag: { type: ['string', 'null'] } },
    ['relPath'],
  ),
  'files.createDir': inProject({ relPath: nonEmpty }, ['relPath']),
  'files.rename': inProject({ from: nonEmpty, to: nonEmpty }, ['from', 'to']),
  'files.delete': inProject({ relPath: nonEmpty }, ['relPath']),
  'files.search': inProject(query, ['query']),
  'files.replace': inProject({ ...query, replacement: str, relPaths: strings, skip: strings }, ['query', 'replacement']),
  'git.status': inProject(),
  'git.init': inProject(),
  'git.commitAll': inProject({ message: nonEmpty }, ['message']),
  'git.changes': inProject(),
  'git.stage': inProject({ relPaths: strings }, ['relPaths']),
  'git.unstage': inProject({ relPaths: strings }, ['relPaths']),
  'git.commit': inProject({ message: str, amend: bool }),
  'git.identity': empty,
  'sandbox.start': empty,
  'git.setIdentity': obj({ name: nonEmpty, email: nonEmpty }, ['name', 'email']),
  'git.discard': inProject({ relPaths: strings }, ['relPaths']),
  'git.addRecommendedIgnores': inProject(),
  'git.fileDiff': inProject({ relPath: nonEmpty, mode: { enum: ['head', 'unstaged', 'staged'] } }, ['relPath']),
  'git.log': inProject(
    {
      query: obj({ message: str, author: str, path: str, ref: str, all: bool, skip: { type: 'integer', minimum: 0 }, limit: { type: 'integer', minimum: 1, maximum: 500 } }),
    },
    ['query'],
  ),
  'git.commitFiles': inProject({ rev: nonEmpty }, ['rev']),
  'git.commitFileDiff': inProject({ rev: nonEmpty, relPath: nonEmpty, oldPath: str }, ['rev', 'relPath']),
  'git.branches': inProject(),
  'git.createBranch': inProject({ name: nonEmpty, from: str, checkout: bool }, ['name']),
  'git.switchBranch': inProject({ name: nonEmpty }, ['name']),
  'git.deleteBranch': inProject({ name: nonEmpty, force: bool }, ['name']),
  'git.tags': inProject(),
  'git.createTag': inProject({ name: nonEmpty, message: str }, ['name']),
  'git.deleteTag': inProject({ name: nonEmpty }, ['name']),
  'git.remotes': inProject(),
  'git.addRemote': inProject({ name: nonEmpty, url: nonEmpty }, ['name', 'url']),
  'git.removeRemote': inProject({ name: nonEmpty }, ['name']),
  'git.fetch': inProject({ remote: str }),
  'git.pull': inProject({ remote: str, branch: str }),
  'git.push': inProject({ remote: str, branch: str, setUpstream: bool, tags: bool }),
  'git.clone': obj({ url: nonEmpty, name: { type: 'string', pattern: '^[A-Za-z0-9._-]+$' } }, ['url']),
  'git.answerCredential': obj({ requestId: nonEmpty, value: { type: ['string', 'null'] } }, ['requestId', 'value']),
  'versions.compare': inProject({ old: str, new: str }),
  'backup.save': inProject({ relPath: nonEmpty, text: str, baseEtag: { type: ['string', 'null'] } }, ['relPath', 'text', 'baseEtag']),
  'backup.discard': inProject({ relPath: nonEmpty }, ['relPath']),
  'backup.list': empty,
  'session.get': empty,
  'session.save': obj(
    {
      state: obj(
        {
          openProjects: {
            type: 'array',
            items: obj({ projectId: projectIdSchema, tabs: strings, active: str }, ['projectId', 'tabs']),
          },
        },
        ['openProjects'],
      ),
    },
    ['state'],
  ),
  'connector.validate': inProject({ metadataOnly: bool }),
  'templates.list': empty,
  'templates.defaults': obj({ templateId: nonEmpty, name: str }, ['templateId', 'name']),
  'templates.storeNames': empty,
  // The wizard's own checkAnswers() validates the answers in depth; here only the envelope.
  'connector.create': obj({ answers: { type: 'object' } }, ['answers']),
  'apiImport.preview': obj({ source: apiSource }, ['source']),
  'apiImport.create': obj({ source: apiSource, selection: apiSelection, answers: apiAnswers }, ['source', 'selection', 'answers']),
  'apiImport.addOperations': inProject({ source: apiSource, selection: apiSelection }, ['source', 'selection']),
  'mockVendor.start': obj({ source: apiSource, port: { type: 'integer', minimum: 0, maximum: 65535 } }, ['source']),
  'mockVendor.stop': obj({ port: { type: 'integer', minimum: 1, maximum: 65535 } }, ['port']),
  'connector.addVersion': inProject({ level: { enum: ['major', 'minor', 'patch'] } }, ['level']),
  'connector.duplicate': inProject({ name: nonEmpty, label: nonEmpty, version: nonEmpty }, ['name', 'label', 'version']),
  'package.export': inProject({ force: bool, runId: nonEmpty }),
  'package.import': obj({ fileName: nonEmpty, base64: nonEmpty, mode: { enum: ['replace', 'copy'] } }, ['fileName', 'base64']),
  'review.openPackage': obj({ fileName: nonEmpty, base64: nonEmpty }, ['fileName', 'base64']),
  'review.run': inProject({ against: str, checkInstall: bool, certification: bool, runId: { type: 'string', minLength: 1, maxLength: 100 } }),
  'review.html': inProject({ against: str }),
  'docs.generate': inProject({ format: { enum: ['markdown', 'html'] } }, ['format']),
  'playbooks.list': inProject(),
  'playbooks.generateSamples': inProject(),
  'testConfig.list': inProject(),
  'testConfig.save': inProject(
    {
      config: obj(
        { id: nonEmpty, name: nonEmpty, isDefault: bool, active: bool, values: { type: 'object' }, secretsSet: strings },
        ['name', 'values'],
      ),
    },
    ['config'],
  ),
  'testConfig.delete': inProject({ id: nonEmpty }, ['id']),
  'testConfig.setActive': inProject({ id: nonEmpty, active: bool }, ['id', 'active']),
  'runtime.health': inProject({ configId: nonEmpty, cassette }, ['configId']),
  'runtime.execute': inProject(
    { runId: nonEmpty, operation: nonEmpty, params: { type: 'object' }, configId: nonEmpty, cassette },
    ['runId', 'operation', 'params'],
  ),
  'runtime.stop': inProject(),
  'tests.list': inProject(),
  'tests.run': inProject({ target: { type: 'string', minLength: 1, maxLength: 2000 } }),
  'tests.saveAsTest': inProject(
    { operation: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,199}$' }, name: { type: 'string', pattern: CASSETTE_NAME.source }, mode: { enum: ['exact', 'schemaKeys'] } },
    ['operation', 'name'],
  ),
  'tests.rerecord': inProject({ testId: { type: 'string', minLength: 1, maxLength: 2000 }, configId: nonEmpty }, ['testId']),
  'tests.acceptRerecord': inProject({ recording: { type: 'string', pattern: CASSETTE_NAME.source } }, ['recording']),
  'tests.keepRecording': inProject({ recording: { type: 'string', pattern: CASSETTE_NAME.source } }, ['recording']),
  'runtime.environment': inProject(),
  'runtime.interpreters': empty,
  'runtime.setInterpreter': inProject({ interpreter: { type: 'string', maxLength: 1000 } }, ['interpreter']),
  'runtime.installDependencies': inProject(
    { runId: nonEmpty, extras: { type: 'array', maxItems: PLATFORM_LIBRARIES.length, items: { enum: PLATFORM_LIBRARIES.map((l) => l.requirement) } } },
    ['runId'],
  ),
  'runtime.createPlatformEnvironment': inProject({ runId: nonEmpty }, ['runId']),
  'runtime.removeEnvironment': inProject(),
  'platform.snapshot': inProject(),
  'platform.record': inProject({ iri: { type: 'string', minLength: 1, maxLength: 2048 } }, ['iri']),
  'platform.reset': inProject(),
  'ingestion.overview': inProject(),
  'ingestion.fetchSample': inProject({ configId: nonEmpty }, ['configId']),
  'ingestion.run': inProject(
    { configId: nonEmpty, pulls: { type: 'integer', minimum: 1, maximum: 100 }, intervalMinutes: { type: 'number', exclusiveMinimum: 0, maximum: 10080 } },
    ['configId', 'pulls'],
  ),
  'debug.start': inProject({ runId: nonEmpty, target: debugTarget, breakpoints: debugBreakpoints, exceptionFilters }, ['runId', 'target']),
  'debug.restart': inSession(),
  'debug.stop': inSession(),
  'debug.sessions': inProject(),
  'debug.continue': threadReq,
  'debug.next': threadReq,
  'debug.stepIn': threadReq,
  'debug.stepOut': threadReq,
  'debug.pause': threadReq,
  'debug.stackTrace': inSession({ threadId: dapRef }),
  'debug.scopes': inSession({ frameId: dapRef }, ['frameId']),
  'debug.variables': inSession({ variablesReference: posInt, filter: { enum: ['indexed', 'named'] }, start: dapRef, count: dapRef }, ['variablesReference']),
  'debug.evaluate': inSession({ expression: { type: 'string', minLength: 1, maxLength: 100000 }, frameId: dapRef, context: { enum: ['watch', 'repl', 'hover'] } }, ['expression', 'context']),
  'debug.breakpoints': inProject(),
  'debug.setBreakpoints': inProject({ sessionId: nonEmpty, path: relFile, breakpoints: sourceBreakpoints }, ['path', 'breakpoints']),
  'debug.setExceptionFilters': inProject({ sessionId: nonEmpty, filters: exceptionFilters }, ['filters']),
  'publish.profiles': empty,
  'publish.saveProfile': obj({ profile: profileInput }, ['profile']),
  'publish.removeProfile': obj({ profileId: nonEmpty }, ['profileId']),
  'publish.pinCertificate': obj({ profileId: nonEmpty, sha256: str }, ['profileId']),
  'publish.testConnection': {
    anyOf: [obj({ profileId: nonEmpty }, ['profileId']), obj({ profile: obj({ ...profileFields, secret: nonEmpty }, ['name', 'url', 'auth', 'secret']) }, ['profile'])],
  },
  'publish.inspectCertificate': obj({ profileId: nonEmpty }, ['profileId']),
  'publish.installedVersions': obj({ profileId: nonEmpty, name: nonEmpty }, ['profileId', 'name']),
  'publish.preflight': inProject({ profileId: nonEmpty }, ['profileId']),
  'publish.run': inProject(
    {
      runId: nonEmpty,
      profileId: nonEmpty,
      replace: bool,
      deleteOtherVersions: bool,
      health: healthRequest,
      discardAfter: bool,
      tag: bool,
      verify: bool,
      smoke: { type: 'array', maxItems: 50, items: obj({ operation: nonEmpty, params: { type: 'object' } }, ['operation']) },
      keepOnFailure: bool,
    },
    ['runId', 'profileId'],
  ),
  'publish.history': inProject(),
  'publish.rollback': inProject({ profileId: nonEmpty, archive: nonEmpty }, ['profileId', 'archive']),
  'lsp.open': inProject({ relPath: nonEmpty, text: str, version: lspInt }, ['relPath', 'text', 'version']),
  'lsp.change': inProject({ relPath: nonEmpty, text: str, version: lspInt }, ['relPath', 'text', 'version']),
  'lsp.close': inProject({ relPath: nonEmpty }, ['relPath']),
  'lsp.completion': lspAt,
  'lsp.hover': lspAt,
  'lsp.definition': lspAt,
  'lsp.signatureHelp': lspAt,
  'lsp.start': inProject(),
  'lsp.stop': inProject(),
};
