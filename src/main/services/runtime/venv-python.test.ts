import { describe, expect, it } from 'vitest';
import { venvPython } from './venv-python';

describe('venvPython', () => {
  it('is Scripts\\python.exe on Windows and bin/python elsewhere', () => {
    expect(venvPython('C:\\data\\venv', 'win32')).toBe('C:\\data\\venv\\Scripts\\python.exe');
    expect(venvPython('/data/venv', 'linux')).toBe('/data/venv/bin/python');
    expect(venvPython('/data/venv', 'darwin')).toBe('/data/venv/bin/python');
  });
});
