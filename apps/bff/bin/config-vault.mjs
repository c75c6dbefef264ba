#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, which the BFF never compiles ahead of time.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/config-vault/main.ts');
