import { parseFlow } from '../../src/model/parse/index';
import type { FlowDoc, FlowElement } from '../../src/model/types';
import type { Row, Section } from '../../src/describe/types';

/** A hand-written flow: the body goes inside <Flow>; parsed with the real parser so values are normalised. */
export function flow(body: string, fileName = 'Test_Flow.flow-meta.xml'): FlowDoc {
  const r = parseFlow(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}\n</Flow>`,
    { fileName },
  );
  if (!r.ok) throw new Error(`fixture does not parse: ${r.error.message}`);
  return r.doc;
}

export function element(doc: FlowDoc, name: string): FlowElement {
  const el = doc.elements.find((e) => e.name === name);
  if (!el) throw new Error(`no element ${name}`);
  return el;
}

/** Sections as indented "Label: value" lines, so tests read like what the panel shows. */
export function lines(sections: Section[]): string[] {
  const out: string[] = [];
  const walk = (rows: Row[], indent: string) => {
    for (const r of rows) {
      out.push(`${indent}${r.label}: ${r.value}`.trimEnd());
      if (r.children) walk(r.children, `${indent}  `);
    }
  };
  for (const s of sections) {
    out.push(`# ${s.title}`);
    walk(s.rows, '  ');
  }
  return out;
}
