import type { Logger } from 'pino';
import { newServiceToken } from './ids';
import { MountTable } from './mounts';
import { PolicyStore } from './policy-store';
import { Seal } from './seal';
import { BarrierStorage } from './storage';
import { TokenStore } from './tokens';
import { badRequest } from './vault-error';

export interface InitResult {
  keys: Buffer[];
  rootToken: string;
}

/**
 * The server's state: the seal, the barrier storage and, while unsealed, the
 * token store, policies and mount table that live inside it.
 */
export class VaultCore {
  readonly seal: Seal;
  readonly storage: BarrierStorage;
  readonly tokens: TokenStore;
  readonly policies: PolicyStore;
  private mountTable: MountTable | undefined;

  constructor(
    readonly dataDir: string | undefined,
    readonly logger: Logger,
  ) {
    this.seal = new Seal(dataDir);
    this.storage = new BarrierStorage(dataDir);
    this.tokens = new TokenStore(this.storage);
    this.policies = new PolicyStore(this.storage);
  }

  async load(): Promise<void> {
    await this.seal.load();
  }

  get sealed(): boolean {
    return this.mountTable === undefined;
  }

  /** Only valid while unsealed; the request pipeline checks the seal first. */
  get mounts(): MountTable {
    if (!this.mountTable) throw new Error('the barrier is sealed');
    return this.mountTable;
  }

  /**
   * Creates the keys and the root token. Like Vault, the server stays sealed
   * afterwards (dev mode unseals right away with the returned key).
   */
  async initialize(shares: number, threshold: number, rootTokenId?: string) {
    if (this.seal.initialized) throw badRequest('Vault is already initialized');
    const { keys, barrierKey } = await this.seal.initialize(shares, threshold);
    await this.storage.open(barrierKey);
    this.policies.ensureDefault();
    const root = this.tokens.create({
      id: rootTokenId ?? newServiceToken(),
      policies: ['root'],
      path: 'auth/token/root',
      displayName: 'root',
      ttl: 0,
      renewable: false,
      orphan: true,
    });
    await this.storage.close();
    this.logger.info({ shares, threshold }, 'vault initialized');
    return { keys, rootToken: root.id, barrierKey };
  }

  /** Adds one unseal share; unseals when the threshold is met. */
  async submitUnsealShare(share: Buffer): Promise<void> {
    const barrierKey = await this.seal.submit(share);
    if (barrierKey) await this.unsealWith(barrierKey);
  }

  async unsealWith(barrierKey: Buffer): Promise<void> {
    await this.storage.open(barrierKey);
    this.policies.reset();
    this.mountTable = new MountTable(this.storage, this.tokens);
    this.tokens.sweepExpired();
    this.logger.info('vault unsealed');
  }

  async sealVault(): Promise<void> {
    this.seal.resetProgress();
    if (!this.mountTable) return;
    this.mountTable = undefined;
    this.policies.reset();
    await this.storage.close();
    this.logger.info('vault sealed');
  }
}
