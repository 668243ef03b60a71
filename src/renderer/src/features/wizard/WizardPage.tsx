import { useEffect, useMemo, useRef } from 'react';
import { assertNever } from '../../../../shared/result';
import { Icon } from '../../components/Icon';
import { markLoaded } from '../../hooks/app-state';
import { navigate } from '../../hooks/useRoute';
import { confirmDialog } from '../../store/dialogs/store';
import { draftIssues, errorsOn, STEPS, type WizardStep } from '../../store/wizard/draft';
import { useWizardStore } from '../../store/wizard/store';
import { useWorkspaceStore } from '../../store/workspace/store';
import { AboutStep } from './AboutStep';
import { ActionsStep } from './ActionsStep';
import { ConfigStep } from './ConfigStep';
import { CreateStep } from './CreateStep';
import { StartFromDescriptionButton } from './api-import/StartFromDescriptionButton';
import { IssuesContext, type IssuesApi } from './issues-context';
import './wizard.css';
import { plural } from '../../../../shared/plural';

/** Cancel goes Home at once from an untouched wizard, and asks first once the user has entered something. */
async function cancelWizard() {
  if (useWizardStore.getState().hasWork) {
    const discard = await confirmDialog({
      title: 'Discard this connector?',
      message: 'The name, fields and actions you entered are not saved anywhere yet. Cancel throws them away.',
      confirmLabel: 'Discard',
      danger: true,
    });
    if (!discard) return;
  }
  navigate({ page: 'home' });
}

function StepBody({ step }: { step: WizardStep }) {
  switch (step) {
    case 'about':
      return <AboutStep />;
    case 'configuration':
      return <ConfigStep />;
    case 'actions':
      return <ActionsStep />;
    case 'create':
      return <CreateStep />;
    default:
      return assertNever(step);
  }
}

/** The live issues of the whole draft, and when each field's errors may show. */
function useIssuesApi(): IssuesApi {
  const { draft, storeNames, templates, touched, attempted, step } = useWizardStore();
  const issues = useMemo(() => draftIssues(draft, { storeNames, templateIds: templates.map((t) => t.id) }), [draft, storeNames, templates]);
  return useMemo(
    () => ({ issues, shown: (field, hasValue) => hasValue || touched.has(field) || attempted.has(step), touch: (f) => useWizardStore.getState().touch(f) }),
    [issues, touched, attempted, step],
  );
}

/** The Connector Wizard: About, Configuration, Actions, Create; Back and Next keep every answer. */
export function WizardPage() {
  const { step, loading, creating, error, attempted } = useWizardStore();
  const api = useIssuesApi();
  const heading = useRef<HTMLHeadingElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const index = STEPS.findIndex((s) => s.id === step);
  const blocked = errorsOn(api.issues, step).length;

  useEffect(() => {
    document.title = 'New Connector — Connector Studio';
    // Like Home, the wizard belongs to no project: project commands and the last project's tabs go away.
    void useWorkspaceStore.getState().closeProject().then(() => useWizardStore.getState().start()).finally(markLoaded);
  }, []);
  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  const next = () => {
    if (useWizardStore.getState().next(api.issues)) return;
    // The errors render on this pass; focus the first one after it.
    requestAnimationFrame(() => body.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };
  const create = async () => {
    const firstBad = STEPS.find((s) => errorsOn(api.issues, s.id).length);
    if (firstBad) return useWizardStore.getState().showProblems(firstBad.id);
    const project = await useWizardStore.getState().create();
    if (project) navigate({ page: 'project', projectId: project.id, settings: false });
  };

  return (
    <div className="wizard" data-testid="wizard">
      <header className="home-header">
        <div className="brand"><Icon name="plug" size={20} /> <span>Connector Studio</span></div>
        <button className="button secondary small" onClick={() => void cancelWizard()} data-testid="wz-cancel">Cancel</button>
      </header>
      <main className="wizard-main" aria-labelledby="wz-title">
        <div className="wz-top">
          <h1 id="wz-title" className="wizard-title">New Connector <StartFromDescriptionButton /></h1>
          <ol className="wz-steps" aria-label="Steps">
            {STEPS.map((s, i) => (
              <li key={s.id} className={`wz-step${i === index ? ' current' : ''}${i < index ? ' done' : ''}`}>
                <button type="button" aria-current={i === index ? 'step' : undefined} disabled={i > index} onClick={() => useWizardStore.getState().goTo(s.id)}
                  data-testid={`wz-step-${s.id}`}>
                  <span className="wz-step-number" aria-hidden="true">{i < index ? <Icon name="check" size={12} /> : i + 1}</span> {s.title}
                </button>
              </li>
            ))}
          </ol>
        </div>
        <section className="wz-body" aria-labelledby="wz-step-title" ref={body}>
          <div className="wz-inner">
            <h2 id="wz-step-title" className="wz-step-title" tabIndex={-1} ref={heading}>{STEPS[index].title}</h2>
            {loading ? <p className="muted" aria-busy="true">Loading templates…</p> : (
              <IssuesContext.Provider value={api}>
                <StepBody step={step} />
              </IssuesContext.Provider>
            )}
            {error && step !== 'create' && <p className="inline-error" role="alert">{error}</p>}
          </div>
        </section>
        <footer className="wz-footer">
          <div className="wz-inner wz-footer-row">
            <button type="button" className="button secondary" disabled={index === 0} onClick={() => useWizardStore.getState().back()} data-testid="wz-back">Back</button>
            <span className="wz-footer-note muted small" aria-live="polite">
              {blocked > 0 && attempted.has(step) ? `${plural(blocked, 'problem')} to fix on this step.` : ''}
            </span>
            {step === 'create' ? (
              <button type="button" className="button primary" disabled={creating} onClick={() => void create()} data-testid="wz-create">
                {creating ? 'Creating…' : 'Create Connector'}
              </button>
            ) : (
              <button type="button" className="button primary" onClick={next} data-testid="wz-next">Next</button>
            )}
          </div>
        </footer>
      </main>
    </div>
  );
}
