import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      '**/test-results/**',
      '**/playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Server code logs through pino, never the console (CLIs print to the terminal).
    files: ['apps/bff/src/**/*.ts', 'packages/vault-dev/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/cli*.ts', '**/cli/**'],
    rules: { 'no-console': 'error' },
  },
  {
    // Only the Vault adapter may speak to Vault through node-vault.
    files: ['apps/bff/src/**/*.ts'],
    ignores: ['apps/bff/src/vault/adapter/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'node-vault',
              message: 'Use the Vault adapter in src/vault/adapter.',
            },
          ],
        },
      ],
    },
  },
);
