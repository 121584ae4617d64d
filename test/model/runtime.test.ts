import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/model/parse/normalise';
import { readXml } from '../../src/model/parse/xml';
import { parseFlow } from '../../src/model/parse/index';
import {
  compareInvocable,
  detectFlowRestPayload,
  detectFlowRestText,
  placeInterviews,
  runtimeJson,
  type Interview,
  versionToOpen,
} from '../../src/model/runtime';
import type { FlowDoc } from '../../src/model/types';
import { corpusFiles, readCorpus } from '../helpers/corpus';
import { fixture } from '../helpers/fixtures';
import { expectedRuntime, interviewRows, queryResult } from '../helpers/interviews';
import { generateFlow } from '../support/generate';

const doc = (text: string): FlowDoc => {
  const r = parseFlow(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
};
const review = doc(fixture('Opportunity_Review.flow-meta.xml'));
const names = review.elements.map((e) => e.name);

describe('detectFlowRestPayload: FlowInterview records', () => {
  const rows = interviewRows(names, { count: 30, removed: ['Old_Step'], seed: 3, versionId: '301000000000123AAA' });

  it('reads a /query answer of FlowInterview, every field as given, nulls absent', () => {
    const p = detectFlowRestPayload(queryResult(rows));
    expect(p?.kind).toBe('interviews');
    if (p?.kind !== 'interviews') return;
    expect(p.interviews).toHaveLength(30);
    expect(p.totalSize).toBe(30);
    expect(p.more).toBe(false);
    const first = rows[0]!;
    expect(p.interviews[0]).toMatchObject({
      id: first.Id,
      name: first.Name,
      status: first.InterviewStatus,
      label: first.InterviewLabel,
      createdDate: first.CreatedDate,
      versionId: '301000000000123AAA',
    });
    const noPause = p.interviews.find((_i, n) => rows[n]!.PauseLabel === null)!;
    expect(Object.hasOwn(noPause, 'pauseLabel')).toBe(false);
  });

  it('unwraps sf data query --json and says a page is one of more', () => {
    const wrapped = {
      status: 0,
      result: { ...queryResult(rows.slice(0, 5), { done: false, total: 30 }) },
      warnings: [],
    };
    const p = detectFlowRestPayload(wrapped);
    expect(p).toMatchObject({ kind: 'interviews', totalSize: 30, more: true });
    const next = queryResult(rows.slice(0, 5), { done: false, next: '/services/data/v63.0/query/01gX-2000' });
    expect(detectFlowRestPayload(next)).toMatchObject({ kind: 'interviews', more: true });
  });

  it('reads records without attributes by FlowInterview’s fields; without CurrentElement they stand nowhere', () => {
    const bare = [
      { Id: 'a', InterviewStatus: 'Paused' },
      { Id: 'b', InterviewStatus: 'Error', CurrentElement: null },
    ];
    const p = detectFlowRestPayload({ totalSize: 2, done: true, records: bare });
    expect(p?.kind).toBe('interviews');
    if (p?.kind !== 'interviews') return;
    expect(p.interviews.map((i) => i.currentElement)).toEqual([null, null]);
    expect(runtimeJson(placeInterviews(review, p.interviews)).elsewhere).toEqual({ '': 2 });
  });

  it('reads one FlowInterview record, and a bare array of them', () => {
    const one = detectFlowRestPayload(rows[1]);
    expect(one).toMatchObject({ kind: 'interviews', more: false });
    expect(one?.kind === 'interviews' && one.interviews[0]?.id).toBe(rows[1]!.Id);
    expect(detectFlowRestPayload(rows.slice(0, 3))).toMatchObject({ kind: 'interviews' });
  });

  it('an empty FlowInterview answer is no interviews, not another object', () => {
    const empty = { totalSize: 0, done: true, records: [], entityTypeName: 'FlowInterview' };
    expect(detectFlowRestPayload(empty)).toEqual({ kind: 'interviews', interviews: [], totalSize: 0, more: false });
    expect(detectFlowRestPayload({ totalSize: 0, done: true, records: [] })).toEqual({ kind: 'other-query', count: 0 });
  });
});

describe('detectFlowRestPayload: other payloads', () => {
  it('names the object of a query that is not FlowInterview', () => {
    const accounts = {
      totalSize: 2,
      done: true,
      records: [
        { attributes: { type: 'Account', url: '/x' }, Id: '001A', Name: 'Acme' },
        { attributes: { type: 'Account', url: '/y' }, Id: '001B', Name: 'Globex' },
      ],
    };
    expect(detectFlowRestPayload(accounts)).toEqual({ kind: 'other-query', object: 'Account', count: 2 });
    const log = { totalSize: 1, done: true, records: [{ FlowDeveloperName: 'X', InterviewStatus: 'Completed' }] };
    expect(detectFlowRestPayload(log)?.kind).toBe('other-query');
  });

  it('reads flow lists: Flow, FlowDefinitionView, the REST description’s FlowListResponse', () => {
    const list = detectFlowRestPayload({
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: { type: 'FlowDefinitionView' },
          ApiName: 'Wait_Flow',
          Label: 'Wait <Flow>',
          ProcessType: 'AutoLaunchedFlow',
          DurableId: '300000000000001AAA',
          ActiveVersionId: '301000000000009AAA',
          LatestVersionId: null,
        },
      ],
    });
    expect(list).toEqual({
      kind: 'flow-list',
      object: 'FlowDefinitionView',
      totalSize: 1,
      more: false,
      flows: [
        {
          id: '300000000000001AAA',
          apiName: 'Wait_Flow',
          label: 'Wait <Flow>',
          processType: 'AutoLaunchedFlow',
          definitionId: '300000000000001AAA',
          activeVersionId: '301000000000009AAA',
        },
      ],
    });
    const summary = { Id: '301A', ApiName: 'F', Label: 'F', ProcessType: 'Flow', Status: 'Active', VersionNumber: 3 };
    const response = detectFlowRestPayload({ totalSize: 1, done: true, records: [summary] });
    expect(response).toMatchObject({
      kind: 'flow-list',
      flows: [{ apiName: 'F', versionNumber: '3', status: 'Active' }],
    });
    const versions = detectFlowRestPayload({
      records: [
        { attributes: { type: 'Flow' }, Id: '301B', VersionNumber: 2, Status: 'Obsolete', DefinitionId: '300B' },
      ],
    });
    expect(versions).toMatchObject({
      kind: 'flow-list',
      object: 'Flow',
      flows: [{ apiName: '', definitionId: '300B' }],
    });
    const recent = { objectDescribe: { name: 'Flow' }, recentItems: [{ attributes: { type: 'Flow' }, Id: '301C' }] };
    expect(detectFlowRestPayload(recent)).toMatchObject({ kind: 'flow-list', flows: [{ id: '301C' }] });
  });

  it('reads invocable-flow descriptions and the /actions/custom/flow list', () => {
    const list = detectFlowRestPayload({
      actions: [
        { name: 'Wait_Flow', label: 'Wait Flow', type: 'FLOW' },
        { name: 'Other', label: 'Other', type: 'FLOW' },
      ],
    });
    expect(list).toMatchObject({ kind: 'invocable', list: true, flows: [{ name: 'Wait_Flow' }, { name: 'Other' }] });
    const one = detectFlowRestPayload({
      name: 'Wait_Flow',
      label: 'Wait Flow',
      type: 'FLOW',
      inputs: [
        { name: 'recordId', label: 'recordId', type: 'SOBJECT', sobjectType: 'Account', required: false, maxOccurs: 1 },
      ],
      outputs: [{ name: 'total', type: 'DOUBLE', required: false, maxOccurs: 2000, description: null }],
    });
    expect(one).toEqual({
      kind: 'invocable',
      list: false,
      flows: [
        {
          name: 'Wait_Flow',
          label: 'Wait Flow',
          type: 'FLOW',
          inputs: [
            {
              name: 'recordId',
              label: 'recordId',
              type: 'SOBJECT',
              objectType: 'Account',
              required: false,
              collection: false,
            },
          ],
          outputs: [{ name: 'total', type: 'DOUBLE', required: false, collection: true }],
        },
      ],
    });
    expect(detectFlowRestPayload({ actions: [{ name: 'X', type: 'APEX' }] })).toBeUndefined();
  });

  it('is nothing for JSON that is none of them', () => {
    for (const v of [null, 3, 'x', [], {}, { status: 1, name: 'MalformedQuery', message: 'bad' }, [1, 2]])
      expect(detectFlowRestPayload(v)).toBeUndefined();
    expect(detectFlowRestText('<Flow xmlns="http://soap.sforce.com/2006/04/metadata"/>')).toBeUndefined();
    expect(detectFlowRestText('{not json')).toBeUndefined();
  });
});

