/**
 * A small HCL reader for Vault policies: blocks (`path "x" { … }`), attributes
 * (`key = value`), strings, numbers, booleans, lists, objects and the three comment
 * styles. It returns plain JSON-like values; repeated labelled blocks merge by label.
 */
type Token = {
  kind: 'string' | 'ident' | 'number' | 'punct';
  text: string;
  line: number;
};
export type HclValue = string | number | boolean | HclValue[] | HclObject;
export interface HclObject {
  [key: string]: HclValue;
}

export function parseHcl(source: string): HclObject {
  const reader = new TokenReader(tokenize(source));
  const body = readBody(reader, false);
  return body;
}

class TokenReader {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}
  peek(): Token | undefined {
    return this.tokens[this.index];
  }
  next(): Token {
    const token = this.tokens[this.index++];
    if (!token) throw new Error('unexpected end of policy');
    return token;
  }
  expect(text: string): void {
    const token = this.next();
    if (token.text !== text || token.kind !== 'punct') {
      throw new Error(`line ${token.line}: expected "${text}", found "${token.text}"`);
    }
  }
}

function readBody(reader: TokenReader, nested: boolean): HclObject {
  const body: HclObject = {};
  for (;;) {
    const token = reader.peek();
    if (!token) {
      if (nested) throw new Error('unexpected end of policy: missing "}"');
      return body;
    }
    if (token.kind === 'punct' && token.text === '}' && nested) {
      reader.next();
      return body;
    }
    readEntry(reader, body);
  }
}

function readEntry(reader: TokenReader, body: HclObject): void {
  const name = reader.next();
  if (name.kind !== 'ident' && name.kind !== 'string') {
    throw new Error(`line ${name.line}: expected a name, found "${name.text}"`);
  }
  const after = reader.next();
  if (after.kind === 'punct' && after.text === '=') {
    body[name.text] = readValue(reader);
    return;
  }
  const labels: string[] = [];
  let opener = after;
  while (opener.kind === 'string') {
    labels.push(opener.text);
    opener = reader.next();
  }
  if (opener.text !== '{') throw new Error(`line ${opener.line}: expected "{" or "="`);
  let target = body;
  for (const label of [name.text, ...labels.slice(0, -1)]) {
    const existing = target[label];
    target[label] = isObject(existing) ? existing : {};
    target = target[label] as HclObject;
  }
  const last = labels.length > 0 ? (labels[labels.length - 1] ?? '') : name.text;
  target[last] = readBody(reader, true);
}

function readValue(reader: TokenReader): HclValue {
  const token = reader.next();
  if (token.kind === 'string') return token.text;
  if (token.kind === 'number') return Number(token.text);
  if (token.kind === 'ident' && (token.text === 'true' || token.text === 'false')) {
    return token.text === 'true';
  }
  if (token.text === '{') return readBody(reader, true);
  if (token.text === '[') return readList(reader);
  throw new Error(`line ${token.line}: unexpected "${token.text}"`);
}

function readList(reader: TokenReader): HclValue[] {
  const items: HclValue[] = [];
  for (;;) {
    const token = reader.peek();
    if (token?.kind === 'punct' && token.text === ']') {
      reader.next();
      return items;
    }
    items.push(readValue(reader));
    const separator = reader.peek();
    if (separator?.kind === 'punct' && separator.text === ',') reader.next();
  }
}

const isObject = (value: HclValue | undefined): value is HclObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < source.length) {
    const char = source[i] ?? '';
    if (char === '\n') line++;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '#' || source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) throw new Error(`line ${line}: unterminated comment`);
      line += source.slice(i, end).split('\n').length - 1;
      i = end + 2;
    } else if (char === '"') {
      const { text, next } = readString(source, i, line);
      tokens.push({ kind: 'string', text, line });
      i = next;
    } else if ('{}[]=,'.includes(char)) {
      tokens.push({ kind: 'punct', text: char, line });
      i++;
    } else {
      const word = /^[A-Za-z0-9_.-]+/.exec(source.slice(i, i + 256));
      if (!word) throw new Error(`line ${line}: unexpected character "${char}"`);
      const kind = /^-?\d+(\.\d+)?$/.test(word[0]) ? 'number' : 'ident';
      tokens.push({ kind, text: word[0], line });
      i += word[0].length;
    }
  }
  return tokens;
}

function readString(source: string, start: number, line: number) {
  let text = '';
  let i = start + 1;
  while (i < source.length && source[i] !== '"') {
    if (source[i] === '\n') throw new Error(`line ${line}: unterminated string`);
    if (source[i] === '\\') {
      const escaped = source[i + 1] ?? '';
      text += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped;
      i += 2;
    } else {
      text += source[i];
      i++;
    }
  }
  if (i >= source.length) throw new Error(`line ${line}: unterminated string`);
  return { text, next: i + 1 };
}
