/** The framing and the request plumbing, without pyright: a peer made of two PassThrough streams. */
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createConnection, createFrameReader, frame, type RpcMessage } from './jsonrpc';

describe('frames', () => {
  it('are read back whatever the chunking, multi-byte text included', () => {
    const got: RpcMessage[] = [];
    const read = createFrameReader((m) => got.push(m));
    const bytes = Buffer.concat([frame({ jsonrpc: '2.0', method: 'a', params: { text: 'é ✓ 𝄞' } }), frame({ jsonrpc: '2.0', id: 1, result: null })]);
    for (let i = 0; i < bytes.length; i += 7) read(bytes.subarray(i, i + 7));
    expect(got).toEqual([{ jsonrpc: '2.0', method: 'a', params: { text: 'é ✓ 𝄞' } }, { jsonrpc: '2.0', id: 1, result: null }]);
  });
});

function peer() {
  const toUs = new PassThrough();
  const fromUs = new PassThrough();
  const sent: RpcMessage[] = [];
  const waiters = new Set<() => void>();
  fromUs.on('data', createFrameReader((m) => {
    sent.push(m);
    for (const w of [...waiters]) w();
  }));
  /** Resolves once every message in `wanted` has been sent to the peer (at once if it already was). */
  const received = (...wanted: Array<(m: RpcMessage) => boolean>) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!wanted.every((w) => sent.some(w))) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  return { toUs, fromUs, sent, received, say: (m: RpcMessage) => toUs.write(frame(m)) };
}

describe('connection', () => {
  it('answers the peer\'s requests (what pyright needs to go on) and settles our own', async () => {
    const p = peer();
    const conn = createConnection(p.toUs, p.fromUs, (method) => (method === 'workspace/configuration' ? [{ x: 1 }] : null), () => undefined);
    p.say({ jsonrpc: '2.0', id: 'c1', method: 'workspace/configuration', params: { items: [{}] } });
    p.say({ jsonrpc: '2.0', id: 7, method: 'client/registerCapability', params: {} });
    const answer = conn.request<string>('hover', {});
    await p.received((m) => m.id === 'c1' && m.result !== undefined, (m) => m.id === 7 && m.result !== undefined, (m) => m.method === 'hover');
    expect(p.sent).toEqual(expect.arrayContaining([{ jsonrpc: '2.0', id: 'c1', result: [{ x: 1 }] }, { jsonrpc: '2.0', id: 7, result: null }]));
    const ours = p.sent.find((m) => m.method === 'hover');
    p.say({ jsonrpc: '2.0', id: ours?.id, result: 'ok' });
    expect(await answer).toBe('ok');
  });

  it('times out a request, cancels it at the peer, and fails pending requests on close', async () => {
    const p = peer();
    const conn = createConnection(p.toUs, p.fromUs, () => null, () => undefined);
    // The 20 ms pass on vitest's clock: nothing here is real I/O (two in-memory streams).
    vi.useFakeTimers();
    try {
      const slow = expect(conn.request('slow', {}, 20)).rejects.toThrow('slow took longer than 20 ms.');
      await vi.advanceTimersByTimeAsync(20);
      await slow;
    } finally {
      vi.useRealTimers();
    }
    await p.received((m) => m.method === '$/cancelRequest');
    expect(p.sent.some((m) => m.method === '$/cancelRequest')).toBe(true);
    const pending = conn.request('never', {});
    conn.close('gone');
    await expect(pending).rejects.toThrow('gone');
    await expect(conn.request('after', {})).rejects.toThrow('not running');
  });
});
