import express, { type RequestHandler } from 'express';
import { AppError } from '../http/app-error';
import { JSON_BODY_LIMIT } from '../http/app';
import type { Logger } from '../logging/logger';
import type { NonceCache } from './nonce-cache';
import { RpcAuthError, verifyRpcRequest } from './rpc-signature';

export interface RpcAuthOptions {
  /** The cluster's `global/rpc-shared` secret, or null when it cannot be read. */
  sharedSecret: () => Promise<string | null>;
  nonces: NonceCache;
  log: Logger;
}

const rpcUnauthorized = (reason: string) =>
  new AppError('RPC_UNAUTHORIZED', 401, `Controller call refused: ${reason}`);

/**
 * Admits only calls signed by another controller of this cluster. The body is
 * read raw, because the signature covers its exact bytes, then parsed as JSON.
 * These routes take no session cookie, so they need no CSRF protection.
 */
export function rpcAuthentication(options: RpcAuthOptions): RequestHandler[] {
  const rawBody = express.raw({ type: () => true, limit: JSON_BODY_LIMIT });

  const verify: RequestHandler = async (req, res, next) => {
    const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const path = req.originalUrl.split('?')[0] ?? '';
    const secret = await options.sharedSecret();
    if (!secret) {
      throw rpcUnauthorized('this controller cannot read global/rpc-shared.');
    }

    let sender: string;
    try {
      sender = verifyRpcRequest(
        secret,
        (name) => req.get(name),
        {
          method: req.method,
          path,
          body,
        },
        options.nonces,
      );
    } catch (error) {
      if (!(error instanceof RpcAuthError)) throw error;
      options.log.warn({ path, reason: error.message }, 'controller call refused');
      throw rpcUnauthorized(error.message);
    }

    try {
      req.body =
        body.length === 0 ? undefined : (JSON.parse(body.toString('utf8')) as unknown);
    } catch {
      throw new AppError('MALFORMED_JSON', 400, 'The request body is not valid JSON.');
    }
    res.locals.rpcSender = sender;
    next();
  };
  return [rawBody, verify];
}
