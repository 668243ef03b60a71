/** The certification profile: Fortinet's CI (sanity_checks_utcs.py) reproduced check by check, in our own
 * code. A check the CI fails is an error, one it warns about a warning; every finding names the CI method that
 * makes the same call (`ciCheck`), and the counts match the CI's: one finding per failed or warned check.
 * Where the CI's script would stop with an exception (a null help_online, a label-less connector with a
 * description), the run fails, so that is an error too. */
import { compareFindings } from '../engine';
import type { Finding, Severity } from '../findings';
import type { Field, InfoJson, Operation } from '../info-json';
import { escapeToken } from '../json-pointer';
import { INFO_JSON } from '../snapshot';
import {
  CI_API_CALL_TITLES,
  CI_CONNECTOR_CATEGORIES,
  CI_COPYRIGHT_HOLDER,
  CI_DOC_LINK_PREFIXES,
  CI_OPERATION_CATEGORIES,
  CI_PARAMETER_TYPES,
  CI_VERSION,
  ciCopyrightBlock,
  hasCiCopyrightBlock,
  pyLen,
  truthy,
} from './ci-lists';
import { correctedText, type ProseChecker } from './prose';

export interface CertificationInput {
  /** info.json's text; undefined when the connector has none. */
  readonly infoText: string | undefined;
  /** The connector folder's name (the CI compares it with info.json `name`). */
  readonly folderName: string;
  /** Every .py file under the repository root by the path a finding names (relative to the connector folder;
   * a file beside it starts with ../), the CI's own scripts left out (see isCiOwnScript). */
  readonly pythonFiles: Readonly<Record<string, string>>;
  /** The year the check runs in: the copyright block must carry it. */
  readonly year: number;
  /** The spelling and grammar check; without it descriptions are not checked for language. */
  readonly prose?: ProseChecker;
}

export interface CertificationRuleMeta {
  readonly id: string;
  /** The CI method(s) making the same call. */
  readonly ciCheck: string;
  readonly severity: Severity;
  readonly title: string;
  readonly description: string;
}

const rule = (id: string, ciCheck: string, severity: Severity, title: string, description: string): CertificationRuleMeta => ({ id, ciCheck, severity, title, description });

