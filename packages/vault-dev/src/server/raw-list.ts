import { STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { IncomingVaultRequest } from '../core/pipeline';
import type { SerializedReply } from './reply-writer';

type Dispatch = (request: IncomingVaultRequest) => Promise<SerializedReply>;

interface ParserError extends Error {
  code?: string;
  rawPacket?: Buffer;
}

// Node keeps its HTTP parser on the socket; these are the parts we need to detach it.
interface NodeHttpParser {
  unconsume?: () => void;
  remove?: () => void;
  close?: () => void;
}
interface SocketWithParser {
  parser?: NodeHttpParser | null;
}

// The listeners Node's HTTP server puts on a connection (Node 20 names). Only these
// go: net's own listeners stay.
const HTTP_SERVER_LISTENERS = new Set([
  'bound socketOnClose',
  'bound socketOnDrain',
  'bound socketOnData',
  'bound socketOnEnd',
  'socketOnTimeout',
  'socketOnError',
  'onSocketResume',
  'onSocketPause',
  'noop',
]);

/**
 * Node's HTTP parser rejects the LIST method (HPE_INVALID_METHOD) before any handler
 * runs. The raw bytes come with the error: parse the request ourselves, answer it,
 * and give the socket a fresh parser so that a keep-alive connection lives on.
 */
export function handleListMethod(server: Server, dispatch: Dispatch): void {
  server.on('clientError', (error: ParserError, socket: Socket) => {
    const raw = error.rawPacket;
    if (error.code !== 'HPE_INVALID_METHOD' || !raw || !raw.subarray(0, 5).equals(LIST)) {
      rejectMalformed(socket);
      return;
    }
    const request = parseRawRequest(raw);
    if (!request) {
      // Limitation: a LIST request whose head or body spans several TCP packets is
      // refused, and requests pipelined behind a LIST in the same packet are dropped.
      rejectMalformed(socket);
      return;
    }
    const keepAlive = (request.headers.connection ?? '').toLowerCase() !== 'close';
    if (keepAlive) reattachParser(server, socket);
    dispatch(request).then(
      (reply) => writeRaw(socket, reply, keepAlive),
      () => socket.destroy(),
    );
  });
}

const LIST = Buffer.from('LIST ');

function reattachParser(server: Server, socket: Socket): void {
  const withParser = socket as unknown as SocketWithParser;
  const oldParser = withParser.parser;
  oldParser?.unconsume?.();
  for (const event of socket.eventNames()) {
    for (const listener of socket.listeners(event)) {
      if (HTTP_SERVER_LISTENERS.has(listener.name)) {
        socket.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
  }
  withParser.parser = null;
  // Freed on the next turn, as Node does: we are inside this parser's callback.
  setImmediate(() => {
    oldParser?.remove?.();
    oldParser?.close?.();
  });
  server.emit('connection', socket);
}

function parseRawRequest(raw: Buffer): IncomingVaultRequest | undefined {
  const headEnd = raw.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const [requestLine = '', ...headerLines] = raw
    .subarray(0, headEnd)
    .toString('latin1')
    .split('\r\n');
  const [method, url, version] = requestLine.split(' ');
  if (method !== 'LIST' || !url || !version?.startsWith('HTTP/1.')) return undefined;
  const headers: Record<string, string | undefined> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? '0');
  const body = raw.subarray(headEnd + 4, headEnd + 4 + length);
  if (!Number.isInteger(length) || body.length !== length) return undefined;
  return { method: 'LIST', url, headers, body };
}

function writeRaw(socket: Socket, reply: SerializedReply, keepAlive: boolean): void {
  if (socket.destroyed) return;
  const lines = [`HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? ''}`];
  for (const [name, value] of Object.entries(reply.headers))
    lines.push(`${name}: ${value}`);
  lines.push(`Date: ${new Date().toUTCString()}`);
  lines.push(`Connection: ${keepAlive ? 'keep-alive' : 'close'}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  if (keepAlive) socket.write(Buffer.concat([head, reply.payload]));
  else socket.end(Buffer.concat([head, reply.payload]));
}

// Even a request Node could not parse gets the errors envelope and no-store.
const MALFORMED = Buffer.from(
  [
    'HTTP/1.1 400 Bad Request',
    'Content-Type: application/json',
    'Cache-Control: no-store',
    'Content-Length: 14',
    'Connection: close',
    '',
    '{"errors":[]}\n',
  ].join('\r\n'),
  'latin1',
);

function rejectMalformed(socket: Socket): void {
  if (socket.writable) socket.end(MALFORMED);
  else socket.destroy();
}
