/** Issue 13: which configuration values are secret is decided in one place, src/shared/connector/secret-fields.ts:
 * password-type fields at any depth of info.json's configuration, and keys named like secrets. The test
 * configurations, the runtime's masking, the sandbox, the connector-code security rules and the Python runtime (which
 * gets the rule with each call) all use it. Any other file under src/ or resources/python that checks a field for the
 * password type, or spells a list or pattern of secret key names, fails this test. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { filesUnder, isScriptFile } from '../helpers/source-files';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/tmp';

const MODULE = 'src/shared/connector/secret-fields.ts';

/** Files allowed to spell what the rules catch, and why. */
const ALLOWED: Readonly<Record<string, string>> = {
  [MODULE]: 'the one rule',
  'src/shared/connector/secret-fields.test.ts': "the rule's own cases",
  // Diagnostics leave the machine: settings keys with `key` or `auth` anywhere and `password=...` in free log text are
  // redacted too. That is deliberately wider than which configuration values are secret, and decides none of them.
  'src/main/services/app/app-service.ts': 'diagnostics redaction, wider on purpose',
  // The IDE's own environment variables a worker must not inherit (AUTH, COOKIE, SESSION, ..._KEY included): about
  // the host process, not a connector's configuration.
  'src/main/services/runtime/worker-env.ts': 'environment variables kept from workers',
};

/** The secret words a pattern or a list of key names spells; three of them in one line's literals is a rule of its
 * own. Literals with a space are prose (messages, hints), not names or patterns. */
const FAMILIES: ReadonlyArray<RegExp> = [/pass(?:word|wd|phrase)?|pwd/i, /secret/i, /token/i, /api[^a-z0-9]{0,8}key/i, /credential/i];
const MIN_FAMILIES = 3;

const STRING = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\\n]|\\.)*`/g;
const REGEX_LITERAL = /(?<=[=(,:!&|?{};[]\s*|^\s*|return\s+)\/(?![*/])(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+\/[a-z]*/g;

/** Code only: whole-line comments and trailing `//` comments go. Python docstrings have no quotes inside a line's text. */
function codeLines(text: string): string[] {
  return text.split('\n').map((line) => {
    const t = line.trim();
    if (t.startsWith('//') || t.startsWith('*') || t.startsWith('/*') || t.startsWith('#')) return '';
    return line.replace(/\s\/\/\s.*$/, '');
  });
}

function literals(line: string): string[] {
  const strings = line.match(STRING) ?? [];
  const regexes = line.replace(STRING, '""').match(REGEX_LITERAL) ?? [];
  return [...strings, ...regexes].filter((l) => !l.includes(' '));
}

const RULES: ReadonlyArray<readonly [string, (line: string) => boolean]> = [
  // `f.type === 'password'`, `f.get('type') == 'password'`, `'password' !== field.type`, `f['type'] in ('password', ...)`
  ['checks a field for the password type', (l) => /\btype\b['"\])]*\s*(?:===?|!==?)\s*['"`]password['"`]|['"`]password['"`]\s*(?:===?|!==?)\s*[\w.?()[\]'"]*\btype\b|\btype\b['"\])]*\s+(?:not\s+)?in\s*[([{][^)\]}]*['"]password['"]/.test(l)],
  ['spells secret key names', (l) => {
    const text = literals(l).join(' ');
    return FAMILIES.filter((f) => f.test(text)).length >= MIN_FAMILIES;
  }],
];