/** Every certification rule, in the order the CI runs its checks. */
export const certificationCatalogue: readonly CertificationRuleMeta[] = [
  rule('cert-info-json', 'read_info', 'error', 'info.json reads as JSON', 'The CI loads info.json first; a missing or broken file stops it.'),
  rule('cert-copyright-block', 'verify_copyright_block', 'error', 'Every .py file carries the copyright block',
    `Each Python file under the repository root must contain the block """ / Copyright start / MIT License / Copyright (c) <current year> ${CI_COPYRIGHT_HOLDER} / Copyright end / """, one item a line.`),
  rule('cert-connector-name', 'verify_connector_name', 'error', 'name equals the connector folder', 'The CI fails a name that is missing or differs from the folder holding info.json.'),
  rule('cert-connector-label', 'verify_connector_label', 'error', 'label is present', 'The CI fails a connector without a display label.'),
  rule('cert-connector-version', 'verify_connector_version', 'error', 'version is x.y.z from 1.0.0', 'The CI wants ^[1-9]\\d*\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$: no 0.x versions, no leading zeros.'),
  rule('cert-connector-publisher', 'verify_connector_publisher', 'error', 'publisher is present', 'The CI fails a connector without a publisher.'),
  rule('cert-certified-publisher', 'verify_connector_publisher', 'warning', 'A cs_approved connector is published by Fortinet', 'The CI warns when cs_approved is true and the publisher is not "Fortinet" (Fortinet sets cs_approved when it certifies).'),
  rule('cert-connector-category', 'verify_connector_category', 'error', 'category is from the CI list', `The category (or each of a list) must be one of the CI's ${CI_CONNECTOR_CATEGORIES.length} categories.`),
  rule('cert-connector-logo', 'verify_connector_logo', 'error', 'icon_small_name and icon_large_name are set', 'The CI fails a connector that does not name both icons.'),
  rule('cert-connector-description', 'verify_connector_descriptions', 'error', 'description is present', 'The CI fails a connector without a description.'),
  rule('cert-description-short', 'verify_connector_descriptions, verify_operation_descriptions, verify_parameter_descriptions', 'warning', 'Descriptions are not too short',
    'The CI warns when a description is shorter than three times the label (connector), the operation name (operation) or the parameter name (parameter).'),
  rule('cert-docs-link', 'verify_connector_docs_link', 'error', 'help_online points to Fortinet documentation', `The CI fails a help_online that does not start with ${CI_DOC_LINK_PREFIXES.join(' or ')}.`),
  rule('cert-docs-link-missing', 'verify_connector_docs_link', 'warning', 'help_online is present', 'The CI warns when help_online is missing or empty.'),
  rule('cert-operation-name', 'verify_operation_name', 'error', 'Each operation has a name', 'The CI fails an operation without "operation".'),
  rule('cert-operation-title', 'verify_operation_title', 'error', 'Each operation has a title', 'The CI fails an operation without "title".'),
  rule('cert-operation-category', 'verify_operation_category', 'error', 'Operation category is from the CI list', `The CI fails an operation whose category is missing or not one of ${CI_OPERATION_CATEGORIES.join(', ')}.`),
  rule('cert-operation-description', 'verify_operation_descriptions', 'error', 'Each operation has a description', 'The CI fails an operation without a description.'),
  rule('cert-description-language', 'verify_operation_descriptions, verify_parameter_descriptions', 'warning', 'Descriptions pass a spelling and grammar check',
    "The CI runs LanguageTool on every operation and parameter description and warns on any match; this profile uses a Hunspell English dictionary, a security vocabulary and LanguageTool's common grammar rules."),
  rule('cert-output-schema-required', 'verify_operation_output_schema', 'error', 'A cs_approved connector declares output schemas',
    'The CI fails an operation of a cs_approved connector whose output_schema (or conditional_output_schema, or api_output_schema) is missing or empty. Operations titled "Execute an API Call/Request" are exempt.'),
  rule('cert-output-schema-missing', 'verify_operation_output_schema', 'warning', 'Operations declare output schemas',
    'The CI warns about a missing or empty output schema when the connector is not cs_approved. Operations titled "Execute an API Call/Request" are exempt.'),
  rule('cert-parameter-name', 'verify_parameter_name', 'error', 'Each field has a name', 'The CI fails a configuration field or parameter without "name".'),
  rule('cert-parameter-title', 'verify_parameter_title', 'error', 'Each field has a title', 'The CI fails a configuration field or parameter without "title".'),
  rule('cert-parameter-type', 'verify_parameter_type', 'error', 'Each field has a type from the CI list', `The CI fails a field whose type is missing or not one of ${CI_PARAMETER_TYPES.join(', ')}.`),
  rule('cert-parameter-description', 'verify_parameter_descriptions', 'error', 'Each field has a description', 'The CI fails a configuration field or parameter without a description.'),
  rule('cert-nested-parameters', 'verify_nested_parameter', 'error', 'onchange keys are values the field can take',
    'The CI fails a checkbox whose onchange keys are not "true"/"false", and a field with options whose onchange keys are not all among them.'),
];

const META = new Map(certificationCatalogue.map((m) => [m.id, m]));

interface Emit {
  readonly message: string;
  readonly pointer?: string;
  readonly path?: string;
  readonly line?: number;
  readonly fix?: string;
  /** When the rule covers several CI methods. */
  readonly ciCheck?: string;
  /** When the CI decides per connector (output schemas). */
  readonly severity?: Severity;
}

type Reporter = (id: string, e: Emit) => void;

