import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ParseError } from '../types';

export type XmlResult = { ok: true; root: string; body: unknown } | { ok: false; error: ParseError };

/**
 * Parses XML text into a plain object tree (strings only; entities still encoded, see decodeEntities).
 * Entity processing is off in the parser: real flows carry thousands of ordinary entities, which trip
 * entity-expansion limits, and DTD-declared entities (a "billion laughs" bomb) are refused up front.
 */
export function readXml(text: string): XmlResult {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    const at = text.search(/<!DOCTYPE|<!ENTITY/i);
    return {
      ok: false,
      error: { message: 'The XML declares a DOCTYPE or entities, which Flowscope refuses.', hint: 'Flow files never contain <!DOCTYPE> or <!ENTITY>: remove the declaration, or load the file as Salesforce wrote it.', line: lineOf(text, at) },
    };
  }
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) {
    return {
      ok: false,
      error: { message: `The XML is not well-formed at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`, hint: 'The file may be truncated or hand-edited; check the line shown, or re-retrieve the flow.', line: valid.err.line, column: valid.err.col },
    };
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    cdataPropName: '__cdata',
    commentPropName: false,
  });
  const doc = parser.parse(text) as Record<string, unknown>;
  const roots = Object.keys(doc).filter((k) => k !== '#text');
  const root = roots[0];
  if (root === undefined) {
    return { ok: false, error: { message: 'The XML has no root element.', hint: 'A flow file starts with <Flow xmlns="http://soap.sforce.com/2006/04/metadata">.' } };
  }
  return { ok: true, root, body: doc[root] };
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML's predefined and numeric character references in one pass. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return fromCode(parseInt(ref.slice(2), 16), whole);
    if (ref.startsWith('#')) return fromCode(parseInt(ref.slice(1), 10), whole);
    return NAMED[ref] ?? whole;
  });
}

function fromCode(code: number, whole: string): string {
  return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
