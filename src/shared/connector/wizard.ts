/** The Connector Wizard's answers and their checks. Pure: the renderer shows these errors as the user types and
 * the services refuse to scaffold while any error remains. */
import { imageSize } from './image-header';
import { CONNECTOR_CATEGORIES, KNOWN_FIELD_TYPES, OPERATION_CATEGORIES } from './info-json';
import { isPasswordField } from './secret-fields';
import { ciInstallProblem } from './ci-install';

export type LicenceChoice = 'MIT' | 'Apache-2.0' | 'proprietary';
export const LICENCE_CHOICES: readonly LicenceChoice[] = ['MIT', 'Apache-2.0', 'proprietary'];

/** Where the connector will be published. `own`: the partner's or customers' FortiSOAR servers, under the
 * partner's copyright and licence. `fortinet`: submitted to Fortinet for certification, through a pull request
 * to its fortinet-fortisoar repositories, whose CI requires the MIT copyright block of Fortinet Inc (with the
 * current year) in every Python file, cs_approved false (Fortinet sets it when it certifies) and help_online
 * on github.com/fortinet-fortisoar. */
export type PublishTarget = 'own' | 'fortinet';
export const PUBLISH_TARGETS: readonly PublishTarget[] = ['own', 'fortinet'];

/** The repository a connector submitted to Fortinet lives in, as help_online. */
export const fortinetRepositoryUrl = (name: string): string => `https://github.com/fortinet-fortisoar/connector-${name}`;

/** Field types Fortinet's certification CI accepts (the wizard's others install, but fail it). */
const CI_FIELD_TYPES = new Set(['text', 'textarea', 'integer', 'datetime', 'date', 'select', 'multiselect', 'checkbox', 'password', 'json', 'email', 'object',
  'file', 'richtext', 'html', 'decimal', 'phone', 'domain', 'filehash', 'ipv4', 'ipv6', 'url']);
const CI_DOC_LINK = /^https:\/\/(docs\.fortinet\.com\/document\/fortisoar|github\.com\/fortinet-fortisoar)/;

/** Types a text field can be narrowed to; the chosen one becomes the field's `type` in info.json. */
export const TEXT_SUBTYPES: readonly string[] = ['url', 'email', 'domain', 'ipv4', 'ipv6', 'filehash', 'phone'];

