import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexSet } from '../../src/model/set';
import { readFlowText, readFlowTexts } from '../../src/sets/read';

const record = (fullName: string, metadata: object = {}) =>
  JSON.stringify({
    attributes: { type: 'Flow' },
    Id: '301000000000001AAA',
    FullName: fullName,
    Metadata: { label: 'A flow', processType: 'AutoLaunchedFlow', ...metadata },
  });

const caller = (callee: string) => `<?xml version="1.0" encoding="UTF-8"?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Caller</label>
    <subflows><name>Call_It</name><label>Call it</label><locationX>0</locationX><locationY>0</locationY>
        <flowName>${callee}</flowName></subflows>
</Flow>`;

const nameOf = (file: string, text: string) => {
  const r = readFlowText(file, text);
  return 'entry' in r ? r.entry.name : r.skip.reason;
};

describe('the API name of a flow read into a set', () => {
  it('drops the version a Tooling FullName carries (`Name-3`), so a call to `Name` resolves', () => {
    expect(nameOf('versions/Tool_Flow.json', record('Tool_Flow-3'))).toBe('Tool_Flow');
    expect(nameOf('x.json', record('ns__Packaged_Flow-12'))).toBe('ns__Packaged_Flow');
    const read = readFlowTexts([
      { file: 'flows/Caller.flow-meta.xml', text: caller('Tool_Flow') },
      { file: 'org/301000000000001AAA.json', text: record('Tool_Flow-3') },
    ]);
    const index = indexSet(read.entries, read.skipped);
    expect(index.flows.map((f) => f.name)).toEqual(['Caller', 'Tool_Flow']);
    expect(index.calls).toEqual([{ caller: 'Caller', element: 'Call_It', callee: 'Tool_Flow', resolved: true }]);
  });

  it('keeps a FullName without a version as it is, whatever the name (property)', () => {
    const apiName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,30}$/);
    fc.assert(
      fc.property(apiName, fc.integer({ min: 1, max: 999 }), (name, version) => {
        expect(nameOf('a.json', record(name))).toBe(name);
        expect(nameOf('a.json', record(`${name}-${version}`))).toBe(name);
      }),
    );
  });

  it('a Metadata XML file keeps its file name as the API name, whatever its label says', () => {
    expect(nameOf('flows/File_Name.flow-meta.xml', caller('X'))).toBe('File_Name');
    expect(nameOf('unpackaged/flows/Old_Flow.flow', caller('X'))).toBe('Old_Flow');
  });
});

describe('a Tooling query result holding several records', () => {
  const query = (...records: { FullName: string; VersionNumber?: number; label: string }[]) =>
    JSON.stringify({
      size: records.length,
      totalSize: records.length,
      done: true,
      records: records.map((r) => ({
        FullName: r.FullName,
        VersionNumber: r.VersionNumber,
        Metadata: { label: r.label, processType: 'AutoLaunchedFlow' },
      })),
    });

  it('lists each flow it holds, none dropped; each opens as itself', () => {
    const read = readFlowTexts([
      {
        file: 'org/flows.json',
        text: query({ FullName: 'One', label: 'First' }, { FullName: 'Two', label: 'Second' }),
      },
    ]);
    expect(read.entries.map((e) => [e.name, e.doc.label, e.file])).toEqual([
      ['One', 'First', 'org/flows.json'],
      ['Two', 'Second', 'org/flows.json'],
    ]);
    expect(read.skipped).toEqual([]);
    // The text the page opens for the second flow is that flow, not the file's first record.
    const second = readFlowText('Two.json', read.entries[1]?.text ?? '');
    expect('entry' in second && second.entry.doc.label).toBe('Second');
  });

  it('reads one version of a flow and lists the other versions of it as skipped, with why', () => {
    const read = readFlowTexts([
      {
        file: 'versions.json',
        text: query(
          { FullName: 'Same-2', VersionNumber: 2, label: 'v2' },
          { FullName: 'Same-1', VersionNumber: 1, label: 'v1' },
        ),
      },
    ]);
    expect(read.entries.map((e) => [e.name, e.doc.label])).toEqual([['Same', 'v2']]);
    expect(read.skipped).toEqual([
      { file: 'versions.json', reason: 'another version of Same (version 1): one is read' },
    ]);
  });
});

describe('a query result with a record that has no Metadata', () => {
  it('lists that record as skipped (never dropped) and opens the first as its own record', () => {
    const text = JSON.stringify({
      records: [
        { FullName: 'Good', Metadata: { label: 'Good', processType: 'Flow' } },
        { FullName: 'Bare', Id: '301' },
      ],
    });
    const read = readFlowTexts([{ file: 'q.json', text }]);
    expect(read.entries.map((e) => e.name)).toEqual(['Good']);
    expect(read.skipped).toEqual([{ file: 'q.json', reason: expect.stringMatching(/^Bare: .*no Metadata/) }]);
    expect(JSON.parse(read.entries[0]?.text ?? '')).toEqual({
      FullName: 'Good',
      Metadata: { label: 'Good', processType: 'Flow' },
    });
  });
});

describe('a name that only looks like a version', () => {
  it('a share link’s own payload (no Id, no version) keeps its FullName as given', async () => {
    const { parseFlow } = await import('../../src/model/parse/index');
    const parsed = parseFlow(JSON.stringify({ FullName: 'My_Flow_with_Toast-1', Metadata: { label: 'x' } }));
    expect(parsed.ok && parsed.doc.name).toBe('My_Flow_with_Toast-1');
  });
});
