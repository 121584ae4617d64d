import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../../src/state/store';
import { interviewRows, queryResult, type InterviewRow } from '../helpers/interviews';

/**
 * Interviews overlaid on the flow on screen, and the other Flow REST payloads, in the store without React:
 * placed by CurrentElement, the rest "elsewhere" (never dropped), capped with a message, cleared with a new
 * screen, never in a link; a query of another object and interviews with no flow open refused in words.
 */
const sample = readFileSync(join(__dirname, '../../src/samples/Opportunity_Review.flow-meta.xml'), 'utf8');
const ELEMENTS = ['Check_Amount', 'Mark_Big_Deal', 'Get_Line_Items', 'Each_Line_Item', 'Flag_Line'];
const PASTED = { kind: 'paste', name: 'pasted text' } as const;

const opened = (): AppStore => {
  const store = createAppStore();
  expect(store.getState().load(sample, { kind: 'sample', name: 'Opportunity_Review.flow-meta.xml' })).toBe(true);
  return store;
};
const row = (over: Partial<Record<string, unknown>>): InterviewRow => ({
  attributes: { type: 'FlowInterview' },
  Id: `0Fo${Math.random().toString(36).slice(2, 14)}`,
  Name: 'FI-000001',
  CurrentElement: 'Check_Amount',
  InterviewLabel: 'Review {!$Flow.CurrentDateTime}',
  InterviewStatus: 'Paused',
  PauseLabel: null,
  CreatedDate: '2026-11-28T14:05:00.000+0000',
  ...over,
});
const text = (rows: InterviewRow[], page?: Parameters<typeof queryResult>[1]) =>
  JSON.stringify(queryResult(rows, page));
/** Pastes through `load` as the page's paste does; resolves once the payload code has answered. */
async function paste(store: AppStore, value: string): Promise<boolean> {
  await store.getState().preparePayload(value);
  return store.getState().load(value, PASTED);
}

