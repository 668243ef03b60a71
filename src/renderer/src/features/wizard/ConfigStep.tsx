import { useWizardStore } from '../../store/wizard/store';
import { FieldList } from './FieldList';

/** Configuration: the fields a FortiSOAR admin fills in once per configuration of the connector. */
export function ConfigStep() {
  const fields = useWizardStore((s) => s.draft.answers.configuration);
  return (
    <div data-testid="wz-config-step">
      <p className="wz-intro">
        The settings an administrator enters when adding a configuration (server URL, credentials, options). The names <code>name</code> and{' '}
        <code>default</code> are reserved: FortiSOAR stores every configuration with its own name and default flag.
      </p>
      <FieldList fields={fields} path="configuration" kind="field" onChange={(configuration) => useWizardStore.getState().setAnswers({ configuration })} />
    </div>
  );
}
