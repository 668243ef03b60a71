import { describe, expect, it } from 'vitest';
import { readDispatch } from '../../../../shared/connector/python/dispatch';
import { planAddOperation, planRemoveOperation, planRenameOperation } from './python-stub';
// The bundled sample project, as users first meet it.
import SAMPLE_CONNECTOR from '../../../../../resources/samples/connector-sample-threat-intel/sample-threat-intel/connector.py?raw';
import SAMPLE_OPERATIONS from '../../../../../resources/samples/connector-sample-threat-intel/sample-threat-intel/operations.py?raw';

const HEADER = '"""\nCopyright start\nMIT License\nCopyright end\n"""\n';
const CONNECTOR = `${HEADER}from connectors.core.connector import Connector\nfrom .operations import operations\n\n\nclass C(Connector):\n    def execute(self, config, operation, params, **kwargs):\n        return operations.get(operation)(config, params)\n`;
const OPERATIONS = `${HEADER}\n\ndef get_ip(config, params):\n    return {}\n\n\ndef check_health(config):\n    return True\n\n\noperations = {\n    'get_ip': get_ip,\n}\n`;

const keys = (files: Record<string, string>) => {
  const d = readDispatch(files);
  return d.layout === 'unknown' ? [] : d.entries.map((e) => e.key);
};

function apply(files: Record<string, string>, plan: ReturnType<typeof planAddOperation>): Record<string, string> {
  if (!plan.ok) throw new Error(plan.reason);
  const out = { ...files };
  for (const c of plan.changes) {
    if (c.text === null) delete out[c.file];
    else out[c.file] = c.text;
  }
  return out;
}

describe('operations dict layout', () => {
  const files = { 'connector.py': CONNECTOR, 'operations.py': OPERATIONS };

  it('adds a stub function before the dict and registers it', () => {
    const after = apply(files, planAddOperation(files, 'block_ip'));
    expect(keys(after)).toEqual(['get_ip', 'block_ip']);
    expect(after['operations.py']).toContain("def block_ip(config, params):\n    # TODO");
    expect(after['operations.py']).toContain("    'get_ip': get_ip,\n    'block_ip': block_ip,\n}");
    expect(after['operations.py'].indexOf('def block_ip')).toBeLessThan(after['operations.py'].indexOf('operations = {'));
    expect(after['connector.py']).toBe(CONNECTOR);
  });

  it('adds a comma after a last entry that has none and keeps double quotes', () => {
    const text = OPERATIONS.replace("    'get_ip': get_ip,\n", '    "get_ip": get_ip\n');
    const after = apply({ ...files, 'operations.py': text }, planAddOperation({ ...files, 'operations.py': text }, 'x'));
    expect(after['operations.py']).toContain('    "get_ip": get_ip,\n    "x": x,\n}');
  });

  it('fills an empty or one-line dict', () => {
    const empty = OPERATIONS.replace("{\n    'get_ip': get_ip,\n}", '{}');
    expect(apply({ ...files, 'operations.py': empty }, planAddOperation({ ...files, 'operations.py': empty }, 'x'))['operations.py']).toContain("operations = {'x': x}");
    const one = OPERATIONS.replace("{\n    'get_ip': get_ip,\n}", "{'get_ip': get_ip}");
    expect(apply({ ...files, 'operations.py': one }, planAddOperation({ ...files, 'operations.py': one }, 'x'))['operations.py']).toContain("{'get_ip': get_ip, 'x': x}");
  });

  it('gives operation names that are not identifiers a valid function name', () => {
    const after = apply(files, planAddOperation(files, 'get-url.v2'));
    expect(after['operations.py']).toContain("'get-url.v2': get_url_v2,");
    expect(after['operations.py']).toContain('def get_url_v2(config, params):');
  });

  it('a renamed stub raises with its new name: no "new_action is not implemented yet" is left behind', () => {
    const added = apply(files, planAddOperation(files, 'new_action'));
    const after = apply(added, planRenameOperation(added, 'new_action', 'get_ip_reputation'));
    expect(after['operations.py']).toContain("def get_ip_reputation(config, params):");
    expect(after['operations.py']).toContain("raise NotImplementedError('get_ip_reputation is not implemented yet')");
    expect(after['operations.py']).not.toContain('new_action');
  });

  it('renames the key, the value and the def', () => {
    const after = apply(files, planRenameOperation(files, 'get_ip', 'get_ip_reputation'));
    expect(keys(after)).toEqual(['get_ip_reputation']);
    expect(after['operations.py']).toContain('def get_ip_reputation(config, params):');
    expect(after['operations.py']).toContain("'get_ip_reputation': get_ip_reputation,");
  });

  it('removes the entry and its function', () => {
    const after = apply(files, planRemoveOperation(files, 'get_ip'));
    expect(keys(after)).toEqual([]);
    expect(after['operations.py']).not.toContain('get_ip');
    expect(after['operations.py']).toContain('def check_health(config):');
  });

  it('says so when it cannot tell the layout', () => {
    const plan = planAddOperation({ 'connector.py': 'x = 1\n' }, 'y');
    expect(plan.ok).toBe(false);
  });
});

describe('one module per operation (builtins.py)', () => {
  const files = {
    'connector.py': `${HEADER}from .builtins import *\n`,
    'builtins.py': `${HEADER}from .get_ip import *\n`,
    'get_ip.py': `${HEADER}\ndef get_ip(config, params):\n    return {}\n`,
  };

  it('creates a module with the header and imports it', () => {
    const after = apply(files, planAddOperation(files, 'block_ip'));
    expect(after['block_ip.py']).toMatch(/^"""\nCopyright start[\s\S]*def block_ip\(config, params\):/);
    expect(after['builtins.py']).toContain('from .get_ip import *\nfrom .block_ip import *');
    expect(keys(after)).toEqual(['get_ip', 'block_ip']);
  });

  it('renames and removes the module', () => {
    const renamed = apply(files, planRenameOperation(files, 'get_ip', 'lookup_ip'));
    expect(renamed['get_ip.py']).toBeUndefined();
    expect(renamed['lookup_ip.py']).toContain('def lookup_ip(config, params):');
    expect(keys(renamed)).toEqual(['lookup_ip']);
    const removed = apply(files, planRemoveOperation(files, 'get_ip'));
    expect(removed['get_ip.py']).toBeUndefined();
    expect(removed['builtins.py']).not.toContain('get_ip');
  });

  it('refuses a module name that is not an identifier', () => {
    expect(planAddOperation(files, 'get-ip').ok).toBe(false);
  });
});

describe('the bundled sample project', () => {
  const files = { 'connector.py': SAMPLE_CONNECTOR, 'operations.py': SAMPLE_OPERATIONS };

  it('gets a stub and an entry, and nothing else in the file moves', () => {
    const plan = planAddOperation(files, 'new_action');
    const after = apply(files, plan);
    expect(keys(after)).toEqual(['get_ip_reputation', 'get_domain_reputation', 'new_action']);
    const before = SAMPLE_OPERATIONS.slice(0, SAMPLE_OPERATIONS.indexOf('operations = {'));
    expect(after['operations.py'].startsWith(before)).toBe(true);
    expect(after['operations.py']).toContain("    'get_domain_reputation': get_domain_reputation,\n    'new_action': new_action,\n}\n");
  });

  it('round-trips: adding then removing an operation gives the file back', () => {
    const added = apply(files, planAddOperation(files, 'new_action'));
    expect(apply(added, planRemoveOperation(added, 'new_action'))['operations.py']).toBe(SAMPLE_OPERATIONS);
  });
});
