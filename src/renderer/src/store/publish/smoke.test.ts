import { describe, expect, it } from 'vitest';
import type { OperationInfo } from '../testing/operations';
import { readOnly, smokeCandidates, smokeRequest } from './smoke';

const op = (operation: string, extra: Partial<OperationInfo> & { category?: string } = {}): OperationInfo & { category?: string } => ({
  operation, title: operation, description: '', hidden: false, disabled: false, configRequired: true, parameters: [], outputSchema: {}, ...extra,
});

describe('smoke actions', () => {
  it('offers only operations that read', () => {
    expect(readOnly(op('get_ip_reputation', { category: 'investigation' }))).toBe(true);
    expect(readOnly(op('list_alerts'))).toBe(true);
    expect(readOnly(op('whatever', { category: 'investigation' }))).toBe(true);
    for (const name of ['block_ip', 'delete_user', 'get_and_delete', 'isolate_host', 'run_query'])
      expect(readOnly(op(name, { category: 'containment' })), name).toBe(false);
    expect(readOnly(op('get_x', { disabled: true }))).toBe(false);
  });

  it('runs with the last Test Actions inputs of that operation, else the parameter defaults', () => {
    const ops = [
      op('get_ip_reputation', { category: 'investigation', parameters: [{ name: 'ip', type: 'text', value: '8.8.8.8' }] as OperationInfo['parameters'] }),
      op('get_domain_reputation', { category: 'investigation', parameters: [{ name: 'domain', type: 'text' }] as OperationInfo['parameters'] }),
      op('block_ip', { category: 'containment' }),
      op('hidden_helper', { hidden: true, category: 'investigation' }),
    ];
    const last = { kind: 'action' as const, operation: 'get_domain_reputation', title: 'x', raw: { domain: 'example.org' }, params: { domain: 'example.org' } };
    const c = smokeCandidates(ops, last);
    expect(c).toEqual([
      { operation: 'get_ip_reputation', title: 'get_ip_reputation', params: { ip: '8.8.8.8' }, inputs: 'defaults' },
      { operation: 'get_domain_reputation', title: 'get_domain_reputation', params: { domain: 'example.org' }, inputs: 'last test run' },
    ]);
    expect(smokeRequest(['get_domain_reputation', 'block_ip'], c)).toEqual([{ operation: 'get_domain_reputation', params: { domain: 'example.org' } }]);
  });
});
