// End-to-end tests drive Debian's Chromium. If it is missing, install Debian's package when we can
// (root with apt-get); otherwise fail with a clear message — never skip the end-to-end tests.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log(`Chromium is not at ${CHROMIUM}: installing Debian's chromium package…`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync(CHROMIUM)) return CHROMIUM;
  }
  console.error(
    `\nThe end-to-end tests need Chromium at ${CHROMIUM}, and it could not be installed here.\n` +
      `Install it with: sudo apt-get install chromium   (or set CHROMIUM_PATH to a Chromium binary)\n`,
  );
  process.exit(1);
}
