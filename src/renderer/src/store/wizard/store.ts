import type { AnswerIssue, WizardAnswers } from '../../../../shared/connector/wizard';
import type { ProjectSummary } from '../../../../shared/models/workspace';
import { call } from '../../api/client';
import { messageOf } from '../../api/api-error';
import { createStore } from '../create-store';
import { useProjectsStore } from '../projects/store';
import { applyTemplate, EMPTY_DRAFT, errorsOn, identifierFrom, STEPS, toAnswers, type DraftAction, type WizardDraft, type WizardStep } from './draft';

export interface TemplateInfo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly category: string;
}

interface WizardState {
  step: WizardStep;
  draft: WizardDraft;
  templates: TemplateInfo[];
  /** Lower-case names of the FortiSOAR store's connectors, for the clash warning. */
  storeNames: ReadonlySet<string>;
  /** Fields the user has left once: their errors show from then on. */
  touched: ReadonlySet<string>;
  /** Steps the user tried to leave with errors: every error of the step shows. */
  attempted: ReadonlySet<WizardStep>;
  loading: boolean;
  creating: boolean;
  error: string | null;
  /** What connector.create refused with, when its checks found more than ours. */
  serverIssues: AnswerIssue[];
  /** The user typed the API identifier: it no longer follows the name (visiting the box is not editing it). */
  nameEdited: boolean;
  /** The user entered something a template did not: Cancel asks before throwing it away. */
  hasWork: boolean;
}

interface WizardAction {
  start(): Promise<void>;
  chooseTemplate(id: string): Promise<void>;
  setAnswers(patch: Partial<WizardDraft['answers']>): void;
  setLabel(label: string): void;
  /** The API identifier as the user types it. */
  editName(name: string): void;
  setActions(actions: readonly DraftAction[]): void;
  touch(field: string): void;
  goTo(step: WizardStep): void;
  /** Moves on when the step has no errors; otherwise marks it so every error shows. Returns whether it moved. */
  next(issues: readonly AnswerIssue[]): boolean;
  back(): void;
  /** Goes to a step and shows every error on it. */
  showProblems(step: WizardStep): void;
  create(): Promise<ProjectSummary | null>;
}

const INITIAL: WizardState = {
  step: 'about',
  draft: EMPTY_DRAFT,
  templates: [],
  storeNames: new Set(),
  touched: new Set(),
  attempted: new Set(),
  loading: false,
  creating: false,
  error: null,
  serverIssues: [],
  nameEdited: false,
  hasWork: false,
};

let templateChoice = 0;

const add = <T>(set: ReadonlySet<T>, v: T) => (set.has(v) ? set : new Set([...set, v]));

export const useWizardStore = createStore<WizardState & WizardAction>('wizard', (set, get) => ({
  ...INITIAL,
  start: async () => {
    set({ ...INITIAL, loading: true }, false, 'start');
    try {
      const [templates, names] = await Promise.all([call('templates.list', {}), call('templates.storeNames', {})]);
      set({ templates, storeNames: new Set(names.map((n) => n.toLowerCase())) }, false, 'start/loaded');
      if (templates.length) await get().chooseTemplate(templates[0].id);
    } catch (e) {
      set({ error: messageOf(e) }, false, 'start/failed');
    } finally {
      set({ loading: false }, false, 'start/end');
    }
  },
  chooseTemplate: async (id) => {
    const name = get().draft.answers.name || 'connector';
    // The choice shows at once; the template's fields and actions follow when the services answer, and
    // only the answer for the newest choice is applied.
    const mine = ++templateChoice;
    get().setAnswers({ template: id });
    try {
      const defaults: WizardAnswers = await call('templates.defaults', { templateId: id, name });
      if (mine !== templateChoice) return;
      set({ draft: applyTemplate(get().draft, defaults, get().touched), error: null }, false, 'chooseTemplate');
    } catch (e) {
      if (mine === templateChoice) set({ error: messageOf(e) }, false, 'chooseTemplate/failed');
    }
  },
  setAnswers: (patch) => {
    const choiceOnly = Object.keys(patch).every((k) => k === 'template' || k === 'publishTarget' || k === 'licence');
    set({ draft: { ...get().draft, answers: { ...get().draft.answers, ...patch } }, serverIssues: [], hasWork: get().hasWork || !choiceOnly }, false, 'setAnswers');
  },
  /** The identifier follows the name until the user types in the identifier itself; an error shown meanwhile
   * (Next on an empty name) does not stop it following. */
  setLabel: (label) => get().setAnswers(get().nameEdited ? { label } : { label, name: identifierFrom(label) }),
  editName: (name) => {
    // Emptying the identifier hands it back to the name, as VS Code's "follow" fields do.
    set({ nameEdited: name !== '' }, false, 'editName');
    get().setAnswers({ name: name === '' ? identifierFrom(get().draft.answers.label) : name });
  },
  setActions: (actions) => set({ draft: { ...get().draft, actions }, serverIssues: [], hasWork: true }, false, 'setActions'),
  touch: (field) => set({ touched: add(get().touched, field) }, false, 'touch'),
  goTo: (step) => set({ step }, false, 'goTo'),
  next: (issues) => {
    const { step } = get();
    if (errorsOn(issues, step).length) {
      set({ attempted: add(get().attempted, step) }, false, 'next/blocked');
      return false;
    }
    const i = STEPS.findIndex((s) => s.id === step);
    set({ step: STEPS[Math.min(i + 1, STEPS.length - 1)].id }, false, 'next');
    return true;
  },
  back: () => {
    const i = STEPS.findIndex((s) => s.id === get().step);
    set({ step: STEPS[Math.max(i - 1, 0)].id }, false, 'back');
  },
  showProblems: (step) => set({ step, attempted: add(get().attempted, step) }, false, 'showProblems'),
  create: async () => {
    set({ creating: true, error: null, serverIssues: [] }, false, 'create/start');
    try {
      const project = await call('connector.create', { answers: toAnswers(get().draft) });
      await useProjectsStore.getState().load();
      return project;
    } catch (e) {
      const details = (e as { details?: unknown }).details;
      set({ error: messageOf(e), serverIssues: Array.isArray(details) ? (details as AnswerIssue[]) : [] }, false, 'create/failed');
      return null;
    } finally {
      set({ creating: false }, false, 'create/end');
    }
  },
}));
