import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { askYesNo } from './confirm';

async function answer(typed: string | null) {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  const asked = askYesNo('Replace it?', input, output);
  if (typed === null) input.end();
  else input.write(`${typed}\n`);
  return { confirmed: await asked, shown };
}

describe('the overwrite prompt', () => {
  it.each(['y', 'yes', 'YES', ' y '])('takes %j as yes', async (typed) => {
    expect((await answer(typed)).confirmed).toBe(true);
  });

  it.each(['', 'n', 'no', 'yep', 'sure'])('takes %j as no', async (typed) => {
    expect((await answer(typed)).confirmed).toBe(false);
  });

  it('takes a closed input as no, after showing the question and the default', async () => {
    const { confirmed, shown } = await answer(null);
    expect(confirmed).toBe(false);
    expect(shown).toBe('Replace it? [y/N] ');
  });
});
