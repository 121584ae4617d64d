import { describe, expect, it } from 'vitest';
import { changeList } from '../../src/model/diff/changes';
import { diffFlows } from '../../src/model/diff/index';
import { reverseDiff } from '../../src/model/diff/reverse';
import { buildGraph, elementIndex } from '../../src/model/graph';
import { parseFlow } from '../../src/model/parse/index';
import { buildLink, decodeLink, inlineRef } from '../../src/share/link';

/** Legal API names that are also Object.prototype keys: a plain-object record would find Object's own. */
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
const assignment = (name: string, next: string | undefined, label = name) =>
  `<assignments><name>${name}</name><label>${label}</label><locationX>0</locationX><locationY>0</locationY>` +
  `<assignmentItems><assignToReference>x</assignToReference><operator>Assign</operator>` +
  `<value><stringValue>1</stringValue></value></assignmentItems>` +
  (next ? `<connector><targetReference>${next}</targetReference></connector>` : '') +
  '</assignments>';
const flow = (labels: ReadonlyMap<string, string> = new Map()) => {
  const chain = NAMES.map((n, i) => assignment(n, NAMES[i + 1], labels.get(n))).join('');
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?><Flow xmlns="http://soap.sforce.com/2006/04/metadata">' +
    `<apiVersion>62.0</apiVersion>${chain}<label>Proto</label><processType>AutoLaunchedFlow</processType>` +
    `<start><locationX>0</locationX><locationY>0</locationY><connector><targetReference>__proto__</targetReference>` +
    '</connector></start><status>Draft</status></Flow>';
  const r = parseFlow(xml, { fileName: 'Proto.flow-meta.xml' });
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
};

describe('elements named like Object.prototype keys', () => {
  it('are graph nodes under their own names, joined by their connectors, each its own element', () => {
    const doc = flow();
    const g = buildGraph(doc);
    expect(g.nodes.map((n) => n.id)).toEqual(['$start', ...NAMES]);
    expect(g.edges.map((e) => `${e.source}>${e.target}:${e.kind}`)).toEqual([
      '$start>__proto__:next',
      '__proto__>constructor:next',
      'constructor>toString:next',
      'toString>hasOwnProperty:next',
    ]);
    for (const n of NAMES) expect(elementIndex(doc).elements.get(n)?.name).toBe(n);
  });

  it('diff, list, reverse and travel in a link like any other name', async () => {
    const before = flow();
    const after = flow(new Map([['constructor', 'Builds things']]));
    const d = diffFlows(before, after);
    expect(d.nodes.filter((n) => n.status !== 'unchanged').map((n) => [n.id, n.status])).toEqual([
      ['constructor', 'changed'],
    ]);
    expect(changeList(d).map((c) => c.title)).toEqual(['Builds things']);
    expect(reverseDiff(d).nodes.find((n) => n.id === 'constructor')?.label).toBe('constructor');
    const link = await buildLink({ v: 1, route: 'diff', a: inlineRef(before), b: inlineRef(after) }, 'https://x.test/');
    if (!link.ok) throw new Error(link.message);
    const back = await decodeLink(link.url);
    if (!back.ok || back.state.b?.kind !== 'inline') throw new Error('the link reads back');
    const reread = parseFlow(back.state.b.text, { fileName: back.state.b.name });
    expect(reread.ok && buildGraph(reread.doc).nodes.map((n) => n.id)).toEqual(['$start', ...NAMES]);
  });

  it('a list called `constructor` holding a connector gives a plain next connector', () => {
    const doc = flow();
    const el = doc.elements.find((e) => e.name === 'hasOwnProperty');
    if (!el) throw new Error('element');
    Object.defineProperty(el.data, 'constructor', {
      value: [{ connector: { targetReference: '__proto__' } }],
      enumerable: true,
    });
    expect(buildGraph(doc).edges.at(-1)).toMatchObject({ source: 'hasOwnProperty', target: '__proto__', kind: 'next' });
  });
});

describe('XML tags and entities named like Object.prototype keys', () => {
  const xml = (body: string) =>
    '<?xml version="1.0"?><Flow xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>62.0</apiVersion>' +
    `${body}<label>P</label><processType>AutoLaunchedFlow</processType><status>Draft</status></Flow>`;

  it('a tag called constructor or __proto__ is read as data', () => {
    const r = parseFlow(
      xml(
        '<assignments><name>A</name><label>A</label><constructor>one</constructor><constructor>two</constructor>' +
          '<__proto__><polluted>yes</polluted></__proto__></assignments>',
      ),
    );
    if (!r.ok) throw new Error(r.error.message);
    const data = r.doc.elements[0]?.data ?? {};
    expect(Object.getOwnPropertyDescriptor(data, 'constructor')?.value).toEqual(['one', 'two']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('&constructor; is an undefined entity, not a function turned into text', () => {
    const r = parseFlow(xml('<description>a &constructor; b</description>'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('&constructor;');
  });
});
