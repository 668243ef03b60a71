/** What the rule engine sees: a pure, serialisable picture of a connector folder, so the same engine runs in
 * the services (CLI, IPC) and live in the renderer. */
export type ImageInfo =
  | { readonly width: number; readonly height: number; readonly format: 'png' | 'jpeg' }
  | { readonly error: string };

export interface ConnectorSnapshot {
  /** The connector folder's own name (not the path). */
  readonly folderName: string;
  /** Text files by path relative to the connector folder, with `/` separators. */
  readonly files: Readonly<Record<string, string>>;
  /** Every image file under the folder by relative path (read or not). */
  readonly images: Readonly<Record<string, ImageInfo>>;
  /** info.json and assets only: skip the rules that read Python code. */
  readonly metadataOnly: boolean;
  /** Every file in the folder (relative, `/`), read or not. Defaults to the keys of files and images. */
  readonly paths?: readonly string[];
}

export const allPaths = (s: ConnectorSnapshot): readonly string[] => s.paths ?? [...Object.keys(s.files), ...Object.keys(s.images)];

export const INFO_JSON = 'info.json';
export const PLAYBOOKS_JSON = 'playbooks/playbooks.json';
export const REQUIREMENTS_TXT = 'requirements.txt';
