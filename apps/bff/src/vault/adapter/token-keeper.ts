import type { Logger } from 'pino';
import { approleLogin, lookupSelf, renewSelf, revokeSelf, type VaultLogin } from './auth';
import { DEFAULT_VAULT_TIMEOUT_MS } from './client';
import type { VaultError } from './errors';
import { isVaultError } from './errors';
import { displayUrl } from './messages';

export interface TokenKeeperOptions {
  url: string;
  roleId: string;
  secretId: string;
  logger: Logger;
  timeoutMs?: number;
  /** Share of a token's TTL after which it is renewed or replaced (default 2/3). */
  refreshFraction?: number;
  /** First wait before trying again when a refresh could not log in (default 5 s). */
  retryDelayMs?: number;
  /** Refresh before expiry (default true). Off for short-lived uses such as checks. */
  autoRefresh?: boolean;
}

interface HeldToken extends VaultLogin {
  obtainedAt: number;
  /** The TTL the login granted; renewals that give much less mean max TTL is near. */
  loginTtlSeconds: number;
}

/** Holds one AppRole token: logs in once for everyone, refreshes it, replaces it. */
export class TokenKeeper {
  readonly #options: Required<Omit<TokenKeeperOptions, 'logger'>>;
  readonly #log: Logger;
  #held: HeldToken | null = null;
  #loginInFlight: Promise<HeldToken> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #retryDelayMs: number;
  #closed = false;
  logins = 0;
  renewals = 0;
  lastError: VaultError | null = null;

  constructor(options: TokenKeeperOptions) {
    // Field by field, so an explicit `undefined` from a caller still gets the default.
    this.#options = {
      url: options.url,
      roleId: options.roleId,
      secretId: options.secretId,
      timeoutMs: options.timeoutMs ?? DEFAULT_VAULT_TIMEOUT_MS,
      refreshFraction: options.refreshFraction ?? 2 / 3,
      retryDelayMs: options.retryDelayMs ?? 5_000,
      autoRefresh: options.autoRefresh ?? true,
    };
    this.#retryDelayMs = this.#options.retryDelayMs;
    this.#log = options.logger.child({ vaultUrl: displayUrl(options.url) });
  }

  get held(): Readonly<VaultLogin> | null {
    return this.#held && !this.#expired(this.#held) ? this.#held : null;
  }

  /** A token believed valid, logging in first when there is none. */
  async token(): Promise<string> {
    const held = this.held;
    return held ? held.token : (await this.#sharedLogin()).token;
  }

  /** A new token after Vault refused `stale`; one login even for many callers. */
  async replace(stale: string): Promise<string> {
    const held = this.#held;
    if (held && held.token !== stale) return held.token;
    this.#log.info('vault token refused, logging in again');
    return (await this.#sharedLogin()).token;
  }

  /** Whether Vault still accepts `token` (false when it is expired or revoked). */
  async accepts(token: string): Promise<boolean> {
    try {
      await lookupSelf(this.#options.url, token, { timeoutMs: this.#options.timeoutMs });
      return true;
    } catch (error) {
      if (isVaultError(error) && error.kind === 'permission-denied') return false;
      throw error;
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#clearTimer();
    const held = this.#held;
    this.#held = null;
    if (!held) return;
    // Best effort: a token nobody holds should not stay valid until it expires.
    await revokeSelf(this.#options.url, held.token, {
      timeoutMs: this.#options.timeoutMs,
    }).catch((error: unknown) => {
      const kind = isVaultError(error) ? error.kind : 'unexpected';
      this.#log.debug({ kind }, 'vault token revoke failed');
    });
  }

  #expired(held: HeldToken): boolean {
    return held.ttlSeconds > 0 && Date.now() >= held.obtainedAt + held.ttlSeconds * 1000;
  }

  #sharedLogin(): Promise<HeldToken> {
    if (this.#closed) {
      return Promise.reject(new Error('The Vault session is closed.'));
    }
    this.#loginInFlight ??= this.#login().finally(() => {
      this.#loginInFlight = null;
    });
    return this.#loginInFlight;
  }

  async #login(): Promise<HeldToken> {
    const { url, roleId, secretId, timeoutMs } = this.#options;
    try {
      const login = await approleLogin(url, roleId, secretId, { timeoutMs });
      const held = {
        ...login,
        obtainedAt: Date.now(),
        loginTtlSeconds: login.ttlSeconds,
      };
      this.#adopt(held);
      this.logins += 1;
      this.#log.info(
        { ttlSeconds: login.ttlSeconds, renewable: login.renewable },
        'vault login succeeded',
      );
      return held;
    } catch (error) {
      if (!isVaultError(error)) throw error;
      this.lastError = error;
      this.#log.warn({ kind: error.kind, reason: error.message }, 'vault login failed');
      throw error;
    }
  }

  #adopt(held: HeldToken): void {
    if (this.#closed) {
      // Closed while this login was in flight: nobody will use or revoke it later.
      this.#revokeQuietly(held.token);
      return;
    }
    const previous = this.#held;
    this.#held = held;
    this.lastError = null;
    this.#retryDelayMs = this.#options.retryDelayMs;
    if (previous && previous.token !== held.token) this.#revokeQuietly(previous.token);
    if (held.ttlSeconds > 0) {
      this.#schedule(held.ttlSeconds * 1000 * this.#options.refreshFraction);
    }
  }

  #revokeQuietly(token: string): void {
    const { url, timeoutMs } = this.#options;
    void revokeSelf(url, token, { timeoutMs }).catch(() => undefined);
  }

  #schedule(delayMs: number): void {
    this.#clearTimer();
    if (this.#closed || !this.#options.autoRefresh) return;
    this.#timer = setTimeout(() => void this.#refresh(), Math.max(delayMs, 100));
    this.#timer.unref();
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  async #refresh(): Promise<void> {
    const held = this.#held;
    if (!held || this.#closed) return;
    if (held.renewable && (await this.#renew(held))) return;
    try {
      await this.#sharedLogin();
    } catch {
      // Logged by #login. The token may still serve a while; try again, backing
      // off to a minute so a long-sealed Vault does not flood the log.
      this.#schedule(this.#retryDelayMs);
      this.#retryDelayMs = Math.min(this.#retryDelayMs * 2, 60_000);
    }
  }

  /** True when renewing bought enough time; false when a new login is better. */
  async #renew(held: HeldToken): Promise<boolean> {
    const { url, timeoutMs } = this.#options;
    try {
      const renewed = await renewSelf(url, held.token, { timeoutMs });
      // Near the role's max TTL Vault renews for less; then a fresh login is due.
      if (renewed.ttlSeconds * 2 < held.loginTtlSeconds) return false;
      if (this.#held !== held || this.#closed) return true;
      const obtainedAt = Date.now();
      const expireTime = new Date(obtainedAt + renewed.ttlSeconds * 1000).toISOString();
      this.#held = { ...held, ttlSeconds: renewed.ttlSeconds, obtainedAt, expireTime };
      this.renewals += 1;
      this.#log.debug({ ttlSeconds: renewed.ttlSeconds }, 'vault token renewed');
      this.#schedule(renewed.ttlSeconds * 1000 * this.#options.refreshFraction);
      return true;
    } catch (error) {
      const kind = isVaultError(error) ? error.kind : 'unexpected';
      this.#log.info({ kind }, 'vault token renewal failed, logging in again');
      return false;
    }
  }
}
