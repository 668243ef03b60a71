/** The runnable corpus in the normal suite: the connectors that need nothing installed beyond the machine's
 * python3 (no pip), each loaded by the real runtime service, its health check and action run against its fake
 * vendor on 127.0.0.1 and read as a server's answer would be. `npm run corpus` runs all 22 with their venvs. */
import { describe, expect, it } from 'vitest';
import { CASES } from './cases';
import { runCase } from './harness';

/** No requirements, or requirements the connector never imports (taxii2's stix2/taxii2-client). */
const FAST = [
  'cicd-utils',
  'fortinet-fortiddos',
  'git-guardian',
  'sap-cloud-identity-directory-service',
  'sonicwall-firewall',
  'taxii2-threat-intel-feed',
  'virustotal-premium',
  'zscaler-internet-access',
];

/** Simulator faults the harness found that are not fixed yet: the call must still show the
 * fault, so the day it is fixed this test fails and the entry is removed (the call then has to answer as the server). */
const KNOWN_FAULTS: Readonly<Record<string, readonly string[]>> = {};

describe('runnable corpus: connectors that need no pip install', () => {
  for (const name of FAST) {
    it(`${name}: health and action answer as a FortiSOAR server would`, async () => {
      const c = CASES.find((x) => x.name === name);
      expect(c, `cases.ts has no case for ${name}`).toBeDefined();
      const r = await runCase(c!, { noVenv: true });
      const calls = [r.health, ...r.actions];
      const known = KNOWN_FAULTS[name] ?? [];
      const wanted = (label: string) => (known.includes(label) ? 'fault' : 'ok');
      expect(calls.map((x) => `${x.label}: ${x.verdict} ${x.summary}${x.detail ? `\n${x.detail}` : ''}`)).toEqual(
        calls.map((x) => `${x.label}: ${wanted(x.label)} ${x.summary}${x.verdict === wanted(x.label) && x.detail ? `\n${x.detail}` : ''}`),
      );
      // The answers came from the fake vendor, not from anything else the connector could have reached.
      if (c!.routes?.length) expect(r.vendorCalls).toBeGreaterThan(0);
    });
  }
});
