/** info.json from the wizard's answers, with keys in the order FortiSOAR's own wizard writes them. */
import type { Field, InfoJson, Operation } from '../../../shared/connector/info-json';
import { fortinetRepositoryUrl, isCertified, type WizardAction, type WizardAnswers, type WizardField } from '../../../shared/connector/wizard';

export const ICON_SMALL = 'small.png';
export const ICON_LARGE = 'large.png';

/** cs_approved is always false: Fortinet sets it when it certifies a connector. */
export function buildInfoJson(a: WizardAnswers): InfoJson {
  return {
    name: a.name,
    label: a.label.trim(),
    version: a.version,
    description: a.description.trim(),
    publisher: a.publisher.trim(),
    cs_approved: false,
    cs_compatible: true,
    category: a.category,
    icon_small_name: ICON_SMALL,
    icon_large_name: ICON_LARGE,
    // Only certification mode fills an empty link in (Fortinet's CI requires one, and the wizard says so).
    help_online: a.helpOnline ?? (isCertified(a) ? fortinetRepositoryUrl(a.name) : ''),
    configuration: { fields: a.configuration.map(toField) },
    operations: a.actions.map(toOperation),
  };
}

export function infoJsonText(a: WizardAnswers): string {
  return JSON.stringify(buildInfoJson(a), null, 2) + '\n';
}

function toOperation(act: WizardAction): Operation {
  return {
    operation: act.operation,
    title: act.title.trim(),
    description: act.description.trim(),
    category: act.category ?? 'investigation',
    annotation: act.annotation ?? act.operation,
    enabled: true,
    parameters: act.parameters.map(toField),
    output_schema: act.output_schema,
  };
}

/** Flags always as JSON booleans (certification checks), optional keys only when they carry something. */
export function toField(f: WizardField): Field {
  const out: Field = {
    title: f.title.trim(),
    name: f.name,
    type: f.type === 'text' && f.subtype ? f.subtype : f.type,
  };
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  if (text(f.description)) out.description = text(f.description);
  if (text(f.tooltip)) out.tooltip = text(f.tooltip);
  out.required = f.required ?? false;
  out.editable = f.editable ?? true;
  out.visible = f.visible ?? true;
  if (f.options?.length) out.options = [...f.options];
  if (text(f.placeholder)) out.placeholder = text(f.placeholder);
  if (f.value !== undefined) out.value = f.value;
  else if (f.type === 'checkbox') out.value = false;
  return out;
}
