/** Which configuration values are secrets: the one rule for the test configurations (which values go to the
 * secret store), the sandbox (which values are sealed at rest and masked in its API), the runtime's masking of
 * logs, output and messages, the cassettes, and the connector-code security rules. The Python runtime has no
 * rule of its own: it gets `secretRuleFor(...)` with every call (resources/python/secret_forms.py SecretRule).
 *
 * Two things make a value secret:
 * - its field is of type `password` in info.json's configuration, at any depth (fields an `onchange` choice
 *   shows included): what FortiSOAR itself masks;
 * - its key is named like a secret (`api_key`, `client_secret`, `accessToken`), wherever it sits: a token a
 *   vendor hands back, or a credential a connector keeps in a text field. Only the key's last word counts, so
 *   `token_type`, `TOKEN_URL`, `password_hint` and `bypass_proxy` are not secrets. */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A field whose value is a secret by its declared type. */
export const isPasswordField = <T>(field: T): field is T & { type: 'password' } => isObject(field) && field.type === 'password';

/** Names of the password fields of a configuration schema (info.json's `configuration`, or its `fields`),
 * however deep they sit in it. Iterative: a hostile schema nested thousands deep cannot overflow the stack. */
export function passwordFieldNames(configuration: unknown): Set<string> {
  const names = new Set<string>();
  const pending: unknown[] = [configuration];
  while (pending.length) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (isObject(node)) {
      if (isPasswordField(node) && typeof node.name === 'string') names.add(node.name);
      pending.push(...Object.values(node));
    }
  }
  return names;
}

/** Names of the password fields of a connector, from its parsed info.json. */
export const secretFieldNames = (info: unknown): Set<string> => passwordFieldNames(isObject(info) ? info.configuration : undefined);

// ---- key names

/** A key ending in one of these words holds a secret. */
export const SECRET_WORDS: ReadonlySet<string> = new Set(['password', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'apikey', 'credential', 'credentials']);
/** `key` alone is a dict key or a sort key; with one of these before it, it is a credential. */
const KEY_QUALIFIERS = ['api', 'secret', 'private', 'access', 'auth', 'client', 'signing', 'encryption'];
/** Keys whose value names the user of a credential (the user half of Basic auth), anywhere in the key. */
const USER_WORDS = ['user', 'login', 'email', 'account', 'client_id', 'client-id', 'clientid'];
/** Header names whose value is a credential. */
const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'apikey', 'x-auth-token', 'x-access-token', 'x-apikey']);

/* The key-name rule is a regular expression in the common subset of JavaScript's and Python's syntax (no flags,
 * no named groups, fixed-width lookbehind), so the Python runtime applies exactly this one. A key's words are
 * what a programmer writes: split at non-alphanumerics and at a lower-to-upper step (`apiKey`, `my_API_KEY`),
 * only the part after the last `.` (`self.token`). */
const anyCase = (word: string) => [...word].map((c) => (/[a-z]/.test(c) ? `[${c.toUpperCase()}${c}]` : c)).join('');
/** One word in any case, with no lower-to-upper step inside (`passWord` is `pass` + `word`). */
const oneWord = (w: string) => `(?![A-Za-z0-9]{0,${Math.max(0, w.length - 2)}}[a-z0-9][A-Z])${anyCase(w)}`;
const WORD_START = '(?:(?<![A-Za-z0-9])|(?<=[a-z0-9])(?=[A-Z]))';
const BETWEEN_WORDS = '(?:[^A-Za-z0-9.]+|(?<=[a-z0-9])(?=[A-Z]))';
const LAST_WORD_END = '[^A-Za-z0-9.]*(?![\\s\\S])';
const anyOf = (words: readonly string[]) => `(?:${words.map(oneWord).join('|')})`;

const SECRET_KEY_SOURCE = `${WORD_START}(?:${anyOf([...SECRET_WORDS])}|${anyOf(KEY_QUALIFIERS)}${BETWEEN_WORDS}${oneWord('key')})${LAST_WORD_END}`;
const USER_KEY_SOURCE = USER_WORDS.map(anyCase).join('|');
const SECRET_KEY = new RegExp(SECRET_KEY_SOURCE);
const USER_KEY = new RegExp(USER_KEY_SOURCE);

/** `api_key`, `client_secret`, `accessToken`, `X-Api-Key`: a key named like a secret. */
export const isSecretKeyName = (name: string): boolean => SECRET_KEY.test(name);
/** `username`, `login_email`, `client_id`: a key whose value is a user name, for the Basic auth forms. */
export const isUserKeyName = (name: string): boolean => USER_KEY.test(name);
export const isCredentialHeader = (name: string): boolean => CREDENTIAL_HEADERS.has(name.trim().toLowerCase());

/** Every string (or number) value of a configuration, or of several, under a password field's name or a
 * secret-named key, at any depth: what must be masked wherever the configuration's values may show. */
export function secretValues(config: unknown, passwordFields: Iterable<string>): string[] {
  const fields = new Set(passwordFields);
  const found = new Set<string>();
  const pending: unknown[] = [config];
  while (pending.length) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (isObject(node))
      for (const [k, v] of Object.entries(node)) {
        if (isObject(v)) pending.push(v);
        else if ((typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) && (fields.has(k) || isSecretKeyName(k))) found.add(String(v));
      }
  }
  return [...found];
}

/** What the Python runtime receives with each call, as `secrets`: the connector's password fields and the
 * key-name rule as regular expressions it compiles as they are. */
export interface SecretRuleWire {
  readonly fields: readonly string[];
  readonly secretKey: string;
  readonly userKey: string;
}

export const secretRuleFor = (passwordFields: Iterable<string>): SecretRuleWire => ({
  fields: [...new Set(passwordFields)].sort(),
  secretKey: SECRET_KEY_SOURCE,
  userKey: USER_KEY_SOURCE,
});
