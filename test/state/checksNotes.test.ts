import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNotesOf } from '../../src/state/checkNotes';
import type { Finding, Severity } from '../../src/state/checkTypes';

/** Card notes from findings (issue 15): short words a card has room for, the tooltip in full. */
const finding = (node: string | undefined, severity: Severity, message = `${severity} on ${node}`): Finding => ({
  rule: 'dml-in-loop',
  severity,
  element: node ?? 'someVariable',
  ...(node === undefined ? {} : { node }),
  message,
});

describe('checkNotesOf', () => {
  it('says the worst severity by mark and word, counted; the tooltip has every finding, worst first', () => {
    const notes = checkNotesOf([
      finding('A', 'note'),
      finding('A', 'error'),
      finding('A', 'warning'),
      finding('B', 'warning'),
      finding('B', 'warning'),
      finding('C', 'note'),
      finding(undefined, 'error'),
    ]);
    expect([...notes.keys()]).toEqual(['A', 'B', 'C']);
    expect(notes.get('A')?.[0]).toMatchObject({ mark: '✖', text: '1 error', tone: 'error' });
    expect(notes.get('A')?.[0]?.title).toBe('Error: error on A\nWarning: warning on A\nNote: note on A');
    expect(notes.get('B')?.[0]).toMatchObject({ mark: '⚠', text: '2 warnings', tone: 'warning' });
    expect(notes.get('C')?.[0]).toMatchObject({ mark: 'ℹ', text: '1 note', tone: 'note' });
  });

  it('in a comparison, what the change introduced leads; the tooltip puts it first', () => {
    const old = finding('A', 'error', 'old error');
    const fresh = finding('A', 'warning', 'new warning');
    const notes = checkNotesOf([old, fresh, finding('B', 'error')], new Set([fresh]));
    expect(notes.get('A')?.[0]).toMatchObject({ mark: '⚠', text: '1 new', tone: 'warning' });
    expect(notes.get('A')?.[0]?.title).toBe('New warning: new warning\nError: old error');
    expect(notes.get('B')?.[0]?.text).toBe('1 error');
    const two = [finding('C', 'note'), finding('C', 'note')];
    expect(checkNotesOf(two, new Set(two)).get('C')?.[0]?.text).toBe('2 new');
  });

  it('on a comparison’s before version, what the change fixed leads: "✔ 1 fixed", the tooltip puts it first', () => {
    const kept = finding('A', 'error', 'kept error');
    const gone = finding('A', 'warning', 'gone warning');
    const notes = checkNotesOf([kept, gone, finding('B', 'warning')], undefined, new Set([gone]));
    expect(notes.get('A')?.[0]).toMatchObject({ mark: '✔', text: '1 fixed' });
    expect(notes.get('A')?.[0]?.title).toBe('Fixed warning: gone warning\nError: kept error');
    // An element the change fixed nothing on says its own findings as a flow's would.
    expect(notes.get('B')?.[0]).toMatchObject({ mark: '⚠', text: '1 warning', tone: 'warning' });
  });

  it('property: one note per element with findings, saying its worst (new) severity and how many', () => {
    const severity = fc.constantFrom<Severity>('error', 'warning', 'note');
    const item = fc.record({ node: fc.option(fc.constantFrom('A', 'B', '__proto__', 'constructor')), severity });
    const rank = (v: Severity) => ['error', 'warning', 'note'].indexOf(v);
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.array(fc.boolean(), { maxLength: 30 }), (items, news) => {
        const findings = items.map((i) => finding(i.node ?? undefined, i.severity));
        const introduced = new Set(findings.filter((_, i) => news[i]));
        const notes = checkNotesOf(findings, introduced);
        const nodes = new Set(findings.flatMap((f) => (f.node === undefined ? [] : [f.node])));
        expect(new Set(notes.keys())).toEqual(nodes);
        for (const [node, [note]] of notes) {
          const on = findings.filter((f) => f.node === node);
          const fresh = on.filter((f) => introduced.has(f));
          const counted = fresh.length > 0 ? fresh : on;
          const worst = counted.map((f) => f.severity).sort((a, b) => rank(a) - rank(b))[0] as Severity;
          const n = counted.filter((f) => f.severity === worst).length;
          const word = n === 1 ? worst : `${worst}s`;
          expect(note?.text).toBe(fresh.length === 0 ? `${n} ${word}` : `${n} new`);
          expect(note?.tone).toBe(worst);
          expect(note?.mark).toBe({ error: '✖', warning: '⚠', note: 'ℹ' }[worst]);
          expect(note?.title.split('\n')).toHaveLength(on.length);
          expect(note?.title.split('\n').filter((l) => l.startsWith('New '))).toHaveLength(fresh.length);
        }
      }),
    );
  });
});
