/** Top-level info.json rules: identity, version, category, documentation link. */
import { defineRule, type Rule } from '../rule';
import { CONNECTOR_CATEGORIES, INGESTION_MODES } from '../info-json';

/** The server's import checks `re.match('[0-9]+.[0-9]+.[0-9]+', version)`: anchored at the start only. */
export const SERVER_VERSION = /^[0-9]+.[0-9]+.[0-9]+/;
/** Fortinet's certification CI (sanity_checks_utcs.py). */
export const CI_VERSION = /^[1-9]\d*\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const CATEGORY_SET = new Set(CONNECTOR_CATEGORIES);
const HELP_PREFIXES = ['https://docs.fortinet.com/document/fortisoar', 'https://github.com/fortinet-fortisoar'];
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && (v.charCodeAt(0) > 32 || /\S/.test(v));

export const connectorRules: Rule[] = [
  defineRule({
    id: 'name-format',
    severity: 'error',
    family: 'connector',
    title: 'Connector name starts with a letter or _',
    description: 'The server import refuses a connector whose name is missing or does not start with a letter or _.',
    check({ info }, report) {
      const { name } = info;
      if (typeof name === 'string' && /^[A-Za-z_]/.test(name)) return;
      const why = nonEmpty(name) ? `'${name}' does not start with a letter or _` : 'the name is missing';
      report({ pointer: '/name', message: `Connector ${why}: set "name" to the folder name, starting with a letter or _.` });
    },
  }),
  defineRule({
    id: 'folder-name',
    severity: 'error',
    family: 'connector',
    title: 'Folder name equals the connector name',
    description: 'The server import requires the package folder to be named exactly like info.json "name".',
    check({ info, snapshot }, report) {
      if (typeof info.name !== 'string' || info.name === snapshot.folderName) return;
      report({
        pointer: '/name',
        message: `The folder is '${snapshot.folderName}' but "name" is '${info.name}': rename the folder or change "name" so they match.`,
        fix: `Rename the folder to '${info.name}'.`,
      });
    },
  }),
  defineRule({
    id: 'version-format',
    severity: 'error',
    family: 'connector',
    title: 'Version has the form x.y.z',
    description: 'The server import refuses a version that does not match [0-9]+.[0-9]+.[0-9]+.',
    check({ info }, report) {
      const { version } = info;
      if (typeof version === 'string' && SERVER_VERSION.test(version)) return;
      const why = version === undefined ? 'is missing' : `${JSON.stringify(version)} is not of the form x.y.z`;
      report({ pointer: '/version', message: `The version ${why}: use three numbers such as "1.0.0".` });
    },
  }),
  defineRule({
    id: 'version-certification',
    severity: 'warning',
    family: 'connector',
    title: 'Version is certifiable (1.0.0 or later, no leading zeros)',
    description: 'Fortinet certification wants ^[1-9]\\d*\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$; 0.x versions import fine.',
    check({ info }, report) {
      const { version } = info;
      if (typeof version !== 'string' || !SERVER_VERSION.test(version) || CI_VERSION.test(version)) return;
      report({ pointer: '/version', message: `Version '${version}' will not pass certification: use 1.0.0 or later without leading zeros.` });
    },
  }),
  defineRule({
    id: 'label-present',
    severity: 'warning',
    family: 'connector',
    title: 'Connector has a label',
    description: 'Certification requires a display label.',
    check({ info }, report) {
      if (!nonEmpty(info.label)) report({ pointer: '/label', message: 'The connector has no "label": add the name users see, e.g. "Acme Threat Intel".' });
    },
  }),
  defineRule({
    id: 'publisher-present',
    severity: 'warning',
    family: 'connector',
    title: 'Connector has a publisher',
    description: 'Certification requires a publisher.',
    check({ info }, report) {
      if (!nonEmpty(info.publisher)) report({ pointer: '/publisher', message: 'The connector has no "publisher": add your company name.' });
    },
  }),
  defineRule({
    id: 'certified-publisher',
    severity: 'warning',
    family: 'connector',
    title: 'Certified connectors are published by Fortinet',
    description: 'Certification CI warns when cs_approved is true and the publisher is not Fortinet.',
    check({ info }, report) {
      if (info.cs_approved !== true || !nonEmpty(info.publisher) || info.publisher.trim() === 'Fortinet') return;
      report({ pointer: '/cs_approved', message: `"cs_approved" is true but the publisher is '${info.publisher}': only Fortinet sets cs_approved; set it to false.` });
    },
  }),
  defineRule({
    id: 'connector-description',
    severity: 'warning',
    family: 'connector',
    title: 'Connector has a description',
    description: 'Certification requires a connector description.',
    check({ info }, report) {
      if (!nonEmpty(info.description)) report({ pointer: '/description', message: 'The connector has no "description": say what the connector integrates with and what it does.' });
    },
  }),
  defineRule({
    id: 'connector-category',
    severity: 'warning',
    family: 'connector',
    title: 'Connector category is from the certification list',
    description: 'Fortinet certification accepts only its 48 connector categories; other values install fine.',
    check({ info }, report) {
      const cats = Array.isArray(info.category) ? info.category : [info.category];
      cats.forEach((cat, i) => {
        if (typeof cat === 'string' && CATEGORY_SET.has(cat)) return;
        const pointer = Array.isArray(info.category) ? `/category/${i}` : '/category';
        const why = cat === undefined ? 'is missing' : `${JSON.stringify(cat)} is not in the certification list`;
        report({ pointer, message: `The connector category ${why}: use ${suggestCategory(cat)}.` });
      });
    },
  }),
  defineRule({
    id: 'help-online-domain',
    severity: 'warning',
    family: 'connector',
    title: 'help_online points at Fortinet documentation',
    description: 'Certification wants help_online under docs.fortinet.com/document/fortisoar or github.com/fortinet-fortisoar.',
    check({ info }, report) {
      const link = typeof info.help_online === 'string' ? info.help_online.trim() : '';
      // No link is the partner's choice; certification's own check (cert-docs-link) asks for one.
      if (link === '' || HELP_PREFIXES.some((p) => link.startsWith(p))) return;
      report({ pointer: '/help_online', message: `"help_online" '${link}' is not a Fortinet documentation link: link the connector's page under ${HELP_PREFIXES.join(' or ')}.` });
    },
  }),
  defineRule({
    id: 'ingestion-modes',
    severity: 'warning',
    family: 'connector',
    title: 'Ingestion modes are known',
    description: 'A connector that supports ingestion lists its modes: scheduled, notification or app_push.',
    check({ info }, report) {
      const modes = info.ingestion_modes;
      if (Array.isArray(modes)) {
        modes.forEach((m, i) => {
          if (typeof m !== 'string' || !INGESTION_MODES.includes(m))
            report({ pointer: `/ingestion_modes/${i}`, message: `Unknown ingestion mode ${JSON.stringify(m)}: use ${INGESTION_MODES.join(', ')}.` });
        });
      } else if (info.ingestion_supported === true) {
        report({ pointer: '/ingestion_supported', message: 'Ingestion is supported but "ingestion_modes" is missing: add e.g. ["scheduled"].' });
      }
    },
  }),
];

function suggestCategory(cat: unknown): string {
  const lower = typeof cat === 'string' ? cat.toLowerCase().replace(/&/g, 'and') : '';
  const hit = CONNECTOR_CATEGORIES.find((c) => c.toLowerCase() === lower);
  return hit ? `'${hit}'` : 'the closest category of the list';
}
