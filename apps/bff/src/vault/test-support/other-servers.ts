import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Servers that are not Vault, for the adapter's answers to what is not Vault.

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

async function listen(server: Server, scheme: 'http' | 'https'): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers every request with `body` (JSON unless it is a string) and `status`. */
export function startAnsweringServer(
  body: unknown,
  status = 200,
): Promise<RunningServer> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/html' : 'application/json';
  const server = createHttpServer((_, response) => {
    response.writeHead(status, { 'Content-Type': type });
    response.end(text);
  });
  return listen(server, 'http');
}

/** Accepts connections and never answers. */
export function startSilentServer(): Promise<RunningServer> {
  return listen(
    createHttpServer(() => undefined),
    'http',
  );
}

/** An address where nothing listens (a port that was free a moment ago). */
export async function closedPortUrl(): Promise<string> {
  const server = await listen(createHttpServer(), 'http');
  await server.close();
  return server.url;
}

/** An HTTPS server whose certificate nobody trusts (self-signed, made by openssl). */
export function startUntrustedHttpsServer(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'untrusted-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
      ].concat(['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]),
      { stdio: 'ignore' },
    );
    const server = createHttpsServer(
      {
        key: readFileSync(join(dir, 'key.pem')),
        cert: readFileSync(join(dir, 'cert.pem')),
      },
      (_, response) => response.end('{}'),
    );
    return listen(server, 'https');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
