/**
 * KV v2 throughput of vault-dev over loopback: the server runs as its own process
 * (as in the demo cluster), 16 clients share keep-alive connections.
 *   npm run bench -w packages/vault-dev [-- --keys 100000 --clients 16 --data --client agent]
 * VAULT_DEV_NODE_ARGS passes options to the server's node, e.g. "--max-old-space-size=180"
 * to tell live memory from garbage V8 has not collected yet.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RawConnection } from './raw-client';

const { values } = parseArgs({
  options: {
    keys: { type: 'string', default: '100000' },
    clients: { type: 'string', default: '16' },
    data: { type: 'boolean', default: false },
    // "agent": Node's http.Agent (keep-alive); "raw": a minimal client (measures the server).
    client: { type: 'string', default: 'raw' },
  },
});
const KEYS = Number(values.keys);
const CLIENTS = Number(values.clients);

interface Server {
  url: string;
  token: string;
  child: ChildProcess;
}

async function startServer(dataDir: string | undefined): Promise<Server> {
  const bin = new URL('../bin/vault-dev.mjs', import.meta.url).pathname;
  const args = ['server', '--dev', '--listen', '127.0.0.1:0', '--log-level', 'warn'];
  if (dataDir) args.push('--data', dataDir);
  const nodeArgs = process.env.VAULT_DEV_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, bin, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`vault-dev exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Api Address: (\S+)/.exec(out)?.[1];
      const token = /Root Token: (\S+)/.exec(out)?.[1];
      if (url && token) resolve({ url, token, child });
    });
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
const rawPool: RawConnection[] = [];

/** One request; with the raw client, on a connection borrowed from the pool. */
async function send(server: Server, method: string, path: string, body?: unknown) {
  if (values.client !== 'raw') return sendWithAgent(server, method, path, body);
  const connection = rawPool.pop() ?? (await RawConnection.open(server.url));
  try {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const { status, body: text } = await connection.send(
      method,
      `/v1/${path}`,
      server.token,
      payload,
    );
    return { status, text };
  } finally {
    rawPool.push(connection);
  }
}

function sendWithAgent(server: Server, method: string, path: string, body?: unknown) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${server.url}/v1/${path}`,
      { method, agent, headers: { 'X-Vault-Token': server.token } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function serverMemory(server: Server) {
  const { text } = await send(server, 'GET', 'sys/metrics?format=prometheus');
  const gauge = (name: string) =>
    Number(new RegExp(`^${name} ([\\d.]+)$`, 'm').exec(text)?.[1]);
  return {
    cpu: gauge('vault_dev_process_cpu_seconds_total'),
    rss: gauge('vault_dev_process_resident_memory_bytes'),
    heap: gauge('vault_dev_heap_used_bytes'),
  };
}

/** Runs `total` operations over CLIENTS concurrent loops; returns operations/s. */
async function run(total: number, operation: (index: number) => Promise<void>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < total) await operation(next++);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

const secretPath = (i: number) => `secret/data/bench/machine-${i}/power-parameters`;
const secretBody = (i: number) => ({
  data: {
    power_type: 'ipmi',
    address: `10.0.${i >> 8}.${i & 255}`,
    user: 'admin',
    pass: `p-${i}`,
  },
});

async function main(): Promise<void> {
  const dataDir = values.data
    ? await mkdtemp(join(tmpdir(), 'vault-dev-bench-'))
    : undefined;
  const server = await startServer(dataDir);
  try {
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    const before = await serverMemory(server);
    const writes = await run(KEYS, async (i) => {
      const { status } = await send(server, 'PUT', secretPath(i), secretBody(i));
      if (status !== 200) throw new Error(`write ${i} answered ${status}`);
    });
    const afterWrites = await serverMemory(server);
    const reads = await run(KEYS, async (i) => {
      const { status } = await send(server, 'GET', secretPath((i * 7919) % KEYS));
      if (status !== 200) throw new Error(`read ${i} answered ${status}`);
    });
    const afterReads = await serverMemory(server);
    // A second pass shows whether memory keeps growing with traffic or stays flat.
    await run(KEYS, async (i) => {
      await send(server, 'GET', secretPath((i * 104729) % KEYS));
    });
    const afterSecondReads = await serverMemory(server);
    const list = await send(server, 'LIST', 'secret/metadata/bench');
    const listed = (JSON.parse(list.text) as { data: { keys: string[] } }).data.keys
      .length;
    const mode = dataDir ? 'encrypted log on disk' : 'in memory';
    console.log(
      `vault-dev KV v2, ${KEYS} keys, ${CLIENTS} clients (${values.client}), ${mode}`,
    );
    console.log(`writes/s: ${writes.toFixed(0)}`);
    console.log(`reads/s:  ${reads.toFixed(0)}`);
    const phases = [before, afterWrites, afterReads, afterSecondReads];
    const names = 'before / after writes / after reads / after a 2nd read pass';
    console.log(`RSS ${names}: ${phases.map((p) => mb(p.rss)).join(' / ')}`);
    console.log(`heap ${names}: ${phases.map((p) => mb(p.heap)).join(' / ')}`);
    const cpuPerWrite = ((afterWrites.cpu - before.cpu) / KEYS) * 1e6;
    const cpuPerRead = ((afterReads.cpu - afterWrites.cpu) / KEYS) * 1e6;
    console.log(
      `server CPU per write: ${cpuPerWrite.toFixed(0)} µs (${(1e6 / cpuPerWrite).toFixed(0)} writes/s per core), per read: ${cpuPerRead.toFixed(0)} µs (${(1e6 / cpuPerRead).toFixed(0)} reads/s per core)`,
    );
    console.log(
      `heap per key: ${((afterWrites.heap - before.heap) / KEYS).toFixed(0)} bytes; LIST saw ${listed} folders`,
    );
  } finally {
    agent.destroy();
    rawPool.forEach((connection) => connection.close());
    server.child.kill('SIGTERM');
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