describe('a real flow is never mistaken for a Flow REST payload', () => {
  const asJson = (xml: string) => {
    const x = readXml(xml);
    if (!x.ok) throw new Error(x.error.message);
    return normalise(x.body, undefined) as Record<string, unknown>;
  };
  const shapes = (metadata: Record<string, unknown>) => {
    const record = { attributes: { type: 'Flow' }, Id: '301000000000001AAA', FullName: 'F', Metadata: metadata };
    return [
      metadata,
      record,
      [record],
      { totalSize: 1, done: true, records: [record] },
      { status: 0, result: { totalSize: 1, done: true, records: [record] } },
    ];
  };

  it.each(corpusFiles('flows'))('%s', (file) => {
    for (const shape of shapes(asJson(readCorpus('flows', file)))) expect(detectFlowRestPayload(shape)).toBeUndefined();
  });
  it.each(corpusFiles('tooling-json'))('%s', (file) => {
    expect(detectFlowRestText(readCorpus('tooling-json', file))).toBeUndefined();
  });
  it('our fixtures and generated flows', () => {
    for (const f of ['Opportunity_Review.query.json', 'Opportunity_Review.tooling.json'])
      expect(detectFlowRestText(fixture(f))).toBeUndefined();
    for (let seed = 1; seed < 20; seed++) expect(detectFlowRestText(generateFlow(30, seed).json)).toBeUndefined();
  });
});

