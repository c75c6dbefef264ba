import type { Logger } from 'pino';
import type { ZodType } from 'zod';
import {
  callVault,
  createVaultClient,
  tokenHeader,
  type CallInfo,
  type VaultClient,
} from './client';
import { isVaultError, type VaultError } from './errors';
import { checkKvLocation, kvDataPath, kvMetadataPath, type KvLocation } from './kv-paths';
import {
  kvListAnswerSchema,
  kvReadAnswerSchema,
  kvWriteAnswerSchema,
  noContentSchema,
} from './schemas';
import { TokenKeeper, type TokenKeeperOptions } from './token-keeper';

export interface VaultSessionOptions extends TokenKeeperOptions {
  secretsMount: string;
  secretsPath: string;
  logger: Logger;
}

export interface VaultSessionStatus {
  authenticated: boolean;
  /** When the current token expires (RFC 3339), null without one or when it never does. */
  expireTime: string | null;
  logins: number;
  renewals: number;
  /** The last login failure, as safe to show; cleared by the next success. */
  lastError: { kind: VaultError['kind']; message: string } | null;
}

/** A secret's fields as KV v2 stores them. */
export type KvSecretData = Record<string, unknown>;

/**
 * One AppRole identity's access to the KV v2 secrets under `{mount}/{secretsPath}`.
 * Keeps its token alive, and logs in again once when Vault refuses an expired token.
 */
export class VaultSession {
  readonly url: string;
  readonly location: KvLocation;
  readonly #keeper: TokenKeeper;
  readonly #client: VaultClient;

  constructor(options: VaultSessionOptions) {
    this.url = options.url;
    this.location = checkKvLocation({
      mount: options.secretsMount,
      secretsPath: options.secretsPath,
    });
    this.#keeper = new TokenKeeper(options);
    this.#client = createVaultClient(options.url, null, { timeoutMs: options.timeoutMs });
  }

  /** Logs in now (a session otherwise logs in on its first call). */
  async login(): Promise<void> {
    await this.#keeper.token();
  }

  /**
   * The secret's latest version, or null when it does not exist or is deleted.
   * Limitation: Vault answers 404 also for a mount that does not exist (to a token
   * allowed there), which reads as null too; verifyAccess catches that at configure.
   */
  async kvRead(path: string): Promise<KvSecretData | null> {
    const info = this.#info('kv-read', kvDataPath(this.location, path), 'read');
    try {
      const answer = await this.#withToken(info, kvReadAnswerSchema, (raw, token) =>
        raw.read(info.path, tokenHeader(token)),
      );
      return answer.data.data;
    } catch (error) {
      if (isVaultError(error) && error.kind === 'not-found') return null;
      throw error;
    }
  }

  /** Writes a new version of the secret. */
  async kvWrite(path: string, data: KvSecretData): Promise<{ version: number }> {
    const info = this.#info(
      'kv-write',
      kvDataPath(this.location, path),
      'create or update',
    );
    const answer = await this.#withToken(info, kvWriteAnswerSchema, (raw, token) =>
      raw.write(info.path, { data }, tokenHeader(token)),
    );
    return { version: answer.data.version };
  }

  /** Writes the secret only if it does not exist yet (check-and-set 0). */
  async kvCreate(path: string, data: KvSecretData): Promise<{ version: number }> {
    const info = this.#info('kv-write', kvDataPath(this.location, path), 'create');
    const answer = await this.#withToken(info, kvWriteAnswerSchema, (raw, token) =>
      raw.write(info.path, { data, options: { cas: 0 } }, tokenHeader(token)),
    );
    return { version: answer.data.version };
  }

  /** Removes the secret and every one of its versions; no error when it is missing. */
  async kvDelete(path: string): Promise<void> {
    const info = this.#info('kv-delete', kvMetadataPath(this.location, path), 'delete');
    await this.#withToken(info, noContentSchema, (raw, token) =>
      raw.delete(info.path, tokenHeader(token)),
    );
  }

  /** Keys directly under `prefix` ('' for the top); folders end with `/`. */
  async kvList(prefix = ''): Promise<string[]> {
    const info = this.#info('kv-list', kvMetadataPath(this.location, prefix), 'list');
    try {
      const answer = await this.#withToken(info, kvListAnswerSchema, (raw, token) =>
        raw.list(`${info.path}/`, tokenHeader(token)),
      );
      return answer.data.keys;
    } catch (error) {
      if (isVaultError(error) && error.kind === 'not-found') return [];
      throw error;
    }
  }

  status(): VaultSessionStatus {
    const held = this.#keeper.held;
    const lastError = this.#keeper.lastError;
    return {
      authenticated: held !== null,
      expireTime: held?.expireTime ?? null,
      logins: this.#keeper.logins,
      renewals: this.#keeper.renewals,
      lastError: lastError ? { kind: lastError.kind, message: lastError.message } : null,
    };
  }

  /** Stops refreshing and revokes the token (best effort). */
  async close(): Promise<void> {
    await this.#keeper.close();
  }

  #info(operation: CallInfo['operation'], path: string, capability: string) {
    return { operation, path, capability, scope: this.location };
  }

  async #withToken<T>(
    info: CallInfo,
    schema: ZodType<T>,
    send: (raw: VaultClient['raw'], token: string) => Promise<unknown>,
  ): Promise<T> {
    const token = await this.#keeper.token();
    const call = (current: string) =>
      callVault(this.#client, { ...info, secrets: [current] }, schema, (raw) =>
        send(raw, current),
      );
    try {
      return await call(token);
    } catch (error) {
      if (!isVaultError(error) || error.kind !== 'permission-denied') throw error;
      const newer = this.#keeper.held?.token;
      if (newer && newer !== token) return call(newer);
      // Vault answers 403 both to a denied path and to an expired or revoked token;
      // only the second is cured by logging in again.
      if (await this.#keeper.accepts(token)) throw error;
      return call(await this.#keeper.replace(token));
    }
  }
}
