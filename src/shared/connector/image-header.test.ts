import { describe, expect, it } from 'vitest';
import { checkAnswers, type WizardAnswers } from './wizard';
import { imageInfo, imageSize } from './image-header';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A 64x64 PNG header whose first chunk is `chunk`: the wizard's own reader once took any chunk for IHDR. */
const pngWithFirstChunk = (chunk: string) =>
  Uint8Array.from([...PNG_SIGNATURE, 0, 0, 0, 13, ...[...chunk].map((c) => c.charCodeAt(0)), 0, 0, 0, 64, 0, 0, 0, 64]);
/** An 80x50 JPEG whose SOF0 marker is preceded by 0xFF fill bytes (allowed before any marker): validation's
 * reader skipped them, the wizard's read the fill byte as a marker and refused the logo. */
const jpegWithFillBytes = Uint8Array.from([0xff, 0xd8, 0xff, 0xff, 0xff, 0xc0, 0, 11, 8, 0, 50, 0, 80, 3, 0, 0, 0, 0]);
/** The frame header is the last thing in the file: the wizard's reader wanted one byte more. */
const jpegEndingAtFrame = Uint8Array.from([0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 50, 0, 80]);

const b64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
const answers = (small: Uint8Array): WizardAnswers =>
  ({ name: 'acme', label: 'Acme', version: '1.0.0', publisher: 'Acme', category: 'Threat Intelligence', description: 'Looks things up.', configuration: [], actions: [], icons: { small: b64(small) } }) as unknown as WizardAnswers;
const iconIssues = (small: Uint8Array) => checkAnswers(answers(small)).filter((i) => i.field === 'icons/small');

describe('imageInfo', () => {
  it('reads the size of a PNG only when its first chunk is IHDR', () => {
    expect(imageInfo(pngWithFirstChunk('IHDR'))).toEqual({ format: 'png', width: 64, height: 64 });
    expect(imageInfo(pngWithFirstChunk('IDAT'))).toEqual({ error: 'PNG without an IHDR header' });
    const badSignature = pngWithFirstChunk('IHDR');
    badSignature[4] = 0;
    expect(imageInfo(badSignature)).toEqual({ error: 'not a PNG or JPEG file' });
  });

  it('reads JPEG frames after fill bytes, standalone markers and at the very end of the file', () => {
    expect(imageInfo(jpegWithFillBytes)).toEqual({ format: 'jpeg', width: 80, height: 50 });
    expect(imageInfo(jpegEndingAtFrame)).toEqual({ format: 'jpeg', width: 80, height: 50 });
    const afterRestart = Uint8Array.from([0xff, 0xd8, 0xff, 0xd0, 0xff, 0xc2, 0, 11, 8, 0, 7, 0, 9, 3]);
    expect(imageInfo(afterRestart)).toEqual({ format: 'jpeg', width: 9, height: 7 });
    expect(imageInfo(jpegEndingAtFrame.subarray(0, 10))).toEqual({ error: 'damaged JPEG (no frame header)' });
    expect(imageInfo(Uint8Array.from([0xff, 0xd8, 0x00, 0xc0, 0, 0]))).toEqual({ error: 'damaged JPEG (bad marker)' });
  });

  it('imageSize is imageInfo without the reason', () => {
    expect(imageSize(jpegWithFillBytes)).toEqual({ format: 'jpeg', width: 80, height: 50 });
    expect(imageSize(pngWithFirstChunk('IDAT'))).toBeUndefined();
  });
});

describe('the wizard and validation agree on a logo', () => {
  it('the wizard accepts the JPEGs validation reads, and refuses the PNG validation refuses', () => {
    expect(iconIssues(jpegWithFillBytes)).toEqual([
      { field: 'icons/small', severity: 'info', message: 'The small logo is 80x50: it will be scaled to 32x32.' },
    ]);
    expect(iconIssues(jpegEndingAtFrame)).toHaveLength(1);
    expect(iconIssues(jpegEndingAtFrame)[0]?.severity).toBe('info');
    expect(iconIssues(pngWithFirstChunk('IDAT'))).toEqual([{ field: 'icons/small', severity: 'error', message: 'The logo is not a PNG or JPEG image.' }]);
  });
});
