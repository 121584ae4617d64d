import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createSetSearch } from '../../src/model/setSearch';
import { createSetEngine } from '../../src/sets/engine';
import { readFlowText, type SetEntry } from '../../src/sets/read';
import { generatedSet } from '../support/generateSet';

/** The set engine collects each flow's search entries while it parses: the search must be the one built after. */

const QUERIES = ['opportunity.stagename', 'send_email', 'Account', 'record', '$Record', 'flow_1', 'zzz-nothing'];

describe('the search the engine builds while it parses', () => {
  it('answers like a search built from the finished set, for texts, Blobs and a zip, before and after warm', async () => {
    const flows = generatedSet(60, 7);
    const zipped = flows.slice(40);
    const zip = zipSync(Object.fromEntries(zipped.map((f) => [f.path, strToU8(f.text)])));
    const engine = createSetEngine();
    await engine.open([
      ...flows.slice(0, 20).map((f) => ({ path: f.path, text: f.text })),
      ...flows.slice(20, 40).map((f) => ({ path: f.path, blob: new Blob([f.text]) })),
      { path: 'notes.md', text: 'not a flow' },
      { path: 'more.zip', blob: new Blob([zip]) },
    ]);
    const entries = flows.flatMap((f, i) => {
      const r = readFlowText(i >= 40 ? `more.zip/${f.path}` : f.path, f.text);
      return 'entry' in r ? [r.entry as SetEntry] : [];
    });
    expect(entries).toHaveLength(60);
    const after = createSetSearch(entries.map((e) => ({ name: e.name, label: e.doc.label, doc: e.doc })));
    // No warm: the first search joins what the parse collected.
    for (const q of QUERIES) expect(engine.search(q)).toEqual(after.search(q));
    engine.warm();
    for (const q of QUERIES) expect(engine.search(q, 7)).toEqual(after.search(q, { limit: 7 }));
    expect(engine.search('stagename').total).toBeGreaterThan(0);
  });

  it('a second set replaces the first: its search knows only its own flows', async () => {
    const engine = createSetEngine();
    const [a, b] = generatedSet(2, 3);
    if (!a || !b) throw new Error('two flows');
    await engine.open([{ path: a.path, text: a.text }]);
    expect(engine.search(a.name).groups.map((g) => g.flow)).toEqual([a.name]);
    await engine.open([{ path: b.path, text: b.text }]);
    expect(engine.search(a.name).groups.map((g) => g.flow)).not.toContain(a.name);
    expect(engine.search(b.name).groups.map((g) => g.flow)).toEqual([b.name]);
  });

  it('a cancelled open keeps the set before it, search included', async () => {
    const engine = createSetEngine();
    const [a, ...rest] = generatedSet(30, 4);
    await engine.open([{ path: a!.path, text: a!.text }]);
    let asked = 0;
    const open = engine.open(
      rest.map((f) => ({ path: f.path, text: f.text })),
      { cancelled: () => ++asked > 1 },
    );
    await expect(open).rejects.toMatchObject({ name: 'AbortError' });
    expect(engine.search(a!.name).groups.map((g) => g.flow)).toEqual([a!.name]);
  });
});
