import { describe, expect, it } from 'vitest';
import { diffFlows } from '../../../src/model/diff/index';
import type { FlowDiff } from '../../../src/model/diff/types';
import { buildGraph } from '../../../src/model/graph';
import { corpusFiles, corpusPairs, flowFileName, readCorpus } from '../../helpers/corpus';
import { parseDoc } from './helpers';
import { readDiff } from './mirror';
import { expectConsistent, expectEmpty, moveCoordinates } from './expect';
import { rawDiff } from './rawDiff';

const pairs = corpusPairs().map((dir) => {
  const text = { a: readCorpus(`pairs/${dir}`, 'a.flow-meta.xml'), b: readCorpus(`pairs/${dir}`, 'b.flow-meta.xml') };
  return { dir, text, a: parseDoc(text.a, 'a.flow-meta.xml'), b: parseDoc(text.b, 'b.flow-meta.xml') };
});

/** The XML with each old name, where it is a whole value, a value's head (`Old.Field`) or a merge field, made new. */
function renameInXml(xml: string, renames: ReadonlyMap<string, string>): string {
  let out = xml;
  for (const [from, to] of renames)
    out = out.replace(new RegExp(`(>|\\{!)${from}(?=[<.}])`, 'g'), (_m, lead: string) => `${lead}${to}`);
  return out;
}

describe('every corpus version pair', () => {
  it('finds the pairs', () => expect(pairs.length).toBeGreaterThanOrEqual(70));

  it.each(pairs.map((p) => [p.dir, p] as const))(
    '%s: agrees with an independent raw-XML reading, mirrors, and is consistent',
    (_dir, p) => {
      const d = diffFlows(p.a, p.b);
      // A renamed resource's references are renamed with it: the raw reading sees the before text so renamed.
      const renames = new Map(d.resources.flatMap((r) => (r.renamedFrom ? [[r.renamedFrom, r.id] as const] : [])));
      const raw = rawDiff(renameInXml(p.text.a, renames), p.text.b);
      const key = (type: string, id: string) => (id === '$start' ? '$start' : `${type}:${id}`);
      const ids = (statuses: string[], name: (n: FlowDiff['nodes'][number]) => string) =>
        d.nodes
          .filter((n) => statuses.includes(n.status))
          .map((n) => key(n.type, name(n)))
          .sort();
      // Renames count as removed + added by name, as in the raw reading.
      expect(ids(['added', 'renamed'], (n) => n.id)).toEqual(raw.added);
      expect(ids(['removed', 'renamed'], (n) => n.renamedFrom ?? n.id)).toEqual(raw.removed);
      expect(ids(['changed'], (n) => n.id)).toEqual(raw.changed);
      const edges = (s: string) =>
        d.edges
          .filter((e) => e.status === s)
          .map((e) => `${e.source}>${e.target} ${e.kind}`)
          .sort();
      expect(edges('added')).toEqual(raw.edgesAdded);
      expect(edges('removed')).toEqual(raw.edgesRemoved);

      expect(readDiff(diffFlows(p.b, p.a), true)).toEqual(readDiff(d, false));
      expectConsistent(d, p.a, p.b);
    },
  );

  it('the pairs exercise every part of the diff', () => {
    const total = { renamed: 0, rewired: 0, changed: 0, added: 0, removed: 0, resources: 0, properties: 0 };
    for (const p of pairs) {
      const d = diffFlows(p.a, p.b);
      total.renamed += d.summary.nodes.renamed;
      total.changed += d.summary.nodes.changed;
      total.added += d.summary.nodes.added;
      total.removed += d.summary.nodes.removed;
      total.rewired += d.rewired.length;
      total.resources += d.summary.resources.added + d.summary.resources.removed + d.summary.resources.changed;
      total.properties += d.summary.properties;
    }
    for (const v of Object.values(total)) expect(v).toBeGreaterThan(5);
  });
});

describe('every corpus flow against itself', () => {
  it.each(corpusFiles('flows'))('%s: diff(a, a) and a coordinates-only change are empty', (file) => {
    const doc = parseDoc(readCorpus('flows', file), flowFileName(file));
    const n = buildGraph(doc).nodes.length;
    expectEmpty(diffFlows(doc, structuredClone(doc)), n);
    expectEmpty(diffFlows(doc, moveCoordinates(doc, 40)), n);
  });
});
