import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'vault-dev',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 15_000,
  },
});
