import { describe, expect, it } from 'vitest';
import { consoleLineFor, lineSplitter } from './controller-log';

describe('consoleLineFor', () => {
  it('keeps routine pino lines off the console', () => {
    const line = JSON.stringify({ level: 30, msg: 'listening', port: 5240 });
    expect(consoleLineFor('region-1', line)).toBeNull();
  });

  it('shows warnings and errors with the controller name and the error message', () => {
    const line = JSON.stringify({
      level: 50,
      msg: 'heartbeat failed',
      err: { message: 'connection refused', stack: 'Error: …' },
    });
    expect(consoleLineFor('region-2', line)).toBe(
      'region-2 | ERROR heartbeat failed: connection refused',
    );
  });

  it('shows only the message and the error, never other fields', () => {
    const line = JSON.stringify({ level: 40, msg: 'slow', password: 'hunter2' });
    expect(consoleLineFor('region-1', line)).toBe('region-1 | WARN slow');
  });

  it('shows lines that are not pino output as they are', () => {
    expect(consoleLineFor('region-3', 'TypeError: x is undefined')).toBe(
      'region-3 | TypeError: x is undefined',
    );
    expect(consoleLineFor('region-3', '   ')).toBeNull();
  });
});

describe('lineSplitter', () => {
  it('joins lines split across chunks and holds back the unfinished one', () => {
    const lines: string[] = [];
    const feed = lineSplitter((line) => lines.push(line));
    feed(Buffer.from('first li'));
    feed(Buffer.from('ne\nsecond\nthi'));
    expect(lines).toEqual(['first line', 'second']);
    feed(Buffer.from('rd\n'));
    expect(lines).toEqual(['first line', 'second', 'third']);
  });
});
