import type { ParseError } from '../types';

export const MAX_INPUT_CHARS = 50 * 1024 * 1024;

/**
 * How deep an input may nest. Real flow metadata nests a few levels (the corpus's deepest, a screen with
 * sections, columns and fields, is 9 XML levels): depth means nothing beyond that, and every walk downstream
 * (normalise, findConnectors, the differ, describe) recurses. Refusing deeper input here bounds them all.
 */
export const MAX_NESTING = 200;

export const NESTING_HINT =
  'Real flows nest a few dozen levels at most (screens with sections and columns are the deepest): ' +
  'this input was generated or damaged. Load the flow as Salesforce wrote it.';

/** Checks that apply before any format is tried: size, emptiness, binary content. */
export function checkInput(text: string): ParseError | undefined {
  if (text.length > MAX_INPUT_CHARS) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    return {
      message: `The input is ${mb} MB; Flowscope reads flows up to 50 MB.`,
      hint: 'The largest real flows are under 1 MB: check that this is a single flow file, not an archive or a log.',
    };
  }
  if (text.trim() === '') {
    return {
      message: 'The input is empty.',
      hint: 'Paste or drop a .flow-meta.xml file, or the JSON of a Tooling API Flow record.',
    };
  }
  if (text.startsWith('PK\u0003\u0004')) {
    return {
      message: 'This is a zip archive, not a flow.',
      hint: 'Unzip it and load the .flow-meta.xml (or .flow) file inside.',
    };
  }
  const sample = text.slice(0, 4096);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return binary();
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  if (control > sample.length * 0.05) return binary();
  return undefined;
}

function binary(): ParseError {
  return {
    message: 'This looks like binary data, not a flow.',
    hint: 'Load a text file: a Metadata API .flow-meta.xml/.flow file or Tooling API JSON.',
  };
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
