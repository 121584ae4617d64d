import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSetSearch, cutAround, searchEntries } from '../../src/model/setSearch';
import { doc, element, flowXml, variable } from './setFixtures';

const lookup = element(
  'recordLookups',
  'Get_Open_Deals',
  'Get open deals',
  '<object>Opportunity</object><filters><field>StageName</field><operator>EqualTo</operator>' +
    '<value><stringValue>Prospecting</stringValue></value></filters><queriedFields>Amount</queriedFields>' +
    '<connector><targetReference>Call_Notify</targetReference></connector>',
);
const decision = element(
  'decisions',
  'Is_Won',
  'Is it won?',
  '<rules><name>Won</name><label>Won</label><conditionLogic>and</conditionLogic><conditions>' +
    '<leftValueReference>$Record.StageName</leftValueReference><operator>EqualTo</operator>' +
    '<rightValue><stringValue>Closed Won</stringValue></rightValue></conditions></rules>',
);
const call = element('subflows', 'Call_Notify', 'Call notify', '<flowName>Notify_Owner</flowName>');
const resources =
  '<formulas><name>Big_Deal</name><dataType>Boolean</dataType><expression>{!$Record.Amount} &gt; 1000000</expression></formulas>' +
  '<textTemplates><name>Email_Body</name><text>Dear owner, the deal moved on.</text></textTemplates>' +
  variable('recordId', true, false);

const dealFlow = doc(
  flowXml({ label: 'Deal desk', object: 'Opportunity', body: lookup + decision + call + resources }),
);

describe('what a flow offers to search', () => {
  const entries = searchEntries(dealFlow, 'Deal_Desk');
  const texts = (element: string | undefined) => entries.filter((e) => e.element === element).map((e) => e.text);

  it('lists the flow, each element (name, label, references with their object) and each resource', () => {
    expect(entries.slice(0, 2)).toEqual([
      { kind: 'name', text: 'Deal_Desk' },
      { kind: 'label', text: 'Deal desk' },
    ]);
    expect(entries).toContainEqual({ element: 'Get_Open_Deals', kind: 'reference', text: 'Opportunity.StageName' });
    expect(entries).toContainEqual({ element: 'Get_Open_Deals', kind: 'reference', text: 'Opportunity.Amount' });
    expect(entries).toContainEqual({ element: 'Get_Open_Deals', kind: 'template', text: 'Prospecting' });
    expect(entries).toContainEqual({
      element: 'Is_Won',
      kind: 'reference',
      text: '$Record.StageName (Opportunity.StageName)',
    });
    expect(entries).toContainEqual({ element: 'Call_Notify', kind: 'subflow', text: 'Notify_Owner' });
    expect(entries).toContainEqual({ element: '$start', kind: 'reference', text: 'Opportunity' });
    expect(entries).toContainEqual({
      element: 'Big_Deal',
      resource: true,
      kind: 'formula',
      text: '{!$Record.Amount} > 1000000',
    });
    expect(entries).toContainEqual({ element: 'Email_Body', resource: true, kind: 'resource', text: 'Email_Body' });
    expect(entries).toContainEqual({
      element: 'Email_Body',
      resource: true,
      kind: 'template',
      text: 'Dear owner, the deal moved on.',
    });
  });

  it('leaves out connectors and locations', () => {
    expect(texts('Get_Open_Deals')).not.toContain('Call_Notify');
    expect(entries.some((e) => e.text === '0')).toBe(false);
  });
});

