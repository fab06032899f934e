// A TCP proxy in front of the test Redis that a test can take down and bring back, so "Redis is down" is
// tried without stopping the Redis every test shares.
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export type RedisProxyMode =
  /** Bytes pass both ways. */
  | 'up'
  /** Connections are cut, and new ones closed at once (a Redis that stopped). */
  | 'refusing'
  /** Connections are cut, and new ones accepted but never answered (a Redis behind a dead network). */
  | 'silent';

export interface RedisProxy {
  /** The test Redis URL (its database included) with the proxy's address. */
  url: string;
  set(mode: RedisProxyMode): void;
  close(): Promise<void>;
}

export async function startRedisProxy(targetUrl: string): Promise<RedisProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let mode: RedisProxyMode = 'up';
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server: Server = createServer((client) => {
    track(client);
    if (mode === 'refusing') {
      client.destroy();
      return;
    }
    if (mode === 'silent') {
      client.on('data', () => undefined);
      return;
    }
    const upstream = createConnection({ host: target.hostname, port: Number(target.port || 6379) });
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the Redis proxy has no port');
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(address.port);
  return {
    url: url.toString(),
    set(next) {
      mode = next;
      // Whatever was open belongs to the previous mode: cut it, so clients reconnect into the new one.
      for (const socket of sockets) socket.destroy();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