export interface WizardField {
  name: string;
  title: string;
  type: string;
  /** Only for `text`: one of TEXT_SUBTYPES. */
  subtype?: string;
  description?: string;
  tooltip?: string;
  placeholder?: string;
  required?: boolean;
  visible?: boolean;
  editable?: boolean;
  /** The default value. */
  value?: unknown;
  options?: string[];
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How the generated code calls the vendor API: `{param}` in the path takes that parameter's value. */
export interface ActionRequest {
  method: HttpMethod;
  path: string;
  /** Parameter names sent as the query string; `body` ones as a JSON body. Unlisted ones follow the method. */
  query?: string[];
  body?: string[];
}

export interface WizardAction {
  operation: string;
  title: string;
  description: string;
  category?: string;
  annotation?: string;
  parameters: WizardField[];
  output_schema: unknown;
  request?: ActionRequest;
}

export interface WizardAnswers {
  /** The API identifier: folder name and info.json `name`. */
  name: string;
  label: string;
  version: string;
  description: string;
  publisher: string;
  category: string;
  template: string;
  configuration: WizardField[];
  actions: WizardAction[];
  /** Base64 PNG or JPEG; a default icon is drawn when absent, other sizes are scaled. */
  icons?: { small?: string; large?: string };
  licence: LicenceChoice;
  helpOnline?: string;
  /** Where the connector will be published (default `own`). */
  publishTarget?: PublishTarget;
  /** What the project's CI workflow installs Connector Studio from (`npm install -g` takes it); default the npm package. */
  ciInstall?: string;
}

export interface AnswerIssue {
  /** Slash path into the answers, e.g. "name" or "actions/0/parameters/1/name". */
  readonly field: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
}

export interface CheckOptions {
  /** Names of connectors in the FortiSOAR store (resources/store-connectors.json). */
  readonly storeNames?: ReadonlySet<string>;
  readonly templateIds?: readonly string[];
}

export const API_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const VERSION = /^\d+\.\d+\.\d+$/;
const CERTIFIABLE_VERSION = /^[1-9]\d*\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED_CONFIG = new Set(['name', 'default']);
const CHOICE_TYPES = new Set(['select', 'multiselect']);
/** Operation names become Python function names next to these, in operations.py. */
const PYTHON_RESERVED = new Set(('False None True and as assert async await break class continue def del elif else except finally for ' +
  'from global if import in is lambda nonlocal not or pass raise return try while with yield ' +
  'check_health health_check operations logger ApiClient pick require_params ConnectorError get_logger json').split(' '));
const ICON_SIZES = { small: 32, large: 80 } as const;

const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';

export function checkAnswers(a: WizardAnswers, opts: CheckOptions = {}): AnswerIssue[] {
  const out: AnswerIssue[] = [];
  const add = (field: string, severity: AnswerIssue['severity'], message: string) => out.push({ field, severity, message });
  checkIdentity(a, opts, add);
  const certified = isCertified(a);
  if (listOfObjects(a.configuration, 'configuration', add)) checkFields(a.configuration, 'configuration', true, add, certified);
  if (listOfObjects(a.actions, 'actions', add)) checkActions(a.actions, add, certified);
  checkIcons(a.icons, add);
  if (a.ciInstall !== undefined) {
    const problem = typeof a.ciInstall === 'string' ? ciInstallProblem(a.ciInstall) : 'The CI install source must be text.';
    if (problem) add('ciInstall', 'error', problem);
  }
  if (a.publishTarget === 'fortinet') checkCertified(a, add);
  return out;
}

export const isCertified = (a: Pick<WizardAnswers, 'publishTarget'>): boolean => a.publishTarget === 'fortinet';

/** Submitting to Fortinet: what its CI fails becomes an error here, and what it warns about a warning, so the
 * project the wizard writes passes it. */
function checkCertified(a: WizardAnswers, add: Add): void {
  const ci = "Fortinet's certification CI";
  if (a.publishTarget !== undefined && !PUBLISH_TARGETS.includes(a.publishTarget)) add('publishTarget', 'error', `Pick where the connector will be published: ${PUBLISH_TARGETS.join(' or ')}.`);
  if (a.licence !== 'MIT') add('licence', 'error', `Connectors submitted to Fortinet are MIT-licensed: ${ci} requires the MIT License block of Fortinet Inc in every Python file.`);
  if (!blank(a.version) && VERSION.test(a.version) && !CERTIFIABLE_VERSION.test(a.version)) add('version', 'error', `${ci} fails version ${a.version}: use 1.0.0 or later, without leading zeros.`);
  if (!blank(a.category) && !CONNECTOR_CATEGORIES.includes(a.category)) add('category', 'error', `${ci} fails the category '${a.category}': pick one from its list.`);
  if (a.helpOnline !== undefined && !CI_DOC_LINK.test(a.helpOnline))
    add('helpOnline', 'error', `${ci} fails a help link outside github.com/fortinet-fortisoar and docs.fortinet.com/document/fortisoar: leave it empty for ${fortinetRepositoryUrl(a.name || '<name>')}.`);
  const fields = (list: unknown, base: string) => {
    if (!Array.isArray(list) || !list.every((f) => f !== null && typeof f === 'object')) return;
    (list as WizardField[]).forEach((f, i) => {
      if (blank(f.description)) add(`${base}/${i}/description`, 'error', `${ci} fails a field without a description: say what to enter.`);
      const type = f.type === 'text' && f.subtype ? f.subtype : f.type;
      if (!CI_FIELD_TYPES.has(type)) add(`${base}/${i}/type`, 'error', `${ci} fails the type '${type}': pick another.`);
    });
  };
  fields(a.configuration, 'configuration');
  if (!Array.isArray(a.actions) || !a.actions.every((x) => x !== null && typeof x === 'object')) return;
  a.actions.forEach((act, i) => {
    fields(act.parameters, `actions/${i}/parameters`);
    const schema = act.output_schema;
    const empty = schema === null || typeof schema !== 'object' || Object.keys(schema).length === 0;
    if (empty && !/Execute an API (Call|Request)/.test(String(act.title))) add(`actions/${i}/output_schema`, 'warning', `${ci} warns about an empty output schema: list the keys the action returns.`);
  });
}

type Add = (field: string, severity: AnswerIssue['severity'], message: string) => void;

/** Answers can come from a hand-written JSON file: a wrong shape is reported, never thrown. */
function listOfObjects(v: unknown, field: string, add: Add): boolean {
  const ok = Array.isArray(v) && v.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x));
  if (!ok) add(field, 'error', `"${field}" must be a list of objects.`);
  return ok;
}