/** `switch (field.type) { case 'password': ... }` spans lines. */
const SWITCH_ON_PASSWORD = /switch\s*\(\s*[\w.?]*\btype\s*\)\s*\{(?:(?!\bswitch\b)[\s\S]){0,400}?\bcase\s*['"`]password['"`]/;

function offences(text: string): string[] {
  const found = new Set<string>();
  for (const line of codeLines(text)) for (const [name, test] of RULES) if (test(line)) found.add(name);
  if (SWITCH_ON_PASSWORD.test(text)) found.add('checks a field for the password type');
  return [...found];
}

const files = (dir: string, keep: (name: string) => boolean) => filesUnder(path.join(REPO_ROOT, dir), keep).map((r) => `${dir}/${r}`);

describe('one secret rule', () => {
  it('recognises every way of deciding secrets it is meant to catch, and nothing else', () => {
    const caught = [
      // The copies this issue removed, as they were.
      "      if (field.type === 'password' && typeof field.name === 'string') names.add(field.name);",
      "      if (node.type === 'password' && typeof node.name === 'string') names.add(node.name);",
      "    if (f.type === 'password' && typeof f.name === 'string') into.add(f.name);",
      "            if f.get('type') == 'password' and isinstance(f.get('name'), str):",
      "SECRET_KEY = re.compile(r'pass(word|wd)?|token|secret|api[-_]?key|apikey|private[-_]?key', re.I)",
      "const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'apikey', 'credential', 'credentials']);",
      "      if (f.name && f.name in saved && f.type !== 'password') out[f.name] = toRaw(f, saved[f.name]);",
      "  switch (field.type) {\n    case 'password':\n      return text('password');",
      // Other spellings.
      "if 'password' == field['type']:",
      "    if f['type'] in ('password', 'secret'):",
      'const SECRET = /(password|token|api_?key)/i;',
      "const isSecret = (k) => new RegExp('secret|token|passwd').test(k);",
      "SECRET_NAMES = {'password', 'client_secret', 'access_token'}",
    ];
    for (const text of caught) expect(offences(text), text).not.toEqual([]);
    const fine = [
      "      { name: 'password', title: 'Password', type: 'password', required: true },",
      "  auth: { enum: ['password', 'apiKey', 'hmac'] },",
      "const SECRET_NAMES: Record<ProfileAuth, string> = { password: 'password', apiKey: 'apiKey', hmac: 'hmacPrivateKey' };",
      "export const credentialPart = (value: string): string => value.trim().replace(/^(bearer|basic|token|apikey|api-key|sswsk?|digest)\\b\\s*/i, '');",
      "  const kind = /^username/i.test(prompt) ? 'username' : /^password/i.test(prompt) ? 'password' : 'other';",
      '/** Password values never leave the server: secrets, tokens and api_key values come back masked. */',
      "hint: 'Whatever the credentials (tokens and API keys too), add the trailing slash.',",
      "<input type={secret ? 'password' : 'text'} />",
      "  if (isPasswordField(f) && f.value !== undefined && f.value !== '')",
      "    s.add_named({'x-api-key': 'abc', 'access_token': 'tok-123456'}, users=False)",
      "  switch (field.type) {\n    case 'checkbox':\n      return box();\n  }\n  const INPUT_TYPES = { password: 'password' };",
    ];
    for (const text of fine) expect(offences(text), text).toEqual([]);
  });

  it('the module itself is what the rules see (the scan reads real files)', () => {
    expect(offences(readFileSync(path.join(REPO_ROOT, MODULE), 'utf8'))).toEqual(expect.arrayContaining(['checks a field for the password type', 'spells secret key names']));
  });

  it('no file under src/ or resources/python but the module decides which configuration values are secret', () => {
    const all = [...files('src', isScriptFile), ...files('resources/python', (name) => name.endsWith('.py'))].filter((f) => !f.endsWith('.generated.ts'));
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((f) => f.endsWith('.py')).length).toBeGreaterThan(10);
    const found = all
      .filter((f) => !(f in ALLOWED))
      .flatMap((f) => offences(readFileSync(path.join(REPO_ROOT, f), 'utf8')).map((o) => `${f}: ${o} (use ${MODULE}; the Python runtime gets it with each call as "secrets")`));
    expect(found).toEqual([]);
  });

  it('every allowed file still exists and still needs its exception', () => {
    for (const f of Object.keys(ALLOWED)) expect(offences(readFileSync(path.join(REPO_ROOT, f), 'utf8')), f).not.toEqual([]);
  });
});
