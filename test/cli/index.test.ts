import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { indexSet, parseFlow, type SetIndex } from '../../src/index';
import { CORPUS, corpusFiles, flowFileName } from '../helpers/corpus';

const run = async (...argv: string[]) => {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
};

/** What an independent reading of one Metadata XML file finds: canvas elements and Subflow calls. */
const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: () => true });
function readIndependently(text: string) {
  const flow = (xml.parse(text).Flow?.[0] ?? {}) as Record<string, Record<string, unknown[]>[]>;
  let elements = 0;
  const calls: { element: string; callee: string }[] = [];
  for (const [key, items] of Object.entries(flow)) {
    if (key === 'start' || !Array.isArray(items)) continue;
    for (const item of items) {
      if (typeof item !== 'object' || !item || !('name' in item)) continue;
      if (!('locationX' in item) && !('connector' in item)) continue;
      elements++;
      if (key === 'subflows') calls.push({ element: String(item.name?.[0]), callee: String(item.flowName?.[0] ?? '') });
    }
  }
  return { elements, calls };
}

const REPO = 'SalesforceLabs__AnimalShelterStarter__';
let dir: string;
let copies: string[];
beforeAll(() => {
  // A project: one repository's flows under their own API names (so its subflow calls resolve), nested as
  // sfdx keeps them, with files that are not flows mixed in.
  dir = mkdtempSync(join(tmpdir(), 'flowscope-set-'));
  const flows = join(dir, 'force-app', 'main', 'default', 'flows');
  mkdirSync(flows, { recursive: true });
  copies = corpusFiles('flows').filter((f) => f.startsWith(REPO));
  for (const f of copies) copyFileSync(join(CORPUS, 'flows', f), join(flows, flowFileName(f)));
  writeFileSync(join(dir, 'README.md'), '# a project\n');
  writeFileSync(join(flows, 'notes.txt'), 'not a flow');
  writeFileSync(join(flows, 'Broken.flow-meta.xml'), '<Flow><label>broken');
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('flowscope index', () => {
  it('lists every flow of a project folder, at any depth, with the skipped files and why', async () => {
    const r = await run('index', dir, '--json');
    expect(r.code).toBe(0);
    const index = JSON.parse(r.out) as SetIndex;
    expect(index.flows.map((f) => f.name).sort()).toEqual(
      copies.map((f) => flowFileName(f).replace(/\.flow-meta\.xml$/, '')).sort(),
    );
    const skipped = new Map(index.skipped.map((s) => [s.file.split('/').pop(), s.reason]));
    expect([...skipped.keys()].sort()).toEqual(['Broken.flow-meta.xml', 'README.md', 'notes.txt']);
    expect(skipped.get('README.md')).toBe('not a flow file');
    expect(skipped.get('Broken.flow-meta.xml')).not.toBe('not a flow file');
  });

  it('agrees with an independent reading of every file: element counts and subflow calls, resolved in the set', async () => {
    const index = JSON.parse((await run('index', dir, '--json')).out) as SetIndex;
    const names = new Set(index.flows.map((f) => f.name));
    for (const f of copies) {
      const name = flowFileName(f).replace(/\.flow-meta\.xml$/, '');
      const mine = index.flows.find((x) => x.name === name);
      const theirs = readIndependently(readFileSync(join(CORPUS, 'flows', f), 'utf8'));
      expect(mine?.elements, name).toBe(theirs.elements);
      const calls = index.calls.filter((c) => c.caller === name).map(({ element, callee }) => ({ element, callee }));
      expect(calls, name).toEqual(theirs.calls);
    }
    expect(index.calls.length).toBeGreaterThan(10);
    for (const c of index.calls) expect(c.resolved).toBe(names.has(c.callee));
    // This repository's subflows are all in it.
    expect(index.calls.filter((c) => c.resolved).length).toBeGreaterThan(index.calls.length / 2);
  });

  it("says a record-triggered flow's object, timing, events and order; null for a flow without an object", () => {
    const flow = (start: string, extra = '') =>
      parseFlow(
        `<Flow xmlns="http://soap.sforce.com/2006/04/metadata"><label>T</label><processType>AutoLaunchedFlow</processType>` +
          `${start}<status>Active</status>${extra}<variables><name>recordId</name><dataType>String</dataType>` +
          '<isCollection>false</isCollection><isInput>true</isInput><isOutput>false</isOutput></variables></Flow>',
        { fileName: 'T.flow-meta.xml' },
      );
    const triggered = flow(
      '<start><locationX>0</locationX><locationY>0</locationY><object>Case</object>' +
        '<recordTriggerType>CreateAndUpdate</recordTriggerType><triggerType>RecordAfterSave</triggerType></start>',
      '<triggerOrder>10</triggerOrder>',
    );
    const plain = flow('<start><locationX>0</locationX><locationY>0</locationY></start>');
    if (!triggered.ok || !plain.ok) throw new Error('fixtures parse');
    const index = indexSet([
      { file: 'a/T.flow-meta.xml', doc: triggered.doc },
      { file: 'b/P.flow-meta.xml', doc: plain.doc, name: 'P' },
    ]);
    expect(index.flows[0]?.trigger).toEqual({
      object: 'Case',
      type: 'RecordAfterSave',
      when: 'CreateAndUpdate',
      order: 10,
    });
    expect(index.flows[0]?.interface.inputs).toEqual([{ name: 'recordId', dataType: 'String', isCollection: false }]);
    expect(index.flows[1]?.trigger).toBeNull();
  });

  it('a call resolves exactly when the set has a flow of that name (property, `__proto__` names too)', () => {
    const name = fc.constantFrom('Alpha', 'Beta', 'Gamma', '__proto__', 'constructor', 'Missing_One');
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 1, maxLength: 4 }),
        fc.array(name, { maxLength: 6 }),
        (flows, callees) => {
          const subflows = callees
            .map(
              (c, i) =>
                `<subflows><name>Call_${i}</name><label>Call ${i}</label><locationX>0</locationX><locationY>0</locationY>` +
                `<flowName>${c}</flowName></subflows>`,
            )
            .join('');
          const entries = flows.map((n, i) => {
            const p = parseFlow(
              `<Flow xmlns="http://soap.sforce.com/2006/04/metadata"><label>${n}</label>${i === 0 ? subflows : ''}</Flow>`,
              { fileName: `${n}.flow-meta.xml` },
            );
            if (!p.ok) throw new Error(p.error.message);
            return { file: `${n}.flow-meta.xml`, doc: p.doc, name: n };
          });
          const index = indexSet(entries);
          expect(index.calls.map((c) => c.callee)).toEqual(callees);
          for (const c of index.calls) expect(c.resolved).toBe((flows as string[]).includes(c.callee));
        },
      ),
    );
  });

  it('reads the flows inside a zip (a retrieved package), beside folders, under the zip’s name', async () => {
    const flows = join(dir, 'force-app', 'main', 'default', 'flows');
    const entries: Record<string, Uint8Array> = {};
    for (const f of copies.slice(0, 3))
      entries[`unpackaged/flows/${flowFileName(f)}`] = readFileSync(join(flows, flowFileName(f)));
    entries['unpackaged/package.xml'] = strToU8('<Package/>');
    const zip = join(tmpdir(), `flowscope-set-${process.pid}.zip`);
    writeFileSync(zip, zipSync(entries));
    try {
      const index = JSON.parse((await run('index', zip, '--json')).out) as SetIndex;
      expect(index.flows.map((f) => f.name).sort()).toEqual(
        copies
          .slice(0, 3)
          .map((f) => flowFileName(f).replace(/\.flow-meta\.xml$/, ''))
          .sort(),
      );
      expect(index.flows[0]?.file).toMatch(/\.zip\/unpackaged\/flows\//);
      expect(index.skipped.map((s) => s.reason)).toEqual(['not a flow file']);
    } finally {
      rmSync(zip, { force: true });
    }
  });

  it('bad usage exits 2; a path that does not exist exits 1', async () => {
    expect((await run('index')).code).toBe(2);
    expect((await run('index', join(dir, 'nope'))).code).toBe(1);
  });
});

