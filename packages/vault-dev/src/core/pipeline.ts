import type { Logger } from 'pino';
import { wrapReply } from '../backends/sys-wrapping';
import type { RequestMetrics } from '../server/metrics';
import type { Operation } from './acl';
import { readInput, splitUrl, toOperation, type RequestInput } from './request-parsing';
import { RouteTable, type Resolved } from './route-table';
import type { HandlerRequest, Route, VaultReply } from './routing';
import type { TokenEntry } from './tokens';
import type { VaultCore } from './vault-core';
import {
  VaultError,
  invalidToken,
  methodNotAllowed,
  missingToken,
  permissionDenied,
  sealedError,
  unsupportedOperation,
} from './vault-error';

export interface IncomingVaultRequest {
  method: string;
  /** Path and query as sent, e.g. "/v1/secret/data/a?version=2". */
  url: string;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

export interface HandledRequest {
  reply: VaultReply;
  metric: string;
}

/** From raw request to reply: seal, route, token, ACL, handler, response wrapping. */
export class RequestPipeline {
  private readonly routes: RouteTable;

  constructor(
    private readonly core: VaultCore,
    metrics: RequestMetrics,
    private readonly logger: Logger,
  ) {
    this.routes = new RouteTable(core, metrics);
  }

  async handle(request: IncomingVaultRequest): Promise<HandledRequest> {
    let metric = 'unknown';
    try {
      const url = splitUrl(request.url);
      const path = url.path;
      // Until a route is known (sealed, no such mount): the first two segments.
      metric = path.split('/').slice(0, 2).join('/');
      const operation = toOperation(request.method, url.searchParams);
      const early = this.routes.raw(path);
      metric = early?.route.metric ?? metric;
      // Vault reads the body and X-Vault-Wrap-TTL before it looks at the seal.
      const input = readInput(request, operation, !early?.route.raw);
      if (!early && this.core.sealed) throw sealedError();
      const match = early ?? this.resolveOrDeny(path, operation, input);
      metric = match.route.metric;
      const reply = await this.run(match, path, operation, url.searchParams, input);
      return { reply, metric };
    } catch (error) {
      if (error instanceof VaultError) {
        return {
          reply: { status: error.status, body: { errors: error.errors } },
          metric,
        };
      }
      this.logger.error({ err: error, metric }, 'request failed unexpectedly');
      return { reply: { status: 500, body: { errors: ['internal error'] } }, metric };
    }
  }

  /**
   * Vault checks the token's policies before it routes: without a right on the path,
   * a missing mount or path answers 403, not 404.
   */
  private resolveOrDeny(
    path: string,
    operation: Operation,
    input: RequestInput,
  ): Resolved {
    try {
      return this.routes.resolve(path);
    } catch (error) {
      if (error instanceof VaultError && error.status === 404) {
        this.authorize({}, path, operation, input);
      }
      throw error;
    }
  }

  private async run(
    match: Resolved,
    path: string,
    requested: Operation,
    query: URLSearchParams,
    input: RequestInput,
  ): Promise<VaultReply> {
    const { route } = match;
    const handlerRequest: HandlerRequest = {
      path,
      params: match.params,
      operation: requested,
      body: input.body,
      query,
      token: undefined,
      clientToken: input.clientToken,
      headers: input.headers,
    };
    if (requested === 'update' && route.exists && !route.exists(handlerRequest)) {
      handlerRequest.operation = 'create';
    }
    const operation = handlerRequest.operation;
    const handler = route.operations[operation];
    if (!handler) {
      if (route.raw) throw methodNotAllowed();
      // As above: the policy check comes before the engine says it has no such operation.
      if (!route.unauthenticated) this.authorize(route, path, operation, input);
      throw unsupportedOperation();
    }
    if (route.sealedAnswer && this.core.sealed) return route.sealedAnswer();
    route.verify?.(handlerRequest);
    if (!route.unauthenticated) {
      handlerRequest.token = this.authorize(route, path, operation, input);
    }
    if (handlerRequest.token) this.core.tokens.consumeUse(handlerRequest.token);
    const reply = await handler(handlerRequest);
    if (input.wrapTtl && reply.wrappable && reply.status === 200 && reply.body) {
      return wrapReply(this.core.tokens, reply, path, input.wrapTtl);
    }
    return reply;
  }

  private authorize(
    route: Pick<Route, 'tokenOptional' | 'sudo'>,
    path: string,
    operation: Operation,
    input: RequestInput,
  ): TokenEntry | undefined {
    const token = this.core.tokens.lookup(input.clientToken);
    if (!token) {
      if (route.tokenOptional) return undefined;
      throw input.clientToken ? invalidToken() : missingToken();
    }
    const aclPath = operation === 'list' && !path.endsWith('/') ? `${path}/` : path;
    const permission = this.core.policies
      .acl(token.policies)
      .check(aclPath, operation, input.wrapTtl ?? 0);
    if (!permission.allowed || (route.sudo && !permission.sudo)) throw permissionDenied();
    return token;
  }
}
