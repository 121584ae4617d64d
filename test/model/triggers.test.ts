import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SetFlow } from '../../src/model/set';
import type { TriggerPhase } from '../../src/model/setTypes';
import { PHASE_ORDER, triggersByObject } from '../../src/model/triggers';

const flow = (name: string, object: string | null, type?: string, order?: number): SetFlow => ({
  name,
  label: name.replace(/_/g, ' '),
  file: `${name}.flow-meta.xml`,
  elements: 1,
  status: 'Active',
  trigger:
    object === null
      ? null
      : { object, ...(type ? { type } : {}), when: 'Create', ...(order !== undefined ? { order } : {}) },
  interface: { inputs: [], outputs: [] },
});

describe('triggers per object', () => {
  it('lists objects by name and each object’s flows before-save, before-delete, after-save, scheduled, other', () => {
    const t = triggersByObject([
      flow('Z_After', 'Opportunity', 'RecordAfterSave'),
      flow('A_Event', 'Order_Event__e', 'PlatformEvent'),
      flow('M_Delete', 'Opportunity', 'RecordBeforeDelete'),
      flow('B_Before', 'Opportunity', 'RecordBeforeSave'),
      flow('Nightly', 'Opportunity', 'Scheduled'),
      flow('Screen', null),
      flow('Acct', 'Account', 'RecordAfterSave'),
    ]);
    expect(t.map((o) => o.object)).toEqual(['Account', 'Opportunity', 'Order_Event__e']);
    expect(t[1]?.flows.map((f) => [f.name, f.phase])).toEqual([
      ['B_Before', 'RecordBeforeSave'],
      ['M_Delete', 'RecordBeforeDelete'],
      ['Z_After', 'RecordAfterSave'],
      ['Nightly', 'Scheduled'],
    ]);
    expect(t[2]?.flows[0]).toEqual({
      name: 'A_Event',
      label: 'A Event',
      phase: 'Other',
      when: 'Create',
      status: 'Active',
    });
  });

  it('runs 1–1,000 first, then flows without an order, then 1,001–2,000; ties by API name', () => {
    const t = triggersByObject([
      flow('No_Order_B', 'Case', 'RecordAfterSave'),
      flow('Late', 'Case', 'RecordAfterSave', 1500),
      flow('Tie_B', 'Case', 'RecordAfterSave', 10),
      flow('No_Order_A', 'Case', 'RecordAfterSave'),
      flow('Tie_A', 'Case', 'RecordAfterSave', 10),
      flow('Edge_1000', 'Case', 'RecordAfterSave', 1000),
      flow('Edge_1001', 'Case', 'RecordAfterSave', 1001),
      flow('First', 'Case', 'RecordAfterSave', 1),
    ]);
    expect(t[0]?.flows.map((f) => f.name)).toEqual([
      'First',
      'Tie_A',
      'Tie_B',
      'Edge_1000',
      'No_Order_A',
      'No_Order_B',
      'Edge_1001',
      'Late',
    ]);
  });

  it('lists every triggered flow once, under its object, in phase order and documented run order', () => {
    const types = [
      'RecordBeforeSave',
      'RecordAfterSave',
      'RecordBeforeDelete',
      'Scheduled',
      'PlatformEvent',
      undefined,
    ];
    const arb = fc.uniqueArray(
      fc.record({
        name: fc.stringMatching(/^[A-Za-z_]{1,8}$/),
        object: fc.option(fc.constantFrom('Account', 'Case', '__proto__', 'constructor'), { nil: null }),
        type: fc.constantFrom(...types),
        order: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined }),
      }),
      { selector: (f) => f.name, maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const flows = specs.map((s) => flow(s.name, s.object, s.type, s.order));
        const t = triggersByObject(flows);
        const listed = t.flatMap((o) => o.flows.map((f) => f.name)).sort();
        expect(listed).toEqual(
          flows
            .filter((f) => f.trigger)
            .map((f) => f.name)
            .sort(),
        );
        expect(t.map((o) => o.object)).toEqual([...t.map((o) => o.object)].sort((a, b) => (a < b ? -1 : 1)));
        const band = (o: number | undefined) => (o === undefined ? 1 : o <= 1000 ? 0 : 2);
        for (const o of t)
          for (let i = 1; i < o.flows.length; i++) {
            const a = o.flows[i - 1] as { name: string; phase: TriggerPhase; order?: number };
            const b = o.flows[i] as typeof a;
            const pa = PHASE_ORDER.indexOf(a.phase);
            const pb = PHASE_ORDER.indexOf(b.phase);
            expect(pa).toBeLessThanOrEqual(pb);
            if (pa !== pb) continue;
            expect(band(a.order)).toBeLessThanOrEqual(band(b.order));
            if (band(a.order) !== band(b.order)) continue;
            if (a.order !== undefined && b.order !== undefined && a.order !== b.order)
              expect(a.order).toBeLessThan(b.order);
            else expect(a.name < b.name).toBe(true);
          }
      }),
    );
  });
});
