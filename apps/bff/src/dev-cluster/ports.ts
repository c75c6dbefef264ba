import { createServer } from 'node:net';

const HOST = '127.0.0.1';

/** Asks the kernel for a port that is free right now. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * The ports of `count` controllers: consecutive from `basePort`, or free ones picked
 * now when `basePort` is 0 (tests, where several clusters run at once).
 */
export async function controllerPorts(
  basePort: number,
  count: number,
): Promise<number[]> {
  if (basePort !== 0)
    return Array.from({ length: count }, (_, index) => basePort + index);

  const ports = new Set<number>();
  while (ports.size < count) ports.add(await findFreePort());
  // Limitation: another process may take a port between this check and the
  // controller binding it; the controller then fails to start with EADDRINUSE.
  return [...ports];
}
