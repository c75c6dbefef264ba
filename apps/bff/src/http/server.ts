import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { hostname } from 'node:os';

export interface ListeningServer {
  server: Server;
  port: number;
  /** Starts answering with the app; until then every request gets 503 "starting". */
  serve(app: RequestListener): void;
  close(): Promise<void>;
}

function answerStarting(_req: IncomingMessage, res: ServerResponse) {
  res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '1' });
  res.end(
    JSON.stringify({
      error: {
        code: 'INTERNAL',
        message: 'The controller is starting; try again shortly.',
      },
    }),
  );
}

/**
 * Binds the port before the app exists, because the app's context includes
 * the controller's own URL, which with port 0 is known only after binding.
 */
export function listenFirst(host: string, port: number): Promise<ListeningServer> {
  let handler: RequestListener = answerStarting;
  const server = createServer((req, res) => handler(req, res));

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      if (!address || typeof address !== 'object') {
        reject(new Error('The HTTP server has no TCP address.'));
        return;
      }
      resolve({
        server,
        port: address.port,
        serve: (app) => {
          handler = app;
        },
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

/**
 * `http://host:port`, with brackets around an IPv6 host. A wildcard listen
 * address is no address to reach, so the machine's hostname stands in for it.
 */
export function httpUrl(host: string, port: number): string {
  const reachable = WILDCARD_HOSTS.has(host) ? hostname() : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}
