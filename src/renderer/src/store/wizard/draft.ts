/** The Connector Wizard's draft and its pure transitions. The draft keeps every action the template suggested
 * (with an "included" flag) so unticking one and ticking it again loses nothing; toAnswers() gives the service
 * exactly the answers checkAnswers() and connector.create expect. */
import { checkAnswers, type AnswerIssue, type WizardAction, type WizardAnswers, type WizardField } from '../../../../shared/connector/wizard';

export type WizardStep = 'about' | 'configuration' | 'actions' | 'create';

export const STEPS: readonly { id: WizardStep; title: string }[] = [
  { id: 'about', title: 'About' },
  { id: 'configuration', title: 'Configuration' },
  { id: 'actions', title: 'Actions' },
  { id: 'create', title: 'Create' },
];

export interface DraftAction {
  /** Stable React key; operation names change while the user types. */
  readonly key: number;
  readonly included: boolean;
  readonly suggested: boolean;
  readonly action: WizardAction;
}

export interface WizardDraft {
  readonly answers: Omit<WizardAnswers, 'actions'>;
  readonly actions: readonly DraftAction[];
}

export const EMPTY_DRAFT: WizardDraft = {
  answers: { name: '', label: '', version: '1.0.0', description: '', publisher: '', category: '', template: '', configuration: [], licence: 'MIT' },
  actions: [],
};

let nextKey = 1;
const keyed = (action: WizardAction, suggested: boolean): DraftAction => ({ key: nextKey++, included: true, suggested, action });

export function toAnswers(d: WizardDraft): WizardAnswers {
  return { ...d.answers, actions: d.actions.filter((a) => a.included).map((a) => a.action) };
}

/** checkAnswers() on the draft, with action paths pointing at the draft's list (which also holds unticked actions). */
export function draftIssues(d: WizardDraft, opts: { storeNames?: ReadonlySet<string>; templateIds?: readonly string[] }): AnswerIssue[] {
  const draftIndex = d.actions.flatMap((a, i) => (a.included ? [i] : []));
  return checkAnswers(toAnswers(d), opts).map((issue) => {
    const m = /^actions\/(\d+)(.*)$/.exec(issue.field);
    return m ? { ...issue, field: `actions/${draftIndex[Number(m[1])]}${m[2]}` } : issue;
  });
}

export function stepOf(field: string): WizardStep {
  const head = field.split('/')[0];
  if (head === 'configuration') return 'configuration';
  if (head === 'actions') return 'actions';
  if (head === 'licence' || head === 'helpOnline' || head === 'ciInstall') return 'create';
  return 'about';
}

export const errorsOn = (issues: readonly AnswerIssue[], step: WizardStep) => issues.filter((i) => i.severity === 'error' && stepOf(i.field) === step);

/** Issues of one field, or of everything under it with `nested`. */
export function issuesAt(issues: readonly AnswerIssue[], field: string, nested = false): AnswerIssue[] {
  return issues.filter((i) => i.field === field || (nested && i.field.startsWith(`${field}/`)));
}

/** "Acme Threat Intel" -> "acme-threat-intel": the API identifier the wizard suggests until the user edits it. */
export function identifierFrom(label: string): string {
  const id = label.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').replace(/-{2,}/g, '-');
  return /^\d/.test(id) ? `_${id}` : id;
}

/** A template's defaults replace its fields and actions; what the user typed on About stays unless still untouched. */
export function applyTemplate(d: WizardDraft, defaults: WizardAnswers, touched: ReadonlySet<string>): WizardDraft {
  const keep = (k: 'label' | 'description' | 'category' | 'publisher') => (touched.has(k) && d.answers[k] ? d.answers[k] : defaults[k]);
  const custom = d.actions.filter((a) => !a.suggested);
  return {
    answers: {
      ...d.answers,
      template: defaults.template,
      // A template has no name for the user's connector: the name stays what they typed (empty at first, with
      // an example as placeholder), so the API identifier can follow it.
      label: d.answers.label,
      description: keep('description'),
      category: keep('category'),
      publisher: d.answers.publisher || keep('publisher'),
      configuration: defaults.configuration,
      licence: d.answers.licence,
    },
    actions: [...defaults.actions.map((a) => keyed(a, true)), ...custom],
  };
}

export const newField = (taken: readonly string[], base = 'field'): WizardField => ({
  name: freeName(taken, base),
  title: '',
  type: 'text',
  description: '',
  required: false,
  visible: true,
  editable: true,
});

export function newAction(d: WizardDraft): DraftAction {
  const operation = freeName(d.actions.map((a) => a.action.operation), 'new_action');
  return keyed({ operation, title: '', description: '', category: 'investigation', parameters: [], output_schema: {}, request: { method: 'GET', path: `/${operation}` } }, false);
}

function freeName(taken: readonly string[], base: string): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

const CHOICE = new Set(['select', 'multiselect']);

/** Keeps a field consistent when its type changes: sub-types only on text, options only on choices. */
export function patchField(f: WizardField, patch: Partial<WizardField>): WizardField {
  const next: WizardField = { ...f, ...patch };
  if (patch.type !== undefined && patch.type !== f.type) {
    if (next.type !== 'text') delete next.subtype;
    if (!CHOICE.has(next.type)) delete next.options;
    else next.options ??= [];
    delete next.value;
  }
  return next;
}

/** One option per line or comma: what the options box accepts. */
export const parseOptions = (text: string): string[] => text.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);

export const replaceAt = <T>(list: readonly T[], i: number, item: T): T[] => list.map((x, j) => (j === i ? item : x));
export const removeAt = <T>(list: readonly T[], i: number): T[] => list.filter((_, j) => j !== i);
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}

/** JSON text of an output_schema box: the parsed object, or the reason it is not one. */
export function parseSchema(text: string): { value: unknown } | { error: string } {
  try {
    const value: unknown = JSON.parse(text || '{}');
    if (value === null || typeof value !== 'object') return { error: 'The output schema is a JSON object or list, e.g. {"id": "", "tags": []}.' };
    return { value };
  } catch (e) {
    return { error: `Not valid JSON: ${(e as Error).message}` };
  }
}
