import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Logger } from 'pino';
import type { IncomingVaultRequest, RequestPipeline } from '../core/pipeline';
import type { RequestMetrics } from './metrics';
import { handleListMethod } from './raw-list';
import { serializeReply, type SerializedReply } from './reply-writer';

function logRequest(
  logger: Logger,
  method: string,
  path: string,
  status: number,
  started: number,
): void {
  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  logger.info({ method, path, status, durationMs }, 'request');
}

/** Vault's default max_request_size: 32 MiB. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface HttpOptions {
  pipeline: RequestPipeline;
  metrics: RequestMetrics;
  logger: Logger;
  latencyMs: number;
  maxBodyBytes?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createVaultHttpServer(options: HttpOptions): Server {
  const dispatch = async (request: IncomingVaultRequest): Promise<SerializedReply> => {
    const started = performance.now();
    if (options.latencyMs > 0) await sleep(options.latencyMs);
    const { reply, metric } = await options.pipeline.handle(request);
    options.metrics.record(request.method, metric, reply.status);
    // The request log holds no token, body or query: only what routing made of it.
    if (options.logger.isLevelEnabled('info')) {
      logRequest(options.logger, request.method, metric, reply.status, started);
    }
    return serializeReply(reply, request.method === 'HEAD');
  };

  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    answer(req, res, dispatch, options.maxBodyBytes ?? MAX_BODY_BYTES).catch(
      (error: unknown) => {
        // A client that goes away mid-request: nothing left to answer.
        options.logger.warn({ err: error }, 'request aborted');
        res.destroy();
      },
    );
  });
  handleListMethod(server, dispatch);
  return server;
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  dispatch: (request: IncomingVaultRequest) => Promise<SerializedReply>,
  maxBodyBytes: number,
): Promise<void> {
  const body = await readBody(req, maxBodyBytes);
  const reply: SerializedReply = body
    ? await dispatch({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: flatHeaders(req),
        body,
      })
    : // Vault's words when its max_request_size cuts a body short.
      serializeReply({ status: 413, body: { errors: ['error parsing JSON'] } }, false);
  res.writeHead(reply.status, reply.headers);
  res.end(reply.payload);
}

/** The body, or undefined when it is larger than the limit. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  // Plain events: the async iterator costs noticeably more per request.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(
        size > limit
          ? undefined
          : chunks.length === 1
            ? chunks[0]
            : Buffer.concat(chunks),
      ),
    );
    req.on('error', reject);
  });
}

function flatHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name] = Array.isArray(value) ? value[0] : value;
  }
  return headers;
}
