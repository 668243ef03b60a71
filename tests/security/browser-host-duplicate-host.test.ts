import { describe, expect, it } from 'vitest';
import { openLaunchUrl, rawRequest, startHost } from './browser-host-kit';

/**
 * Node keeps only the first of several Host headers in req.headers, so a request that names our address first
 * and another name second passes a check on req.headers.host while a proxy or cache in front may act on the
 * second. Two Host headers are never valid HTTP/1.1 (RFC 9112 3.2): refuse them whole.
 */
describe('more than one Host header', () => {
  it('is refused with 400 on every route and on the WebSocket upgrade, whatever the order or case', async () => {
    const { host } = await startHost();
    const { cookie } = await openLaunchUrl(host.url);
    const ours = `127.0.0.1:${host.port}`;
    const pairs = [
      [`Host: ${ours}`, 'Host: evil.example'],
      ['Host: evil.example', `Host: ${ours}`],
      [`Host: ${ours}`, `Host: ${ours}`],
      [`Host: ${ours}`, `Host: localhost:${host.port}`],
      [`Host: ${ours}`, `host: evil.example:${host.port}`],
      [`Host: ${ours}`, 'HOST: '],
    ];
    const requests = [
      (h: string) => `GET /healthz HTTP/1.1\r\n${h}Cookie: ${cookie}\r\nConnection: close\r\n\r\n`,
      (h: string) => `POST /rpc/projects.list HTTP/1.1\r\n${h}Cookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
      (h: string) => `GET /?token=${new URL(host.newLaunchUrl()).searchParams.get('token')} HTTP/1.1\r\n${h}Connection: close\r\n\r\n`,
      (h: string) => `POST /launch-url HTTP/1.1\r\n${h}x-connector-studio-launch-secret: ${host.launchSecret}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      (h: string) =>
        `GET /ws HTTP/1.1\r\n${h}Cookie: ${cookie}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    ];
    const statuses: string[] = [];
    for (const make of requests) for (const pair of pairs) statuses.push(`${await rawRequest(host.port, make(pair.map((l) => `${l}\r\n`).join('')))}`);
    expect(statuses).toEqual(Array(requests.length * pairs.length).fill('400'));

    // The control: the same requests with one Host header pass the door.
    const single = [];
    for (const make of requests) single.push(await rawRequest(host.port, make(`Host: ${ours}\r\n`)));
    expect(single).toEqual([200, 200, 302, 200, 101]);
  });
});
