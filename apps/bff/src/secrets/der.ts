// Just enough DER (X.690) to write one X.509 certificate. The openssl CLI is not
// guaranteed on our machines and node:crypto parses certificates but cannot
// create them, so we encode the few structures we need ourselves.

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256))
    bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tagged(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

export const sequence = (...items: Buffer[]) => tagged(0x30, Buffer.concat(items));
export const set = (...items: Buffer[]) => tagged(0x31, Buffer.concat(items));
export const octetString = (content: Buffer) => tagged(0x04, content);
export const utf8String = (text: string) => tagged(0x0c, Buffer.from(text, 'utf8'));
export const booleanValue = (value: boolean) =>
  tagged(0x01, Buffer.from([value ? 0xff : 0]));
/** A context-specific constructed tag, as in `[0] EXPLICIT`. */
export const explicit = (tagNumber: number, content: Buffer) =>
  tagged(0xa0 | tagNumber, content);

/** An unsigned big-endian integer, with the leading zero DER needs when the top bit is set. */
export function unsignedInteger(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  const trimmed = bytes.subarray(start);
  const needsPad = (trimmed[0] ?? 0) & 0x80;
  return tagged(0x02, needsPad ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

export const smallInteger = (value: number) => unsignedInteger(Buffer.from([value]));

export function bitString(content: Buffer): Buffer {
  return tagged(0x03, Buffer.concat([Buffer.from([0]), content]));
}

export function objectIdentifier(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) {
      chunk.unshift((value & 0x7f) | 0x80);
    }
    bytes.push(...chunk);
  }
  return tagged(0x06, Buffer.from(bytes));
}

/** UTCTime before 2050, GeneralizedTime from then on, as RFC 5280 asks. */
export function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return date.getUTCFullYear() < 2050
    ? tagged(0x17, Buffer.from(`${iso.slice(2)}Z`, 'ascii'))
    : tagged(0x18, Buffer.from(`${iso}Z`, 'ascii'));
}
