import type { BrowserContext, Route } from 'playwright-core';
import { toMock } from '../helpers/mockGitHost';

/**
 * Sends the browser's requests to GitHub (https://api.github.com/**, https://raw.githubusercontent.com/**) to the
 * mock git host (test/helpers/mockGitHost.ts) instead: the method, headers and body go to the mock as sent, and
 * its answer — status, headers (CORS, rate limits, Link), body — comes back to the page as GitHub's. So the app
 * runs its real GitHub URLs in an end-to-end test. GitLab needs no route: the mock serves it at its own address.
 * Returns a function that removes the routes.
 */
export async function routeGitHubToMock(context: BrowserContext, mockUrl: string): Promise<() => Promise<void>> {
  const forward = async (route: Route) => {
    const request = route.request();
    try {
      const response = await route.fetch({ url: toMock(request.url(), mockUrl), maxRedirects: 0 });
      await route.fulfill({ response });
    } catch {
      // The mock is gone (the test is ending) or the page cancelled: let the page see a network failure.
      await route.abort('failed').catch(() => undefined);
    }
  };
  const patterns = ['https://api.github.com/**', 'https://raw.githubusercontent.com/**'];
  for (const p of patterns) await context.route(p, forward);
  return async () => {
    for (const p of patterns) await context.unroute(p, forward);
  };
}
