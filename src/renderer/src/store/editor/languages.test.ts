import { describe, expect, it } from 'vitest';
import { imageMimeOf, languageFor, languageLabel } from './languages';

describe('languageFor', () => {
  it.each([
    ['conn/connector.py', 'python'],
    ['info.json', 'json'],
    ['README.md', 'markdown'],
    ['requirements.txt', 'plaintext'],
    ['images/logo.svg', 'xml'],
    ['Makefile', 'plaintext'],
    ['A.PY', 'python'],
  ])('%s -> %s', (p, lang) => expect(languageFor(p)).toBe(lang));
  it('labels languages for the status bar', () => expect(languageLabel('python')).toBe('Python'));
  it('knows image MIME types, not SVG', () => {
    expect(imageMimeOf('x/logo.PNG')).toBe('image/png');
    expect(imageMimeOf('x/logo.svg')).toBeNull();
  });
});
