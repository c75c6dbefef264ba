// Finds a Chromium for Playwright, in the order DESIGN.md gives: CHROMIUM_PATH,
// the system's chromium, then Playwright's own download. Where none is found
// and we run as root with apt, Debian's chromium is installed.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function playwrightsOwn() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && isExecutable(path) ? path : null;
  } catch {
    return null;
  }
}

export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(
        `CHROMIUM_PATH=${fromEnv} is not an executable file; fix or unset it.`,
      );
    }
    return fromEnv;
  }
  return SYSTEM_CANDIDATES.find(isExecutable) ?? (await playwrightsOwn());
}

function canInstallWithApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && isExecutable('/usr/bin/apt-get');
}

/** Returns a Chromium path, installing Debian's chromium when that is possible. */
export async function ensureChromium() {
  const found = await findChromium();
  if (found) return found;
  if (!canInstallWithApt()) {
    throw new Error(
      `No Chromium found for the end-to-end tests. Install one with:\n  ${INSTALL_COMMAND}\n` +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  console.log("No Chromium found; installing Debian's chromium with apt-get…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env,
  });
  const installed = await findChromium();
  if (!installed) throw new Error('apt-get installed chromium but no binary was found.');
  return installed;
}

/** Flags this machine's Chromium needs to start headless, quietly, as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
