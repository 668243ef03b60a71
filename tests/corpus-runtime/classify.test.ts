/** How the corpus harness reads an outcome: the server's answer, a requirement not installable here, or the
 * simulator's fault. Built from the messages and tracebacks real runs produced. */
import { describe, expect, it } from 'vitest';
import type { Expected } from './cases';
import { classify, type CallFacts } from './classify';

const facts = (f: Partial<CallFacts>): CallFacts => ({ kind: 'action', status: 'Failed', message: '', logText: '', stderr: '', missing: [], unrouted: [], ...f });
const success: Expected = { status: 'Success' };

describe('corpus outcome classification', () => {
  it('a Success whose data passes the check is the server answer', () => {
    expect(classify(facts({ status: 'Success', data: [1] }), { status: 'Success', check: (d) => (Array.isArray(d) ? undefined : 'a list') }).verdict).toBe('ok');
  });

  it('a Success with the wrong shape is a fault (a pass that would not be one on the server)', () => {
    const r = classify(facts({ status: 'Success', data: { 'hydra:member': [] } }), { status: 'Success', check: () => 'the created attachment record' });
    expect(r).toMatchObject({ verdict: 'fault', summary: expect.stringContaining('the created attachment record') });
  });

  it("the connector's own expected error is the server answer, with why", () => {
    const expected: Expected = { status: 'Failed', connectorError: /NoBrokersAvailable/, why: 'no broker' };
    expect(classify(facts({ message: 'NoBrokersAvailable' }), expected)).toMatchObject({ verdict: 'ok', summary: expect.stringContaining('no broker') });
  });

  it('a framework import that fails is a simulator fault', () => {
    const r = classify(facts({ message: "Could not load the connector: No module named 'connectors.cyops_utilities.files'" }), success);
    expect(r.verdict).toBe('fault');
  });

  it("KeyError 'config_id' is a simulator fault", () => {
    const log = "ERROR health failed: 'config_id'\nTraceback (most recent call last):\n  File \"/x/zscaler_authorizations.py\", line 9\nKeyError: 'config_id'";
    expect(classify(facts({ kind: 'health', status: 'Disconnected', message: "'config_id'", logText: log }), { status: 'Available' }).verdict).toBe('fault');
  });

  it('a module of a requirement pip could not install is reported, not counted as a fault', () => {
    const r = classify(facts({ message: "Could not load the connector: No module named 'msal'", missing: ['msal'] }), success);
    expect(r).toMatchObject({ verdict: 'requirement', summary: expect.stringContaining('msal') });
    const own = classify(facts({ message: 'Unable to find dnstwist library', missing: ['dnstwist'] }), success);
    expect(own.verdict).toBe('requirement');
  });

  it('a system library missing for a requirement is named', () => {
    const r = classify(facts({ message: 'Could not load the connector: libodbc.so.2: cannot open shared object file: No such file or directory' }), success);
    expect(r).toMatchObject({ verdict: 'requirement', summary: expect.stringContaining('libodbc.so.2') });
  });

  it('anything else is unexplained, and names a request the fake vendor had no route for', () => {
    expect(classify(facts({ message: 'The requested resource was not found', unrouted: ['GET 127.0.0.1:1/taxii2/'] }), success)).toMatchObject({
      verdict: 'unexplained',
      summary: expect.stringContaining('GET 127.0.0.1:1/taxii2/'),
    });
    expect(classify(facts({ message: 'boom' }), success).verdict).toBe('unexplained');
  });
});
