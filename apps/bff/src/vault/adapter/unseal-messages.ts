/**
 * Vault's 400 answers to `sys/unseal`, in words for the person typing key shares.
 * Vault's own text is matched but never shown: it is about the key they typed.
 */
const rejections: Array<[RegExp, string]> = [
  [/must be specified/i, 'Enter an unseal key share.'],
  [
    /hex or base64/i,
    'That key share is not valid: enter it exactly as Vault printed it (hex or base64).',
  ],
  [
    /invalid key/i,
    'That key share is not valid for this Vault: unsealing failed and the progress was ' +
      'reset. Enter the key shares again, each once.',
  ],
  [/is unsealed/i, 'Vault is already unsealed: there is nothing to reset.'],
  [
    /not initialized/i,
    'Vault is not initialized yet: initialize it first, then unseal it with the key ' +
      'shares that initialization printed.',
  ],
];

export function unsealRejection(vaultText: string): string {
  for (const [pattern, message] of rejections) {
    if (pattern.test(vaultText)) return message;
  }
  return 'Vault refused that key share. Check it and enter it again.';
}
