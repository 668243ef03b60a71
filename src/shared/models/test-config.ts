/** A saved test configuration as the UI sees it: secret values never leave the services, only their names. */
export interface TestConfig {
  readonly id: string;
  /** The configuration's UUID as FortiSOAR gives it to the connector (`config['config_id']`): stable across calls. */
  readonly configId: string;
  readonly name: string;
  readonly isDefault: boolean;
  readonly active: boolean;
  /** Non-secret values by field name. */
  readonly values: Record<string, unknown>;
  /** Password fields that have a stored value. */
  readonly secretsSet: string[];
}

export interface TestConfigInput {
  readonly id?: string;
  readonly name: string;
  readonly isDefault?: boolean;
  readonly active?: boolean;
  /** Values by field name; a password field's value is stored as a secret, and left unchanged when empty. */
  readonly values: Record<string, unknown>;
}