describe('interviews on the flow on screen', () => {
  it('a pasted query: each element with interviews gets one note by mark and word, statuses as given', async () => {
    const store = opened();
    const rows = [
      ...Array.from({ length: 12 }, (_, i) => row({ Name: `FI-${i}`, InterviewStatus: 'Paused' })),
      row({ Name: 'FI-e1', InterviewStatus: 'Error' }),
      row({ Name: 'FI-e2', InterviewStatus: 'Error' }),
      row({ Name: 'FI-m', CurrentElement: 'Mark_Big_Deal', InterviewStatus: 'Running' }),
    ];
    expect(await paste(store, text(rows))).toBe(true);
    const s = store.getState();
    expect(s.error).toBeUndefined();
    expect(s.runtimeNotes.get('Check_Amount')).toEqual([
      expect.objectContaining({ mark: '‖', text: '12 paused · ✖ 2 error', tone: 'error' }),
    ]);
    expect(s.runtimeNotes.get('Check_Amount')?.[0]?.title).toBe('14 interviews at this element: 12 Paused, 2 Error');
    expect(s.runtimeNotes.get('Mark_Big_Deal')?.[0]).toMatchObject({ mark: '▶', text: '1 running', tone: 'info' });
    expect(s.runtimeNotes.has('Flag_Line')).toBe(false);
    expect(s.runtime?.groups.map((g) => [g.element, g.label, g.interviews.length])).toEqual([
      ['Mark_Big_Deal', 'Mark "Big" Deal', 1],
      ['Check_Amount', 'Check Amount & Stage', 14],
    ]);
    expect(s.runtime).toMatchObject({ shown: 15, total: 15, source: PASTED });
    expect(s.runtime?.capNote).toBeUndefined();
    // The flow on screen is the same flow: nothing was reopened.
    expect(s.flow?.source.kind).toBe('sample');
  });

  it('interviews at an element this version lacks, or at none, are under "elsewhere", never dropped', async () => {
    const store = opened();
    const rows = [row({ CurrentElement: 'Old_Step' }), row({ CurrentElement: null }), row({ CurrentElement: null })];
    delete rows[2]?.CurrentElement; // a record without the field at all
    expect(await paste(store, text(rows))).toBe(true);
    const r = store.getState().runtime;
    expect(r?.groups).toEqual([]);
    expect(r?.elsewhere.map((g) => [g.element, g.interviews.length, g.nodeId])).toEqual([
      ['Old_Step', 1, undefined],
      ['', 2, undefined],
    ]);
    expect(store.getState().runtimeNotes.size).toBe(0);
  });

  it('placement never drops an interview: groups plus elsewhere add up to what was pasted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 400 }), fc.integer(), async (count, seed) => {
        const store = opened();
        const rows = interviewRows(ELEMENTS, { count: Math.max(1, count), seed, removed: ['Gone', '__proto__'] });
        expect(await paste(store, text(rows))).toBe(true);
        const r = store.getState().runtime;
        const placed = [...(r?.groups ?? []), ...(r?.elsewhere ?? [])].reduce((n, g) => n + g.interviews.length, 0);
        expect(placed).toBe(rows.length);
        for (const g of r?.groups ?? []) expect(ELEMENTS).toContain(g.element);
        for (const g of r?.elsewhere ?? []) expect(ELEMENTS).not.toContain(g.element);
      }),
      { numRuns: 25 },
    );
  });

  it('50,000 interviews: the first 2,000 are placed and the message says so', async () => {
    const store = opened();
    const rows = interviewRows(ELEMENTS, { count: 50_000, seed: 7 });
    const started = performance.now();
    expect(await paste(store, text(rows))).toBe(true);
    // Read a slice at a time (the page answers meanwhile), then placed.
    await vi.waitFor(() => expect(store.getState().runtime).toBeDefined(), { timeout: 5000 });
    const ms = performance.now() - started;
    const r = store.getState().runtime;
    expect(r).toMatchObject({ shown: 2000, total: 50_000 });
    expect(r?.capNote).toBe('Showing the first 2,000 of 50,000 interviews.');
    expect(r?.groups.reduce((n, g) => n + g.interviews.length, 0)).toBeGreaterThan(1500);
    expect(ms).toBeLessThan(5000);
  });

  it('50,000: a flow opened while they are read gets none; with no flow open, refused at once', async () => {
    const store = opened();
    const big = text(interviewRows(ELEMENTS, { count: 50_000, seed: 7 }));
    expect(await paste(store, big)).toBe(true);
    store.getState().load(sample, { kind: 'sample', name: 'Again.flow-meta.xml' });
    await new Promise((go) => setTimeout(go, 1500));
    expect(store.getState().runtime).toBeUndefined();
    expect(store.getState().runtimeNotes.size).toBe(0);
    const empty = createAppStore();
    await empty.getState().preparePayload(big);
    expect(empty.getState().load(big, PASTED)).toBe(false);
    expect(empty.getState().error?.message).toBe(
      'These are interviews of a flow (FlowInterview records), and no flow is open.',
    );
  });

  it('one page of a longer query says so, with the total the query gave', async () => {
    const store = opened();
    const rows = interviewRows(ELEMENTS, { count: 30, seed: 3 });
    await paste(store, text(rows, { done: false, next: '/services/data/v63.0/query/01g-2000', total: 9000 }));
    expect(store.getState().runtime?.capNote).toBe(
      'Showing the first 30 of 9,000 interviews (this text is one page of a longer query).',
    );
  });

  it('sf data query --json output and a single record overlay too', async () => {
    const store = opened();
    const wrapped = { status: 0, result: queryResult([row({ InterviewStatus: 'Error' })]), warnings: [] };
    expect(await paste(store, JSON.stringify(wrapped))).toBe(true);
    expect(store.getState().runtimeNotes.get('Check_Amount')?.[0]?.text).toBe('1 error');
    expect(await paste(store, JSON.stringify(row({ CurrentElement: 'Flag_Line' })))).toBe(true);
    expect([...store.getState().runtimeNotes.keys()]).toEqual(['Flag_Line']);
  });

  it('a new flow on screen clears them; Clear runtime data does too; a re-layout keeps them', async () => {
    const store = opened();
    await paste(store, text([row({})]));
    store.getState().setLayoutChoice('elk');
    expect(store.getState().runtime).toBeDefined();
    store.getState().clearRuntime();
    expect(store.getState().runtime).toBeUndefined();
    expect(store.getState().runtimeNotes.size).toBe(0);
    await paste(store, text([row({})]));
    expect(store.getState().load(sample, { kind: 'file', name: 'again.flow-meta.xml' })).toBe(true);
    expect(store.getState().runtime).toBeUndefined();
    expect(store.getState().runtimeNotes.size).toBe(0);
  });

  it('with no flow open: "Open the flow these interviews belong to first"', async () => {
    const store = createAppStore();
    expect(await paste(store, text([row({})]))).toBe(false);
    expect(store.getState().error).toMatchObject({
      message: expect.stringContaining('no flow is open'),
      hint: expect.stringContaining('Open the flow these interviews belong to first'),
      source: PASTED,
    });
  });

  it('the first JSON text that is no flow waits for the payload code, then shows (the global paste path)', async () => {
    const store = opened();
    // No preparePayload: load answers at once and opens it when the code is here.
    expect(store.getState().load(text([row({})]), PASTED)).toBe(true);
    await expect.poll(() => store.getState().runtime?.shown).toBe(1);
  });

  it('the overlay dialog path refuses other payloads in words, and overlays a query', async () => {
    const store = opened();
    const list = JSON.stringify(queryResult([{ attributes: { type: 'Flow' }, ApiName: 'A', ProcessType: 'Flow' }]));
    expect(await store.getState().overlayInterviews(list, PASTED)).toMatchObject({
      message: 'This is a list of flows, not FlowInterview records.',
    });
    expect(await store.getState().overlayInterviews(sample, PASTED)).toMatchObject({
      message: expect.stringContaining('not a FlowInterview query result'),
    });
    expect(await store.getState().overlayInterviews(text([row({})]), { kind: 'file', name: 'q.json' })).toBe(undefined);
    expect(store.getState().runtime?.source).toEqual({ kind: 'file', name: 'q.json' });
  });

  it('the interviews travel in no link: Copy link carries the flow, not an interview name', async () => {
    const store = opened();
    await paste(store, text([row({ Name: 'FI-SECRET-42', InterviewLabel: 'Label SECRET' })]));
    const link = await store.getState().linkForScreen('https://flowscope.example/');
    if (!link.ok) throw new Error(link.message);
    expect(link.url).not.toContain('FI-SECRET-42');
    expect(JSON.stringify(link)).not.toContain('SECRET');
  });

  it('in a comparison, on the after version’s elements (the union graph’s ids)', async () => {
    const store = createAppStore();
    const v2 = readFileSync(join(__dirname, '../../src/samples/Opportunity_Review.v2.flow-meta.xml'), 'utf8');
    expect(
      await store
        .getState()
        .compare(
          { text: sample, source: { kind: 'sample', name: 'v1' } },
          { text: v2, source: { kind: 'sample', name: 'v2' } },
        ),
    ).toBe(true);
    await paste(store, text([row({ CurrentElement: 'Check_Amount' })]));
    expect(store.getState().comparison).toBeDefined();
    const ids = new Set(store.getState().comparison?.diff.graph.nodes.map((n) => n.id));
    for (const id of store.getState().runtimeNotes.keys()) expect(ids.has(id)).toBe(true);
    expect(store.getState().runtimeNotes.has('Check_Amount')).toBe(true);
  });

  it('comparison: interviews at before-only elements stand on their removed (or renamed) nodes', async () => {
    // Compared the other way round: v2 → v1 removes Notify_Owner and renames Flag_Line_Item back to Flag_Line.
    const store = createAppStore();
    const v2 = readFileSync(join(__dirname, '../../src/samples/Opportunity_Review.v2.flow-meta.xml'), 'utf8');
    expect(
      await store
        .getState()
        .compare(
          { text: v2, source: { kind: 'sample', name: 'v2' } },
          { text: sample, source: { kind: 'sample', name: 'v1' } },
        ),
    ).toBe(true);
    const nodes = store.getState().comparison?.diff.graph.nodes ?? [];
    expect(nodes.find((n) => n.id === 'Notify_Owner')?.status).toBe('removed');
    const rows = [
      row({ CurrentElement: 'Notify_Owner', InterviewStatus: 'Paused' }),
      row({ CurrentElement: 'Notify_Owner', InterviewStatus: 'Error' }),
      row({ CurrentElement: 'Flag_Line_Item' }),
      row({ CurrentElement: 'Flag_Line', InterviewStatus: 'Running' }),
      row({ CurrentElement: 'Check_Amount' }),
      row({ CurrentElement: 'Never_Was' }),
    ];
    expect(await paste(store, text(rows))).toBe(true);
    const s = store.getState();
    expect(s.runtime?.groups.map((g) => [g.element, g.nodeId, g.before, g.interviews.length])).toEqual([
      // The after version's elements in its order, then the before version's only, by name.
      ['Flag_Line', 'Flag_Line', undefined, 1],
      ['Check_Amount', 'Check_Amount', undefined, 1],
      ['Flag_Line_Item', 'Flag_Line', 'renamed', 1],
      ['Notify_Owner', 'Notify_Owner', 'removed', 2],
    ]);
    // Only a name neither version has is elsewhere; nothing is dropped.
    expect(s.runtime?.elsewhere.map((g) => g.element)).toEqual(['Never_Was']);
    expect(s.runtimeNotes.get('Notify_Owner')).toEqual([
      expect.objectContaining({ text: '1 error · ‖ 1 paused', tone: 'error' }),
    ]);
    expect(s.runtimeNotes.get('Notify_Owner')?.[0]?.title).toContain('removed in the after version');
    // The renamed node carries both names' interviews, each its own note.
    expect(s.runtimeNotes.get('Flag_Line')?.map((n) => n.text)).toEqual(['1 running', '1 paused']);
    for (const id of s.runtimeNotes.keys()) expect(nodes.some((n) => n.id === id)).toBe(true);
  });

  it('property: in a comparison every interview is placed exactly once, at a drawn node or elsewhere', async () => {
    const store = createAppStore();
    const v2 = readFileSync(join(__dirname, '../../src/samples/Opportunity_Review.v2.flow-meta.xml'), 'utf8');
    await store
      .getState()
      .compare(
        { text: v2, source: { kind: 'sample', name: 'v2' } },
        { text: sample, source: { kind: 'sample', name: 'v1' } },
      );
    await store.getState().preparePayload('{}');
    const names = [...ELEMENTS, 'Notify_Owner', 'Flag_Line_Item', 'Gone', '__proto__', null];
    const ids = new Set(store.getState().comparison?.diff.graph.nodes.map((n) => n.id));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 40 }), async (at) => {
        expect(await paste(store, text(at.map((CurrentElement) => row({ CurrentElement }))))).toBe(true);
        const r = store.getState().runtime;
        const placed = [...(r?.groups ?? []), ...(r?.elsewhere ?? [])].reduce((n, g) => n + g.interviews.length, 0);
        expect(placed).toBe(at.length);
        for (const g of r?.groups ?? []) expect(ids.has(g.nodeId ?? '')).toBe(true);
        for (const g of r?.elsewhere ?? []) expect(['Gone', '__proto__', '']).toContain(g.element);
      }),
      { numRuns: 40 },
    );
  });
});

