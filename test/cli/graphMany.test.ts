import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { mixedFolder } from '../support/generateSet';
import { fx, run } from './helpers';

interface Graph {
  file: string;
  name: string;
  flow: { name: string; label: string };
  nodes: { id: string }[];
  edges: unknown[];
  warnings: string[];
  interface: { inputs: unknown[]; outputs: unknown[] };
}

describe('flowscope graph of many flows', () => {
  const folder = mixedFolder(12);
  afterAll(() => folder.cleanup());

  it('one file prints the bare graph, as before', async () => {
    const r = await run('graph', fx('Opportunity_Review.flow-meta.xml'), '--json');
    expect(r.code).toBe(0);
    expect(Array.isArray(JSON.parse(r.out))).toBe(false);
  });

  it('a folder prints one JSON array of {file, name, ...graph, interface}, passing over files that are not flows', async () => {
    const r = await run('graph', folder.dir, '--json');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^note: .*sfdx-project\.json passed over: .*\n$/);
    const graphs = JSON.parse(r.out) as Graph[];
    expect(graphs).toHaveLength(12);
    expect(graphs[0]?.name).toBe('Set_Flow_0000');
    expect(graphs[0]?.file).toMatch(/force-app\/main\/default\/flows\/Set_Flow_0000\.flow-meta\.xml$/);
    expect(graphs[0]?.nodes[0]?.id).toBe('$start');
    expect(graphs.every((g) => g.flow.label.startsWith('Set flow'))).toBe(true);
    // Each flow's interface, the same as `index --json` says of it.
    const index = JSON.parse((await run('index', folder.dir, '--json')).out) as { flows: Graph[] };
    expect(graphs.map((g) => g.interface)).toEqual(index.flows.map((f) => f.interface));
    expect(graphs.some((g) => g.interface.inputs.length > 0)).toBe(true);
  });

  it('several files and a zip in one run; each flow’s summary under its file without --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowscope-graph-'));
    const zip = join(dir, 'package.zip');
    const xml = `<?xml version="1.0"?><Flow xmlns="http://soap.sforce.com/2006/04/metadata"><label>Zipped</label></Flow>`;
    writeFileSync(zip, zipSync({ 'flows/Zipped.flow-meta.xml': strToU8(xml) }));
    const r = await run('graph', fx('Opportunity_Review.flow-meta.xml'), zip);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^== .*Opportunity_Review\.flow-meta\.xml\nOpportunity <Review>/);
    expect(r.out).toMatch(/== .*package\.zip\/flows\/Zipped\.flow-meta\.xml\nZipped \(Zipped\)/);
  });

  it('reports files it cannot read or parse and exits 1, after printing the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowscope-graph-'));
    const broken = join(dir, 'Broken.flow-meta.xml');
    writeFileSync(broken, '<Flow><label>oops');
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'hello');
    const r = await run('graph', fx('Opportunity_Review.flow-meta.xml'), broken, notes, '--json');
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as Graph[]).map((g) => g.name)).toEqual(['Opportunity_Review']);
    expect(r.err).toContain('Broken.flow-meta.xml: ');
    expect(r.err).toContain('notes.txt: not a flow file');
    const missing = await run('graph', fx('Opportunity_Review.flow-meta.xml'), join(dir, 'nope.flow-meta.xml'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read .*nope\.flow-meta\.xml: ENOENT/);
  });

  it('says so in the help', async () => {
    expect((await run('help')).out).toMatch(/graph PATH… \[--json\]/);
  });
});

describe('flowscope graph of a folder with links in it', () => {
  const folder = mixedFolder(3);
  afterAll(() => folder.cleanup());

  it('passes over a link to a folder with a note (exit 0) and draws a linked flow file', async () => {
    const flows = join(folder.dir, 'force-app', 'main', 'default', 'flows');
    symlinkSync(folder.dir, join(flows, 'back-to-root'));
    symlinkSync(join(flows, 'Set_Flow_0000.flow-meta.xml'), join(folder.dir, 'Linked.flow-meta.xml'));
    const r = await run('graph', folder.dir, '--json');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/note: .*back-to-root passed over: a link to a folder/);
    expect((JSON.parse(r.out) as Graph[]).map((g) => g.name)).toContain('Linked');
  });
});
