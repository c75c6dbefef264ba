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

const startedAll = Date.now();
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

/** The last line of the output, plain, so that a log's tail says how it went. */
function fail(name, status) {
  console.error(`\nnpm test: FAILED at ${name} after ${seconds(startedAll)}s`);
  process.exit(status ?? 1);
}

function run(name, [command, ...args], env = process.env) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`✖ ${name} failed after ${seconds(started)}s`);
    fail(name, result.status);
  }
  console.log(`✔ ${name} (${seconds(started)}s)`);
}

for (const [name, command] of steps) {
  if (name === 'end-to-end tests') {
    let chromium;
    try {
      chromium = await ensureChromium();
    } catch (error) {
      console.error(error.message);
      fail('finding Chromium', 1);
    }
    run(name, command, { ...process.env, CHROMIUM_PATH: chromium });
  } else {
    run(name, command);
  }
}

console.log(`\nnpm test: all ${steps.length} steps passed in ${seconds(startedAll)}s`);
