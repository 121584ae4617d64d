import type { ParseResult } from '../types';
import { readJsonFlow } from './fromJson';
import { readXmlFlow } from './fromXml';
import { type FormatReaders, type ParseOptions, parseWith } from './read';

export { buildDoc, type ParseOptions } from './read';

const BOTH: FormatReaders = { xml: readXmlFlow, json: readJsonFlow };

/**
 * Text (any supported format) → FlowDoc, both readers at hand: for Node, the CLI, the library and the app's
 * lazy parts. Never throws for bad input: errors are values. (The store in the app parses with onDemand.ts,
 * which loads only the reader of the format it is given.)
 */
export function parseFlow(input: string, options: ParseOptions = {}): ParseResult {
  return parseWith(BOTH, input, options);
}
