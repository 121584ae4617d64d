import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { indexFlow } from '../../src/model/set';
import { parseFlow } from '../../src/model/parse/index';
import { CHECKS_STORAGE_KEY } from '../../src/state/checkSettings';
import { createAppStore, type AppStore, type LayoutData, type StoreDeps } from '../../src/state/store';
import { contactSync, fakeChecks, memoryStorage } from './checksFake';

/** The review checks in the store (issue 15), with a stand-in for the rules (checksFake.ts). */
const sample = readFileSync(join(__dirname, '../../src/samples/Opportunity_Review.flow-meta.xml'), 'utf8');
const file = (name: string) => ({ kind: 'file' as const, name });

afterEach(() => {
  vi.unstubAllGlobals();
});

function store(deps: StoreDeps = {}, storage = memoryStorage()) {
  vi.stubGlobal('localStorage', storage);
  const fake = fakeChecks();
  const s = createAppStore({ checks: fake.service, ...deps });
  return { store: s, fake, storage };
}
const checked = (s: AppStore) => vi.waitFor(() => expect(s.getState().checks.status).toBe('done'));
const note = (s: AppStore, id: string) => s.getState().checkNotes.get(id)?.[0];

describe('checks on the flow on screen', () => {
  it('run once it is on screen: findings in state, one note per element, worded and toned by the worst', async () => {
    const { store: s, fake } = store();
    s.getState().load(contactSync(2), file('Contact_Sync.v2.flow-meta.xml'));
    await checked(s);
    expect(fake.service).toHaveBeenCalledTimes(1);
    const { findings, ran } = s.getState().checks;
    expect(ran).toBe(3);
    expect(findings.map((f) => `${f.rule} ${f.element}`).sort()).toEqual([
      'dml-in-loop Update_Contact',
      'missing-fault-path Log_Error',
      'missing-fault-path Update_Contact',
      'unused-resource total',
    ]);
    expect(note(s, 'Update_Contact')).toMatchObject({
      mark: '✖',
      text: '1 error',
      tone: 'error',
      title: [
        'Error: Update Contact (Update_Contact) runs inside a loop',
        'Warning: Update Contact (Update_Contact) has no fault path',
      ].join('\n'),
    });
    expect(note(s, 'Log_Error')).toMatchObject({ mark: '⚠', text: '1 warning', tone: 'warning' });
    // A finding on a resource is listed, not drawn on a card.
    expect([...s.getState().checkNotes.keys()].sort()).toEqual(['Log_Error', 'Update_Contact']);
    expect(s.getState().checkRules.map((r) => r.id)).toEqual(['dml-in-loop', 'missing-fault-path', 'unused-resource']);
  });

  it('a new flow clears the old notes at once, then gets its own', async () => {
    const { store: s } = store();
    s.getState().load(contactSync(2), file('v2'));
    await checked(s);
    expect(s.getState().checkNotes.size).toBe(2);
    s.getState().load(contactSync(1), file('v1'));
    // In the same turn: no note of the flow before stays on a card of the same name.
    expect(s.getState().checkNotes.size).toBe(0);
    expect(s.getState().checks).toMatchObject({ status: 'idle', findings: [] });
    await checked(s);
    expect([...s.getState().checkNotes.keys()]).toEqual(['Log_Error']);
  });

  it('wait for the layout: nothing is checked while the flow is laid out, then it is', async () => {
    let finish: (l: LayoutData) => void = () => undefined;
    const layout = vi.fn(() => new Promise<LayoutData>((resolve) => (finish = resolve)));
    const { store: s, fake } = store({ layout });
    await s.getState().prepareChecks();
    s.getState().load(contactSync(2), file('v2'));
    await new Promise((r) => setTimeout(r, 30));
    expect(fake.api.runChecks).not.toHaveBeenCalled();
    expect(s.getState().checks.status).toBe('idle');
    finish({ nodes: {}, edges: {}, labels: {}, width: 1, height: 1 } as unknown as LayoutData);
    await checked(s);
    // One rule at a time, each call with that rule alone switched on.
    expect(fake.api.runChecks).toHaveBeenCalledTimes(3);
    const on = fake.api.runChecks.mock.calls.map(([, , config]) =>
      [...(config?.rules ?? [])].filter(([, r]) => r.enabled !== false).map(([id]) => id),
    );
    expect(on).toEqual([['dml-in-loop'], ['missing-fault-path'], ['unused-resource']]);
  });

  it('a long run lets the page answer between rules, and a new flow meanwhile drops its findings', async () => {
    const { store: s, fake } = store();
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    const ticks: string[] = [];
    const real = fake.api.runChecks.getMockImplementation();
    fake.api.runChecks.mockImplementation((...args) => {
      busy(20);
      ticks.push('rule');
      setTimeout(() => ticks.push('page'), 0);
      return real ? real(...args) : [];
    });
    s.getState().load(contactSync(2), file('v2'));
    await checked(s);
    // The page's own work (a timer queued by the first rule) ran before the next rule did.
    expect(ticks.slice(0, 3)).toEqual(['rule', 'page', 'rule']);
    expect(s.getState().checks.ms).toBeGreaterThanOrEqual(60);

    ticks.length = 0;
    s.getState().load(contactSync(2), file('again'));
    const first = s.getState().flow;
    await vi.waitFor(() => expect(ticks).toContain('rule'));
    s.getState().load(contactSync(1), file('v1'));
    await checked(s);
    expect(s.getState().flow).not.toBe(first);
    expect(s.getState().checks.findings.some((f) => f.rule === 'dml-in-loop')).toBe(false);
  });

  it('the checks code comes after the first layout is done, not before', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      let finish: (l: LayoutData) => void = () => undefined;
      const layout = vi.fn(() => new Promise<LayoutData>((resolve) => (finish = resolve)));
      const { store: s, fake } = store({ layout });
      s.getState().load(sample, file('sample'));
      await vi.advanceTimersByTimeAsync(5000);
      expect(fake.service).not.toHaveBeenCalled();
      finish({ nodes: {}, edges: {}, labels: {}, width: 1, height: 1 } as unknown as LayoutData);
      await vi.advanceTimersByTimeAsync(500);
      // A moment after the canvas is drawn: the first screen's scripts never include it.
      expect(fake.service).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1000);
      expect(fake.service).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a rule that throws leaves no notes and says why', async () => {
    const { store: s, fake } = store();
    fake.api.runChecks.mockImplementation(() => {
      throw new Error('rule broke');
    });
    s.getState().load(contactSync(2), file('v2'));
    await vi.waitFor(() => expect(s.getState().checks.status).toBe('error'));
    expect(s.getState().checks.error).toBe('rule broke');
    expect(s.getState().checkNotes.size).toBe(0);
  });
});

