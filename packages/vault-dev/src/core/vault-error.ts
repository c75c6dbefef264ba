/**
 * An error that the HTTP layer turns into Vault's `{"errors": [...]}` envelope.
 * `errors` is empty where Vault answers without a message (plain 404, 405).
 */
export class VaultError extends Error {
  readonly status: number;
  readonly errors: string[];

  constructor(status: number, errors: string[] = []) {
    super(errors[0] ?? `status ${status}`);
    this.status = status;
    this.errors = errors;
  }
}

/** Vault wraps logical-layer errors with go-multierror; the text keeps that shape. */
export function multiError(messages: string[]): string {
  const head =
    messages.length === 1 ? '1 error occurred:' : `${messages.length} errors occurred:`;
  return `${head}\n${messages.map((m) => `\t* ${m}`).join('\n')}\n\n`;
}

export const badRequest = (message: string): VaultError => new VaultError(400, [message]);

export const notFound = (): VaultError => new VaultError(404, []);

/** A method Vault's HTTP layer does not take, or a wrong one on its own handlers. */
export const methodNotAllowed = (): VaultError => new VaultError(405, []);

/** A logical path that exists but does not take this operation. */
export const unsupportedOperation = (): VaultError =>
  new VaultError(405, [multiError(['unsupported operation'])]);

/** Inside a mount, a path that the engine does not have. */
export const unsupportedPath = (): VaultError =>
  new VaultError(404, [multiError(['unsupported path'])]);

/** Denied by policy. */
export const permissionDenied = (): VaultError =>
  new VaultError(403, [multiError(['permission denied'])]);

/** No token at all on a path that needs one. */
export const missingToken = (): VaultError => new VaultError(403, ['permission denied']);

/** A token that is unknown, expired or revoked. */
export const invalidToken = (): VaultError =>
  new VaultError(403, [multiError(['permission denied', 'invalid token'])]);

export const sealedError = (): VaultError => new VaultError(503, ['Vault is sealed']);
