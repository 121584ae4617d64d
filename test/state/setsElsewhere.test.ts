import { describe, expect, it } from 'vitest';
import { selectSetFlowShown } from '../../src/state/setShown';
import { createAppStore } from '../../src/state/store';
import { fakeRepo, flowXml, setDeps } from './setsFakes';

/**
 * A flow (or a comparison) opened from elsewhere — a sample, a file, a paste, the org — while a set is open:
 * it comes on screen (the set's list does not hide it), it is not taken for one of the set's flows (no
 * breadcrumb of the set's flow it replaced, no "Called by" for it), and the set stays one click away.
 */
const files = () => [
  { path: 'flows/Parent.flow-meta.xml', file: new File([flowXml('Parent', ['Child'])], 'a') },
  { path: 'flows/Child.flow-meta.xml', file: new File([flowXml('Child')], 'b') },
];
async function openFolder() {
  const store = createAppStore(setDeps(fakeRepo([])).deps);
  await store.getState().openSet({ kind: 'folder', name: 'flows', files: files() });
  return store;
}
const other = { text: flowXml('From elsewhere'), source: { kind: 'file' as const, name: 'Other.flow-meta.xml' } };

describe('a flow opened from elsewhere while a set is open', () => {
  it('over the set’s list: the flow comes on screen, the set stays open behind a bar without a flow of it', async () => {
    const store = await openFolder();
    expect(store.getState().load(other.text, other.source)).toBe(true);
    expect(store.getState().flow?.doc.label).toBe('From elsewhere');
    expect(store.getState().set).toMatchObject({ status: 'ready', listing: false, path: [] });
    expect(selectSetFlowShown(store.getState())).toBeUndefined();
    store.getState().showSetList();
    expect(store.getState().set).toMatchObject({ listing: true });
  });

  it('over one of the set’s flows: it is not taken for that flow; the breadcrumb leads back to it', async () => {
    const store = await openFolder();
    await store.getState().openSetFlow('Parent');
    await store.getState().openSetFlow('Child', { from: 'drill' });
    expect(selectSetFlowShown(store.getState())).toBe('Child');
    expect(store.getState().load(other.text, other.source)).toBe(true);
    expect(store.getState().flow?.doc.label).toBe('From elsewhere');
    expect(selectSetFlowShown(store.getState())).toBeUndefined();
    expect(await store.getState().setBreadcrumb(1)).toBe(true);
    expect(selectSetFlowShown(store.getState())).toBe('Child');
  });

  it('a comparison over the list comes on screen; over a set flow, closing it brings back that flow and its path', async () => {
    const store = await openFolder();
    const before = { text: flowXml('Before'), source: { kind: 'file' as const, name: 'a.flow-meta.xml' } };
    const after = { text: flowXml('After', ['Child']), source: { kind: 'file' as const, name: 'b.flow-meta.xml' } };
    expect(await store.getState().compare(before, after)).toBe(true);
    expect(store.getState().set).toMatchObject({ listing: false, path: [] });

    await store.getState().openSetFlow('Parent');
    await store.getState().openSetFlow('Child', { from: 'drill' });
    expect(await store.getState().compareWith(after)).toBe(true);
    expect(store.getState().set?.path).toEqual(['Parent', 'Child']);
    expect(selectSetFlowShown(store.getState())).toBeUndefined();
    store.getState().closeComparison();
    expect(store.getState().flow?.doc.label).toBe('Child');
    expect(selectSetFlowShown(store.getState())).toBe('Child');
    expect(store.getState().set).toMatchObject({ listing: false, path: ['Parent', 'Child'] });
    expect(await store.getState().setBreadcrumb(0)).toBe(true);
    expect(store.getState().flow?.doc.label).toBe('Parent');
  });

  it('over a set that failed to open: the flow comes on screen and the failed set is closed', async () => {
    const repo = fakeRepo([]);
    repo.mode = 'private';
    const store = createAppStore(setDeps(repo).deps);
    await store.getState().openSet({ kind: 'repo', url: 'https://github.com/acme/crm/tree/main/force-app' });
    expect(store.getState().set?.status).toBe('error');
    expect(store.getState().load(other.text, other.source)).toBe(true);
    expect(store.getState().set).toBeUndefined();
    expect(store.getState().flow?.doc.label).toBe('From elsewhere');
  });
});

describe('a subflow followed from a flow opened from elsewhere', () => {
  it('starts the breadcrumb at the called flow, not after the set flow the other one replaced', async () => {
    const store = await openFolder();
    await store.getState().openSetFlow('Parent');
    const caller = {
      text: flowXml('Sample', ['Child']),
      source: { kind: 'file' as const, name: 'Sample.flow-meta.xml' },
    };
    store.getState().load(caller.text, caller.source);
    expect(await store.getState().openSetFlow('Child', { from: 'drill' })).toBe(true);
    expect(store.getState().set?.path).toEqual(['Child']);
    expect(selectSetFlowShown(store.getState())).toBe('Child');
  });
});

describe('a Tooling record whose FullName carries its version', () => {
  it('is the set’s flow under its name without the version, once opened from the list', async () => {
    const record = JSON.stringify({
      Id: '301000000000003AAA',
      VersionNumber: 3,
      FullName: 'Child-3',
      Metadata: { label: 'Child v3', processType: 'AutoLaunchedFlow' },
    });
    // The real set reader (in this thread), which names the flows.
    const { createLocalSetClient } = await import('../../src/sets/client');
    const store = createAppStore(setDeps(fakeRepo([]), () => createLocalSetClient() as never).deps);
    await store.getState().openSet({
      kind: 'folder',
      name: 'mixed',
      files: [
        { path: 'flows/Parent.flow-meta.xml', file: new File([flowXml('Parent', ['Child'])], 'a') },
        { path: 'org/Child.json', file: new File([record], 'b') },
      ],
    });
    expect(store.getState().set?.summary?.calls.map((c) => [c.callee, c.resolved])).toEqual([['Child', true]]);
    expect(await store.getState().openSetFlow('Child')).toBe(true);
    expect(store.getState().flow?.doc.label).toBe('Child v3');
    expect(selectSetFlowShown(store.getState())).toBe('Child');
  });
});
