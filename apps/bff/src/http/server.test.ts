import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { httpUrl } from './server';

describe('advertised controller URL', () => {
  it('uses the listen address, bracketing IPv6', () => {
    expect(httpUrl('127.0.0.1', 5240)).toBe('http://127.0.0.1:5240');
    expect(httpUrl('::1', 5241)).toBe('http://[::1]:5241');
  });

  it('replaces a wildcard listen address with the hostname', () => {
    expect(httpUrl('0.0.0.0', 5240)).toBe(`http://${hostname()}:5240`);
  });
});
