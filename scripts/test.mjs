// `npm test`: every check and test, cheapest first, stopping at the first failure.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from '../e2e/chromium.mjs';

const steps = [
  ['format', ['npx', 'prettier', '--check', '--log-level', 'warn', '.']],
  ['typecheck', ['npm', 'run', 'typecheck', '--workspaces', '--if-present']],
  ['lint', ['npx', 'eslint', '.', '--max-warnings=0']],
  ['unit and integration tests', ['npx', 'vitest', 'run']],
  ['web build', ['npm', 'run', 'build', '-w', 'apps/web']],
  ['end-to-end tests', ['npm', 'run', 'test', '-w', 'e2e']],
];

function run(name, [command, ...args], env = process.env) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${name} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds}s)`);
}

for (const [name, command] of steps) {
  if (name === 'end-to-end tests') {
    let chromium;
    try {
      chromium = await ensureChromium();
    } catch (error) {
      console.error(error.message);
      process.exit(1);
    }
    run(name, command, { ...process.env, CHROMIUM_PATH: chromium });
  } else {
    run(name, command);
  }
}
