import { describe, expect, it } from 'vitest';
import { isEmptyDiff } from '../../../src/model/diff/index';
import { changesOf, fixturePair } from './helpers';

const NO_NODES = { added: 0, removed: 0, changed: 0, renamed: 0 };

describe('hand-written diff fixtures: exact diffs', () => {
  it('renamed-element: a renamed assignment (new label too) is one renamed node; its connectors are removed and added by name, drawn once', () => {
    const { diff } = fixturePair('renamed-element');
    expect(changesOf(diff)).toEqual({
      nodes: [
        {
          id: 'Apply_Discount',
          type: 'assignments',
          label: 'Apply Discount',
          status: 'renamed',
          renamedFrom: 'Set_Discount',
          changes: [{ path: 'label', before: 'Set Discount', after: 'Apply Discount' }],
        },
      ],
      edges: [
        'added Apply_Discount -> Update_Opportunity next',
        'added Check_Amount -> Apply_Discount outcome[Big_Deal]',
        'removed Check_Amount -> Set_Discount outcome[Big_Deal]',
        'removed Set_Discount -> Update_Opportunity next',
      ],
      rewired: [],
      resources: [],
      properties: [],
    });
    expect(diff.summary).toEqual({
      nodes: { ...NO_NODES, renamed: 1, unchanged: 5 },
      edges: { added: 2, removed: 2 },
      // Both connectors of the renamed element are the same connectors: no change, two that follow the rename.
      connectors: { added: 0, removed: 0, rewired: 0, relabelled: 0, followRename: 2 },
      resources: { added: 0, removed: 0, changed: 0, renamed: 0 },
      properties: 0,
    });
    // In the picture the rename is one node and its connectors did not change.
    expect(diff.graph.nodes.find((n) => n.id === 'Apply_Discount')).toMatchObject({
      status: 'renamed',
      renamedFrom: 'Set_Discount',
    });
    expect(diff.graph.nodes.map((n) => n.id)).not.toContain('Set_Discount');
    expect(diff.graph.edges.every((e) => e.status === 'unchanged')).toBe(true);
    expect(diff.connectors).toEqual([]);
    expect(diff.graph.nodes.find((n) => n.id === 'Apply_Discount')).toMatchObject({
      beforeId: 'Set_Discount',
      afterId: 'Apply_Discount',
      labelBefore: 'Set Discount',
    });
  });

  it('rewired-outcome: one outcome now goes elsewhere: an edge removed, one added, one rewire; no element changed', () => {
    const { diff } = fixturePair('rewired-outcome');
    expect(changesOf(diff)).toEqual({
      nodes: [],
      edges: [
        'added Check_Amount -> Create_Follow_Up outcome[Risky_Deal]',
        'removed Check_Amount -> Flag_For_Review outcome[Risky_Deal]',
      ],
      rewired: [
        {
          source: 'Check_Amount',
          kind: 'outcome',
          key: 'Risky_Deal',
          label: 'Risky Deal',
          before: 'Flag_For_Review',
          after: 'Create_Follow_Up',
        },
      ],
      resources: [],
      properties: [],
    });
    expect(diff.graph.warnings).toEqual(['After: 1 element is not reachable from Start: Flag_For_Review.']);
  });

  it('changed-formula: a formula resource and a decision condition, by readable path', () => {
    const { diff } = fixturePair('changed-formula');
    expect(changesOf(diff)).toEqual({
      nodes: [
        {
          id: 'Check_Amount',
          type: 'decisions',
          label: 'Check Amount',
          status: 'changed',
          changes: [
            {
              path: 'rules[Big_Deal].conditions[0].rightValue',
              before: { numberValue: '1000000' },
              after: { numberValue: '500000' },
            },
          ],
        },
      ],
      edges: [],
      rewired: [],
      resources: [
        {
          id: 'DiscountedAmount',
          type: 'formulas',
          status: 'changed',
          changes: [{ path: 'expression', before: '{!$Record.Amount} * 0.9', after: '{!$Record.Amount} * 0.85' }],
        },
      ],
      properties: [],
    });
    expect(diff.summary.resources).toEqual({ added: 0, removed: 0, changed: 1, renamed: 0 });
  });

  it('added-fault-path: a new Custom Error and a fault connector to it; the updated element itself is unchanged', () => {
    const { diff } = fixturePair('added-fault-path');
    expect(changesOf(diff)).toEqual({
      nodes: [
        { id: 'Report_Update_Error', type: 'customErrors', label: 'Report Update Error', status: 'added', changes: [] },
      ],
      edges: ['added Update_Opportunity -> Report_Update_Error fault'],
      rewired: [],
      resources: [],
      properties: [],
    });
    expect(diff.nodes.find((n) => n.id === 'Update_Opportunity')?.status).toBe('unchanged');
    expect(diff.graph.edges.filter((e) => e.status === 'added')).toEqual([
      expect.objectContaining({
        source: 'Update_Opportunity',
        target: 'Report_Update_Error',
        kind: 'fault',
        label: 'Fault',
        goTo: false,
      }),
    ]);
  });

  it('status-change: activation is one flow property; every coordinate moved, which is no change', () => {
    const { diff } = fixturePair('status-change');
    expect(changesOf(diff)).toEqual({
      nodes: [],
      edges: [],
      rewired: [],
      resources: [],
      properties: [{ path: 'status', before: 'Draft', after: 'Active' }],
    });
    expect(diff.summary.properties).toBe(1);
  });

  it('set-reorder: inputAssignments and flow processMetadataValues in another order are no change', () => {
    const { diff } = fixturePair('set-reorder');
    expect(isEmptyDiff(diff)).toBe(true);
    expect(changesOf(diff)).toEqual({ nodes: [], edges: [], rewired: [], resources: [], properties: [] });
  });
});
