import type { ErrorRequestHandler } from 'express';
import { AppError } from '../http/app-error';
import { isVaultError, SecretPathError, vaultErrorToHttp } from './adapter';
import { LocalVaultConfigError } from './local-config';

/** A Vault failure as the error a client sees; anything else passes unchanged. */
export function vaultFailureToAppError(error: unknown): unknown {
  if (isVaultError(error)) {
    const answer = vaultErrorToHttp(error);
    return new AppError(answer.code, answer.status, answer.message, answer.details);
  }
  if (error instanceof SecretPathError) {
    return new AppError('VALIDATION_FAILED', 400, error.message, {
      fields: { secretsPath: error.message },
    });
  }
  if (error instanceof LocalVaultConfigError) {
    // The message names the file and what to do about it, never its contents.
    return new AppError('INTERNAL', 500, error.message);
  }
  return error;
}

/** Router-level: lets the app's one error handler answer Vault failures with their codes. */
export const translateVaultFailures: ErrorRequestHandler = (error, _req, _res, next) => {
  next(vaultFailureToAppError(error));
};
