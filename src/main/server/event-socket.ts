import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Services } from '../services';
import type { Auth } from './auth';

/** The two-way channel of browser mode: service events go out; later features (language server) send messages in. */
export function createEventSocket(services: Services, auth: Auth) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  const unsubscribe = services.events.subscribe((name, payload) => {
    const text = JSON.stringify({ type: 'event', name, payload });
    for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(text);
  });

  wss.on('connection', (socket: WebSocket) => {
    socket.send(JSON.stringify({ type: 'hello' }));
    socket.on('message', (data) => {
      // Reserved for streams from the UI; a ping keeps proxies from closing an idle socket.
      if (String(data) === 'ping') socket.send('pong');
    });
  });

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    if (!auth.singleHost(req)) {
      socket.write('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    if (!auth.hostAllowed(req) || !auth.originAllowed(req) || !auth.hasSession(req)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  }

  return {
    handleUpgrade,
    close: () => {
      unsubscribe();
      for (const c of wss.clients) c.terminate();
      wss.close();
    },
  };
}