describe('placeInterviews and runtimeJson', () => {
  it('50,000 interviews are read and placed in well under a second', () => {
    const rows = interviewRows(names, { count: 50_000, removed: ['Old_Step'], seed: 50 });
    const body = JSON.parse(JSON.stringify(queryResult(rows)));
    const t = performance.now();
    const p = detectFlowRestPayload(body);
    if (p?.kind !== 'interviews') throw new Error('not interviews');
    const json = runtimeJson(placeInterviews(review, p.interviews));
    const ms = performance.now() - t;
    expect(json.total).toBe(50_000);
    expect(ms).toBeLessThan(1000);
  });

  it('counts interviews by element and status, and those at elements the version lacks under elsewhere', () => {
    const rows = interviewRows(names, { count: 400, removed: ['Old_Step', 'Gone'], seed: 9 });
    const p = detectFlowRestPayload(queryResult(rows));
    if (p?.kind !== 'interviews') throw new Error('not interviews');
    const json = runtimeJson(placeInterviews(review, p.interviews));
    const want = expectedRuntime(rows, names);
    expect(json.total).toBe(400);
    expect(Object.keys(json.elements).sort()).toEqual([...want.byElement.keys()].sort());
    for (const [el, statuses] of want.byElement) expect(json.elements[el]).toEqual(Object.fromEntries(statuses));
    expect(json.elsewhere).toEqual(Object.fromEntries(want.elsewhere));
    expect(Object.keys(json.elsewhere)).toContain('Old_Step');
  });

  it('matches CurrentElement exactly: another spelling is elsewhere, with its own spelling', () => {
    const at = (currentElement: string | null, status = 'Paused'): Interview => ({ currentElement, status });
    const first = names[0]!;
    const placed = placeInterviews(review, [at(first), at(first.toUpperCase()), at(null, 'Error'), at(first, 'Error')]);
    expect([...placed.elements.keys()]).toEqual([first]);
    expect(runtimeJson(placed)).toEqual({
      elements: { [first]: { Paused: 1, Error: 1 } },
      elsewhere: { [first.toUpperCase()]: 1, '': 1 },
      total: 4,
    });
  });

  it('keeps the issue’s shape: most frequent status first, elsewhere by name with none last', () => {
    const at = (currentElement: string | null, status: string): Interview => ({ currentElement, status });
    const el = names[1]!;
    const list = [
      ...Array.from({ length: 2 }, () => at(el, 'Error')),
      ...Array.from({ length: 12 }, () => at(el, 'Paused')),
      ...Array.from({ length: 3 }, () => at('Old_Step', 'Paused')),
      at(null, 'Paused'),
    ];
    expect(JSON.stringify(runtimeJson(placeInterviews(review, list)))).toBe(
      `{"elements":{"${el}":{"Paused":12,"Error":2}},"elsewhere":{"Old_Step":3,"":1},"total":18}`,
    );
  });

  it('a __proto__ element or status is an own key, and records have no prototype', () => {
    const flow = doc(
      '<Flow xmlns="http://soap.sforce.com/2006/04/metadata"><assignments><name>__proto__</name>' +
        '<label>P</label></assignments></Flow>',
    );
    const json = runtimeJson(
      placeInterviews(flow, [
        { currentElement: '__proto__', status: '__proto__' },
        { currentElement: 'constructor', status: 'Paused' },
      ]),
    );
    expect(Object.getPrototypeOf(json.elements)).toBeNull();
    expect(Object.hasOwn(json.elements, '__proto__')).toBe(true);
    expect(Object.hasOwn(Object.getOwnPropertyDescriptor(json.elements, '__proto__')?.value, '__proto__')).toBe(true);
    expect(JSON.parse(JSON.stringify(json))).toEqual(
      JSON.parse('{"elements":{"__proto__":{"__proto__":1}},"elsewhere":{"constructor":1},"total":2}'),
    );
  });
});

