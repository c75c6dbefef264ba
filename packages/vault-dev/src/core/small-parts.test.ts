import { describe, expect, it } from 'vitest';
import { FolderIndex } from '../backends/folder-index';
import { parseDurationSeconds } from './duration';
import { parseGoBool } from './routing';

describe('durations', () => {
  it('reads seconds and Go durations', () => {
    expect(parseDurationSeconds(90)).toBe(90);
    expect(parseDurationSeconds('90')).toBe(90);
    expect(parseDurationSeconds('1h30m')).toBe(5400);
    expect(parseDurationSeconds('1.5s')).toBe(1);
    expect(parseDurationSeconds('2d')).toBe(172800);
    expect(() => parseDurationSeconds('soon')).toThrow('time: invalid duration "soon"');
    expect(() => parseDurationSeconds({})).toThrow();
  });

  it('reads Go booleans', () => {
    expect(['1', 't', 'T', 'true', 'True', 'TRUE'].map(parseGoBool)).toEqual(
      Array(6).fill(true),
    );
    expect(parseGoBool('f')).toBe(false);
    expect(parseGoBool('yes')).toBeUndefined();
  });
});

describe('folder index', () => {
  it('lists direct children and forgets empty folders', () => {
    const index = new FolderIndex();
    index.add('a/b/c');
    index.add('a/b');
    index.add('a/d');
    expect(index.list('')).toEqual(['a/']);
    expect(index.list('a/')).toEqual(['b', 'b/', 'd']);
    index.remove('a/b/c');
    expect(index.list('a/')).toEqual(['b', 'd']);
    expect(index.list('a/b/')).toEqual([]);
    index.remove('a/b');
    index.remove('a/d');
    expect(index.list('')).toEqual([]);
  });
});
