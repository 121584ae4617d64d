// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderDocs } from '../../../src/cli/render';
import { startLine } from '../../../src/describe/startLine';
import { layoutGraph } from '../../../src/layout/index';
import { createAppStore } from '../../../src/state/store';
import { FlowCanvas } from '../../../src/views/canvas/FlowCanvas';
import { StoreContext } from '../../../src/views/storeContext';
import { fixture } from '../../helpers/fixtures';
import { stubResizeObserver } from '../../helpers/reactFlow';

beforeAll(stubResizeObserver);
afterEach(cleanup);

const FLOWS: [string, string][] = [
  ['record-triggered', fixture('Opportunity_Review.flow-meta.xml')],
  ['screen', readFileSync(join(__dirname, '../../../src/samples/Case_Triage.flow-meta.xml'), 'utf8')],
];

describe('the canvas Start card and `flowscope render` say the same thing', () => {
  it.each(FLOWS)('%s flow', async (_, text) => {
    const store = createAppStore();
    store.getState().load(text, { kind: 'file', name: 'f.flow-meta.xml' });
    const flow = store.getState().flow!;
    const line = startLine(flow.doc) as string;
    render(
      <StoreContext.Provider value={store}>
        <div style={{ width: 1200, height: 800 }}>
          <FlowCanvas doc={flow.doc} graph={flow.graph} layout={await layoutGraph(flow.graph)} />
        </div>
      </StoreContext.Provider>,
    );
    const card = document.querySelector('[data-node-id="$start"] .fs-node-type');
    expect(card?.textContent).toBe(line);
    // The SVG wraps the same text onto the card's lines (and may cut its end with "…").
    const svg = await renderDocs(flow.doc, undefined);
    expect(svg).toContain(`>${line.split(' ').slice(0, 3).join(' ')}`);
  });
});
