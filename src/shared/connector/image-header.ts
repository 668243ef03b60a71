/** Pixel size and format of a PNG or JPEG from its header. The wizard (a picked logo), the scaffolder, the
 * icon scaler and validation (a connector's images/) all read logos here, so a logo the wizard accepts is one
 * validation accepts. Headers, not a full decode (pngjs/jpeg-js): icons are checked as the user types and on
 * every validation, and the 24-byte PNG header or a walk over JPEG markers is all the size needs. */
import type { ImageInfo } from './snapshot';

export type ImageSize = Exclude<ImageInfo, { readonly error: string }>;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IHDR = [0x49, 0x48, 0x44, 0x52];

// Callers check the length first; a read past the end would throw a RangeError rather than give a wrong size.
const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const be16 = (b: Uint8Array, i: number) => view(b).getUint16(i);
const be32 = (b: Uint8Array, i: number) => view(b).getUint32(i);
const startsWith = (b: Uint8Array, at: number, want: readonly number[]) => want.every((v, k) => b[at + k] === v);

/** The size and format, or why the bytes are not a PNG or JPEG we can read. */
export function imageInfo(b: Uint8Array): ImageInfo {
  if (b.length >= 24 && startsWith(b, 0, PNG_SIGNATURE)) {
    if (!startsWith(b, 12, IHDR)) return { error: 'PNG without an IHDR header' };
    return { format: 'png', width: be32(b, 16), height: be32(b, 20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpegInfo(b);
  return { error: 'not a PNG or JPEG file' };
}

/** The size and format, or undefined when imageInfo would give a reason instead. */
export function imageSize(b: Uint8Array): ImageSize | undefined {
  const info = imageInfo(b);
  return 'error' in info ? undefined : info;
}

/** Walks JPEG segments to the first start-of-frame marker. */
function jpegInfo(b: Uint8Array): ImageInfo {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return { error: 'damaged JPEG (bad marker)' };
    const marker = view(b).getUint8(i + 1); // inside: i + 4 <= b.length
    // Any marker may be preceded by 0xFF fill bytes.
    if (marker === 0xff) {
      i++;
      continue;
    }
    // SOI, TEM and RST0..7 stand alone: no length follows them.
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    // SOF0..SOF15 carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames.
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (i + 9 > b.length) break;
      return { format: 'jpeg', height: be16(b, i + 5), width: be16(b, i + 7) };
    }
    i += 2 + be16(b, i + 2);
  }
  return { error: 'damaged JPEG (no frame header)' };
}
