import { describe, expect, it } from 'vitest';
import { iconInfo } from './icons';
import { bumpVersion, checkDuplicate, duplicateDefaults } from './versions';

describe('bumpVersion', () => {
  it.each([
    ['1.2.3', 'patch', '1.2.4'],
    ['1.2.3', 'minor', '1.3.0'],
    ['1.2.3', 'major', '2.0.0'],
    ['1.2', 'patch', null],
  ] as const)('%s %s -> %s', (v, level, out) => expect(bumpVersion(v, level)).toBe(out));
});

describe('duplicate', () => {
  it('suggests a name that is not taken', () => {
    expect(duplicateDefaults({ name: 'intel', label: 'Intel' }, ['intel', 'intel-copy'])).toEqual({ name: 'intel-copy-2', label: 'Intel Copy', version: '1.0.0' });
  });
  it('checks the identifier, the label and the version', () => {
    expect(checkDuplicate({ name: '9x', label: ' ', version: '1.0' }, [])).toEqual({
      name: expect.stringContaining('letter'), label: expect.any(String), version: expect.any(String),
    });
    expect(checkDuplicate({ name: 'Intel', label: 'x', version: '1.0.0' }, ['intel']).name).toContain('already');
    expect(checkDuplicate({ name: 'new-one', label: 'x', version: '1.0.0' }, ['intel'])).toEqual({});
  });
});

/** A PNG signature and IHDR chunk is all imageSize() reads. */
function pngHeader(width: number, height: number): string {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return btoa(String.fromCharCode(...b));
}

describe('iconInfo', () => {
  it('reads the pixel size and says whether the service will scale it', () => {
    expect(iconInfo(pngHeader(32, 32), 'small')).toEqual({ width: 32, height: 32, format: 'png', scaled: false });
    expect(iconInfo(pngHeader(120, 120), 'small')).toMatchObject({ scaled: true });
    expect(iconInfo(pngHeader(80, 80), 'large')).toMatchObject({ scaled: false });
  });
  it('is null for nothing or a non-image', () => {
    expect(iconInfo(undefined, 'small')).toBeNull();
    expect(iconInfo(btoa('hello'), 'small')).toBeNull();
  });
});
