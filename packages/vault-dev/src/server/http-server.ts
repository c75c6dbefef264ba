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
    options.logger.info(
      {
        method: request.method,
        path: metric,
        status: reply.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
    return serializeReply(reply, request.method === 'HEAD');
  };

  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    void answer(req, res, dispatch, options.maxBodyBytes ?? MAX_BODY_BYTES);
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
    : serializeReply(
        { status: 413, body: { errors: ['http: request body too large'] } },
        false,
      );
  res.writeHead(reply.status, reply.headers);
  res.end(reply.payload);
}

/** The body, or undefined when it is larger than the limit. */
async function readBody(
  req: IncomingMessage,
  limit: number,
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

function flatHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name] = Array.isArray(value) ? value[0] : value;
  }
  return headers;
}
