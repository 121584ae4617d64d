import type { ParseError } from '../types';

import { MAX_NESTING, NESTING_HINT } from './guards';

// The limit lives with the other input limits (guards.ts), where the XML reader reads it too.
export { MAX_NESTING, NESTING_HINT };

interface Entry {
  value: object;
  depth: number;
  /** The outermost object with a `name` on the way down: in flow metadata, the element or resource. */
  element: string | undefined;
  /** The first few steps of the path, for when no element is named. */
  path: string;
}

const PATH_STEPS = 4;

/**
 * Iteratively checks a metadata object parsed from JSON: an error naming where it nests more than
 * MAX_NESTING deep. Depth counts as XML's does, the metadata object being the root `<Flow>` (1): an object
 * is one level below its parent, a list the field's own level (XML repeats the tag), a list in a list one
 * level more. So whatever the XML reader accepts, its JSON form (a share link's payload) is accepted too.
 */
export function jsonNestingError(root: object): ParseError | undefined {
  return tooDeepAnywhere(root) ? whereTooDeep(root) : undefined;
}

/** The fast pass (every JSON input): two stacks, no allocation per value. */
function tooDeepAnywhere(root: object): boolean {
  const values: object[] = [root];
  const depths: number[] = [1];
  for (let v = values.pop(); v !== undefined; v = values.pop()) {
    const depth = depths.pop() as number;
    if (depth > MAX_NESTING) return true;
    if (Array.isArray(v)) {
      for (const item of v as unknown[])
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        }
      continue;
    }
    for (const key in v) {
      const item = (v as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null && Object.hasOwn(v, key)) {
        values.push(item);
        // A list is its field's level: its items are one below the object holding it, as repeated XML tags are.
        depths.push(Array.isArray(item) ? depth : depth + 1);
      }
    }
  }
  return false;
}

/** The slow pass (only for a refused input): where it is too deep, for the message. */
function whereTooDeep(root: object): ParseError | undefined {
  const stack: Entry[] = [{ value: root, depth: 1, element: undefined, path: '' }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { value, depth, element, path } = top;
    if (depth > MAX_NESTING) return tooDeep(element, path);
    const step = (key: string | number): string => {
      if (path.endsWith('…')) return path;
      const next = typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
      return next.split(/[.[]/).length > PATH_STEPS ? `${next}…` : next;
    };
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (typeof v === 'object' && v !== null) stack.push({ value: v, depth: depth + 1, element, path: step(i) });
      }
      continue;
    }
    const rec = value as Record<string, unknown>;
    const own = Object.hasOwn(rec, 'name') ? rec.name : undefined;
    const named = element ?? (typeof own === 'string' && own !== '' ? own : undefined);
    for (const key of Object.keys(rec)) {
      const v = rec[key];
      if (typeof v !== 'object' || v === null) continue;
      const d = Array.isArray(v) ? depth : depth + 1;
      stack.push({ value: v, depth: d, element: named, path: step(key) });
    }
  }
  return undefined;
}

function tooDeep(element: string | undefined, path: string): ParseError {
  const where = element !== undefined ? `element "${element.slice(0, 80)}"` : `the value at ${path || 'the top'}`;
  return {
    message: `The JSON is nested too deeply: ${where} is nested more than ${MAX_NESTING} levels deep.`,
    hint: NESTING_HINT,
  };
}
