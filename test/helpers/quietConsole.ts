import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Silences console.error around each test of the file: React reports an error a boundary caught on the
 * console too, and these tests check the page, not that log. Returns the spy, to assert on it.
 */
export function quietConsoleErrors(): { calls: () => unknown[][] } {
  let spy: ReturnType<typeof vi.spyOn> | undefined;
  beforeEach(() => {
    spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => spy?.mockRestore());
  return { calls: () => (spy?.mock.calls ?? []) as unknown[][] };
}