describe('versionToOpen', () => {
  it('opens the active version, else the latest, else the item when it is a version; else nothing', () => {
    const a = '301000000000001AAA';
    const l = '301000000000002AAA';
    expect(versionToOpen({ apiName: 'F', activeVersionId: a, latestVersionId: l })).toBe(a);
    expect(versionToOpen({ apiName: 'F', latestVersionId: l, id: '300000000000001AAA' })).toBe(l);
    expect(versionToOpen({ apiName: 'F', id: '301000000000003' })).toBe('301000000000003');
    expect(versionToOpen({ apiName: 'F', id: '300000000000001AAA' })).toBeUndefined();
    expect(versionToOpen({ apiName: 'F', id: "301' OR Id != '" })).toBeUndefined();
  });
});

describe('compareInvocable', () => {
  const flow = doc(
    `<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
      <variables><name>recordId</name><dataType>SObject</dataType><objectType>Account</objectType>
        <isCollection>false</isCollection><isInput>true</isInput><isOutput>false</isOutput></variables>
      <variables><name>amount</name><dataType>Number</dataType><isCollection>false</isCollection>
        <isInput>true</isInput><isOutput>false</isOutput></variables>
      <variables><name>ids</name><dataType>String</dataType><isCollection>true</isCollection>
        <isInput>false</isInput><isOutput>true</isOutput></variables>
      <variables><name>secret</name><dataType>String</dataType><isInput>false</isInput><isOutput>true</isOutput></variables>
    </Flow>`,
  );

  it('is empty when the description matches (names without regard to case, engine outputs aside)', () => {
    expect(
      compareInvocable(flow, {
        name: 'F',
        inputs: [
          { name: 'RECORDID', type: 'SOBJECT', objectType: 'Account', required: false, collection: false },
          { name: 'amount', type: 'DOUBLE', required: false },
        ],
        outputs: [
          { name: 'ids', type: 'STRING', required: false, collection: true },
          { name: 'secret', type: 'STRING', required: false },
          { name: 'Flow__InterviewStatus', type: 'STRING', required: false },
        ],
      }),
    ).toEqual([]);
  });

  it('names each mismatch in words', () => {
    const found = compareInvocable(flow, {
      name: 'F',
      inputs: [
        { name: 'recordId', type: 'SOBJECT', objectType: 'Contact', required: true },
        { name: 'amount', type: 'DATE', required: false },
        { name: 'extra', type: 'STRING', required: false },
      ],
      outputs: [{ name: 'ids', type: 'STRING', required: false, collection: false }],
    });
    expect(found.map((m) => [m.direction, m.name, m.kind])).toEqual([
      ['input', 'recordId', 'type'],
      ['input', 'amount', 'type'],
      ['input', 'extra', 'not-in-metadata'],
      ['output', 'ids', 'collection'],
      ['output', 'secret', 'not-in-description'],
    ]);
    expect(found[1]!.words).toBe('Input “amount”: the description says DATE, the metadata says Number.');
    expect(found[0]!.words).toContain('Contact');
    expect(found[3]!.words).toContain('a single value');
  });
});
