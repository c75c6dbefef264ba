import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  body: string;
}

/**
 * One keep-alive HTTP/1.1 connection with the least client-side work possible, so
 * that the benchmark measures the server rather than Node's HTTP client.
 */
export class RawConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: ((response: RawResponse) => void) | undefined;

  private constructor(
    private readonly socket: Socket,
    private readonly host: string,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  static open(url: string): Promise<RawConnection> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () =>
        resolve(new RawConnection(socket, `${hostname}:${port}`)),
      );
      socket.once('error', reject);
    });
  }

  send(method: string, path: string, token: string, body?: string): Promise<RawResponse> {
    const payload = body ?? '';
    const head =
      `${method} ${path} HTTP/1.1\r\nHost: ${this.host}\r\nX-Vault-Token: ${token}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n\r\n`;
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.socket.write(head + payload);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const headEnd = this.buffer.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = this.buffer.subarray(0, headEnd).toString('latin1');
    const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? '0');
    const end = headEnd + 4 + length;
    if (this.buffer.length < end) return;
    const status = Number(head.slice(9, 12));
    const body = this.buffer.subarray(headEnd + 4, end).toString('utf8');
    this.buffer = this.buffer.subarray(end);
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve?.({ status, body });
  }
}
