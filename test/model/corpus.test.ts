import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/model/graph';
import { parseFlow } from '../../src/model/parse/index';
import { normalise } from '../../src/model/parse/normalise';
import { readXml } from '../../src/model/parse/xml';
import { corpusFiles, flowFileName, readCorpus } from '../helpers/corpus';

/**
 * An independent count of what a flow file defines: a generic walk of the raw parsed document that
 * knows nothing of the element catalogue. An element is a named top-level item that is not a resource
 * (FLOW-FORMAT.md §2); a connector is any `connector`/`connectors`/`*Connector` field with a target.
 */
type Raw = Record<string, unknown>;
const CONNECTOR = /^(connector|connectors|[a-z]\w*Connector)$/;
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
// Resource arrays, from the format reference (FLOW-FORMAT.md §2), not from the product's catalogue.
const RESOURCES = new Set([
  'variables',
  'constants',
  'formulas',
  'textTemplates',
  'choices',
  'dynamicChoiceSets',
  'stages',
  'exitRules',
  'customProperties',
]);
const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

function rawConnectors(obj: Raw, source: string, out: string[]) {
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'processMetadataValues') continue;
    for (const item of list(value)) {
      if (!isRaw(item)) continue;
      if (CONNECTOR.test(key) && typeof item.targetReference === 'string' && item.targetReference !== '') {
        out.push(`${source} -> ${item.targetReference}${String(item.isGoTo) === 'true' ? ' (goto)' : ''}`);
      } else rawConnectors(item, source, out);
    }
  }
}

function expectedFromRaw(md: Raw): { nodes: string[]; edges: string[] } {
  const nodes: string[] = [];
  const edges: string[] = [];
  const start = list(md.start).find(isRaw);
  const ser = md.startElementReference;
  if (start || (typeof ser === 'string' && ser !== '')) nodes.push('$start');
  if (start) rawConnectors(start, '$start', edges);
  if (typeof ser === 'string' && ser !== '') edges.push(`$start -> ${ser}`);
  for (const [key, value] of Object.entries(md)) {
    if (key === 'start' || key === 'processMetadataValues') continue;
    for (const item of list(value)) {
      if (!isRaw(item) || typeof item.name !== 'string') continue;
      if (RESOURCES.has(key)) continue;
      nodes.push(`${item.name}:${key}`);
      rawConnectors(item, item.name, edges);
    }
  }
  return { nodes: nodes.sort(), edges: edges.sort() };
}

function actual(text: string, fileName: string) {
  const r = parseFlow(text, { fileName });
  if (!r.ok) throw new Error(`${fileName}: ${r.error.message}`);
  const g = buildGraph(r.doc);
  const nodes = g.nodes
    .filter((n) => n.type !== 'missing')
    .map((n) => (n.id === '$start' ? '$start' : `${n.id}:${n.type}`))
    .sort();
  const edges = g.edges.map((e) => `${e.source} -> ${e.target}${e.goTo ? ' (goto)' : ''}`).sort();
  return { nodes, edges, graph: g, doc: r.doc };
}

const xmlParser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, processEntities: false });

describe('every corpus XML flow loads and its graph accounts for every element and connector', () => {
  const files = corpusFiles('flows');
  it('the corpus is there (320 flows)', () => expect(files.length).toBeGreaterThanOrEqual(320));
  it.each(files)('%s', (file) => {
    const text = readCorpus('flows', file);
    const raw = (xmlParser.parse(text) as Raw).Flow as Raw | undefined;
    const got = actual(text, flowFileName(file));
    expect(got.doc.name).toBe(flowFileName(file).replace(/\.(flow-meta\.xml|flow)$/, ''));
    expect(got).toMatchObject(expectedFromRaw(isRaw(raw) ? raw : {}));
  });
});

describe('every corpus Tooling JSON payload loads', () => {
  it.each(corpusFiles('tooling-json'))('%s', (file) => {
    const text = readCorpus('tooling-json', file);
    const value = JSON.parse(text) as Raw;
    const records = Array.isArray(value) ? value : list(value.records);
    const md = (isRaw(records[0]) ? records[0].Metadata : (value.Metadata ?? value)) as Raw;
    expect(actual(text, flowFileName(file))).toMatchObject(expectedFromRaw(md));
  });
});

describe('the same flow in XML and in Tooling JSON', () => {
  it('TemperatureMonitor gives equal FlowDocs (apart from the status it had when each was retrieved) and identical graphs', () => {
    const xml = actual(
      readCorpus('flows', 'mohan-chinnappan-n__cli-dx__TemperatureMonitor.flow'),
      'TemperatureMonitor.flow',
    );
    const json = actual(
      readCorpus('tooling-json', 'mohan-chinnappan-n__cli-dx__TemperatureMonitor.json'),
      'whatever.json',
    );
    // The corpus README: the XML was retrieved when the version was Obsolete, the JSON when Active.
    expect(xml.doc.properties.status).toBe('Obsolete');
    expect(json.doc.properties.status).toBe('Active');
    expect({ ...json.doc, properties: { ...json.doc.properties, status: 'Obsolete' } }).toEqual(xml.doc);
    expect(json.graph.edges).toEqual(xml.graph.edges);
    expect(json.graph.nodes).toEqual(xml.graph.nodes);
  });
});

describe('our XML reader agrees with fast-xml-parser on every corpus file', () => {
  const reference = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    processEntities: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  const decode = (v: unknown): unknown => {
    if (typeof v === 'string')
      return v.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, r: string) =>
        r.startsWith('#x')
          ? String.fromCodePoint(parseInt(r.slice(2), 16))
          : r.startsWith('#')
            ? String.fromCodePoint(Number(r.slice(1)))
            : (({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[r] ?? r),
      );
    if (Array.isArray(v)) return v.map(decode);
    if (isRaw(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
    return v;
  };
  it.each(corpusFiles('flows'))('%s', (file) => {
    const text = readCorpus('flows', file);
    const ours = readXml(text);
    if (!ours.ok) throw new Error(ours.error.message);
    const theirs = decode((reference.parse(text) as Raw).Flow);
    expect(normalise(ours.body, undefined)).toEqual(normalise(theirs, undefined));
  });
});
