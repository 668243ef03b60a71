/** What the app offers of the API import: the picker's preview, creating a project from the picks (opened and
 * trusted, as a template's project is), adding operations to an open project, and mock vendors served from a
 * description for the Test view (stopped with the app). */
import type { AddedOperations, ApiDescriptionSource, ApiImportAnswers, ApiImportPreview, ApiImportSelection, MockVendorInfo } from '../../../shared/models/api-import';
import type { ProjectSummary } from '../../../shared/models/workspace';
import { ServiceError } from '../errors';
import type { GitService } from '../git/git-service';
import type { MockVendor } from '../mock-vendor';
import type { ProjectService } from '../projects/project-service';
import type { TrustService } from '../trust/trust-service';
import type { ApiImportService } from './api-import-service';

export interface ApiImportDesk {
  preview(source: ApiDescriptionSource): Promise<ApiImportPreview>;
  create(source: ApiDescriptionSource, selection: ApiImportSelection, answers: ApiImportAnswers): Promise<ProjectSummary>;
  addOperations(projectId: string, source: ApiDescriptionSource, selection: ApiImportSelection): Promise<AddedOperations>;
  startMock(source: ApiDescriptionSource, port?: number): Promise<MockVendorInfo>;
  stopMock(port: number): Promise<void>;
  dispose(): Promise<void>;
}

export interface ApiImportDeskDeps {
  readonly resourcesDir: string;
  readonly git: GitService;
  readonly projects: Pick<ProjectService, 'open' | 'connectorDirOf'>;
  readonly trust: Pick<TrustService, 'trust'>;
  readonly workspaceRoot: () => Promise<string>;
  readonly log?: (message: string, extra?: unknown) => void;
}

/** Mocks a window left running: a few are plenty, more would be forgotten ones. */
const MAX_MOCKS = 5;

export function createApiImportDesk(deps: ApiImportDeskDeps): ApiImportDesk {
  // The readers (swagger-parser, postman-collection, curlconverter) are megabytes of code: loaded on the first
  // use, so the app's start does not compile them.
  let loaded: Promise<ApiImportService> | undefined;
  const service = () =>
    (loaded ??= import('./api-import-service').then((m) => m.createApiImportService({ resourcesDir: deps.resourcesDir, git: deps.git })));
  const mocks = new Map<number, MockVendor>();
  return {
    preview: async (source) => (await service()).preview(source),
    async create(source, selection, answers) {
      if (!selection.operations.length) throw new ServiceError('VALIDATION', 'Pick at least one operation to generate.');
      const created = await (await service()).create(source, selection, answers, await deps.workspaceRoot());
      // What the import makes is the user's own, as a template's project is: trusted from the start.
      await deps.trust.trust(created.projectRoot);
      return deps.projects.open(created.projectRoot);
    },
    async addOperations(projectId, source, selection) {
      if (!selection.operations.length) throw new ServiceError('VALIDATION', 'Pick at least one operation to add.');
      return (await service()).addOperations(await deps.projects.connectorDirOf(projectId), source, selection);
    },
    async startMock(source, port) {
      if (mocks.size >= MAX_MOCKS) throw new ServiceError('CONFLICT', `${MAX_MOCKS} mock vendors are already running: stop one first.`);
      const [description, { startMockVendor }] = await Promise.all([(await service()).read(source), import('../mock-vendor')]);
      const mock = await startMockVendor({ description, port });
      mocks.set(mock.port, mock);
      return { url: mock.url, port: mock.port, title: description.title, operations: description.operations.length };
    },
    async stopMock(port) {
      const mock = mocks.get(port);
      if (!mock) throw new ServiceError('NOT_FOUND', `No mock vendor runs on port ${port}.`);
      mocks.delete(port);
      await mock.close();
    },
    async dispose() {
      const all = [...mocks.values()];
      mocks.clear();
      for (const m of all) await m.close().catch((e: unknown) => deps.log?.('A mock vendor did not close', e));
    },
  };
}
