/** Starting a connector from a vendor's API description, and adding operations from one to an existing
 * project: read (OpenAPI, Postman, cURL), preview for the picker, generate onto the `blank` template. */
import path from 'node:path';
import type { WizardAnswers } from '../../../shared/connector/wizard';
import type { ApiDescription, ApiDescriptionSource, ApiImportPreview, ApiImportSelection } from '../../../shared/models/api-import';
import { createProject, type CreatedProject } from '../connector/scaffold';
import { loadTemplate } from '../connector/templates';
import type { GitService } from '../git/git-service';
import { addOperations, type AddedOperations } from './add-operations';
import { defaultSelection, generateImport, preview } from './generate';
import { loadDescription } from './load';

export interface ApiImportDeps {
  readonly resourcesDir: string;
  readonly git: GitService;
  readonly storeNames?: () => Promise<ReadonlySet<string>>;
}

export interface ApiImportService {
  read(source: ApiDescriptionSource): Promise<ApiDescription>;
  preview(source: ApiDescriptionSource): Promise<ApiImportPreview>;
  /** A project `connector-<name>/` in `workspaceRoot` from the picked operations (default: the read-only ones). */
  create(source: ApiDescriptionSource, selection: ApiImportSelection | undefined, answers: Partial<WizardAnswers> & { name: string }, workspaceRoot: string): Promise<CreatedProject>;
  /** New operations into an existing connector folder; operations already there are never touched. */
  addOperations(connectorDir: string, source: ApiDescriptionSource, selection: ApiImportSelection): Promise<AddedOperations>;
}

export const BASE_TEMPLATE = 'blank';

export function createApiImportService(deps: ApiImportDeps): ApiImportService {
  const templatesDir = path.join(deps.resourcesDir, 'templates');
  const read = (source: ApiDescriptionSource) => loadDescription(source);
  return {
    read,
    preview: async (source) => preview(await read(source)),
    async create(source, selection, given, workspaceRoot) {
      const d = await read(source);
      const base = await loadTemplate(templatesDir, BASE_TEMPLATE);
      const { name, ...overrides } = given;
      const { answers, template } = generateImport(d, selection ?? { operations: defaultSelection(d) }, base, name, overrides);
      return createProject(answers, { workspaceRoot, templatesDir, git: deps.git, template, storeNames: await deps.storeNames?.() });
    },
    async addOperations(connectorDir, source, selection) {
      return addOperations(connectorDir, await read(source), selection);
    },
  };
}