function checkIdentity(a: WizardAnswers, opts: CheckOptions, add: Add): void {
  if (blank(a.name)) add('name', 'error', 'The API identifier is required: it names the folder and info.json "name".');
  else if (!API_IDENTIFIER.test(a.name))
    add('name', 'error', `'${a.name}' is not a valid API identifier: use letters, digits, - and _, starting with a letter or _.`);
  else if (opts.storeNames?.has(a.name.toLowerCase()))
    add('name', 'warning', `A connector named '${a.name}' is already in the FortiSOAR store: installing yours would clash with it. Pick another identifier unless you are customising that connector.`);
  if (blank(a.label)) add('label', 'error', 'The connector name shown to users is required, e.g. "Acme Threat Intel".');
  if (blank(a.version) || !VERSION.test(a.version)) add('version', 'error', 'The version must be three numbers, e.g. 1.0.0.');
  else if (!CERTIFIABLE_VERSION.test(a.version) && !isCertified(a)) add('version', 'warning', `Version ${a.version} will not pass Fortinet certification: use 1.0.0 or later, without leading zeros.`);
  if (blank(a.description)) add('description', 'error', 'A description is required: say what the connector integrates with and what it does.');
  if (blank(a.publisher)) add('publisher', 'error', 'The publisher is required: your company or your name.');
  if (blank(a.category)) add('category', 'error', 'Pick a category.');
  else if (!CONNECTOR_CATEGORIES.includes(a.category) && !isCertified(a))
    add('category', 'warning', `'${a.category}' is not in Fortinet's certification list: it installs fine but certification will flag it.`);
  if (opts.templateIds && !opts.templateIds.includes(a.template)) add('template', 'error', `Unknown template '${a.template}': pick one of ${opts.templateIds.join(', ')}.`);
  if (!LICENCE_CHOICES.includes(a.licence)) add('licence', 'error', `Pick a licence: ${LICENCE_CHOICES.join(', ')}.`);
  if (a.helpOnline !== undefined && !/^https:\/\/\S+$/.test(a.helpOnline)) add('helpOnline', 'error', 'The online help link must be an https:// URL.');
}

function checkFields(fields: readonly WizardField[], base: string, isConfig: boolean, add: Add, certified: boolean): void {
  const seen = new Map<string, number>();
  fields.forEach((f, i) => {
    const at = `${base}/${i}`;
    checkFieldName(f, at, isConfig, add);
    if (!blank(f.name)) {
      const first = seen.get(f.name);
      if (first !== undefined) add(`${at}/name`, 'error', `'${f.name}' is already used by ${isConfig ? 'field' : 'parameter'} #${first + 1}: each name must be unique.`);
      else seen.set(f.name, i);
    }
    if (blank(f.title)) add(`${at}/title`, 'error', 'A title is required: it is the label shown in the form.');
    if (blank(f.description) && !certified) add(`${at}/description`, 'warning', 'Add a description that explains what to enter: certification wants one on every field.');
    checkFieldType(f, at, add);
  });
}

function checkFieldName(f: WizardField, at: string, isConfig: boolean, add: Add): void {
  if (blank(f.name)) return add(`${at}/name`, 'error', 'A name is required: it is the key the code reads.');
  if (!FIELD_NAME.test(f.name))
    return add(`${at}/name`, 'error', `'${f.name}' is not a valid name: use letters, digits and _, starting with a letter or _.`);
  if (isConfig && RESERVED_CONFIG.has(f.name))
    add(`${at}/name`, 'error', `'${f.name}' is reserved: FortiSOAR stores each configuration with its own "name" and "default" (the configuration's name and whether it is the default one), so its import refuses fields with these names. Use e.g. '${f.name}_value'.`);
}

function checkFieldType(f: WizardField, at: string, add: Add): void {
  if (!KNOWN_FIELD_TYPES.has(f.type)) return add(`${at}/type`, 'error', `Unknown type '${f.type}': pick one of ${[...KNOWN_FIELD_TYPES].join(', ')}.`);
  if (isPasswordField(f) && f.value !== undefined && f.value !== '')
    add(`${at}/value`, 'error', 'A password field cannot have a default: it would ship the secret inside info.json and every package.');
  if (f.subtype !== undefined && (f.type !== 'text' || !TEXT_SUBTYPES.includes(f.subtype)))
    add(`${at}/subtype`, 'error', `A sub-type applies to text fields only and is one of ${TEXT_SUBTYPES.join(', ')}.`);
  if (!CHOICE_TYPES.has(f.type)) return;
  const options = f.options ?? [];
  if (options.length === 0) return add(`${at}/options`, 'error', `A ${f.type} needs at least one option.`);
  if (new Set(options).size !== options.length) add(`${at}/options`, 'error', 'Options must be unique.');
  const defaults = Array.isArray(f.value) ? f.value : f.value === undefined || f.value === '' || f.value === null ? [] : [f.value];
  for (const d of defaults)
    if (!options.includes(String(d))) add(`${at}/value`, 'error', `The default ${JSON.stringify(d)} is not among the options.`);
}

