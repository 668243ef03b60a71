import { describe, expect, it } from 'vitest';
import { isCredentialHeader, isPasswordField, isSecretKeyName, isUserKeyName, passwordFieldNames, secretFieldNames, secretRuleFor, secretValues } from './secret-fields';

const INFO = {
  configuration: {
    fields: [
      { name: 'server', type: 'text' },
      { name: 'api_key', type: 'password' },
      { name: 'auth', type: 'select', options: ['token', 'basic'], onchange: { basic: [{ name: 'basic_password', type: 'password' }, { name: 'user', type: 'text' }] } },
      { name: 'advanced', type: 'checkbox', onchange: { true: [{ name: 'proxy', type: 'object', fields: [{ name: 'proxy_pass', type: 'password' }] }] } },
      { title: 'nameless', type: 'password' },
      { name: 42, type: 'password' },
    ],
  },
  operations: [{ operation: 'x', parameters: [{ name: 'operation_password', type: 'password' }] }],
};

describe('password fields', () => {
  it('are the password-type fields of the configuration at any depth, onchange branches included, and nothing outside it', () => {
    expect([...secretFieldNames(INFO)].sort()).toEqual(['api_key', 'basic_password', 'proxy_pass']);
    expect([...passwordFieldNames(INFO.configuration)].sort()).toEqual(['api_key', 'basic_password', 'proxy_pass']);
    expect([...passwordFieldNames(INFO.configuration.fields)].sort()).toEqual(['api_key', 'basic_password', 'proxy_pass']);
  });

  it('a missing or broken info.json has none', () => {
    for (const info of [undefined, null, 'x', 3, {}, { configuration: null }, { configuration: { fields: 'x' } }]) expect(secretFieldNames(info).size).toBe(0);
  });

  it('a schema nested far deeper than the stack is walked, not a crash', () => {
    let deep: unknown = { name: 'bottom', type: 'password' };
    for (let i = 0; i < 100_000; i++) deep = { onchange: { x: [deep] } };
    expect([...passwordFieldNames(deep)]).toEqual(['bottom']);
  });

  it('isPasswordField looks at the type only', () => {
    expect(isPasswordField({ type: 'password' })).toBe(true);
    expect([{ type: 'text' }, { type: 'Password' }, null, 'password'].some(isPasswordField)).toBe(false);
  });
});

describe('secret key names: the last word of the name counts', () => {
  it.each([
    'password', 'PASSWORD', 'db_password', 'userPassword', 'passwd', 'pwd', 'passphrase', 'client_secret', 'self.client_secret',
    'token', 'access_token', 'accessToken', 'X-Session-Token', 'x-auth-token', 'refresh_token', 'apikey', 'api_key', 'apiKey', 'APIKey', 'API_KEY',
    'X-Api-Key', 'x-api-key', 'secret_key', 'privateKey', 'private_key', 'aws_secret_access_key', 'credentials', 'credential', 'token_', 'my2Token',
  ])('%s is a secret', (name) => expect(isSecretKeyName(name)).toBe(true));

  it.each([
    'token_type', 'TOKEN_URL', 'token_expires_in', 'PASSWORD_FIELD', 'password_hint', 'bypass_proxy', 'passive', 'compass', 'key', 'sort_key', 'api.key',
    'passWord', 'XApiKey', 'Xtoken', 'tokens', 'token2', 'token.', 'secret_url', 'scope', 'username', 'server', '', 'pass',
  ])('%s is not', (name) => expect(isSecretKeyName(name)).toBe(false));

  it('users and credential headers', () => {
    expect(['username', 'user', 'login_email', 'Account', 'client_id', 'clientId'].every(isUserKeyName)).toBe(true);
    expect(['password', 'server', 'tenant'].some(isUserKeyName)).toBe(false);
    expect(['Authorization', ' X-API-Key ', 'proxy-authorization'].every(isCredentialHeader)).toBe(true);
    expect(isCredentialHeader('X-Request-Id')).toBe(false);
  });
});

describe('secretValues', () => {
  it('takes password fields and secret-named keys at any depth, of one configuration or several, and nothing else', () => {
    const config = { server: 'https://h', pin: '98765', api_key: 'k-1234', token_type: 'Bearer', port: 443, nested: [{ refresh_token: 'rt-1' }, { pin: 1234 }], flag: true };
    expect(secretValues(config, ['pin']).sort()).toEqual(['1234', '98765', 'k-1234', 'rt-1']);
    expect(secretValues([{ pin: 'old-pin' }, { pin: 'new-pin' }, true], ['pin']).sort()).toEqual(['new-pin', 'old-pin']);
    expect(secretValues({ server: 'x', password: null, token: undefined }, [])).toEqual([]);
  });
});

describe('the rule the Python runtime gets', () => {
  it('carries the password fields, sorted and once each, and the key-name expressions', () => {
    const wire = secretRuleFor(['b', 'a', 'b']);
    expect(wire.fields).toEqual(['a', 'b']);
    expect(new RegExp(wire.secretKey).test('api_key')).toBe(true);
    expect(new RegExp(wire.userKey).test('username')).toBe(true);
  });

  // The Python tests (resources/python/tests/host_rule.py) read the rule from this file: it fails here when the
  // rule changes and the file was not updated (`npx vitest run src/shared/connector/secret-fields.test.ts -u`).
  it('resources/python/tests/secret_rule.json is the rule as it is sent', async () => {
    await expect(`${JSON.stringify(secretRuleFor([]), null, 2)}\n`).toMatchFileSnapshot('../../../resources/python/tests/secret_rule.json');
  });
});