describe('flowscope index: links inside a project folder', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'flowscope-links-'));
    const flows = join(root, 'flows');
    mkdirSync(flows);
    const one = corpusFiles('flows').find((f) => f.startsWith(REPO)) as string;
    copyFileSync(join(CORPUS, 'flows', one), join(flows, 'Real_Flow.flow-meta.xml'));
    symlinkSync(join(flows, 'Real_Flow.flow-meta.xml'), join(root, 'Linked_Flow.flow-meta.xml'));
    symlinkSync(flows, join(root, 'linked-folder'));
    symlinkSync(join(root, 'nowhere'), join(root, 'Dangling.flow-meta.xml'));
    symlinkSync(root, join(flows, 'loop'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads a link to a flow file as that flow, and lists links to folders and broken links as skipped', async () => {
    const r = await run('index', root, '--json');
    expect(r.code).toBe(0);
    const index = JSON.parse(r.out) as SetIndex;
    expect(index.flows.map((f) => f.name).sort()).toEqual(['Linked_Flow', 'Real_Flow']);
    const skipped = new Map(index.skipped.map((s) => [s.file.split('/').pop(), s.reason]));
    expect([...skipped.keys()].sort()).toEqual(['Dangling.flow-meta.xml', 'linked-folder', 'loop']);
    expect(skipped.get('linked-folder')).toMatch(/link to a folder/);
    expect(skipped.get('Dangling.flow-meta.xml')).toMatch(/broken link/);
  });
});
