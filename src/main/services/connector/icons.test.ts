import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeImage, defaultIcon, encodePng, initials, scaleIcon } from './icons';
import { defined } from '../../../../tests/helpers/defined';

function solid(width: number, height: number, rgba: [number, number, number, number]): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return data;
}

const pixel = (png: PNG, x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4)];

describe('scaleIcon', () => {
  it('scales a PNG down to a square, averaging colours', () => {
    const src = encodePng({ width: 64, height: 64, data: solid(64, 64, [200, 100, 50, 255]) });
    const out = PNG.sync.read(scaleIcon(src, 32));
    expect([out.width, out.height]).toEqual([32, 32]);
    expect(pixel(out, 16, 16)).toEqual([200, 100, 50, 255]);
  });

  it('keeps the aspect ratio with transparent margins', () => {
    const src = encodePng({ width: 160, height: 80, data: solid(160, 80, [0, 0, 255, 255]) });
    const out = PNG.sync.read(scaleIcon(src, 80));
    expect(pixel(out, 40, 40)).toEqual([0, 0, 255, 255]);
    expect(pixel(out, 40, 5)[3]).toBe(0);
    expect(pixel(out, 40, 75)[3]).toBe(0);
  });

  it('decodes and scales a JPEG, up or down', () => {
    const src = jpeg.encode({ width: 16, height: 16, data: Buffer.from(solid(16, 16, [255, 0, 0, 255])) }, 95).data;
    const up = PNG.sync.read(scaleIcon(src, 80));
    expect([up.width, up.height]).toEqual([80, 80]);
    const [r, g, b, a] = pixel(up, 40, 40);
    expect(r).toBeGreaterThan(240);
    expect(defined(g, 'green') + defined(b, 'blue')).toBeLessThan(20);
    expect(a).toBe(255);
  });

  it('does not bleed transparent pixels into the colour of edges', () => {
    const data = solid(2, 1, [255, 255, 255, 255]);
    data.set([0, 0, 0, 0], 4); // right pixel: transparent black
    const out = PNG.sync.read(scaleIcon(encodePng({ width: 2, height: 1, data }), 1));
    expect(pixel(out, 0, 0)).toEqual([255, 255, 255, 128]);
  });

  it('refuses bytes that are not an image, and giant images before decoding', () => {
    expect(() => scaleIcon(Buffer.from('hello'), 32)).toThrow(/not a PNG or JPEG/);
    const huge = Buffer.alloc(24);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(huge);
    huge.writeUInt32BE(100_000, 16);
    huge.writeUInt32BE(100_000, 20);
    expect(() => decodeImage(huge)).toThrow(/under 4096x4096/);
  });
});

describe('defaultIcon', () => {
  it('draws the initials on a rounded square of the requested size, the same every time', () => {
    const a = defaultIcon('Acme Threat Intel', 80);
    expect(a.equals(defaultIcon('Acme Threat Intel', 80))).toBe(true);
    const png = PNG.sync.read(a);
    expect([png.width, png.height]).toEqual([80, 80]);
    expect(pixel(png, 0, 0)[3]).toBe(0);
    expect(pixel(png, 40, 10)[3]).toBe(255);
    expect(PNG.sync.read(defaultIcon('x', 32)).width).toBe(32);
  });

  it.each([
    ['Acme Threat Intel', 'AT'],
    ['virustotal', 'VI'],
    ['élan vital', 'LV'],
    ['', 'C'],
  ])('initials of %j are %s', (label, expected) => {
    expect(initials(label)).toBe(expected);
  });
});
