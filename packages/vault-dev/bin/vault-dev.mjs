#!/usr/bin/env node
// Runs the TypeScript CLI through tsx: the package is never compiled.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
