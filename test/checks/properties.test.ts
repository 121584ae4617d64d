/** Properties of the checks over generated flows (test/support/generate.ts, mutate.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffFlows } from '../../src/model/diff/index';
import { buildGraph, elementIndex } from '../../src/model/graph';
import type { FlowDoc, FlowElement, Obj } from '../../src/model/types';
import { compareChecks, type Finding, runChecks } from '../../src/checks/index';
import { generateFlow } from '../support/generate';
import { mutateFlow } from '../support/mutate';
import { expectedFindings, readJson, readXml } from './independent';
import { docOf } from './run';

const sizes = fc.integer({ min: 3, max: 150 });
const seeds = fc.integer({ min: 1, max: 1_000_000 });
const check = (doc: FlowDoc) => runChecks(doc, buildGraph(doc));
const ACCEPTANCE = new Set(['dml-in-loop', 'soql-in-loop', 'missing-fault-path']);
const key = (f: { rule: string; element: string; detail?: string }) => `${f.rule} ${f.element} ${f.detail ?? ''}`;
const only = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

/** A copy of the flow with a new element inserted on the connector `field` of `at` (or the start's). */
function insertOn(doc: FlowDoc, at: FlowElement | 'start', field: string, type: string, name: string): FlowDoc {
  const copy: FlowDoc = structuredClone(doc);
  const owner: Obj | undefined = at === 'start' ? copy.start : copy.elements[doc.elements.indexOf(at)]?.data;
  if (!owner) throw new Error('no owner');
  const old = owner[field] as Obj | undefined;
  owner[field] = { targetReference: name };
  const data: Obj = { name, label: name.replace(/_/g, ' ') };
  if (old) data.connector = old;
  copy.elements.push({ name, type, label: name.replace(/_/g, ' '), data });
  return copy;
}

