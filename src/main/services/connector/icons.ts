/** Connector icons in pure JS (sharp needs a native download that fails here): scaling uploaded PNG/JPEG logos
 * to 32x32 and 80x80, and drawing a default icon with the connector's initials. */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { imageSize } from '../../../shared/connector/image-header';
import { ServiceError } from '../errors';
import { GLYPH_H, GLYPH_W, glyphPixel, hasGlyph } from './glyphs';

interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Larger inputs are refused before decoding: a logo never needs 16 megapixels, and decoding one costs ~64 MB. */
const MAX_PIXELS = 16 * 1024 * 1024;

export function decodeImage(bytes: Uint8Array): Rgba {
  const size = imageSize(bytes);
  if (!size) throw new ServiceError('VALIDATION', 'The logo is not a PNG or JPEG image.');
  if (size.width * size.height > MAX_PIXELS) throw new ServiceError('TOO_LARGE', `The logo is ${size.width}x${size.height}: use an image under 4096x4096.`);
  try {
    if (size.format === 'png') {
      const png = PNG.sync.read(Buffer.from(bytes));
      return { width: png.width, height: png.height, data: png.data };
    }
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256 });
    return { width: img.width, height: img.height, data: img.data };
  } catch (e) {
    throw new ServiceError('VALIDATION', `The logo cannot be decoded: ${(e as Error).message}`);
  }
}

export function encodePng(img: Rgba): Buffer {
  const png = new PNG({ width: img.width, height: img.height });
  png.data = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength);
  return PNG.sync.write(png, { colorType: 6 });
}

/** Scales a PNG or JPEG to a `size` x `size` PNG, keeping the aspect ratio (transparent margins). */
export function scaleIcon(bytes: Uint8Array, size: number): Buffer {
  const src = decodeImage(bytes);
  const scale = Math.min(size / src.width, size / src.height);
  const w = Math.max(1, Math.round(src.width * scale));
  const h = Math.max(1, Math.round(src.height * scale));
  const scaled = resample(src, w, h);
  const out: Rgba = { width: size, height: size, data: new Uint8Array(size * size * 4) };
  const ox = Math.floor((size - w) / 2);
  const oy = Math.floor((size - h) / 2);
  for (let y = 0; y < h; y++) out.data.set(scaled.data.subarray(y * w * 4, (y + 1) * w * 4), ((oy + y) * size + ox) * 4);
  return encodePng(out);
}

/** Area averaging in premultiplied alpha: each target pixel is the coverage-weighted mean of the source pixels
 * under it, so downscaling does not alias and transparent pixels do not bleed dark fringes. Upscaling
 * degrades to sharp pixel replication, which suits small logos. */
function resample(src: Rgba, w: number, h: number): Rgba {
  const out = new Uint8Array(w * h * 4);
  const sx = src.width / w;
  const sy = src.height / h;
  /** One byte of the source; the loops stay inside it, and outside would be transparent black. */
  const byte = (i: number) => src.data[i] ?? 0;
  for (let y = 0; y < h; y++) {
    const y0 = y * sy;
    const y1 = y0 + sy;
    for (let x = 0; x < w; x++) {
      const x0 = x * sx;
      const x1 = x0 + sx;
      let red = 0;
      let green = 0;
      let blue = 0;
      let alpha = 0;
      let area = 0;
      for (let py = Math.floor(y0); py < Math.min(Math.ceil(y1), src.height); py++) {
        const cy = Math.min(py + 1, y1) - Math.max(py, y0);
        for (let px = Math.floor(x0); px < Math.min(Math.ceil(x1), src.width); px++) {
          const c = cy * (Math.min(px + 1, x1) - Math.max(px, x0));
          const i = (py * src.width + px) * 4;
          const a = (byte(i + 3) / 255) * c;
          red += byte(i) * a;
          green += byte(i + 1) * a;
          blue += byte(i + 2) * a;
          alpha += a;
          area += c;
        }
      }
      const o = (y * w + x) * 4;
      if (alpha > 0) out.set([Math.round(red / alpha), Math.round(green / alpha), Math.round(blue / alpha)], o);
      out[o + 3] = Math.round((alpha / area) * 255);
    }
  }
  return { width: w, height: h, data: out };
}

/** A rounded square in a colour derived from the name, with up to two initials in white. */
export function defaultIcon(label: string, size: number): Buffer {
  const [r, g, b] = colourFor(label);
  const img: Rgba = { width: size, height: size, data: new Uint8Array(size * size * 4) };
  const radius = size * 0.2;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      img.data.set([r, g, b, Math.round(roundedCoverage(x, y, size, radius) * 255)], i);
    }
  drawInitials(img, initials(label));
  return encodePng(img);
}

export function initials(label: string): string {
  const [first = 'C', second] = label.toUpperCase().split(/[^A-Z0-9]+/).filter((w) => w && hasGlyph(w.charAt(0)));
  const letters = second !== undefined ? first.charAt(0) + second.charAt(0) : first.slice(0, 2);
  return letters.split('').filter(hasGlyph).join('') || 'C';
}

function drawInitials(img: Rgba, text: string): void {
  const size = img.width;
  const scale = Math.max(1, Math.floor((size * 0.55) / (text.length * GLYPH_W + (text.length - 1))));
  const textW = (text.length * GLYPH_W + (text.length - 1)) * scale;
  const ox = Math.floor((size - textW) / 2);
  const oy = Math.floor((size - GLYPH_H * scale) / 2);
  [...text].forEach((ch, n) => {
    const gx = ox + n * (GLYPH_W + 1) * scale;
    for (let y = 0; y < GLYPH_H * scale; y++)
      for (let x = 0; x < GLYPH_W * scale; x++)
        if (glyphPixel(ch, Math.floor(x / scale), Math.floor(y / scale))) img.data.set([255, 255, 255], ((oy + y) * size + gx + x) * 4);
  });
}

/** 4x4 supersampled coverage of pixel (x, y) by a rounded square: smooth corners without a canvas. */
function roundedCoverage(x: number, y: number, size: number, r: number): number {
  let inside = 0;
  for (let sy = 0; sy < 4; sy++)
    for (let sx = 0; sx < 4; sx++) {
      const px = x + (sx + 0.5) / 4;
      const py = y + (sy + 0.5) / 4;
      const dx = Math.max(r - px, px - (size - r), 0);
      const dy = Math.max(r - py, py - (size - r), 0);
      if (dx * dx + dy * dy <= r * r) inside++;
    }
  return inside / 16;
}

/** A stable, saturated mid-dark colour per name (HSL, s=0.55, l=0.42), so white initials stay readable. */
function colourFor(label: string): [number, number, number] {
  let hash = 0;
  for (const ch of label) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  const hue = hash % 360;
  const l = 0.42;
  const a = 0.55 * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + hue / 30) % 12;
    return Math.round((l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))) * 255);
  };
  return [f(0), f(8), f(4)];
}