function reporter(out: Finding[]): Reporter {
  return (id, e) => {
    const meta = META.get(id);
    if (!meta) throw new Error(`Unknown certification rule ${id}`);
    const f: { -readonly [K in keyof Finding]: Finding[K] } = {
      rule: id,
      source: 'certification',
      severity: e.severity ?? meta.severity,
      message: e.message,
      path: e.path ?? INFO_JSON,
    };
    if (e.pointer !== undefined) f.pointer = e.pointer;
    if (e.line !== undefined) f.line = e.line;
    if (e.fix !== undefined) f.fix = e.fix;
    f.ciCheck = e.ciCheck ?? meta.ciCheck;
    out.push(f);
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const show = (v: unknown) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v) ?? 'nothing');

export function certificationFindings(input: CertificationInput): Finding[] {
  const out: Finding[] = [];
  const report = reporter(out);
  checkCopyright(input, report);
  const info = readInfo(input.infoText, report);
  if (info) checkInfo(info, input, report);
  return out.sort(compareFindings);
}

function readInfo(text: string | undefined, report: Reporter): InfoJson | undefined {
  if (text === undefined) {
    report('cert-info-json', { message: 'info.json is missing: the CI stops before any check. Add the connector\'s info.json.' });
    return undefined;
  }
  try {
    const doc = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    if (isObject(doc)) return doc as InfoJson;
    report('cert-info-json', { message: 'info.json is not a JSON object: the CI stops before any check. Make it one { ... } object.' });
  } catch (e) {
    report('cert-info-json', { message: `info.json is not valid JSON (${(e as Error).message}): the CI stops before any check. Fix the syntax.` });
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// verify_copyright_block

const HEADER_YEAR = /Copyright \(c\) (\d{4})(?:-\d{4})? ([^\n"]*)/;

function checkCopyright({ pythonFiles, year }: CertificationInput, report: Reporter): void {
  const block = ciCopyrightBlock(year);
  for (const [path, text] of Object.entries(pythonFiles)) {
    if (hasCiCopyrightBlock(text, year)) continue;
    report('cert-copyright-block', { path, line: 1, message: `${path}: ${copyrightProblem(text, year)}`, fix: `Put this block at the top of the file:\n${block}` });
  }
}

/** Why a file's block is not the CI's, as precisely as the text tells. */
function copyrightProblem(text: string, year: number): string {
  const normal = text.replace(/\r\n?/g, '\n');
  const found = HEADER_YEAR.exec(normal);
  const wanted = `the CI wants the block with MIT License and "Copyright (c) ${year} ${CI_COPYRIGHT_HOLDER}", one item a line`;
  if (!found || !/Copyright start/.test(normal)) return `no copyright block: ${wanted}.`;
  const [, foundYear, holder = ''] = found;
  if (holder.trim() !== CI_COPYRIGHT_HOLDER) return `the copyright holder is '${holder.trim()}': ${wanted} (connectors submitted to Fortinet's repositories name Fortinet Inc).`;
  if (Number(foundYear) !== year) return `the copyright year is ${foundYear}: ${wanted} (the current year).`;
  if (!normal.includes('\nMIT License\n')) return `the block does not say MIT License: ${wanted}.`;
  return `the copyright block is not laid out exactly: ${wanted}, between """ lines, with nothing else inside.`;
}

// ---------------------------------------------------------------------------------------------------------
// The connector's own keys

function checkInfo(info: InfoJson, input: CertificationInput, report: Reporter): void {
  const name = info.name;
  if (!truthy(name) || name !== input.folderName)
    report('cert-connector-name', {
      pointer: '/name',
      message: truthy(name) ? `name ${show(name)} differs from the connector folder '${input.folderName}': rename the folder or the name so they match.` : 'name is missing: add the API identifier, the same as the connector folder\'s name.',
    });
  if (!truthy(info.label)) report('cert-connector-label', { pointer: '/label', message: 'label is missing: add the name users see, e.g. "Acme Threat Intel".' });
  checkVersion(info.version, report);
  checkPublisher(info, report);
  checkCategory(info.category, report);
  if (!truthy(info.icon_small_name) || !truthy(info.icon_large_name))
    report('cert-connector-logo', {
      pointer: truthy(info.icon_small_name) ? '/icon_large_name' : '/icon_small_name',
      message: `The icons are not both named (small ${show(info.icon_small_name)}, large ${show(info.icon_large_name)}): set icon_small_name and icon_large_name to the files in images/.`,
    });
  checkConnectorDescription(info, report);
  checkDocsLink(info, report);
  const config = info.configuration;
  const fields = isObject(config) && Array.isArray(config.fields) ? config.fields : [];
  fields.forEach((f, i) => checkParameter('Configurations', f, `/configuration/fields/${i}`, input, report));
  const operations = Array.isArray(info.operations) ? info.operations : [];
  operations.forEach((op, i) => {
    if (isObject(op)) checkOperation(op as Operation, `/operations/${i}`, info.cs_approved, input, report);
  });
}

function checkVersion(version: unknown, report: Reporter): void {
  if (typeof version === 'string' && CI_VERSION.test(version)) return;
  report('cert-connector-version', {
    pointer: '/version',
    message: truthy(version)
      ? `version ${show(version)} is not accepted: the CI wants x.y.z from 1.0.0 on, without leading zeros (e.g. 1.0.0).`
      : 'version is missing: add "version": "1.0.0".',
  });
}

function checkPublisher(info: InfoJson, report: Reporter): void {
  const publisher = info.publisher;
  if (!truthy(publisher)) return report('cert-connector-publisher', { pointer: '/publisher', message: 'publisher is missing: add your company\'s name.' });
  if (typeof publisher !== 'string')
    return report('cert-connector-publisher', { pointer: '/publisher', message: `publisher is ${show(publisher)}, not text: the CI stops on it. Write the publisher's name as a string.` });
  if (truthy(info.cs_approved) && publisher.trim() !== 'Fortinet')
    report('cert-certified-publisher', {
      pointer: '/cs_approved',
      message: `cs_approved is true but the publisher is '${publisher}': set "cs_approved": false (Fortinet sets it when it certifies the connector).`,
      fix: 'Set "cs_approved" to false.',
    });
}

function checkCategory(category: unknown, report: Reporter): void {
  const ok = (c: unknown) => typeof c === 'string' && CI_CONNECTOR_CATEGORIES.includes(c);
  if (ok(category) || (Array.isArray(category) && category.every(ok))) return;
  report('cert-connector-category', { pointer: '/category', message: `category ${show(category)} is not in the CI's list: pick one of its ${CI_CONNECTOR_CATEGORIES.length} categories, e.g. 'Threat Intelligence'.` });
}

function checkConnectorDescription(info: InfoJson, report: Reporter): void {
  const desc = info.description;
  if (!truthy(desc)) return report('cert-connector-description', { pointer: '/description', message: 'description is missing: say what the connector integrates with and what it does.' });
  if (typeof desc !== 'string') return;
  // Without a label the CI stops here; verify_connector_label has already failed it.
  if (typeof info.label !== 'string') return;
  const min = pyLen(info.label) * 3;
  if (pyLen(desc) < min)
    report('cert-description-short', {
      pointer: '/description',
      ciCheck: 'verify_connector_descriptions',
      message: `The connector description has ${pyLen(desc)} characters, under three times the label's length (${min}): say what the connector integrates with and what its actions do.`,
    });
}

function checkDocsLink(info: InfoJson, report: Reporter): void {
  if (!('help_online' in info)) return report('cert-docs-link-missing', { pointer: '/help_online', message: 'help_online is missing: link the connector\'s documentation (its github.com/fortinet-fortisoar repository or docs.fortinet.com page).' });
  const link = info.help_online;
  if (typeof link !== 'string')
    return report('cert-docs-link', { pointer: '/help_online', message: `help_online is ${show(link)}: the CI stops on a value that is not text. Give the documentation URL, e.g. https://github.com/fortinet-fortisoar/connector-<name>.` });
  const trimmed = link.trim();
  if (!trimmed) return report('cert-docs-link-missing', { pointer: '/help_online', message: 'help_online is empty: link the connector\'s documentation (its github.com/fortinet-fortisoar repository or docs.fortinet.com page).' });
  if (!CI_DOC_LINK_PREFIXES.some((p) => trimmed.startsWith(p)))
    report('cert-docs-link', { pointer: '/help_online', message: `help_online '${trimmed}' is not accepted: it must start with ${CI_DOC_LINK_PREFIXES.join(' or ')}.` });
}

// ---------------------------------------------------------------------------------------------------------
// Operations

function checkOperation(op: Operation, pointer: string, csApproved: unknown, input: CertificationInput, report: Reporter): void {
  const name = op.operation;
  const label = truthy(name) ? `Operation ${show(name)}` : `Operation ${pointer}`;
  if (!truthy(name)) report('cert-operation-name', { pointer: `${pointer}/operation`, message: `${label} has no "operation" name: add the identifier execute() receives.` });
  if (!truthy(op.title)) report('cert-operation-title', { pointer: `${pointer}/title`, message: `${label} has no title: add the action name users see.` });
  const category = op.category;
  if (!truthy(category) || typeof category !== 'string' || !CI_OPERATION_CATEGORIES.includes(category))
    report('cert-operation-category', {
      pointer: `${pointer}/category`,
      message: `${label} ${truthy(category) ? `has category ${show(category)}` : 'has no category'}: use one of ${CI_OPERATION_CATEGORIES.join(', ')}.`,
    });
  checkOperationDescription(op, label, pointer, input, report);
  checkOutputSchema(op, label, pointer, truthy(csApproved), report);
  const parameters = Array.isArray(op.parameters) ? op.parameters : [];
  const owner = typeof op.title === 'string' ? op.title : label;
  parameters.forEach((p, i) => checkParameter(owner, p, `${pointer}/parameters/${i}`, input, report));
}

function checkOperationDescription(op: Operation, label: string, pointer: string, input: CertificationInput, report: Reporter): void {
  const desc = op.description;
  const at = `${pointer}/description`;
  if (!truthy(desc)) return report('cert-operation-description', { pointer: at, message: `${label} has no description: say what the action does and what it returns.` });
  if (typeof desc !== 'string') return;
  if (typeof op.operation === 'string' && pyLen(desc) < pyLen(op.operation) * 3)
    report('cert-description-short', {
      pointer: at,
      ciCheck: 'verify_operation_descriptions',
      message: `${label}: the description has ${pyLen(desc)} characters, under three times the operation name's length (${pyLen(op.operation) * 3}): say what the action does and returns.`,
    });
  checkLanguage(desc, `${label}: the description`, at, 'verify_operation_descriptions', input, report);
}

function checkOutputSchema(op: Operation, label: string, pointer: string, csApproved: boolean, report: Reporter): void {
  const title = op.title;
  if (typeof title === 'string' && CI_API_CALL_TITLES.some((t) => title.includes(t))) return;
  const key = 'conditional_output_schema' in op ? 'conditional_output_schema' : 'api_output_schema' in op ? 'api_output_schema' : 'output_schema';
  if (truthy(op[key])) return;
  const what = key in op ? `${key} is empty` : 'has no output schema';
  report(csApproved ? 'cert-output-schema-required' : 'cert-output-schema-missing', {
    pointer: `${pointer}/${key}`,
    message: `${label}: ${what}${csApproved ? ' (the CI fails this for a cs_approved connector)' : ''}: add "output_schema" with the keys the action returns, e.g. from a test run's output.`,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Parameters (configuration fields too, and the fields inside onchange branches)

function checkParameter(owner: string, param: unknown, pointer: string, input: CertificationInput, report: Reporter): void {
  if (!isObject(param)) return;
  const p = param as Field;
  const label = `${owner === 'Configurations' ? 'Configuration field' : `'${owner}' parameter`} ${truthy(p.name) ? show(p.name) : pointer}`;
  if (!truthy(p.name)) report('cert-parameter-name', { pointer: `${pointer}/name`, message: `${label} has no name: add the key the code reads.` });
  if (!truthy(p.title)) report('cert-parameter-title', { pointer: `${pointer}/title`, message: `${label} has no title: add the label shown in the form.` });
  if (typeof p.type !== 'string' || !CI_PARAMETER_TYPES.includes(p.type))
    report('cert-parameter-type', {
      pointer: `${pointer}/type`,
      message: `${label} ${truthy(p.type) ? `has type ${show(p.type)}, which the CI does not accept` : 'has no type'}: use one of ${CI_PARAMETER_TYPES.join(', ')}.`,
    });
  checkParameterDescription(p, label, pointer, input, report);
  checkNested(p, owner, label, pointer, input, report);
}

function checkParameterDescription(p: Field, label: string, pointer: string, input: CertificationInput, report: Reporter): void {
  const desc = p.description;
  const at = `${pointer}/description`;
  if (!truthy(desc)) return report('cert-parameter-description', { pointer: at, message: `${label} has no description: say what to enter and what it changes.` });
  if (typeof desc !== 'string') return;
  if (typeof p.name === 'string' && pyLen(desc) < pyLen(p.name) * 3)
    report('cert-description-short', {
      pointer: at,
      ciCheck: 'verify_parameter_descriptions',
      message: `${label}: the description has ${pyLen(desc)} characters, under three times the name's length (${pyLen(p.name) * 3}): say what to enter and what it changes.`,
    });
  checkLanguage(desc, `${label}: the description`, at, 'verify_parameter_descriptions', input, report);
}

function checkNested(p: Field, owner: string, label: string, pointer: string, input: CertificationInput, report: Reporter): void {
  const onchange = p.onchange as unknown;
  if (!truthy(onchange) || !isObject(onchange)) return;
  const keys = Object.keys(onchange);
  if (p.type === 'checkbox' && !keys.every((k) => k === 'true' || k === 'false'))
    report('cert-nested-parameters', { pointer: `${pointer}/onchange`, message: `${label} is a checkbox whose onchange keys (${keys.join(', ')}) are not only "true" and "false": rename the branches.` });
  const options = p.options;
  if (truthy(options) && Array.isArray(options) && !keys.every((k) => options.includes(k)))
    report('cert-nested-parameters', {
      pointer: `${pointer}/onchange`,
      message: `${label}: onchange keys ${keys.filter((k) => !options.includes(k)).map(show).join(', ')} are not among its options: each branch key must be an option value.`,
    });
  for (const key of keys) {
    const branch = onchange[key];
    if (Array.isArray(branch)) branch.forEach((f, i) => checkParameter(owner, f, `${pointer}/onchange/${escapeToken(key)}/${i}`, input, report));
  }
}

// ---------------------------------------------------------------------------------------------------------
// The language check (LanguageTool in the CI)

function checkLanguage(text: string, subject: string, pointer: string, ciCheck: string, input: CertificationInput, report: Reporter): void {
  const issues = input.prose?.check(text) ?? [];
  if (issues.length === 0) return;
  const fixed = correctedText(text, issues);
  report('cert-description-language', {
    pointer,
    ciCheck,
    message: `${subject} has ${issues.length === 1 ? 'a language problem' : `${issues.length} language problems`}: ${issues.map((i) => i.message).join('; ')}.`,
    ...(fixed !== text ? { fix: `Change it to: ${fixed}` } : {}),
  });
}
