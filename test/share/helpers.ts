import { expect } from 'vitest';
import { parseFlow } from '../../src/model/parse/index';
import type { FlowDoc } from '../../src/model/types';
import type { FlowRef } from '../../src/share/types';

export function parse(text: string, fileName?: string): FlowDoc {
  const r = parseFlow(text, fileName ? { fileName } : {});
  if (!r.ok) throw new Error(`${fileName ?? 'flow'}: ${r.error.message}`);
  return r.doc;
}

/** An inline ref decoded from a link, parsed the way the page will parse it. */
export function parseRef(ref: FlowRef | undefined): FlowDoc {
  expect(ref?.kind).toBe('inline');
  if (ref?.kind !== 'inline') throw new Error('not inline');
  return parse(ref.text, ref.name);
}

export const SITE = 'https://example.github.io/flowscope/';

/** A flow's XML marked as saved from Auto-Layout (Builder's CanvasMode), whose coordinates links drop. */
export const autoLayout = (xml: string) =>
  xml.replace(
    /(<Flow[^>]*>)/,
    '$1<processMetadataValues><name>CanvasMode</name><value><stringValue>AUTO_LAYOUT_CANVAS</stringValue>' +
      '</value></processMetadataValues>',
  );
