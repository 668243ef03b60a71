/** A vendor's API description (OpenAPI, Swagger, Postman or cURL) read into one shape: what the import picker
 * lists and what the generator and the mock vendor work from. Pure data: it crosses IPC as is. */

export type ApiDescriptionKind = 'openapi' | 'postman' | 'curl';

/** A JSON-Schema-like shape, dereferenced. Kept loose: vendors write what they like. */
export type ApiSchema = Record<string, unknown>;

export type ApiParamLocation = 'path' | 'query' | 'header' | 'body';

export interface ApiParam {
  /** The name the vendor uses on the wire. */
  readonly name: string;
  /** The name on the wire when `name` had to be changed to be unique in the form. */
  readonly wireName?: string;
  readonly in: ApiParamLocation;
  readonly required: boolean;
  readonly description?: string;
  readonly schema?: ApiSchema;
  /** A sample value from the description (never a secret: see api-import/secrets.ts). */
  readonly example?: unknown;
}

export interface ApiResponse {
  readonly status: string;
  readonly schema?: ApiSchema;
  readonly example?: unknown;
  /** True when the response is not JSON (text, a file). */
  readonly binary?: boolean;
}

export interface ApiOperation {
  /** The generated operation name: snake_case, unique in the description. */
  readonly id: string;
  readonly method: string;
  /** With `{name}` placeholders, relative to the server URL. */
  readonly path: string;
  /** Tag (OpenAPI) or folder (Postman); '' when none. */
  readonly group: string;
  readonly title: string;
  readonly description: string;
  readonly parameters: readonly ApiParam[];
  /** The request body sent as a whole JSON value when its fields are not listed one by one. */
  readonly bodyKind?: 'json' | 'form' | 'multipart' | 'binary';
  readonly response?: ApiResponse;
  readonly deprecated?: boolean;
}

export type ApiAuth =
  | { readonly type: 'none' }
  | { readonly type: 'apiKey'; readonly in: 'header' | 'query'; readonly name: string; readonly scheme?: string }
  | { readonly type: 'basic' }
  | { readonly type: 'bearer' }
  | { readonly type: 'oauth2'; readonly tokenUrl: string };

export interface ApiDescription {
  readonly kind: ApiDescriptionKind;
  readonly title: string;
  readonly description: string;
  readonly version: string;
  /** Base URLs, the first the default; may be empty. */
  readonly servers: readonly string[];
  /** The authentication the connector offers, the first the default. */
  readonly auth: ApiAuth;
  readonly operations: readonly ApiOperation[];
  /** What a lenient reader had to overlook or could not use, to tell the user. */
  readonly notes: readonly string[];
}

/** What the picker shows of one operation: the description's operation and what it will generate. */
export interface ApiOperationPreview {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly group: string;
  readonly title: string;
  readonly description: string;
  readonly category: OperationCategory;
  readonly readOnly: boolean;
  /** Parameters as they will appear in the form: name, title, type, required. */
  readonly parameters: ReadonlyArray<{ name: string; title: string; type: string; required: boolean }>;
  /** Top-level keys of the output schema; empty when the description gives no response schema or example. */
  readonly outputKeys: readonly string[];
  /** No required parameter: a candidate health check. */
  readonly cheap: boolean;
}

export type OperationCategory = 'investigation' | 'containment' | 'remediation' | 'miscellaneous';
export const OPERATION_CATEGORY_CHOICES: readonly OperationCategory[] = ['investigation', 'containment', 'remediation', 'miscellaneous'];

export interface ApiImportPreview {
  readonly kind: ApiDescriptionKind;
  readonly title: string;
  readonly description: string;
  readonly servers: readonly string[];
  readonly auth: ApiAuth['type'];
  readonly operations: readonly ApiOperationPreview[];
  readonly notes: readonly string[];
}

/** The user's picks in the picker, by operation id. */
export interface ApiImportSelection {
  readonly operations: readonly string[];
  readonly titles?: Readonly<Record<string, string>>;
  readonly categories?: Readonly<Record<string, OperationCategory>>;
  /** Operation id of the health check; default: the first picked read-only one without required parameters. */
  readonly healthCheck?: string;
}

/** The description as the user gave it: a file path (CLI, desktop) or the text (pasted, uploaded). */
export interface ApiDescriptionSource {
  readonly kind?: ApiDescriptionKind;
  readonly text: string;
  /** For messages and for guessing the kind: the file name. */
  readonly fileName?: string;
}

export const isReadOnlyMethod = (method: string): boolean => method === 'GET' || method === 'HEAD';

/** The About answers the import takes; the rest comes from the description and the blank template. */
export interface ApiImportAnswers {
  readonly name: string;
  readonly label?: string;
  readonly publisher?: string;
  readonly description?: string;
  readonly publishTarget?: 'own' | 'fortinet';
}

export interface AddedOperations {
  /** Operation names added, in order. */
  readonly added: string[];
  /** Description ids renamed because the connector already had that name: id -> new name. */
  readonly renamed: Record<string, string>;
}

export interface MockVendorInfo {
  readonly url: string;
  readonly port: number;
  readonly title: string;
  readonly operations: number;
}
