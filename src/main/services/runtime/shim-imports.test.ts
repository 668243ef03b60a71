/** Every framework module and name the reference lists (reference/connector-format.md, "Imports used by real
 * connectors", copied to tests/fixtures/reference/connector-format-imports.md) resolves in the real Python worker: the list is parsed from the reference text, so a name
 * added there fails here until a shim provides it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../../../tests/helpers/tmp';
import { fixture, makeKit } from './test-kit';

const REFERENCE = path.join(FIXTURES_DIR, 'reference', 'connector-format-imports.md');
const ROOTS = ['connectors', 'integrations', 'django', 'cshmac', 'uwsgi'];

/** The text of the bullet that starts with `heading`, up to the next bullet or section. */
function bulletText(markdown: string, heading: string): string {
  const start = markdown.indexOf(`- ${heading}`);
  if (start < 0) throw new Error(`The reference has no bullet "${heading}".`);
  const rest = markdown.slice(start + 2);
  const end = rest.search(/\n(?:- |#)/);
  return end < 0 ? rest : rest.slice(0, end);
}

const isRooted = (p: string) => ROOTS.some((r) => p === r || p.startsWith(`${r}.`));

/**
 * The dotted paths a bullet names, in order. A backticked dotted path from a framework root (`connectors.core.connector`,
 * `django.conf.settings`) is a path itself and, unless it is a call, the base for the bare names after it (`Connector`,
 * `get_logger(name)`, `TMP_FILE_ROOT`); `.crudhub.x` is relative to the package of the base before it; `pkg.*` names the
 * package; anything else in backticks (`{cyops_file_path, filename}`, `connectors.<name>`, `kwargs['env']`) is prose.
 */
function listedPaths(bullet: string): string[] {
  const out: string[] = [];
  let base: string | null = null;
  for (const [, quoted = ''] of bullet.matchAll(/`([^`]+)`/g)) {
    const token = quoted.replace(/\s+/g, ' ').trim();
    const call = token.indexOf('(');
    const head = (call < 0 ? token : token.slice(0, call)).trim().replace(/\.\*$/, '');
    if (!/^\.?[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*$/.test(head)) continue;
    let full: string | null = null;
    if (head.startsWith('.')) full = base ? `${base.split('.').slice(0, -1).join('.')}${head}` : null;
    else if (isRooted(head)) full = head;
    else if (base && !head.includes('.')) full = `${base}.${head}`;
    if (!full) continue;
    if (!out.includes(full)) out.push(full);
    if (call < 0 && (isRooted(head) || head.startsWith('.'))) base = full;
  }
  return out;
}

const LISTED = listedPaths(bulletText(readFileSync(REFERENCE, 'utf8'), 'Imports used by real connectors'));

describe('the reference list of framework imports', () => {
  it('parses the modules, names and attributes of the bullet', () => {
    expect(listedPaths('`a.b`: `x`; `connectors.core.connector`: `Connector`, `get_logger(name)` (logger `connectors.<name>`), `api_health_check(url,\n  verify=True)`, `{k, v}`; `connectors.cyops_utilities.files.*` and\n`.crudhub.make_cyops_request(iri=)`; `django.conf.settings` (`TMP_FILE_ROOT`); `uwsgi`.')).toEqual([
      'connectors.core.connector',
      'connectors.core.connector.Connector',
      'connectors.core.connector.get_logger',
      'connectors.core.connector.api_health_check',
      'connectors.cyops_utilities.files',
      'connectors.cyops_utilities.crudhub.make_cyops_request',
      'django.conf.settings',
      'django.conf.settings.TMP_FILE_ROOT',
      'uwsgi',
    ]);
  });

  it('finds every module and name the reference spells out', () => {
    // Spot checks of each shape, so a change in the reference's wording cannot silently shrink the list.
    expect(LISTED).toEqual(expect.arrayContaining([
      'connectors.core.connector.Connector',
      'connectors.core.connector.api_health_check',
      'connectors.core.base_connector.ConnectorError',
      'connectors.core.utils.update_connnector_config',
      'connectors.cyops_utilities.builtins.explode_email',
      'connectors.cyops_utilities.files',
      'connectors.cyops_utilities.crudhub.make_cyops_request',
      'connectors.debug_utils.curl_script.make_curl',
      'connectors.utils.manage_password',
      'integrations.crudhub.trigger_ingest_playbook',
      'django.conf.settings.APPLIANCE_PRIVATE_KEY',
      'django.utils.module_loading.import_string',
      'cshmac.requests.HmacAuth',
      'uwsgi',
    ]));
    expect(LISTED.length).toBeGreaterThanOrEqual(34);
    expect(LISTED.filter((p) => p.includes('<') || p.includes('{'))).toEqual([]);
  });
});

describe('the Python worker resolves every listed import', () => {
  const kit = makeKit();
  afterAll(() => kit.dispose());
  const resolve = async (paths: string[]) => {
    const r = await kit.runtime.execute(fixture('shim-imports'), 'resolve', { paths }, {});
    expect(r.status, r.message).toBe('Success');
    return r.data as { modules: string[]; names: string[]; failed: { path: string; error: string }[] };
  };

  it('imports every module and reads every name, attribute and constant', async () => {
    const r = await resolve(LISTED);
    expect(r.failed).toEqual([]);
    expect(r.modules.length + r.names.length).toBe(LISTED.length);
    expect(r.modules).toEqual(expect.arrayContaining(['connectors.core.connector', 'connectors.cyops_utilities.files', 'integrations.crudhub', 'uwsgi']));
  });

  it('has the state constants the reference mentions in prose beside Result', async () => {
    const states = ['STATE_AVAILABLE', 'STATE_DISCONNECTED', 'STATE_NOT_CONFIGURED', 'STATE_DEACTIVATED'].map((n) => `connectors.core.connector.${n}`);
    expect((await resolve(states)).failed).toEqual([]);
  });

  it('reports a missing name and a missing module, so the check can fail', async () => {
    const r = await resolve(['connectors.core.connector.NoSuchThing', 'connectors.no_such_module.x']);
    expect(r.failed.map((f) => f.path)).toEqual(['connectors.core.connector.NoSuchThing', 'connectors.no_such_module.x']);
    expect(r.failed[0]?.error).toContain("connectors.core.connector has no 'NoSuchThing'");
  });
});
