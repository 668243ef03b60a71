import { gzipSync } from 'node:zlib';

/** One ustar member; enough to build archives no honest packager would write. */
function member(name: string, body: string, type = '0'): Buffer {
  const header = Buffer.alloc(512, 0);
  const data = Buffer.from(body);
  header.write(name, 0, 100, 'utf8');
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write(type, 156);
  header.write('ustar\0' + '00', 257);
  header.fill(' ', 148, 156);
  let sum = 0;
  for (const b of header) sum += b;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  const padded = Buffer.alloc(Math.ceil(data.length / 512) * 512, 0);
  data.copy(padded);
  return Buffer.concat([header, padded]);
}

/** A .tgz whose second member climbs out of the target folder. */
export function escapingArchive(): Buffer {
  const info = JSON.stringify({ name: 'evil', version: '1.0.0' });
  return gzipSync(Buffer.concat([member('evil/info.json', info), member('evil/../../escaped.txt', 'pwned'), Buffer.alloc(1024, 0)]));
}
