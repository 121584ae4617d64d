import { START_ID } from '../graph';
import type { Side } from './sides';

/**
 * Which element of the before version is which element of the after version. Salesforce has no stable
 * element ids, so matching goes in levels (as nbdime does), each deterministic and symmetric — swapping
 * the versions swaps the pairs:
 *
 * 1. exact: the same API name and type;
 * 2. strict: of the rest, the same type and the same own properties apart from name and label (a pure
 *    rename, maybe with a new label); equal candidates pair up in document order. An element with nothing
 *    but a name and label has nothing to recognise it by: it never pairs here;
 * 3. approximate: of the rest, the same type and the same neighbours by connector (direction, kind,
 *    outcome/path key, and the matched element at the other end), in rounds, so a renamed element lets
 *    its renamed neighbour match in the next round. Only a one-to-one candidate pairs up.
 */
export interface Matching {
  /** Before element id → after element id, for every matched element. */
  toAfter: Map<string, string>;
  /** After element id → before element id. */
  toBefore: Map<string, string>;
  /** After ids of elements matched under another name (levels 2 and 3). */
  renamed: Set<string>;
}

export function matchElements(before: Side, after: Side): Matching {
  const m: Matching = { toAfter: new Map(), toBefore: new Map(), renamed: new Set() };
  const pair = (b: string, a: string) => {
    m.toAfter.set(b, a);
    m.toBefore.set(a, b);
    if (a !== b) m.renamed.add(a);
  };
  for (const id of before.order) {
    const a = after.elements.get(id);
    if (a && a.element.type === before.elements.get(id)?.element.type) pair(id, id);
  }
  const unmatchedBefore = () => before.order.filter((id) => !m.toAfter.has(id));
  const unmatchedAfter = () => after.order.filter((id) => !m.toBefore.has(id));

  pairGroups(
    unmatchedBefore(),
    unmatchedAfter(),
    (id) => fullBody(before.elements.get(id)?.body),
    (id) => fullBody(after.elements.get(id)?.body),
    pair,
    false,
  );

  for (let round = 0; round < before.order.length + 1; round++) {
    const bs = unmatchedBefore();
    const as = unmatchedAfter();
    if (bs.length === 0 || as.length === 0) break;
    const found = pairGroups(
      bs,
      as,
      (id) => signature(before, id, (o) => m.toAfter.get(o)),
      (id) => signature(after, id, (o) => (m.toBefore.has(o) ? o : undefined)),
      pair,
      true,
    );
    if (found === 0) break;
  }
  return m;
}

/**
 * Pairs items whose keys are equal (undefined keys never pair); `unique` pairs only one-to-one groups.
 * Returns the number of pairs made.
 */
function pairGroups(
  bs: string[],
  as: string[],
  keyB: (id: string) => string | undefined,
  keyA: (id: string) => string | undefined,
  pair: (b: string, a: string) => void,
  unique: boolean,
): number {
  const groups = new Map<string, { b: string[]; a: string[] }>();
  const add = (id: string, key: string | undefined, sideKey: 'b' | 'a') => {
    if (key === undefined) return;
    let g = groups.get(key);
    if (!g) {
      g = { b: [], a: [] };
      groups.set(key, g);
    }
    g[sideKey].push(id);
  };
  for (const id of bs) add(id, keyB(id), 'b');
  for (const id of as) add(id, keyA(id), 'a');
  let made = 0;
  for (const g of groups.values()) {
    if (unique && (g.b.length !== 1 || g.a.length !== 1)) continue;
    const n = Math.min(g.b.length, g.a.length);
    for (let i = 0; i < n; i++) pair(g.b[i] as string, g.a[i] as string);
    made += n;
  }
  return made;
}

/**
 * An element's neighbourhood: each connector in or out as direction|kind|key|other end, where the other
 * end is named by its after id when matched (`$start` and dangling targets by name). Unmatched ends
 * count without a name, so two changed-and-renamed neighbours do not block each other. Undefined when no
 * end is matched: an isolated element has no neighbourhood to recognise it by.
 */
function signature(s: Side, id: string, matched: (other: string) => string | undefined): string | undefined {
  const type = s.elements.get(id)?.element.type;
  if (type === undefined) return undefined;
  const tokens: string[] = [];
  let anchored = false;
  const end = (other: string): string => {
    if (other === id) return 'self';
    const mapped = matched(other);
    const token =
      other === START_ID && s.nodeType.get(other) === 'start'
        ? START_ID
        : mapped !== undefined
          ? `n:${mapped}`
          : s.nodeType.get(other) === 'missing'
            ? `m:${other}`
            : undefined;
    if (token === undefined) return '?';
    anchored = true;
    return token;
  };
  for (const e of s.out.get(id) ?? []) tokens.push(`o|${e.kind}|${e.key ?? ''}|${end(e.target)}`);
  for (const e of s.in.get(id) ?? []) tokens.push(`i|${e.kind}|${e.key ?? ''}|${end(e.source)}`);
  if (!anchored) return undefined;
  return `${type}\u0000${tokens.sort().join('\u0001')}`;
}

/** A body to pair by, or undefined for an empty one (`type\0{}`: nothing but a name, a label, connectors). */
const fullBody = (body: string | undefined): string | undefined => (body?.endsWith('\u0000{}') ? undefined : body);
