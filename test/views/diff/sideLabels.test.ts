import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import { beforeLabels } from '../../../src/views/diff/sideLabels';

const sample = (f: string) => readFileSync(join(__dirname, '../../../src/samples', f), 'utf8');

describe('the Before side reads in the before version’s own words', () => {
  it('relabelled elements, outcomes and scheduled paths show their old labels; unchanged ones are left alone', async () => {
    const store = createAppStore();
    await store
      .getState()
      .compare(
        { text: sample('Opportunity_Review.flow-meta.xml'), source: { kind: 'file', name: 'a' } },
        { text: sample('Opportunity_Review.v2.flow-meta.xml'), source: { kind: 'file', name: 'b' } },
      );
    const c = store.getState().comparison!;
    const { nodes, edges } = beforeLabels(c);
    expect(nodes.get('Flag_Line_Item')).toBe('Flag Line');
    expect(nodes.has('Check_Amount')).toBe(false);
    const labelOf = (source: string, kind: string) => {
      const e = c.diff.graph.edges.find((x) => x.source === source && x.kind === kind && x.status !== 'added');
      return e ? edges.get(e.id) : 'no such edge';
    };
    expect(labelOf('Check_Amount', 'outcome')).toBe('Over 1M');
    expect(labelOf('$start', 'scheduledPath')).toBe('1 Day After Close');
    // An added element has no before label to show.
    expect(nodes.has('Notify_Owner')).toBe(false);
  });
});