describe('checks on generated flows', () => {
  it('agree with the independent reading of the XML and the Tooling JSON', () => {
    fc.assert(
      fc.property(sizes, seeds, (size, seed) => {
        const gen = generateFlow(size, seed);
        const ours = only3(check(docOf(gen.xml, `${gen.name}.flow-meta.xml`)));
        expect(ours).toEqual(expectedFindings(readXml(gen.xml)).map(key).sort());
        expect(only3(check(docOf(gen.json)))).toEqual(ours);
        expect(expectedFindings(readJson(gen.json)).map(key).sort()).toEqual(ours);
      }),
      { numRuns: 60 },
    );
  });

  it('find a DML element put first in a loop body, naming that loop, and never one put before everything', () => {
    fc.assert(
      fc.property(
        sizes,
        seeds,
        fc.constantFrom('recordCreates', 'recordUpdates', 'recordDeletes'),
        (size, seed, type) => {
          const doc = docOf(generateFlow(size, seed).xml);
          const loops = doc.elements.filter((e) => e.type === 'loops');
          fc.pre(loops.length > 0);
          const loop = loops[seed % loops.length] as FlowElement;
          const inside = only(check(insertOn(doc, loop, 'nextValueConnector', type, 'Inserted_DML')), 'dml-in-loop');
          const found = inside.filter((f) => f.element === 'Inserted_DML');
          expect(found).toHaveLength(1);
          expect(found[0]?.detail?.split(',')).toContain(loop.name);
          expect(found[0]?.message).toContain(`(${loop.name})`);
          const first = only(check(insertOn(doc, 'start', 'connector', type, 'Inserted_DML')), 'dml-in-loop');
          expect(first.filter((f) => f.element === 'Inserted_DML')).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('lose exactly the one missing-fault-path finding of an element that gets a fault connector', () => {
    fc.assert(
      fc.property(sizes, seeds, (size, seed) => {
        const doc = docOf(generateFlow(size, seed).xml);
        const missing = only(check(doc), 'missing-fault-path');
        fc.pre(missing.length > 0);
        const target = missing[seed % missing.length] as Finding;
        const copy: FlowDoc = structuredClone(doc);
        const el = copy.elements.find((e) => e.name === target.element) as FlowElement;
        el.data.faultConnector = { targetReference: doc.elements[0]?.name ?? 'X' };
        expect(only(check(copy), 'missing-fault-path')).toEqual(missing.filter((f) => f !== target));
      }),
      { numRuns: 60 },
    );
  });

  it('name only elements and resources the flow has, with their graph node', () => {
    fc.assert(
      fc.property(sizes, seeds, (size, seed) => {
        const doc = docOf(generateFlow(size, seed).xml);
        const index = elementIndex(doc);
        const nodes = new Set(buildGraph(doc).nodes.map((n) => n.id));
        const names = new Set([...doc.elements, ...doc.resources].map((x) => x.name));
        for (const f of check(doc)) {
          if (f.element !== '') expect(names.has(f.element)).toBe(true);
          if (f.node !== undefined) expect(nodes.has(f.node)).toBe(true);
          if (f.node !== undefined && f.node !== '$start') expect(index.elements.get(f.node)?.name).toBe(f.element);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('come in a stable order: the start, elements in document order, resources, then the flow', () => {
    fc.assert(
      fc.property(sizes, seeds, (size, seed) => {
        const doc = docOf(generateFlow(size, seed).xml);
        const findings = check(doc);
        const index = elementIndex(doc);
        const place = (f: Finding): number => {
          if (f.node === '$start' && f.element === '') return f.rule === 'trigger-without-criteria' ? 1e9 : -1;
          const el = f.node !== undefined ? index.elements.get(f.node) : undefined;
          if (el) return doc.elements.indexOf(el);
          const r = doc.resources.findIndex((x) => x.name === f.element);
          return r >= 0 ? 1e6 + r : 1e9;
        };
        const places = findings.map(place);
        expect(places).toEqual([...places].sort((a, b) => a - b));
        expect(check(doc)).toEqual(findings);
      }),
      { numRuns: 30 },
    );
  });

  it('compare a flow with itself as introducing and fixing nothing', () => {
    fc.assert(
      fc.property(sizes, seeds, (size, seed) => {
        const doc = docOf(generateFlow(size, seed).xml);
        const c = compareChecks(doc, doc, diffFlows(doc, doc));
        expect(c.introduced).toEqual([]);
        expect(c.fixed).toEqual([]);
        expect(c.remaining).toEqual(check(doc));
      }),
      { numRuns: 30 },
    );
  });

  it('follow renames: renaming elements (loops too) introduces and fixes nothing', () => {
    fc.assert(
      fc.property(sizes, seeds, fc.integer({ min: 1, max: 5 }), (size, seed, count) => {
        const doc = docOf(generateFlow(size, seed).xml);
        const { doc: renamed, expected } = mutateFlow(doc, count, seed, ['rename']);
        fc.pre(expected.renamed.length > 0);
        const c = compareChecks(doc, renamed, diffFlows(doc, renamed));
        expect(c.introduced).toEqual([]);
        expect(c.fixed).toEqual([]);
        expect(c.remaining.length).toBe(check(doc).length);
      }),
      { numRuns: 25 },
    );
  });

  it('work for an element named __proto__ (or constructor), as for any other name', () => {
    fc.assert(
      fc.property(sizes, seeds, fc.constantFrom('__proto__', 'constructor', 'toString'), (size, seed, odd) => {
        const gen = generateFlow(size, seed);
        const found = check(docOf(gen.xml)).filter((f) => f.element !== '' && f.node !== undefined);
        fc.pre(found.length > 0);
        const name = (found[seed % found.length] as Finding).element;
        const xml = gen.xml.replaceAll(`>${name}<`, `>${odd}<`);
        const plain = check(docOf(gen.xml)).map((f) => ({
          ...f,
          element: f.element === name ? odd : f.element,
          node: f.node === name ? odd : f.node,
          detail: f.detail
            ?.split(',')
            .map((d) => (d === name ? odd : d))
            .sort()
            .join(','),
        }));
        const strange = check(docOf(xml));
        expect(strange.map(key).sort()).toEqual(plain.map(key).sort());
        const own = strange.filter((f) => f.element === odd);
        expect(own.length).toBeGreaterThan(0);
        for (const f of own) expect(f.node).toBe(odd);
      }),
      { numRuns: 40 },
    );
  });
});

function only3(fs: Finding[]): string[] {
  return fs
    .filter((f) => ACCEPTANCE.has(f.rule))
    .map(key)
    .sort();
}
