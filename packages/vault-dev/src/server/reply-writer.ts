import type { VaultReply } from '../core/routing';

export interface SerializedReply {
  status: number;
  headers: Record<string, string>;
  payload: Buffer;
}

/** Every answer: JSON (or Prometheus text), `Cache-Control: no-store`, no body on 204/HEAD. */
export function serializeReply(reply: VaultReply, isHead: boolean): SerializedReply {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  let payload = Buffer.alloc(0);
  if (reply.text) {
    headers['Content-Type'] = reply.text.contentType;
    payload = Buffer.from(reply.text.content);
  } else if (reply.status !== 204 && reply.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = Buffer.from(`${JSON.stringify(reply.body)}\n`);
  }
  if (reply.status !== 204) headers['Content-Length'] = String(payload.length);
  return { status: reply.status, headers, payload: isHead ? Buffer.alloc(0) : payload };
}
