import { describe, expect, it } from 'vitest';
import { tabFromContent } from './content';

describe('tabFromContent', () => {
  it('makes a text tab with its language', () => {
    expect(tabFromContent({ relPath: 'c/connector.py', etag: 'e', size: 3, text: 'x=1', binary: false, readOnly: false }))
      .toMatchObject({ kind: 'text', language: 'python', etag: 'e', dirty: false, readOnly: false });
  });
  it('keeps the read-only notice of a large file', () => {
    const t = tabFromContent({ relPath: 'big.json', etag: 'e', size: 9e6, text: '{', binary: false, readOnly: true, notice: 'too big' });
    expect(t).toMatchObject({ readOnly: true, notice: 'too big' });
  });
  it('previews images as data URLs', () => {
    const t = tabFromContent({ relPath: 'images/logo.png', etag: 'e', size: 3, base64: 'AAA', binary: true, readOnly: true });
    expect(t).toMatchObject({ kind: 'image', imageSrc: 'data:image/png;base64,AAA' });
  });
  it('shows other binaries as a notice', () => {
    expect(tabFromContent({ relPath: 'x.whl', etag: 'e', size: 3, base64: 'AAA', binary: true, readOnly: true }).kind).toBe('binary');
  });
});
