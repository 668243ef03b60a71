import { LICENCE_CHOICES, fortinetRepositoryUrl, isCertified, type LicenceChoice } from '../../../../shared/connector/wizard';
import { DEFAULT_CI_INSTALL } from '../../../../shared/connector/ci-install';
import { useSettingsStore } from '../../store/settings/store';
import { toAnswers } from '../../store/wizard/draft';
import { useWizardStore } from '../../store/wizard/store';
import { FormRow, IssueList } from './FormRow';
import { plural } from '../../../../shared/plural';

const LICENCE_LABEL: Record<LicenceChoice, string> = { MIT: 'MIT', 'Apache-2.0': 'Apache 2.0', proprietary: 'Proprietary (all rights reserved)' };

/** Create: what will be written where, the licence, and the service's own refusal if it finds more than we did. */
export function CreateStep() {
  const draft = useWizardStore((s) => s.draft);
  const templates = useWizardStore((s) => s.templates);
  const error = useWizardStore((s) => s.error);
  const serverIssues = useWizardStore((s) => s.serverIssues);
  const workspace = useSettingsStore((s) => s.settings?.workspaceRoot);
  const a = toAnswers(draft);
  const { setAnswers } = useWizardStore.getState();
  const folder = `connector-${a.name}`;
  const certified = isCertified(a);
  return (
    <div data-testid="wz-create-step">
      <dl className="wz-summary">
        <dt>Connector</dt><dd>{a.label} <span className="muted mono">{a.name} {a.version}</span></dd>
        <dt>Template</dt><dd>{templates.find((t) => t.id === a.template)?.title ?? a.template}</dd>
        <dt>Category</dt><dd>{a.category}</dd>
        <dt>Published</dt><dd data-testid="wz-summary-publish">{certified ? 'Submitted to Fortinet for certification' : 'On your own FortiSOAR servers or your customers\''}</dd>
        <dt>Configuration</dt><dd>{plural(a.configuration.length, 'field')}: {a.configuration.map((f) => f.name).join(', ') || 'none'}</dd>
        <dt>Actions</dt><dd>{a.actions.map((x) => x.title || x.operation).join(', ') || 'none'}</dd>
        <dt>Folder</dt><dd className="mono">{workspace ? `${workspace}/` : ''}{folder}/</dd>
      </dl>
      <div className="wz-grid two">
        <FormRow label="Licence" field="licence" hasValue
          help={certified ? 'MIT, Copyright Fortinet Inc: what Fortinet\'s repositories and its CI require.' : 'LICENSE at the repository root.'}>
          {(c) => (
            <select {...c} className="select wide" value={a.licence} disabled={certified} onChange={(e) => setAnswers({ licence: e.target.value as LicenceChoice })} data-testid="wz-licence">
              {LICENCE_CHOICES.map((l) => <option key={l} value={l}>{LICENCE_LABEL[l]}</option>)}
            </select>
          )}
        </FormRow>
        <FormRow label="Online help (optional)" field="helpOnline" hasValue={!!a.helpOnline}
          help={certified
            ? 'Left empty, certification mode sets the connector\'s repository on github.com/fortinet-fortisoar, as Fortinet\'s CI requires.'
            : 'An https:// link to your documentation; left empty, info.json has none.'}>
          {(c) => <input {...c} className="text-input wide" value={a.helpOnline ?? ''} placeholder={certified ? fortinetRepositoryUrl(a.name || '<name>') : 'https://'} data-testid="wz-help-online" onChange={(e) => setAnswers({ helpOnline: e.target.value || undefined })} />}
        </FormRow>
        <FormRow label="CI installs Connector Studio from" field="ciInstall" hasValue={!!a.ciInstall}
          help="What .github/workflows/connector.yml passes to npm install -g: the npm package, a git URL (git+https://…/connector-studio.git#v1.2.0) or a release tarball's URL.">
          {(c) => <input {...c} className="text-input wide" value={a.ciInstall ?? ''} placeholder={DEFAULT_CI_INSTALL} data-testid="wz-ci-install" onChange={(e) => setAnswers({ ciInstall: e.target.value.trim() || undefined })} />}
        </FormRow>
      </div>
      <p className="wz-help">
        Creates a git repository <code>{folder}/</code> with the connector in <code>{a.name}/</code> (info.json, connector.py, operations.py, utils.py,
        constants.py, requirements.txt, release_notes.md, images/, playbooks/), a README, the LICENSE, a .gitignore, a GitHub Actions workflow (validate, test, package) and the template's tests, commits it, and opens it.
      </p>
      {error && (
        <div className="wz-server-error" role="alert" data-testid="wz-create-error">
          <p>{error.split('\n')[0]}</p>
          <IssueList issues={serverIssues} />
        </div>
      )}
    </div>
  );
}
