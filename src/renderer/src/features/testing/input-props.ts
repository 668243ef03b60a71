import type { Field } from '../../../../shared/connector/info-json';

/** What a form control of one info.json field gets (FieldInput and the select it hands apiOperation fields to). */
export interface InputProps {
  id: string;
  field: Field;
  value: unknown;
  describedBy: string;
  invalid: boolean;
  /** Password fields with a stored secret: the box stays empty and says so. */
  secretSaved?: boolean;
  /** Selects with an `apiOperation` run it for their options (the Test Actions form). */
  apiOptions?: boolean;
  onChange(value: unknown): void;
}