describe('searching a set', () => {
  const other = doc(
    flowXml({
      label: 'Opportunity stages',
      body:
        element(
          'assignments',
          'Set_Stage',
          'Set stage',
          '<assignmentItems><assignToReference>Opp.StageName</assignToReference><operator>Assign</operator></assignmentItems>',
        ) +
        '<variables><name>Opp</name><dataType>SObject</dataType><isCollection>false</isCollection><objectType>Opportunity</objectType></variables>',
    }),
  );
  const search = createSetSearch([
    { name: 'Deal_Desk', label: 'Deal desk', doc: dealFlow },
    { name: 'Opportunity_Stages', label: 'Opportunity stages', doc: other },
  ]);

  it('finds a field by its object-qualified name, in the elements that use it, case-insensitively', () => {
    const r = search.search('  opportunity.STAGENAME ');
    expect(r.total).toBe(3);
    const deal = r.groups.find((g) => g.flow === 'Deal_Desk');
    expect(deal?.hits.map((h) => h.element).sort()).toEqual(['Get_Open_Deals', 'Is_Won']);
    expect(r.groups.find((g) => g.flow === 'Opportunity_Stages')?.hits[0]?.text).toBe(
      'Opp.StageName (Opportunity.StageName)',
    );
    const hit = deal?.hits.find((h) => h.element === 'Get_Open_Deals');
    expect(hit?.text.slice(hit.at, hit.at + hit.length)).toBe('Opportunity.StageName');
  });

  it('puts a flow whose own name or label matches first, then by hits, then by name', () => {
    const r = search.search('stage');
    expect(r.groups.map((g) => g.flow)).toEqual(['Opportunity_Stages', 'Deal_Desk']);
    expect(search.search('Opportunity').groups[0]?.flow).toBe('Opportunity_Stages');
  });

  it('finds nothing for an empty query, and finds a called flow by name', () => {
    expect(search.search('   ')).toEqual({ query: '   ', groups: [], total: 0, flows: 0, truncated: false });
    expect(search.search('notify_owner').groups[0]?.hits[0]).toMatchObject({ kind: 'subflow', element: 'Call_Notify' });
  });
});

describe('cutting a long hit', () => {
  it('keeps the match inside about 120 characters', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.string({ maxLength: 400 }),
        (a, q, b) => {
          const text = a + q + b;
          const cut = cutAround(text, a.length, q.length);
          expect(cut.text.slice(cut.at, cut.at + q.length)).toBe(q);
          expect(cut.text.length).toBeLessThanOrEqual(Math.max(122, q.length + 42));
        },
      ),
    );
  });
});

const ident = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,14}$/);

describe('search properties', () => {
  it('every hit contains the query, caps are respected and truncated says so', () => {
    const flows = Array.from({ length: 30 }, (_, i) => ({
      name: `Flow_${i}`,
      label: `Flow ${i}`,
      doc: i % 2 ? dealFlow : doc(flowXml({ body: element('screens', `Screen_${i}`, 'Review the deal') })),
    }));
    const search = createSetSearch(flows);
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom(...'aeiodlnrst_.$ 1OS') }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 10 }),
        (q, limit, perFlow) => {
          const r = search.search(q, { limit, perFlow });
          // Every flow with a hit is counted, shown or not; a flow shown has at least one hit.
          expect(r.flows).toBeGreaterThanOrEqual(r.groups.length);
          expect(r.flows).toBeLessThanOrEqual(r.total);
          const wanted = q.trim().toLowerCase();
          let returned = 0;
          for (const g of r.groups) {
            expect(g.hits.length).toBeLessThanOrEqual(perFlow);
            expect(g.total).toBeGreaterThanOrEqual(g.hits.length);
            for (const h of g.hits) {
              expect(h.text.toLowerCase()).toContain(wanted);
              expect(h.text.slice(h.at, h.at + h.length).toLowerCase()).toBe(wanted);
            }
            returned += g.hits.length;
          }
          expect(returned).toBeLessThanOrEqual(limit);
          expect(r.truncated).toBe(returned < r.total);
          if (!r.truncated) expect(r.groups.reduce((n, g) => n + g.total, 0)).toBe(r.total);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a name put into one flow is found in that flow and element', () => {
    fc.assert(
      fc.property(ident, fc.integer({ min: 0, max: 9 }), (name, at) => {
        const token = `Zq${name}`;
        const flows = Array.from({ length: 10 }, (_, i) => ({
          name: `F_${i}`,
          label: `F ${i}`,
          doc: doc(flowXml({ body: element('assignments', i === at ? token : `Step_${i}`, 'Step') })),
        }));
        const r = createSetSearch(flows).search(token.toUpperCase());
        expect(r.groups.map((g) => g.flow)).toEqual([`F_${at}`]);
        expect(r.groups[0]?.hits).toContainEqual(expect.objectContaining({ element: token, kind: 'name' }));
      }),
    );
  });

  it('is safe with names like __proto__ and constructor', () => {
    const d = doc(
      flowXml({
        body: element('assignments', '__proto__', 'constructor') + variable('constructor', true, false),
      }),
      '__proto__.flow-meta.xml',
    );
    const search = createSetSearch([{ name: '__proto__', label: 'toString', doc: d }]);
    const r = search.search('__proto__');
    expect(r.groups[0]?.flow).toBe('__proto__');
    expect(r.groups[0]?.hits.map((h) => h.element)).toEqual([undefined, '__proto__']);
    expect(search.search('constructor').total).toBe(2);
    expect(search.search('hasOwnProperty').total).toBe(0);
  });
});
