/**
 * A small TCP balancer for trying several instances on one machine (README "Two instances") and
 * for the fault tests: each new connection goes to the next backend that accepts it, round robin,
 * so when an instance dies its clients' reconnects land on another. Bytes are piped unchanged
 * (HTTP and WebSocket alike). `pause()` cuts every connection and refuses new ones until
 * `resume()`: in front of PostgreSQL, that is the database "stopping" for the server behind it.
 * Not for production: any real load balancer (nginx, HAProxy, a cloud one) does this job there.
 */
import net from 'node:net';

export interface Backend {
  host: string;
  port: number;
}

export interface Balancer {
  port: number;
  /** Cuts every open connection and refuses new ones. */
  pause(): Promise<void>;
  /** Accepts connections again, on the same port. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

export async function startBalancer(backends: readonly Backend[], { port = 0, host = '127.0.0.1' } = {}): Promise<Balancer> {
  const open = new Set<net.Socket>();
  let next = 0;
  const connectTo = (client: net.Socket, tried: number): void => {
    if (tried >= backends.length) {
      client.destroy();
      return;
    }
    const backend = backends[next % backends.length] as Backend;
    next += 1;
    const upstream = net.connect(backend.port, backend.host);
    open.add(upstream);
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
    upstream.on('error', () => {
      if (!connected) connectTo(client, tried + 1);
      else client.destroy();
    });
    upstream.on('close', () => {
      open.delete(upstream);
      if (connected) client.destroy();
    });
    client.on('close', () => upstream.destroy());
  };
  const listen = (server: net.Server, at: number): Promise<number> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(at, host, () => resolve((server.address() as net.AddressInfo).port));
    });
  const makeServer = () =>
    net.createServer({ pauseOnConnect: true }, (client) => {
      open.add(client);
      client.on('error', () => client.destroy());
      client.on('close', () => open.delete(client));
      connectTo(client, 0);
    });
  let server = makeServer();
  const bound = await listen(server, port);
  const stop = async (): Promise<void> => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of open) socket.destroy();
    });
  };
  return {
    port: bound,
    pause: stop,
    resume: async () => {
      server = makeServer();
      await listen(server, bound);
    },
    close: stop,
  };
}
