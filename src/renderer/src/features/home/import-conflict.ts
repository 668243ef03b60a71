import { choiceDialog } from '../../store/dialogs/store';

/** What an import found in the workspace: a project whose connector has the package's info.json name. */
export interface ImportConflict {
  readonly message: string;
  readonly name?: string;
  readonly existingVersion?: string;
  readonly importedVersion?: string;
}

export type ImportMode = 'replace' | 'copy';

/** The one question every import asks (Home's Import .tgz and a review's Import into workspace): the package's
 * connector is already a project. Resolves the mode to import with, or null for Cancel. */
export async function askImportConflict(c: ImportConflict, fileName: string): Promise<ImportMode | null> {
  const choice = await choiceDialog({
    title: `${c.name ?? 'This connector'} is already in the workspace`,
    message: conflictMessage(c, fileName),
    choices: [
      { id: 'replace', label: 'Replace as a New Version', primary: true },
      { id: 'copy', label: `Import as a Copy${c.name ? ` (${c.name}-2)` : ''}` },
      { id: 'cancel', label: 'Cancel' },
    ],
  });
  return choice === 'replace' || choice === 'copy' ? choice : null;
}

function conflictMessage(c: ImportConflict, fileName: string): string {
  if (!c.name) return c.message;
  const have = c.existingVersion ? ` (version ${c.existingVersion})` : '';
  const incoming = c.importedVersion ? `version ${c.importedVersion}` : 'the package';
  return `A project for ${c.name}${have} is already in the workspace. Replace as a new version: its connector folder takes ${incoming} from ${fileName}, committed as one new commit, its history kept. Import as a copy: a separate project named ${c.name}-2.`;
}
