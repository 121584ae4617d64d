import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffFlows } from '../../../src/model/diff/index';
import type { FlowDiff } from '../../../src/model/diff/types';
import { parseFlow } from '../../../src/model/parse/index';
import type { FlowDoc } from '../../../src/model/types';

export function parseDoc(text: string, fileName?: string): FlowDoc {
  const r = parseFlow(text, fileName ? { fileName } : {});
  if (!r.ok) throw new Error(`${fileName ?? 'flow'}: ${r.error.message}`);
  return r.doc;
}

/** A hand-written fixture pair test/fixtures/diff/<name>--before|after.flow-meta.xml, diffed. */
export function fixturePair(name: string): { before: FlowDoc; after: FlowDoc; diff: FlowDiff } {
  const read = (side: string) =>
    parseDoc(
      readFileSync(join(__dirname, '../../fixtures/diff', `${name}--${side}.flow-meta.xml`), 'utf8'),
      `${name}.flow-meta.xml`,
    );
  const before = read('before');
  const after = read('after');
  return { before, after, diff: diffFlows(before, after) };
}

/** The reportable part of a diff, without unchanged entries and the union graph: what a reviewer reads. */
export function changesOf(d: FlowDiff) {
  return {
    nodes: d.nodes.filter((n) => n.status !== 'unchanged'),
    edges: d.edges
      .filter((e) => e.status !== 'unchanged')
      .map(
        (e) => `${e.status} ${e.source} -> ${e.target} ${e.kind}${e.key ? `[${e.key}]` : ''}${e.goTo ? ' goTo' : ''}`,
      )
      .sort(),
    rewired: d.rewired,
    resources: d.resources.filter((r) => r.status !== 'unchanged'),
    properties: d.properties,
  };
}
