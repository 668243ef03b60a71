/** Writes a rule-fixture snapshot to disk as a real connector folder, with real PNG/JPEG icons of the sizes
 * the snapshot claims, so service and CLI tests go through file reading and header parsing. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { MutableSnapshot } from '../fixtures/rules/base';

export function pngBytes(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(200);
  return PNG.sync.write(png);
}

export function jpegBytes(width: number, height: number): Buffer {
  return Buffer.from(jpeg.encode({ width, height, data: Buffer.alloc(width * height * 4, 128) }, 80).data);
}

/** Returns the connector folder (`<parent>/<folderName>`). */
export async function writeConnector(parent: string, s: MutableSnapshot): Promise<string> {
  const dir = path.join(parent, s.folderName);
  const put = async (rel: string, data: string | Buffer) => {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), data);
  };
  await mkdir(dir, { recursive: true });
  for (const [rel, text] of Object.entries(s.files)) await put(rel, text);
  for (const [rel, img] of Object.entries(s.images))
    await put(rel, 'error' in img ? 'not an image' : img.format === 'png' ? pngBytes(img.width, img.height) : jpegBytes(img.width, img.height));
  return dir;
}
