import { describe, expect, it } from 'vitest';
import { readDispatch, type DispatchResult } from './dispatch';
import { hasCopyrightHeader } from './copyright';

const keys = (d: DispatchResult) => (d.layout === 'unknown' ? [] : d.entries.map((e) => e.key));

const CONNECTOR_GET = `from connectors.core.connector import Connector
from .operations import operations

class C(Connector):
    def execute(self, config, operation, params, **kwargs):
        return operations.get(operation)(config, params)
`;

describe('readDispatch', () => {
  it('reads an operations dict in operations.py, with positions', () => {
    const d = readDispatch({
      'connector.py': CONNECTOR_GET,
      'operations.py': "def get_ip(c, p):\n    pass\n\noperations = {\n    'get_ip': get_ip,\n    \"x.py\": get_ip,  # bad key\n}\n",
    });
    expect(d).toMatchObject({ layout: 'dict', file: 'operations.py', complete: true });
    expect(keys(d)).toEqual(['get_ip', 'x.py']);
    expect(d.layout !== 'unknown' && d.entries[1]).toMatchObject({ file: 'operations.py', line: 6, column: 5 });
  });

  it('follows the name execute() looks up through an import from another module (qradar: funcs.py)', () => {
    const d = readDispatch({
      'connector.py': CONNECTOR_GET.replace('from .operations import operations', 'from .funcs import operations as ops').replace('operations.get', 'ops.get'),
      'funcs.py': "supported = {'wrong': 1}\noperations = {'a': a, 'b': b}\n",
    });
    expect(d).toMatchObject({ layout: 'dict', file: 'funcs.py' });
    expect(keys(d)).toEqual(['a', 'b']);
  });

  it('reads a dict inside connector.py: class attribute via self, subscript lookup', () => {
    const d = readDispatch({
      'connector.py': `class C(Connector):
    def __init__(self, *a):
        self.handlers = {'one': one, r'two': two}
    def execute(self, config, op_name, params, **kwargs):
        return self.handlers[op_name](config, params)
`,
    });
    expect(d).toMatchObject({ layout: 'dict', file: 'connector.py', complete: true });
    expect(keys(d)).toEqual(['one', 'two']);
  });

  it('reads dict(k=v) and marks spread or computed keys as incomplete', () => {
    expect(keys(readDispatch({ 'connector.py': CONNECTOR_GET, 'operations.py': 'operations = dict(a=f, b=g)\n' }))).toEqual(['a', 'b']);
    const spread = readDispatch({ 'connector.py': CONNECTOR_GET, 'operations.py': "operations = {'a': f, **more, KEY: g}\n" });
    expect(spread).toMatchObject({ layout: 'dict', complete: false });
    expect(keys(spread)).toEqual(['a']);
  });

  it('reads the SDK template: builtins.py importing one module per operation', () => {
    const d = readDispatch({
      'connector.py': `from .builtins import *
class C(Connector):
    def execute(self, config, operation, params, **kwargs):
        return supported_operations.get(operation)(config, params)
`,
      'builtins.py': 'from .get_ip import *\nfrom .utils import *\nfrom .block import block\nfrom .health_check import *\n',
      'health_check.py': 'def health_check(config):\n    pass\n',
      'get_ip.py': 'def get_ip(config, params):\n    pass\n',
      'utils.py': 'def helper():\n    pass\n',
      'block.py': 'def block(config, params):\n    pass\n',
    });
    expect(d).toMatchObject({ layout: 'modules', file: 'builtins.py' });
    expect(keys(d)).toEqual(['get_ip', 'block']);
  });

  it('prefers a supported_operations dict in builtins.py when there is one', () => {
    const d = readDispatch({
      'connector.py': 'from .builtins import *\nclass C(Connector):\n    def execute(self, config, operation, params):\n        return supported_operations.get(operation)(config, params)\n',
      'builtins.py': "from .get_ip import get_ip\nsupported_operations = {'get_ip': get_ip, 'other': get_ip}\n",
      'get_ip.py': 'def get_ip(config, params):\n    pass\n',
    });
    expect(d).toMatchObject({ layout: 'dict', file: 'builtins.py' });
    expect(keys(d)).toEqual(['get_ip', 'other']);
  });

  it('says why when the layout cannot be determined', () => {
    expect(readDispatch({})).toEqual({ layout: 'unknown', reason: 'connector.py is missing' });
    const d = readDispatch({ 'connector.py': 'class C(Connector):\n    def execute(self, config, operation, params):\n        return getattr(self, operation)(config, params)\n' });
    expect(d.layout).toBe('unknown');
  });

  it('is not fooled by strings or comments that look like a dict', () => {
    const d = readDispatch({ 'connector.py': "# operations = {'fake': f}\nDOC = \"operations = {'fake2': f}\"\n" });
    expect(d.layout).toBe('unknown');
  });
});

describe('hasCopyrightHeader', () => {
  it('accepts a docstring or comment header and rejects a copyright later in the file', () => {
    expect(hasCopyrightHeader('a.py', '"""\nCopyright start\nCopyright end\n"""\nimport os\n')).toBe(true);
    expect(hasCopyrightHeader('a.py', '#!/usr/bin/env python\n# Copyright (c) 2024 Acme\nimport os\n')).toBe(true);
    expect(hasCopyrightHeader('a.py', 'import os\n"""Copyright 2024"""\n')).toBe(false);
    expect(hasCopyrightHeader('a.py', '"""Utility module."""\n"""Copyright"""\n')).toBe(false);
  });
});
