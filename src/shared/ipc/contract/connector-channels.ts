/** Connector channels: validation, templates and the wizard, versions and copies, packages, docs and playbooks. */
import type { ValidationReport } from '../../connector/findings';
import type { PlaybookList } from '../../connector/playbooks';
import type { WizardAnswers } from '../../connector/wizard';
import type { ProjectSummary } from '../../models/workspace';
import type { Empty, InProject } from './common';

export interface ConnectorChannels {
  'connector.validate': { req: InProject & { metadataOnly?: boolean }; res: ValidationReport };
  'templates.list': { req: Empty; res: { id: string; title: string; description: string; category: string }[] };
  'templates.defaults': { req: { templateId: string; name: string }; res: WizardAnswers };
  'templates.storeNames': { req: Empty; res: string[] };
  'connector.create': { req: { answers: WizardAnswers }; res: ProjectSummary };
  'connector.addVersion': { req: InProject & { level: 'major' | 'minor' | 'patch' }; res: { from: string; to: string; tag: string; sha: string } };
  'connector.duplicate': { req: InProject & { name: string; label: string; version: string }; res: ProjectSummary };
  /** Validates, then writes a deterministic .tgz beside the project; the bytes come back for a browser download.
   * With a runId, streams `package.progress` events tagged with it while the files are packed. */
  'package.export': {
    req: InProject & { force?: boolean; runId?: string };
    res: { file: string; fileName: string; bytes: number; name: string; version: string; entries: string[]; base64: string };
  };
  /** `skipped`: stray files beside the connector folder in the archive (e.g. `._name`), not imported.
   * `warnings`: one line per skipped file and per dropped virtualenv or git folder, for the user to see. */
  /** CONFLICT (details: name, existingVersion, importedVersion) when a project of the package's info.json name
   * exists and no `mode` says what to do: 'replace' commits the package as a new version of it, 'copy' makes
   * `<name>-2`. */
  'package.import': { req: { fileName: string; base64: string; mode?: 'replace' | 'copy' }; res: ProjectSummary & { skipped?: string[]; warnings?: string[]; replaced?: boolean; sha?: string; copyOf?: string } };
  'docs.generate': { req: InProject & { format: 'markdown' | 'html' }; res: { text: string } };
  'playbooks.list': { req: InProject; res: PlaybookList };
  'playbooks.generateSamples': { req: InProject; res: { added: string[]; skipped: string[] } };
}
