import { useId } from 'react';
import { CONNECTOR_CATEGORIES } from '../../../../shared/connector/info-json';
import type { PublishTarget } from '../../../../shared/connector/wizard';
import { useWizardStore } from '../../store/wizard/store';
import { FormRow } from './FormRow';
import { LogoInput } from './LogoInput';

/** About: the template, the connector's identity and its logos. */
export function AboutStep() {
  const answers = useWizardStore((s) => s.draft.answers);
  const { setAnswers, setLabel } = useWizardStore.getState();
  const categories = useId();
  return (
    <div className="wz-about">
      <TemplatePicker />
      <PublishTargetPicker />
      <div className="wz-grid two">
        <FormRow label="Connector name" field="label" hasValue={!!answers.label} required help="Shown to FortiSOAR users; the API identifier follows it until you edit that.">
          {(c) => <input {...c} className="text-input wide" value={answers.label} placeholder="Acme Threat Intel" onChange={(e) => setLabel(e.target.value)} data-testid="wz-label" />}
        </FormRow>
        <FormRow label="API identifier" field="name" hasValue={!!answers.name} required
          help={<>The folder and info.json <code>name</code>: letters, digits, - and _, not starting with a digit.</>}>
          {(c) => (
            <input {...c} className="text-input wide mono" value={answers.name} spellCheck={false} autoCapitalize="off" placeholder="acme-threat-intel"
              onChange={(e) => (useWizardStore.getState().touch('name'), useWizardStore.getState().editName(e.target.value))} data-testid="wz-name" />
          )}
        </FormRow>
        <FormRow label="Version" field="version" hasValue={!!answers.version} required help="Three numbers, x.y.z.">
          {(c) => <input {...c} className="text-input wide mono" value={answers.version} onChange={(e) => setAnswers({ version: e.target.value })} data-testid="wz-version" />}
        </FormRow>
        <FormRow label="Publisher" field="publisher" hasValue={!!answers.publisher} required help="Your company or your name.">
          {(c) => <input {...c} className="text-input wide" value={answers.publisher} onChange={(e) => setAnswers({ publisher: e.target.value })} data-testid="wz-publisher" />}
        </FormRow>
      </div>
      <FormRow label="Description" field="description" hasValue={!!answers.description} required help="What the connector integrates with and what it does.">
        {(c) => <textarea {...c} className="text-input wide" rows={3} value={answers.description} onChange={(e) => setAnswers({ description: e.target.value })} data-testid="wz-description" />}
      </FormRow>
      <FormRow label="Category" field="category" hasValue={!!answers.category} required
        help="Pick one from Fortinet's certification list, or type your own (it installs, but certification flags it).">
        {(c) => (
          <>
            <input {...c} className="text-input wide" list={categories} value={answers.category} onChange={(e) => setAnswers({ category: e.target.value })} data-testid="wz-category" />
            <datalist id={categories}>{CONNECTOR_CATEGORIES.map((x) => <option key={x} value={x} />)}</datalist>
          </>
        )}
      </FormRow>
      <fieldset className="wz-fieldset">
        <legend className="wz-label">Logos</legend>
        <div className="wz-logos">
          <LogoInput slot="small" value={answers.icons?.small} onChange={(small) => setAnswers({ icons: { ...answers.icons, small } })} />
          <LogoInput slot="large" value={answers.icons?.large} onChange={(large) => setAnswers({ icons: { ...answers.icons, large } })} />
        </div>
      </fieldset>
    </div>
  );
}

const PUBLISH_OPTIONS: readonly { id: PublishTarget; title: string; description: string }[] = [
  { id: 'own', title: 'My own FortiSOAR servers or my customers\'', description: 'Under your copyright and the licence you choose.' },
  {
    id: 'fortinet',
    title: 'Submit to Fortinet for certification',
    description: 'Written to pass Fortinet\'s certification CI: MIT, Copyright Fortinet Inc, docs on its GitHub.',
  },
];

/** Where the connector will be published decides what the project must carry: submitting to Fortinet means
 * passing its certification CI, so the files are written for it. */
function PublishTargetPicker() {
  const target = useWizardStore((s) => s.draft.answers.publishTarget ?? 'own');
  const help = useId();
  const choose = (id: PublishTarget) => useWizardStore.getState().setAnswers(id === 'fortinet' ? { publishTarget: id, licence: 'MIT' } : { publishTarget: id });
  return (
    <fieldset className="wz-fieldset" aria-describedby={help}>
      <legend className="wz-label">Where will it be published?</legend>
      <p id={help} className="wz-help">You stay the publisher either way.</p>
      <div className="wz-publish" data-testid="wz-publish-target">
        {PUBLISH_OPTIONS.map((o) => (
          <label key={o.id} className={`wz-publish-option${o.id === target ? ' selected' : ''}`} data-publish={o.id}>
            <input type="radio" name="wz-publish-target" value={o.id} checked={o.id === target} onChange={() => choose(o.id)} data-testid={`wz-publish-${o.id}`} />
            <span className="wz-template-title">{o.title}</span>
            <span className="wz-template-description">{o.description}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Radio cards: choosing a template fills the Configuration and Actions steps with its fields and actions. */
function TemplatePicker() {
  const templates = useWizardStore((s) => s.templates);
  const current = useWizardStore((s) => s.draft.answers.template);
  const help = useId();
  return (
    <fieldset className="wz-fieldset" aria-describedby={help}>
      <legend className="wz-label">Template</legend>
      <p id={help} className="wz-help">It fills in the configuration fields and suggests actions; choosing another one replaces them.</p>
      <div className="wz-templates" data-testid="wz-templates">
        {templates.map((t) => (
          <label key={t.id} className={`wz-template${t.id === current ? ' selected' : ''}`} data-template={t.id}>
            <input type="radio" name="wz-template" value={t.id} checked={t.id === current}
              onChange={() => void useWizardStore.getState().chooseTemplate(t.id)} />
            <span className="wz-template-title">{t.title}</span>
            <span className="wz-template-description">{t.description}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
