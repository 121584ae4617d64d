import { describe, expect, it } from 'vitest';
import { diffFlows } from '../../../src/model/diff/index';
import { isEmptyDiff } from '../../../src/model/diff/summary';
import { buildGraph } from '../../../src/model/graph';
import { parseFlow } from '../../../src/model/parse/index';
import type { FlowDoc, Obj } from '../../../src/model/types';
import { buildLink, decodeLink } from '../../../src/share/link';
import { shareableDoc } from '../../../src/share/metadata';
import { parseRef, SITE } from '../../share/helpers';

/**
 * Field names that are Object.prototype keys. JSON.parse makes `"__proto__"` an own key; an object built by
 * `out[key] = v` would instead get a new prototype and lose the data. Written by hand: a JS object literal
 * with `__proto__` would not make such a key.
 */
const item = (name: string, next: string | undefined, extra = '') =>
  `{"name":"${name}","label":"L ${name}","locationX":0,"locationY":0,${extra}` +
  '"assignmentItems":[{"assignToReference":"x","operator":"Assign","value":{"stringValue":"1"}}]' +
  (next ? `,"connector":{"targetReference":"${next}"}` : '') +
  '}';
const FIELDS = '"__proto__":{"polluted":"yes"},"constructor":["one","two"],"toString":{"stringValue":"x"},';
const tooling = (extraOnToString = '') =>
  '{"FullName":"Proto_Fields","Metadata":{"apiVersion":62,"label":"P","processType":"AutoLaunchedFlow",' +
  '"status":"Draft","__proto__":{"polluted":"yes"},"constructor":"c","toString":"t","hasOwnProperty":"h",' +
  '"start":{"locationX":0,"locationY":0,"connector":{"targetReference":"__proto__"}},' +
  `"assignments":[${item('__proto__', 'constructor', FIELDS)},${item('constructor', 'toString', FIELDS)},` +
  `${item('toString', undefined, extraOnToString)}],` +
  '"variables":[{"name":"valueOf","dataType":"String","isInput":false,"isOutput":false,"__proto__":"v"}]}}';

function parse(text: string): FlowDoc {
  const r = parseFlow(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}
const own = (o: Obj, key: string) => Object.getOwnPropertyDescriptor(o, key)?.value;

describe('field names that are Object.prototype keys (Tooling JSON)', () => {
  it('are kept as data, as own keys, on plain objects', () => {
    const doc = parse(tooling());
    expect(own(doc.properties, '__proto__')).toEqual({ polluted: 'yes' });
    expect(own(doc.properties, 'constructor')).toBe('c');
    expect(own(doc.properties, 'toString')).toBe('t');
    expect(own(doc.properties, 'hasOwnProperty')).toBe('h');
    expect(Object.getPrototypeOf(doc.properties)).toBe(Object.prototype);
    expect(doc.elements.map((e) => e.name)).toEqual(['__proto__', 'constructor', 'toString']);
    const data = doc.elements[0]?.data as Obj;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(own(data, '__proto__')).toEqual({ polluted: 'yes' });
    expect(own(data, 'constructor')).toEqual(['one', 'two']);
    expect(own(data, 'toString')).toEqual({ stringValue: 'x' });
    expect(own(doc.resources[0]?.data as Obj, '__proto__')).toBe('v');
    expect(buildGraph(doc).edges.map((e) => `${e.source}>${e.target}`)).toEqual([
      '$start>__proto__',
      '__proto__>constructor',
      'constructor>toString',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('diff empty against themselves, and a field only one side has is a change from nothing', () => {
    const doc = parse(tooling());
    expect(isEmptyDiff(diffFlows(doc, parse(tooling())))).toBe(true);
    const d = diffFlows(doc, parse(tooling('"constructor":"new","valueOf":"v",')));
    expect(d.nodes.filter((n) => n.status !== 'unchanged').map((n) => [n.id, n.status, n.changes])).toEqual([
      [
        'toString',
        'changed',
        [
          { path: 'constructor', after: 'new' },
          { path: 'valueOf', after: 'v' },
        ],
      ],
    ]);
  });

  it('travel through a share link (one flow, and two as a delta) and parse back to equal FlowDocs', async () => {
    const a = parse(tooling());
    const b = parse(tooling('"constructor":"new",'));
    const view = await buildLink({ v: 1, route: 'view', a: { kind: 'inline', text: tooling() } }, SITE);
    if (!view.ok) throw new Error(view.message);
    const readView = await decodeLink(view.url);
    if (!readView.ok) throw new Error(readView.message);
    expect(parseRef(readView.state.a)).toEqual(shareableDoc(a));
    expect(own(parseRef(readView.state.a).properties, '__proto__')).toEqual({ polluted: 'yes' });
    expect(JSON.stringify(parseRef(readView.state.a))).toBe(JSON.stringify(shareableDoc(a)));

    const diff = await buildLink(
      {
        v: 1,
        route: 'diff',
        a: { kind: 'inline', text: tooling() },
        b: { kind: 'inline', text: tooling('"constructor":"new",') },
      },
      SITE,
    );
    if (!diff.ok) throw new Error(diff.message);
    const readDiff = await decodeLink(diff.url);
    if (!readDiff.ok || readDiff.state.route !== 'diff') throw new Error('the diff link reads back');
    const [backA, backB] = [parseRef(readDiff.state.a), parseRef(readDiff.state.b)];
    expect(JSON.stringify(backA)).toBe(JSON.stringify(shareableDoc(a)));
    expect(JSON.stringify(backB)).toBe(JSON.stringify(shareableDoc(b)));
    expect(backB).toEqual(shareableDoc(b));
    expect(isEmptyDiff(diffFlows(backA, shareableDoc(a)))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
