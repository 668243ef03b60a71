/** The info.json model (reference/connector-format.md). Every interface keeps an index signature because
 * real connectors carry vendor extras and wizard artefacts that must survive a round trip. */

export type FieldType =
  | 'text'
  | 'textarea'
  | 'password'
  | 'integer'
  | 'decimal'
  | 'numeric'
  | 'checkbox'
  | 'select'
  | 'multiselect'
  | 'json'
  | 'object'
  | 'datetime'
  | 'date'
  | 'url'
  | 'file'
  | 'email'
  | 'phone'
  | 'richtext'
  | 'html'
  | 'image'
  | 'domain'
  | 'filehash'
  | 'ipv4'
  | 'ipv6'
  | 'label';

/** Types seen in published connectors plus the ones the Connectors Guide documents. */
export const KNOWN_FIELD_TYPES: ReadonlySet<string> = new Set<FieldType>([
  'text',
  'textarea',
  'password',
  'integer',
  'decimal',
  'numeric',
  'checkbox',
  'select',
  'multiselect',
  'json',
  'object',
  'datetime',
  'date',
  'url',
  'file',
  'email',
  'phone',
  'richtext',
  'html',
  'image',
  'domain',
  'filehash',
  'ipv4',
  'ipv6',
  'label',
]);

export interface FieldValidation {
  pattern?: string;
  patternError?: string;
  [extra: string]: unknown;
}

/** A configuration field or an operation parameter (same shape). */
export interface Field {
  name?: string;
  title?: string;
  type?: FieldType | string;
  required?: boolean;
  editable?: boolean;
  visible?: boolean;
  description?: string;
  tooltip?: string | null;
  /** The default value. */
  value?: unknown;
  options?: unknown[];
  placeholder?: string;
  /** Option value (or "true"/"false" on a checkbox) -> fields shown when it is selected. */
  onchange?: Record<string, Field[]>;
  apiOperation?: string;
  validation?: FieldValidation;
  class?: string;
  [extra: string]: unknown;
}

export interface ConditionalOutputSchema {
  condition?: string;
  output_schema?: unknown;
  [extra: string]: unknown;
}

export interface Operation {
  operation?: string;
  title?: string;
  description?: string;
  parameters?: Field[];
  annotation?: string;
  category?: string;
  enabled?: boolean;
  visible?: boolean;
  is_config_required?: boolean;
  output_schema?: unknown;
  conditional_output_schema?: ConditionalOutputSchema[];
  api_output_schema?: string;
  tooltip?: string;
  [extra: string]: unknown;
}

export interface InfoJson {
  name?: string;
  label?: string;
  version?: string;
  description?: string;
  publisher?: string;
  category?: string | string[];
  icon_small_name?: string;
  icon_medium_name?: string;
  icon_large_name?: string;
  help_online?: string | null;
  help_file?: string;
  configuration?: { fields?: Field[]; [extra: string]: unknown };
  operations?: Operation[];
  cs_compatible?: boolean;
  cs_approved?: boolean;
  ingestion_supported?: boolean;
  ingestion_modes?: string[];
  ingestion_preferences?: unknown;
  tags?: string[];
  [extra: string]: unknown;
}

export const OPERATION_CATEGORIES: readonly string[] = ['investigation', 'containment', 'remediation', 'miscellaneous'];

export const INGESTION_MODES: readonly string[] = ['scheduled', 'notification', 'app_push'];

/** Fortinet's certification CI list (template-repository, sanity_checks_utcs.py). */
export const CONNECTOR_CATEGORIES: readonly string[] = [
  'Analytics and SIEM',
  'Asset Management',
  'Attack surface management',
  'Authentication',
  'Automation controller',
  'Case Management',
  'Cloud access security broker (CASB)',
  'Cloud Security',
  'Communication and Coordination',
  'Compliance and Reporting',
  'Compute Platform',
  'Computing',
  'Container Services',
  'Database',
  'Deception',
  'DevOps and Digital Operations',
  'Digital assistant',
  'Email Gateway',
  'Email Security',
  'Email Server',
  'Endpoint Security',
  'Enterprise mobility management',
  'Firewall and Network Protection',
  'Forensics and Malware Analysis',
  'FortiSOAR Essentials',
  'Identity and Access Management',
  'Insider Threat',
  'OT & IoT Security',
  'IT Service Management',
  'IT Services',
  'Logging',
  'Malware Analysis',
  'Message Queueing Service',
  'ML Service',
  'Monitoring',
  'Network Security',
  'Query Service',
  'Security Posture Management',
  'Storage',
  'Task Management',
  'Threat Detection',
  'Threat Hunting and Search',
  'Threat Intelligence',
  'Utilities',
  'Vulnerability and Risk Management',
  'Web Application',
  'Breach and Attack Simulation (BAS)',
  'Ticket Management',
];
