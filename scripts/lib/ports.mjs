import { createServer } from 'node:net';

/** A TCP port that is free right now on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free port below 32768, from a random start: the full Temporal server stores its membership ports in a
 * `smallint` column, and the system's free-port range (32768–60999 on Linux) lies above it.
 */
export async function freeLowPort(low = 20000, high = 32000) {
  const span = high - low;
  const start = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = low + ((start + i) % span);
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port between ${low} and ${high}`);
}
