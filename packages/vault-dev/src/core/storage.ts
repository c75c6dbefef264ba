import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { decrypt, encrypt } from './aes-gcm';

const LOG_FILE = 'data.log';

type LogRecord = { k: string; v?: unknown; d?: 1 };

/**
 * The logical store behind the barrier: one in-memory map of JSON values, and with a
 * data directory an append-only log of records, each encrypted on its own with
 * AES-256-GCM under the barrier key. Values are stored by reference (never copied), so
 * memory grows only with the data itself.
 */
export class BarrierStorage {
  private entries = new Map<string, unknown>();
  private log: WriteStream | undefined;
  private key: Buffer | undefined;
  private pendingLines: string[] = [];

  constructor(private readonly dataDir: string | undefined) {}

  get persistent(): boolean {
    return this.dataDir !== undefined;
  }

  get<T>(key: string): T | undefined {
    return this.entries.get(key) as T | undefined;
  }

  /** Stores a value (kept by reference: callers mutate then put again). */
  put(key: string, value: unknown): void {
    this.entries.set(key, value);
    this.append({ k: key, v: value });
  }

  delete(key: string): void {
    if (!this.entries.delete(key)) return;
    this.append({ k: key, d: 1 });
  }

  *entriesWithPrefix(prefix: string): Generator<[string, unknown]> {
    for (const [key, value] of this.entries) {
      if (key.startsWith(prefix)) yield [key, value];
    }
  }

  /** Loads the log with the barrier key and rewrites it compacted. */
  async open(key: Buffer): Promise<void> {
    this.key = key;
    if (!this.dataDir) return;
    await mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    const path = join(this.dataDir, LOG_FILE);
    this.entries = await readLog(path, key);
    await this.compact(path);
    this.log = createWriteStream(path, { flags: 'a', mode: 0o600 });
  }

  /** Flushes the log and, with a data directory, forgets the plaintext in memory. */
  async close(): Promise<void> {
    this.flush();
    const log = this.log;
    this.log = undefined;
    if (log) await new Promise<void>((resolve) => log.end(resolve));
    if (this.dataDir) {
      this.entries = new Map();
      this.key = undefined;
    }
  }

  private append(record: LogRecord): void {
    if (!this.log || !this.key) return;
    const sealed = encrypt(this.key, Buffer.from(JSON.stringify(record)));
    // One write per event-loop turn instead of one per record.
    if (this.pendingLines.length === 0) setImmediate(() => this.flush());
    this.pendingLines.push(`${sealed.toString('base64')}\n`);
  }

  private flush(): void {
    if (this.pendingLines.length === 0) return;
    const lines = this.pendingLines.join('');
    this.pendingLines = [];
    this.log?.write(lines);
  }

  // Limitation: the log is compacted only when the barrier is unsealed, so a server
  // that runs for long under heavy writes grows its log file until the next unseal.
  private async compact(path: string): Promise<void> {
    const key = this.key;
    if (!key) return;
    const temporary = `${path}.compact`;
    const out = createWriteStream(temporary, { mode: 0o600 });
    for (const [k, v] of this.entries) {
      const line = `${encrypt(key, Buffer.from(JSON.stringify({ k, v }))).toString('base64')}\n`;
      if (!out.write(line))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve, reject) => {
      out.on('error', reject);
      out.end(resolve);
    });
    await rename(temporary, path);
  }
}

async function readLog(path: string, key: Buffer): Promise<Map<string, unknown>> {
  const entries = new Map<string, unknown>();
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (!exists) return entries;
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let torn: number | undefined;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line === '') continue;
    if (torn !== undefined) throw new Error(`the data log is damaged at line ${torn}`);
    const record = decodeRecord(key, line);
    // Only the last line may be unreadable: a write cut short by a crash.
    if (!record) torn = lineNumber;
    else if (record.d) entries.delete(record.k);
    else entries.set(record.k, record.v);
  }
  return entries;
}

function decodeRecord(key: Buffer, line: string): LogRecord | undefined {
  try {
    return JSON.parse(
      decrypt(key, Buffer.from(line, 'base64')).toString('utf8'),
    ) as LogRecord;
  } catch {
    return undefined;
  }
}
