import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildGraph } from '../../src/model/graph';
import { freeFormXml, generateFlow } from '../support/generate';
import { docToMetadata, shareableDoc } from '../../src/share/metadata';
import { corpusFiles, flowFileName, readCorpus } from '../helpers/corpus';
import { autoLayout, parse } from './helpers';

// Wrapped as a Tooling record: FullName carries the API name, and an empty draft's `{}` still reads as a flow
// (a bare object is recognised by its metadata keys, which an empty flow has none of).
const reparse = (doc: ReturnType<typeof parse>) =>
  parse(JSON.stringify({ FullName: doc.name, Metadata: docToMetadata(doc) }));

describe('docToMetadata', () => {
  it('parses back to an equal FlowDoc (generated flows, XML and JSON)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 1e6 }), (size, seed) => {
        const g = generateFlow(size, seed);
        for (const text of [g.xml, g.json]) {
          const doc = parse(text, `${g.name}.flow-meta.xml`);
          expect(reparse(doc)).toEqual(doc);
          // The bare Metadata object reads back too (named by the file name, as a pasted Metadata object is).
          expect(parse(JSON.stringify(docToMetadata(doc)), `${g.name}.json`)).toEqual(doc);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('parses back to an equal FlowDoc for every corpus flow, and stripped docs keep their graph', () => {
    for (const file of corpusFiles('flows')) {
      const doc = parse(readCorpus('flows', file), flowFileName(file));
      expect(reparse(doc), file).toEqual(doc);
      const stripped = shareableDoc(doc);
      expect(reparse(stripped), file).toEqual(stripped);
      expect(buildGraph(stripped), file).toEqual(buildGraph(doc));
    }
  });
});

describe('shareableDoc', () => {
  it('drops an Auto-Layout flow’s element and start coordinates and nothing else', () => {
    const doc = parse(autoLayout(generateFlow(30, 7).xml), 'Gen.flow-meta.xml');
    const stripped = shareableDoc(doc);
    expect(JSON.stringify(stripped)).not.toMatch(/location[XY]/);
    const put = (o: object) => JSON.stringify(o, (k, v) => (k === 'locationX' || k === 'locationY' ? undefined : v));
    expect(put(stripped)).toBe(put(doc));
  });

  it('keeps a free-form flow’s coordinates: its saved positions are a layout', () => {
    const doc = parse(freeFormXml(generateFlow(30, 7).xml), 'Gen.flow-meta.xml');
    expect(shareableDoc(doc)).toEqual(doc);
  });

  it('keeps the coordinates that make an unknown array a list of elements', () => {
    const xml = `<?xml version="1.0"?><Flow xmlns="http://soap.sforce.com/2006/04/metadata"><label>U</label>
      <processMetadataValues><name>CanvasMode</name><value><stringValue>AUTO_LAYOUT_CANVAS</stringValue></value>
      </processMetadataValues>
      <start><locationX>1</locationX><locationY>2</locationY></start>
      <futureThings><name>F1</name><label>Future</label><locationX>10</locationX><locationY>20</locationY></futureThings></Flow>`;
    const doc = parse(xml, 'U.flow-meta.xml');
    expect(doc.elements.map((e) => e.type)).toEqual(['futureThings']);
    const stripped = shareableDoc(doc);
    expect(reparse(stripped).elements.map((e) => e.type)).toEqual(['futureThings']);
    // A start holding only coordinates would vanish (and Start with it) if they were dropped.
    expect(reparse(stripped).start).toBeDefined();
    expect(buildGraph(reparse(stripped))).toEqual(buildGraph(doc));
  });
});