describe('the panel’s settings', () => {
  it('a rule switched off: its findings and notes go at once, and a new page remembers it', async () => {
    const { store: s, storage } = store();
    s.getState().load(contactSync(2), file('v2'));
    await checked(s);
    await s.getState().setCheckRule('dml-in-loop', { enabled: false });
    expect(s.getState().checks.ran).toBe(2);
    expect(s.getState().checks.findings.some((f) => f.rule === 'dml-in-loop')).toBe(false);
    expect(note(s, 'Update_Contact')).toMatchObject({ mark: '⚠', text: '1 warning' });
    expect(JSON.parse(storage.getItem(CHECKS_STORAGE_KEY) ?? '')).toEqual({
      checks: { rules: { 'dml-in-loop': 'off' } },
    });

    const again = store({}, storage).store;
    again.getState().load(contactSync(2), file('v2'));
    await checked(again);
    expect(again.getState().checkSettings.get('dml-in-loop')).toEqual({ enabled: false });
    expect(note(again, 'Update_Contact')?.text).toBe('1 warning');
  });

  it('a severity changed: the notes follow; back to the rule’s own, nothing is left to remember', async () => {
    const { store: s, storage } = store();
    s.getState().load(contactSync(2), file('v2'));
    await checked(s);
    await s.getState().setCheckRule('missing-fault-path', { severity: 'error' });
    expect(note(s, 'Update_Contact')?.text).toBe('2 errors');
    expect(note(s, 'Log_Error')).toMatchObject({ mark: '✖', text: '1 error', tone: 'error' });
    await s.getState().setCheckRule('missing-fault-path', { severity: 'warning' });
    expect(note(s, 'Log_Error')?.text).toBe('1 warning');
    expect(storage.getItem(CHECKS_STORAGE_KEY)).toBeNull();
    await s.getState().setCheckRule('unused-resource', { enabled: false });
    await s.getState().resetCheckRules();
    expect(s.getState().checkSettings.size).toBe(0);
    expect(s.getState().checks.ran).toBe(3);
    expect(storage.getItem(CHECKS_STORAGE_KEY)).toBeNull();
  });

  it('a broken stored value, or a storage that throws, is ignored: the defaults apply', async () => {
    for (const storage of [
      memoryStorage({ [CHECKS_STORAGE_KEY]: '{"checks": {"rules": ' }),
      memoryStorage({ [CHECKS_STORAGE_KEY]: '{"checks": {"rules": {"dml-in-loop": 42}}}' }),
      memoryStorage({ [CHECKS_STORAGE_KEY]: '"__proto__"' }),
      {
        ...memoryStorage(),
        getItem: () => {
          throw new Error('SecurityError');
        },
        setItem: () => {
          throw new Error('QuotaExceededError');
        },
      },
    ]) {
      const { store: s } = store({}, storage);
      s.getState().load(contactSync(2), file('v2'));
      await checked(s);
      expect(s.getState().checks.ran).toBe(3);
      expect(note(s, 'Update_Contact')?.text).toBe('1 error');
      // Changing a setting still works in this tab, even where it cannot be remembered.
      await s.getState().setCheckRule('dml-in-loop', { enabled: false });
      expect(note(s, 'Update_Contact')?.text).toBe('1 warning');
    }
  });
});

