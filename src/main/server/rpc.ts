import type { IncomingMessage, ServerResponse } from 'node:http';
import { isChannel } from '../../shared/ipc/channels';
import { err } from '../../shared/result';
import { dispatch } from '../services/router';
import type { Services } from '../services';

const MAX_BODY = 64 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export const sendJson = (res: ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value));
};

/** POST /rpc/<channel> with the request as JSON; always answers a Result, the same envelope as IPC. */
export async function handleRpc(services: Services, channel: string, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'POST') return sendJson(res, 405, err('VALIDATION', 'Use POST for /rpc.'));
  if (!isChannel(channel)) return sendJson(res, 404, err('NOT_FOUND', `Unknown channel "${channel}".`));
  let body: unknown;
  try {
    const text = await readBody(req);
    body = text ? JSON.parse(text) : {};
  } catch (e) {
    const tooLarge = (e as Error).message === 'too large';
    return sendJson(res, tooLarge ? 413 : 400, err(tooLarge ? 'TOO_LARGE' : 'VALIDATION', tooLarge ? 'The request is over 64 MB.' : 'The request body is not valid JSON.'));
  }
  sendJson(res, 200, await dispatch(services, channel, body));
}