describe('the other Flow REST payloads', () => {
  it('a query of another object is refused in words, naming it', async () => {
    const store = opened();
    const accounts = queryResult([{ attributes: { type: 'Account' }, Id: '001', Name: 'Acme' }]);
    expect(await paste(store, JSON.stringify(accounts))).toBe(false);
    expect(store.getState().error?.message).toBe('This is a query of 1 Account record, not of FlowInterview or Flow.');
    expect(store.getState().error?.hint).toContain('FROM FlowInterview');
    expect(store.getState().flow?.source.kind).toBe('sample');
  });

  it('a flow list opens its view; JSON that is nothing known keeps the parser’s message', async () => {
    const store = opened();
    const flows = queryResult([
      {
        attributes: { type: 'Flow' },
        Id: '301A',
        ApiName: 'Orders',
        Label: 'Orders',
        ProcessType: 'Flow',
        Status: 'Active',
        VersionNumber: 3,
      },
    ]);
    expect(await paste(store, JSON.stringify(flows))).toBe(true);
    expect(store.getState().restView).toMatchObject({
      kind: 'flow-list',
      flows: [{ apiName: 'Orders', label: 'Orders', processType: 'Flow', status: 'Active', versionNumber: '3' }],
    });
    store.getState().closeRestView();
    expect(store.getState().restView).toBeUndefined();
    expect(await paste(store, '{"hello": "world"}')).toBe(false);
    expect(store.getState().error?.message).toBeDefined();
    expect(store.getState().restView).toBeUndefined();
  });

  it('an invocable flow: its interface; when it is the flow open, compared with the metadata', async () => {
    const store = opened();
    const described = {
      name: 'Opportunity_Review',
      label: 'Opportunity Review',
      type: 'FLOW',
      inputs: [{ name: 'nothingLikeThis', label: 'X', type: 'STRING', required: true }],
      outputs: [],
    };
    expect(await paste(store, JSON.stringify(described))).toBe(true);
    const v = store.getState().restView;
    expect(v).toMatchObject({ kind: 'invocable', list: false, comparedWith: 'Opportunity_Review' });
    if (v?.kind !== 'invocable') throw new Error('not invocable');
    expect(v.mismatches?.some((m) => m.includes('nothingLikeThis'))).toBe(true);
    const other = { ...described, name: 'Someone_Else' };
    await paste(store, JSON.stringify(other));
    expect(store.getState().restView).not.toHaveProperty('mismatches');
  });
});