describe('checks on a comparison', () => {
  it('introduced findings first and said new on their union node; fixed and remaining kept apart', async () => {
    const { store: s, fake } = store();
    await s
      .getState()
      .compare({ text: contactSync(1), source: file('v1') }, { text: contactSync(2), source: file('v2') });
    await checked(s);
    expect(fake.api.compareFindings).toHaveBeenCalledTimes(3);
    const { findings, comparison } = s.getState().checks;
    expect(comparison?.introduced.map((f) => `${f.rule} ${f.node}`)).toEqual([
      'dml-in-loop Update_Contact',
      'missing-fault-path Update_Contact',
    ]);
    expect(comparison?.remaining.map((f) => f.element).sort()).toEqual(['Log_Error', 'total']);
    expect(comparison?.fixed).toEqual([]);
    expect(findings.slice(0, 2)).toEqual(comparison?.introduced);
    expect(note(s, 'Update_Contact')).toMatchObject({ text: '1 new', tone: 'error' });
    expect(note(s, 'Update_Contact')?.title).toContain('New error: Update Contact');
    expect(note(s, 'Log_Error')?.text).toBe('1 warning');
    // Every note is on a node of the union graph on screen.
    const ids = new Set(s.getState().comparison?.diff.graph.nodes.map((n) => n.id));
    for (const id of s.getState().checkNotes.keys()) expect(ids.has(id)).toBe(true);
  });

  it('swapped: what was introduced is fixed, on the before version’s union node; closed: the flow’s own', async () => {
    const { store: s } = store();
    await s
      .getState()
      .compare({ text: contactSync(1), source: file('v1') }, { text: contactSync(2), source: file('v2') });
    await checked(s);
    await s.getState().swapSides();
    expect(s.getState().checkNotes.size).toBe(0);
    await checked(s);
    const fixed = s.getState().checks.comparison?.fixed ?? [];
    expect(fixed.map((f) => `${f.rule} ${f.node}`)).toContain('dml-in-loop Update_Contact');
    expect(s.getState().checks.comparison?.introduced).toEqual([]);
    s.getState().closeComparison();
    expect(s.getState().checks.comparison).toBeUndefined();
    await checked(s);
    expect(s.getState().checks.comparison).toBeUndefined();
  });
});

describe('a comparison’s before version', () => {
  const beforeNote = (s: AppStore, id: string) => s.getState().checkNotesBefore.get(id)?.[0];

  it('has notes of its own findings on its union nodes; the after version’s stay the default', async () => {
    const { store: s } = store();
    await s
      .getState()
      .compare({ text: contactSync(1), source: file('v1') }, { text: contactSync(2), source: file('v2') });
    await checked(s);
    // v1 updates after its loop: no DML in a loop there, so its card says nothing new nor fixed.
    expect(beforeNote(s, 'Update_Contact')).toBeUndefined();
    expect(beforeNote(s, 'Log_Error')).toMatchObject({ mark: '⚠', text: '1 warning', tone: 'warning' });
    expect(note(s, 'Update_Contact')?.text).toBe('1 new');
    const ids = new Set(s.getState().comparison?.diff.graph.nodes.map((n) => n.id));
    for (const id of s.getState().checkNotesBefore.keys()) expect(ids.has(id)).toBe(true);
  });

  it('says what the change fixed, by a mark and a word; a new comparison or a flow clears it', async () => {
    const { store: s } = store();
    await s
      .getState()
      .compare({ text: contactSync(2), source: file('v2') }, { text: contactSync(1), source: file('v1') });
    await checked(s);
    expect(beforeNote(s, 'Update_Contact')).toMatchObject({ mark: '✔', text: '2 fixed' });
    expect(beforeNote(s, 'Update_Contact')?.title).toBe(
      [
        'Fixed error: Update Contact (Update_Contact) runs inside a loop',
        'Fixed warning: Update Contact (Update_Contact) has no fault path',
      ].join('\n'),
    );
    // The after version has neither finding: nothing on its card.
    expect(note(s, 'Update_Contact')).toBeUndefined();
    await s.getState().swapSides();
    expect(s.getState().checkNotesBefore.size).toBe(0);
    await checked(s);
    expect(beforeNote(s, 'Update_Contact')).toBeUndefined();
    s.getState().load(contactSync(2), file('v2'));
    await checked(s);
    expect(s.getState().checkNotesBefore.size).toBe(0);
  });
});

