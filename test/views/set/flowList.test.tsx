// @vitest-environment happy-dom
import { cleanup, render, waitFor, within } from '@testing-library/react';
import fc from 'fast-check';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { FlowList } from '../../../src/views/set/FlowList';
import { setFlow, smallSummary } from './setFixture';

afterEach(cleanup);

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const bodyLabels = (root: HTMLElement) =>
  within(root)
    .getAllByRole('row')
    .slice(1)
    .filter((r) => r.querySelector('button'))
    .map((r) => r.querySelector('button')?.textContent);

describe('the flow list of a big set', () => {
  it('draws its frame at once (the count, the headers, no "No flow matches"), then its rows in a later task', async () => {
    const big = smallSummary();
    big.flows = Array.from({ length: 2000 }, (_, i) => setFlow(`Flow_${i}`, { label: `Set flow ${i}` }));
    const g = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const was = g.IS_REACT_ACT_ENVIRONMENT;
    g.IS_REACT_ACT_ENVIRONMENT = false; // React's own scheduling, as in the browser
    const host = document.body.appendChild(document.createElement('div'));
    const root = createRoot(host);
    try {
      flushSync(() => root.render(<FlowList summary={big} onOpen={() => undefined} />));
      // The first task: the list's frame, as tall as its 2,000 rows, without rows yet.
      expect(within(host).getByRole('status').textContent).toBe('2,000 flows');
      expect(within(host).getByRole('columnheader', { name: /Label/ })).toBeTruthy();
      expect(bodyLabels(host)).toEqual([]);
      expect(within(host).queryByText('No flow matches.')).toBeNull();
      expect(host.querySelector<HTMLElement>('.set-spacer')?.style.height).toBe(`${2000 * 34}px`);
      // Then the rows, sorted by label as the collator does (numbers as numbers).
      await waitFor(() => expect(bodyLabels(host).length).toBeGreaterThan(20));
      expect(bodyLabels(host).slice(0, 12)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => `Set flow ${i}`));
    } finally {
      root.unmount();
      host.remove();
      g.IS_REACT_ACT_ENVIRONMENT = was;
    }
  });

  it('sorts labels as the collator does (case, accents and numbers), ties by API name', () => {
    const label = fc.stringMatching(/^[A-Za-zÉéäß0-9 _.-]{0,8}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,6}$/), label), {
          minLength: 1,
          maxLength: 25,
          selector: ([name]) => name.toLowerCase(),
        }),
        (pairs) => {
          const summary = smallSummary();
          summary.calls = [];
          summary.flows = pairs.map(([name, l]) => setFlow(name, { label: l }));
          const { container, unmount } = render(<FlowList summary={summary} onOpen={() => undefined} />);
          const want = [...summary.flows]
            .sort((a, b) => collator.compare(a.label || a.name, b.label || b.name) || collator.compare(a.name, b.name))
            .map((f) => f.label || f.name);
          expect(bodyLabels(container)).toEqual(want);
          unmount();
        },
      ),
      { numRuns: 40 },
    );
  });
});
