/** Pixel size and format of PNG and JPEG files from their headers: icons are tiny, but decoding them fully
 * (pngjs/jpeg-js) costs far more than reading the 24-byte PNG header or walking JPEG markers. */
import type { ImageInfo } from '../../../shared/connector/snapshot';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function imageInfo(buf: Buffer): ImageInfo {
  if (buf.length >= 24 && buf.subarray(0, 8).equals(PNG_SIGNATURE)) {
    if (buf.toString('latin1', 12, 16) !== 'IHDR') return { error: 'PNG without an IHDR header' };
    return { format: 'png', width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  }
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8) return jpegSize(buf);
  return { error: 'not a PNG or JPEG file' };
}

/** Walks JPEG segments to the first start-of-frame marker (SOF0..SOF15 except DHT/JPG/DAC). */
function jpegSize(buf: Buffer): ImageInfo {
  let i = 2;
  while (i + 4 <= buf.length) {
    if (buf[i] !== 0xff) return { error: 'damaged JPEG (bad marker)' };
    const marker = buf[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const len = buf.readUInt16BE(i + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (i + 9 > buf.length) break;
      return { format: 'jpeg', height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7) };
    }
    i += 2 + len;
  }
  return { error: 'damaged JPEG (no frame header)' };
}
