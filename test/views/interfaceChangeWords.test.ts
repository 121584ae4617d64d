import { describe, expect, it } from 'vitest';
import type { InterfaceChange } from '../../src/model/interfaceChanges';
import { interfaceChangeLines } from '../../src/views/checks/interfaceChangeWords';

const v = (name: string, dataType = 'String', isInput = true) => ({
  name,
  dataType,
  isCollection: false,
  isInput,
  isOutput: !isInput,
});
const changes: InterfaceChange[] = [
  { variable: 'accountId', kinds: ['added'], after: v('accountId') },
  { variable: 'note', kinds: ['added'], after: v('note') },
  { variable: 'parentId', kinds: ['removed'], before: v('parentId') },
];

describe("a comparison's interface changes in words", () => {
  it('says removed and added apart when the diff paired no rename', () => {
    expect(interfaceChangeLines(changes).map((l) => [l.text, l.breaking])).toEqual([
      ['Input parentId removed', true],
      ['Input accountId added (Text)', false],
      ['Input note added (Text)', false],
    ]);
  });

  it('says a variable the diff renamed once, as renamed and breaking for callers (they pass the old name)', () => {
    const lines = interfaceChangeLines(changes, new Map([['accountId', 'parentId']]));
    expect(lines.map((l) => [l.text, l.breaking])).toEqual([
      ['Input parentId renamed to accountId', true],
      ['Input note added (Text)', false],
    ]);
  });

  it('names a retype that came with the rename', () => {
    const retyped: InterfaceChange[] = [
      { variable: 'total', kinds: ['added'], after: v('total', 'Currency', false) },
      { variable: 'amount', kinds: ['removed'], before: v('amount', 'Number', false) },
    ];
    const [line] = interfaceChangeLines(retyped, new Map([['total', 'amount']]));
    expect(line?.text).toBe('Output amount renamed to total (Number → Currency)');
  });
});
