import { describe, expect, it } from 'vitest';
import { unsealRejection } from './unseal-messages';

describe('unsealRejection', () => {
  it.each([
    ["'key' must be specified in request body as JSON", /^Enter an unseal key share/],
    ["'key' must be a valid hex or base64 string", /hex or base64/],
    ['Unseal failed, invalid key', /progress was reset/],
    ['vault is unsealed', /already unsealed/],
    ['Vault is not initialized', /not initialized yet/],
    ['something new', /^Vault refused that key share/],
  ])('turns %j into advice', (vaultText, advice) => {
    expect(unsealRejection(vaultText)).toMatch(advice);
  });
});