function checkActions(actions: readonly WizardAction[], add: Add, certified: boolean): void {
  const seen = new Map<string, number>();
  actions.forEach((act, i) => {
    const at = `actions/${i}`;
    checkOperationName(act.operation, at, seen, i, add);
    if (blank(act.title)) add(`${at}/title`, 'error', 'A title is required, e.g. "Get IP Reputation".');
    if (blank(act.description)) add(`${at}/description`, 'error', 'A description is required: say what the action does and returns.');
    if (act.category !== undefined && !OPERATION_CATEGORIES.includes(act.category))
      add(`${at}/category`, 'error', `The category must be one of ${OPERATION_CATEGORIES.join(', ')}.`);
    if (act.annotation !== undefined && !/^[a-z0-9_]+$/.test(act.annotation))
      add(`${at}/annotation`, 'error', 'An annotation uses only lower-case letters, digits and _.');
    if (act.output_schema === undefined || act.output_schema === null || typeof act.output_schema !== 'object')
      add(`${at}/output_schema`, 'error', 'Give the output schema: an object with the keys the action returns ({} when it returns nothing).');
    if (listOfObjects(act.parameters, `${at}/parameters`, add)) checkFields(act.parameters, `${at}/parameters`, false, add, certified);
    checkRequest(act, at, add);
  });
}

function checkOperationName(op: string, at: string, seen: Map<string, number>, i: number, add: Add): void {
  if (blank(op)) return add(`${at}/operation`, 'error', 'The operation name is required, e.g. get_ip_reputation.');
  if (!FIELD_NAME.test(op)) return add(`${at}/operation`, 'error', `'${op}' must be a Python identifier: letters, digits and _, not starting with a digit.`);
  if (PYTHON_RESERVED.has(op)) return add(`${at}/operation`, 'error', `'${op}' is reserved in the generated code: pick another name.`);
  const first = seen.get(op);
  if (first !== undefined) add(`${at}/operation`, 'error', `'${op}' is already used by action #${first + 1}: operation names must be unique.`);
  else seen.set(op, i);
}

function checkRequest(act: WizardAction, at: string, add: Add): void {
  const r = act.request;
  if (!r) return;
  if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method)) add(`${at}/request/method`, 'error', 'The HTTP method must be GET, POST, PUT, PATCH or DELETE.');
  if (!/^\/[^\s'"\\]*$/.test(r.path ?? '')) add(`${at}/request/path`, 'error', 'The endpoint path starts with / and has no spaces or quotes, e.g. /api/v1/ip/{ip}.');
  const names = new Set((act.parameters ?? []).map((p) => p.name));
  const used = [...(r.path ?? '').matchAll(/\{([^}]*)\}/g)].flatMap(([, name]) => (name === undefined ? [] : [name])).concat(r.query ?? [], r.body ?? []);
  for (const n of used) if (!names.has(n)) add(`${at}/request`, 'error', `The request uses '${n}', which is not a parameter of this action.`);
}

function checkIcons(icons: WizardAnswers['icons'], add: Add): void {
  for (const which of ['small', 'large'] as const) {
    const b64 = icons?.[which];
    if (b64 === undefined) continue;
    const size = typeof b64 === 'string' ? imageSize(decodeBase64(b64)) : undefined;
    const want = ICON_SIZES[which];
    if (!size) add(`icons/${which}`, 'error', 'The logo is not a PNG or JPEG image.');
    else if (size.width !== want || size.height !== want)
      add(`icons/${which}`, 'info', `The ${which} logo is ${size.width}x${size.height}: it will be scaled to ${want}x${want}.`);
  }
}

/** atob is global in browsers and Node, so the renderer and the services decode the same way. */
export function decodeBase64(b64: string): Uint8Array {
  try {
    const bin = atob(b64.replace(/^data:[^,]*,/, '').replace(/\s+/g, ''));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch (e) {
    // Not base64: no bytes (the icon checks then say the image is missing or unreadable).
    if (e instanceof Error && e.name === 'InvalidCharacterError') return new Uint8Array(0);
    throw e;
  }
}
