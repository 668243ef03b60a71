import { describe, expect, it } from 'vitest';
import type { EnvironmentKind } from './environment';
import { missingPlatformLibrary, platformEnvironmentHint } from './environment-hint';

const kind = (k: EnvironmentKind) => () => Promise.resolve(k);
const never = () => Promise.reject(new Error('the environment was asked for a message that names no platform library'));

describe('missingPlatformLibrary', () => {
  it('reads the module Python names, a submodule by its package, wherever the message has it', () => {
    expect(missingPlatformLibrary("Could not load the connector: No module named 'arrow'")?.requirement).toBe('arrow');
    expect(missingPlatformLibrary("ModuleNotFoundError: No module named 'dateutil.parser'")?.requirement).toBe('python-dateutil');
    expect(missingPlatformLibrary("Error: No module named 'vendor_sdk'; then No module named 'requests_toolbelt'")?.requirement).toBe('requests-toolbelt');
  });

  it('is undefined for a module FortiSOAR does not pre-install, or no such message', () => {
    for (const m of ["No module named 'vendor_sdk'", "No module named 'arrowhead'", 'arrow is missing', "cannot import name 'x' from 'arrow'", ''])
      expect(missingPlatformLibrary(m), m).toBeUndefined();
  });
});

describe('platformEnvironmentHint', () => {
  it('says how to make the platform default when the connector runs on the plain interpreter', async () => {
    const hint = await platformEnvironmentHint("Could not load the connector: No module named 'arrow'", '/work/paloalto-cortex-xdr', kind('interpreter'));
    expect(hint).toBe(
      'arrow is one of the libraries FortiSOAR installs for every connector, and this connector runs on the plain interpreter, which lacks it. ' +
        'Create the platform default environment: the Environment tab\'s "Create Platform Default Environment" button, or connector-studio env /work/paloalto-cortex-xdr create --platform.',
    );
  });

  it('quotes a folder the shell would split', async () => {
    const hint = await platformEnvironmentHint("No module named 'bs4.element'", '/home/me/My Connectors/x', kind('interpreter'));
    expect(hint).toMatch(/^bs4 \(beautifulsoup4\) is one of the libraries/);
    expect(hint).toContain('connector-studio env "/home/me/My Connectors/x" create --platform.');
  });

  it('says nothing on a virtualenv or the platform default, nor for other failures (without asking for the environment)', async () => {
    for (const k of ['connector', 'platform'] as const) expect(await platformEnvironmentHint("No module named 'arrow'", '/c', kind(k))).toBeUndefined();
    expect(await platformEnvironmentHint("No module named 'vendor_sdk'", '/c', never)).toBeUndefined();
    expect(await platformEnvironmentHint('Invalid API key', '/c', never)).toBeUndefined();
  });
});
