/** Connector Wizard templates: resources/templates/<id>/template.json plus optional Python overrides; the
 * shared Python (client, connector class, auth styles) lives in resources/templates/_base. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HttpMethod, WizardAction, WizardAnswers, WizardField } from '../../../shared/connector/wizard';
import { ServiceError, errnoCode } from '../errors';

export type AuthStyle = 'none' | 'bearer' | 'api_key_header' | 'basic' | 'oauth2';

export interface TemplateSummary {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly category: string;
}

export interface Template extends TemplateSummary {
  readonly order: number;
  /** Defaults for the wizard's About page. */
  readonly label: string;
  readonly connectorDescription: string;
  /** False when the connector works locally (no vendor API, no ApiClient). */
  readonly http: boolean;
  readonly auth: AuthStyle;
  /** Extra module-level constants written to constants.py. */
  readonly constants: Readonly<Record<string, string | number | boolean>>;
  readonly healthCheck: { readonly method: HttpMethod; readonly path: string } | { readonly python: string };
  readonly configuration: readonly WizardField[];
  readonly actions: readonly WizardAction[];
  readonly requirements?: readonly string[];
  /** Action functions made in memory (the API-description import), by operation name: like actions/<op>.py. */
  readonly actionCode?: Readonly<Record<string, string>>;
  /** The folder it was read from. */
  readonly dir: string;
}

const TEMPLATE_ID = /^[a-z][a-z0-9-]*$/;

export async function listTemplates(templatesDir: string): Promise<TemplateSummary[]> {
  const entries = await readdir(templatesDir, { withFileTypes: true });
  const ids = entries.filter((e) => e.isDirectory() && TEMPLATE_ID.test(e.name)).map((e) => e.name);
  const all = await Promise.all(ids.map((id) => loadTemplate(templatesDir, id)));
  return all
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
    .map(({ id, title, description, category }) => ({ id, title, description, category }));
}

export async function loadTemplate(templatesDir: string, id: string): Promise<Template> {
  if (!TEMPLATE_ID.test(id)) throw new ServiceError('NOT_FOUND', `Unknown template '${id}'.`);
  const dir = path.join(templatesDir, id);
  let text: string;
  try {
    text = await readFile(path.join(dir, 'template.json'), 'utf8');
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') throw new ServiceError('NOT_FOUND', `Unknown template '${id}': run 'new --list-templates' for the list.`);
    throw e;
  }
  const raw = JSON.parse(text) as Omit<Template, 'dir'>;
  if (raw.id !== id) throw new ServiceError('INTERNAL', `Template folder '${id}' holds template '${raw.id}'.`);
  return { ...raw, constants: raw.constants ?? {}, dir };
}

/** A file of the template, falling back to _base: templates override only what differs. */
export async function templateFile(t: Template, rel: string): Promise<string> {
  try {
    return await readFile(path.join(t.dir, rel), 'utf8');
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') throw e;
    return readFile(path.join(path.dirname(t.dir), '_base', rel), 'utf8');
  }
}

export async function readTemplateFileIfAny(t: Template, rel: string): Promise<string | undefined> {
  return readFile(path.join(t.dir, rel), 'utf8').catch((e) => {
    if (errnoCode(e) === 'ENOENT') return undefined;
    throw e;
  });
}

/** What `new <name> --template <id>` uses without --answers: the template's fields and every suggested action. */
export function defaultAnswers(t: Template, name: string, overrides: Partial<WizardAnswers> = {}): WizardAnswers {
  const copy = <T>(v: T): T => structuredClone(v);
  return {
    name,
    label: overrides.label ?? labelFromName(name, t.label),
    version: '1.0.0',
    description: t.connectorDescription,
    publisher: 'Community',
    category: t.category,
    template: t.id,
    configuration: copy([...t.configuration]),
    actions: copy([...t.actions]),
    licence: 'MIT',
    ...overrides,
  };
}

function labelFromName(name: string, fallback: string): string {
  const words = name.split(/[-_\s]+/).filter(Boolean);
  const label = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
  return label || fallback;
}
