import type { ErrorCode } from '@vault-secrets/shared';

/** An error a client may see: a code to branch on, a status, a message a person can act on. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
