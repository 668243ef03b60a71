// tests.run takes a target from the window: it must name one of the project's test files (optionally a test in
// it), never reach pytest as an option (`--junitxml=/elsewhere` would write outside the project, `-p plugin`
// would load code) nor a path outside the project.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPytestRunner } from '../../src/main/services/connector-tests/pytest-runner';
import { tmpDir } from '../helpers/tmp';

describe('tests.run targets', () => {
  it('refuses options, paths outside tests/ and links leading out, before pytest runs', async () => {
    const root = await tmpDir('cs-target-');
    const outside = await tmpDir('cs-outside-');
    mkdirSync(path.join(root, 'tests'));
    writeFileSync(path.join(outside, 'test_evil.py'), 'def test_x():\n    pass\n');
    symlinkSync(path.join(outside, 'test_evil.py'), path.join(root, 'tests', 'test_link.py'));
    let pytestRan = 0;
    const runner = createPytestRunner({
      resourcesDir: path.join(root, 'none'),
      userDataDir: root,
      pythonFor: async () => ['python3'],
      ensurePytest: async () => void pytestRan++,
    });
    const hostile = [
      `--junitxml=${path.join(outside, 'x.xml')}`,
      '-p',
      '../outside/test_evil.py',
      path.join(outside, 'test_evil.py'),
      'tests/../../test_evil.py',
      'tests/test_a.py::--junitxml=/tmp/x',
      'conftest.py',
      'tests/test_link.py',
    ];
    for (const target of hostile) await expect(runner.run({ root, connectorDir: root }, { target }), target).rejects.toThrow(/not a test of this project|outside/);
    expect(pytestRan).toBe(0);
  });
});