describe('a flow of an open set', () => {
  const summary = (apiVersion: number) => ({
    flows: [
      { name: 'Contact_Sync', label: 'Contact Sync', file: 'a', elements: 4, trigger: null, apiVersion: 62 },
      { name: 'Newest', label: 'Newest', file: 'b', elements: 1, trigger: null, apiVersion },
    ].map((f) => ({ ...f, interface: { inputs: [], outputs: [] } })),
    calls: [],
    skipped: [],
    triggers: [],
  });
  const openSet = (s: AppStore, apiVersion: number) =>
    s.setState({
      set: {
        source: { kind: 'folder', name: 'flows' },
        status: 'ready',
        summary: summary(apiVersion),
        path: ['Contact_Sync'],
        listing: false,
      },
    });

  it('is judged against the set’s newest apiVersion when newer than the newest known; alone, by that', async () => {
    vi.stubGlobal('localStorage', memoryStorage());
    const s = createAppStore();
    const outdated = () => s.getState().checks.findings.filter((f) => f.rule === 'outdated-api-version');
    openSet(s, 75);
    s.getState().load(contactSync(2), file('Contact_Sync.flow-meta.xml'));
    await checked(s);
    expect(outdated().map((f) => f.message)).toEqual([expect.stringContaining('75.0')]);
    // The set's newest is older than the newest known: 62 is within reach of 68.
    openSet(s, 64);
    s.getState().load(contactSync(1), file('Contact_Sync.flow-meta.xml'));
    await checked(s);
    expect(outdated()).toEqual([]);
    // No set: 62 against 68 is fine.
    s.setState({ set: undefined });
    s.getState().load(contactSync(2), file('Contact_Sync.flow-meta.xml'));
    await checked(s);
    expect(outdated()).toEqual([]);
  });

  it('the set’s index has each flow’s apiVersion (the release number), none when it has none', () => {
    const doc = (text: string) => {
      const read = parseFlow(text);
      if (!read.ok) throw new Error(read.error.message);
      return read.doc;
    };
    expect(indexFlow(doc(contactSync(2)), 'a').apiVersion).toBe(62);
    expect(indexFlow(doc(contactSync(2).replace('<apiVersion>62.0</apiVersion>', '')), 'a')).not.toHaveProperty(
      'apiVersion',
    );
  });

  it('a flow opened from elsewhere over the set is judged alone', async () => {
    vi.stubGlobal('localStorage', memoryStorage());
    const s = createAppStore();
    openSet(s, 75);
    s.getState().load(contactSync(2).replace('<label>Contact Sync', '<label>Other'), file('Other.flow-meta.xml'));
    await checked(s);
    expect(s.getState().checks.findings.filter((f) => f.rule === 'outdated-api-version')).toEqual([]);
  });
});

describe('the real checks code', () => {
  it('loads by default: a DML in a loop on its card, every rule ran; a comparison says it is new', async () => {
    vi.stubGlobal('localStorage', memoryStorage());
    const s = createAppStore();
    s.getState().load(contactSync(2), file('v2'));
    await checked(s);
    expect(s.getState().checks.ran).toBe(s.getState().checkRules.length);
    expect(s.getState().checkRules.length).toBeGreaterThanOrEqual(10);
    expect(note(s, 'Update_Contact')).toMatchObject({ mark: '✖', text: '1 error', tone: 'error' });
    expect(note(s, 'Update_Contact')?.title).toContain('runs inside the loop Each Contact (Each_Contact)');
    await s
      .getState()
      .compare({ text: contactSync(1), source: file('v1') }, { text: contactSync(2), source: file('v2') });
    await checked(s);
    expect(s.getState().checks.comparison?.introduced.map((f) => `${f.rule} ${f.node}`)).toEqual([
      'dml-in-loop Update_Contact',
      'missing-fault-path Update_Contact',
      'hardcoded-id Get_Contacts',
    ]);
    expect(note(s, 'Update_Contact')?.text).toBe('1 new');
    expect(note(s, 'Get_Contacts')?.text).toBe('1 new');
  });
});
