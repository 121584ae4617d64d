import { describe, expect, it } from 'vitest';
import type { ChangeRow } from '../../../src/state/types';
import { connectorWords, elementWords } from '../../../src/views/changes/changeWords';

const row = (nodes: { added: number; removed: number; changed: number; renamed: number }): ChangeRow => ({
  name: 'Case_Flow',
  status: 'changed',
  summary: { nodes, edges: { added: 1, removed: 0 } },
  interface: [],
  callers: [],
});

describe('a change-set row in words', () => {
  it('counts elements added, removed, changed and renamed, and connectors', () => {
    expect(elementWords(row({ added: 2, removed: 1, changed: 3, renamed: 1 }))).toBe('+2 −1 ~3 1 renamed');
    expect(connectorWords(row({ added: 0, removed: 0, changed: 1, renamed: 0 }))).toBe('+1 −0');
  });

  it('says renames alone as renames, and a flow whose elements did not change as a dash', () => {
    expect(elementWords(row({ added: 0, removed: 0, changed: 0, renamed: 4 }))).toBe('4 renamed');
    expect(elementWords(row({ added: 0, removed: 0, changed: 0, renamed: 0 }))).toBe('—');
  });

  it('gives an added or removed flow its size', () => {
    expect(elementWords({ name: 'New_Flow', status: 'added', elements: 1, interface: [], callers: [] })).toBe(
      '1 element',
    );
  });
});
