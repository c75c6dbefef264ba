import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { combine, split } from 'shamir-secret-sharing';
import { decrypt, encrypt } from './aes-gcm';
import { badRequest } from './vault-error';
import { newUuid } from './ids';

const SEAL_FILE = 'seal.json';

/** What is kept on disk: the seal shape and the barrier key encrypted by the root key. */
interface SealConfig {
  shares: number;
  threshold: number;
  encryptedBarrierKey: string;
  clusterId: string;
}

export interface UnsealProgress {
  progress: number;
  nonce: string;
}

/**
 * Shamir seal: a random root key is split into shares (shamir-secret-sharing); the
 * root key encrypts the barrier key, which encrypts the storage. Only while unsealed
 * does the barrier key exist in memory.
 */
export class Seal {
  private config: SealConfig | undefined;
  private pending: Buffer[] = [];
  private nonce = '';

  constructor(private readonly dataDir: string | undefined) {}

  async load(): Promise<void> {
    if (!this.dataDir) return;
    const text = await readFile(join(this.dataDir, SEAL_FILE), 'utf8').catch(() => '');
    if (text) this.config = JSON.parse(text) as SealConfig;
  }

  get initialized(): boolean {
    return this.config !== undefined;
  }

  get shares(): number {
    return this.config?.shares ?? 0;
  }

  get threshold(): number {
    return this.config?.threshold ?? 0;
  }

  get clusterId(): string {
    return this.config?.clusterId ?? '';
  }

  get progress(): UnsealProgress {
    return { progress: this.pending.length, nonce: this.nonce };
  }

  /** Creates the keys; returns the unseal shares and the barrier key. */
  async initialize(
    shares: number,
    threshold: number,
  ): Promise<{ keys: Buffer[]; barrierKey: Buffer }> {
    validateSealShape(shares, threshold);
    const rootKey = randomBytes(32);
    const barrierKey = randomBytes(32);
    this.config = {
      shares,
      threshold,
      encryptedBarrierKey: encrypt(rootKey, barrierKey).toString('base64'),
      clusterId: newUuid(),
    };
    if (this.dataDir) {
      await mkdir(this.dataDir, { recursive: true, mode: 0o700 });
      const path = join(this.dataDir, SEAL_FILE);
      await writeFile(`${path}.tmp`, JSON.stringify(this.config), { mode: 0o600 });
      await rename(`${path}.tmp`, path);
    }
    if (shares === 1) return { keys: [rootKey], barrierKey };
    // The library checks for plain Uint8Array, not Buffer.
    const parts = await split(new Uint8Array(rootKey), shares, threshold);
    return { keys: parts.map((part) => Buffer.from(part)), barrierKey };
  }

  /**
   * Adds one share. Returns the barrier key once the threshold is reached and the
   * shares are right; undefined while more shares are needed.
   */
  async submit(share: Buffer): Promise<Buffer | undefined> {
    const config = this.config;
    if (!config) throw badRequest('Vault is not initialized');
    if (this.pending.length === 0) this.nonce = newUuid();
    if (!this.pending.some((known) => known.equals(share))) this.pending.push(share);
    if (this.pending.length < config.threshold) return undefined;

    const collected = this.pending;
    this.resetProgress();
    try {
      const rootKey =
        collected.length === 1
          ? collected[0]
          : Buffer.from(await combine(collected.map((share) => new Uint8Array(share))));
      if (!rootKey) throw new Error('no share');
      return decrypt(rootKey, Buffer.from(config.encryptedBarrierKey, 'base64'));
    } catch {
      throw badRequest('Unseal failed, invalid key');
    }
  }

  resetProgress(): void {
    this.pending = [];
    this.nonce = '';
  }
}

/** Vault's seal configuration checks, in Vault's order and words. */
function validateSealShape(shares: number, threshold: number): void {
  const rules: Array<[broken: boolean, problem: string]> = [
    [!Number.isInteger(shares) || shares < 1, 'shares must be at least one'],
    [!Number.isInteger(threshold) || threshold < 1, 'threshold must be at least one'],
    [
      shares > 1 && threshold === 1,
      'threshold must be greater than one for multiple shares',
    ],
    [shares > 255, 'shares must be less than 256'],
    [threshold > shares, 'threshold cannot be larger than shares'],
  ];
  const problem = rules.find(([broken]) => broken)?.[1];
  if (problem) throw badRequest(`invalid seal configuration: ${problem}`);
}
