/** The compatibility report between two versions of a connector (DESIGN.md, `diff` JSON shape). */

export type FieldScope = 'parameter' | 'config-field';

export type FieldChangeKind =
  | 'added'
  | 'removed'
  | 'made-required'
  | 'made-optional'
  | 'type-changed'
  | 'default-changed'
  | 'options-removed'
  | 'options-added';

export type CompatChangeKind =
  | 'operation-added'
  | 'operation-removed'
  | 'operation-renamed'
  | `${FieldScope}-${FieldChangeKind}`
  | 'output-key-removed'
  | 'output-key-added';

export interface CompatChange {
  readonly kind: CompatChangeKind;
  /** Name-keyed, slash-separated: `operations/<op>/parameters/<name>`, `configuration/fields/<name>`; fields
   * inside onchange branches add `/onchange/<option>/<name>`; output keys add `/output_schema/<key>/<key>`. */
  readonly path: string;
  readonly breaking: boolean;
  readonly message: string;
}

export interface CompatReport {
  readonly old: string;
  readonly new: string;
  readonly changes: CompatChange[];
  readonly breaking: boolean;
  readonly suggestedVersion: string;
  readonly releaseNotes: string;
}

/** How far a change moves the version: breaking -> major, additions -> minor, anything else -> patch. */
export type BumpLevel = 'major' | 'minor' | 'patch';

/** A change as the comparers produce it, before the report drops what the JSON shape does not carry. */
export interface DraftChange extends CompatChange {
  readonly level: BumpLevel;
  /** One line for release_notes.md, written for the connector's users rather than its developer. */
  readonly note: string;
}
