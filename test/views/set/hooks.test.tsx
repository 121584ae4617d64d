// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/model/graph';
import type { FlowDoc } from '../../../src/model/types';
import { createAppStore } from '../../../src/state/store';
import type { FlowSetState } from '../../../src/state/types';
import { DetailsPanel } from '../../../src/views/details/DetailsPanel';
import { ShareMenu } from '../../../src/views/share/ShareMenu';
import { StoreContext } from '../../../src/views/storeContext';
import { readySet } from './setFixture';

afterEach(cleanup);

function share(set: FlowSetState | undefined) {
  const store = createAppStore();
  store.setState({ set });
  render(
    <StoreContext.Provider value={store}>
      <ShareMenu onClose={() => undefined} />
    </StoreContext.Provider>,
  );
}

describe('the Share menu with a set open', () => {
  const NOTE = /a link cannot carry the set\. Copy link shares the flow on screen\./;

  it('says a set from this computer cannot be linked', () => {
    share(readySet());
    expect(screen.getByText(NOTE).textContent).toContain('opened from files on this computer');
  });

  it('says the same of an org, and nothing for a repository (its link carries the set)', () => {
    share(readySet(undefined, { source: { kind: 'org', name: 'acme', which: 'active' } }));
    expect(screen.getByText(NOTE).textContent).toContain('read from an org');
    cleanup();
    share(readySet(undefined, { source: { kind: 'repo', name: 'o/r', url: 'https://github.com/o/r/tree/main' } }));
    expect(screen.queryByText(NOTE)).toBeNull();
    cleanup();
    share(undefined);
    expect(screen.queryByText(NOTE)).toBeNull();
  });
});

describe('a Subflow element’s details in a set', () => {
  const doc = {
    name: 'Intake',
    label: 'Intake',
    properties: {},
    resources: [],
    elements: [
      {
        type: 'subflows',
        name: 'Call_Notify',
        label: 'Call Notify',
        data: { name: 'Call_Notify', flowName: 'Not_Here' },
      },
    ],
  } as unknown as FlowDoc;

  it('show the call (loaded on demand) while a set is open', async () => {
    const store = createAppStore();
    store.setState({ set: readySet(undefined, { listing: false, path: ['Intake'] }) });
    render(
      <StoreContext.Provider value={store}>
        <DetailsPanel element={doc.elements[0] as FlowDoc['elements'][number]} doc={doc} graph={buildGraph(doc)} />
      </StoreContext.Provider>,
    );
    expect((await screen.findByRole('region', { name: 'Called flow' })).textContent).toContain(
      'Not_Here is not in this set.',
    );
  });
});
