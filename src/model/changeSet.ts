/**
 * A change set (issue 14): two sets of flows — a repository's flows at two commits, two folders, two zips —
 * compared flow by flow, by API name. Pure; the CLI's `flowscope changes` and, later, the change-set view build
 * on it. Pairing is eager and cheap; each flow's diff is computed on demand (`diff(name)`, memoised), so a list
 * can be shown before every diff is done; `flows()` resolves them all, ordered by size of change.
 *
 * A flow's `status` is `added`, `removed`, `changed` (its diff is not empty: elements, connectors, resources or
 * flow properties — coordinates never count, `isEmptyDiff`) or `unchanged`. Its counts are the `diff --json`
 * summary's `nodes` (but `unchanged`) and `edges`. A flow renamed (same text, another API name) is a removed
 * flow and an added one, each with a note naming the other.
 */
import { changeSize, diffFlows, isEmptyDiff } from './diff/index';
import type { FlowDiff } from './diff/types';
import {
  affectedCallers,
  type CallerUse,
  type InterfaceChange,
  interfaceChanges,
  type SubflowUse,
  subflowUses,
} from './interfaceChanges';
import type { FlowDoc } from './types';

/** One flow of a set, as src/sets/read.ts gives it (`text`, when given, lets identical files skip the diff). */
export interface ChangeSetEntry {
  name: string;
  file: string;
  doc: FlowDoc;
  text?: string;
}

export type FlowChangeStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** The `diff --json` summary's counts a change set lists per flow. */
export interface FlowChangeCounts {
  nodes: { added: number; removed: number; changed: number; renamed: number };
  edges: { added: number; removed: number };
}

export interface FlowPair {
  name: string;
  before?: ChangeSetEntry;
  after?: ChangeSetEntry;
}

export interface FlowChange {
  name: string;
  status: FlowChangeStatus;
  /** Where each version was read from. */
  before?: string;
  after?: string;
  /** For a flow in both sets; absent for an added or removed one. */
  summary?: FlowChangeCounts;
  /** Canvas elements of an added (after) or removed (before) flow. */
  elements?: number;
  /** Input/output variables changed (flows in both sets). */
  interface: InterfaceChange[];
  /** After-set Subflow elements that pass or read a changed variable; for a removed flow, every call to it. */
  callers: CallerUse[];
  /** E.g. a flow renamed with the same content: "same content as Other_Flow (added): renamed?" */
  note?: string;
}

export type FlowCounts = Record<FlowChangeStatus, number>;

export interface ChangeSetDuplicate {
  side: 'before' | 'after';
  name: string;
  file: string;
}

export interface ChangeSet {
  /** Every flow name of either set, sorted. */
  names: readonly string[];
  pair(name: string): FlowPair | undefined;
  /** The flow's diff (memoised); undefined for an added or removed flow or an unknown name. */
  diff(name: string): FlowDiff | undefined;
  /** Resolves one flow: its status, counts, interface changes and callers (diffs it if needed). */
  change(name: string): FlowChange | undefined;
  /** Every flow resolved, ordered by size of change (largest first, then by name), unchanged last. */
  flows(): FlowChange[];
  /** Flows per status (resolves them all). */
  counts(): FlowCounts;
  /** Entries of a name already read in the same set (the first of a name is compared). */
  duplicates: readonly ChangeSetDuplicate[];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function keyed(
  entries: readonly ChangeSetEntry[],
  side: ChangeSetDuplicate['side'],
  duplicates: ChangeSetDuplicate[],
): Map<string, ChangeSetEntry> {
  const m = new Map<string, ChangeSetEntry>();
  for (const e of entries) {
    if (m.has(e.name)) duplicates.push({ side, name: e.name, file: e.file });
    else m.set(e.name, e);
  }
  return m;
}

/** The text that says two entries are the same flow file (its text, else the parsed document). */
const contentOf = (e: ChangeSetEntry): string => e.text ?? JSON.stringify(e.doc);

export function countsOf(d: FlowDiff): FlowChangeCounts {
  const { added, removed, changed, renamed } = d.summary.nodes;
  return { nodes: { added, removed, changed, renamed }, edges: { ...d.summary.edges } };
}

export interface CompareOptions {
  /**
   * Renames a source of the two sets knows of (git's rename detection: similar content under another path),
   * by API name: each stays removed + added, with a note.
   */
  renamed?: readonly { from: string; to: string }[];
}

export function compareSets(
  before: readonly ChangeSetEntry[],
  after: readonly ChangeSetEntry[],
  options: CompareOptions = {},
): ChangeSet {
  const duplicates: ChangeSetDuplicate[] = [];
  const b = keyed(before, 'before', duplicates);
  const a = keyed(after, 'after', duplicates);
  const names = [...new Set([...b.keys(), ...a.keys()])].sort(byName);
  const diffs = new Map<string, FlowDiff>();
  const resolved = new Map<string, { change: FlowChange; size: number }>();
  let uses: Map<string, SubflowUse[]> | undefined;
  const usesOf = (name: string) => {
    uses ??= subflowUses([...a.values()]);
    return uses.get(name.toLowerCase()) ?? [];
  };
  let renames: Map<string, string> | undefined;
  /** Removed and added flows of the same content: each names the other. */
  const renameNote = (name: string): string | undefined => {
    if (!renames) {
      renames = new Map();
      const added = new Map<string, string>();
      for (const [n, e] of a) if (!b.has(n)) added.set(contentOf(e), n);
      for (const [n, e] of b) {
        const to = a.has(n) ? undefined : added.get(contentOf(e));
        if (to === undefined) continue;
        renames.set(n, `same content as ${to} (added): renamed? shown as removed + added`);
        renames.set(to, `same content as ${n} (removed): renamed? shown as removed + added`);
      }
      for (const { from, to } of options.renamed ?? []) {
        if (from === to || a.has(from) || b.has(to) || !b.has(from) || !a.has(to)) continue;
        if (!renames.has(from)) renames.set(from, `renamed to ${to} (by git): shown as removed + added`);
        if (!renames.has(to)) renames.set(to, `renamed from ${from} (by git): shown as removed + added`);
      }
    }
    return renames.get(name);
  };

  const diff = (name: string): FlowDiff | undefined => {
    const bv = b.get(name);
    const av = a.get(name);
    if (!bv || !av) return undefined;
    let d = diffs.get(name);
    if (!d) {
      d = diffFlows(bv.doc, av.doc);
      diffs.set(name, d);
    }
    return d;
  };

  const resolve = (name: string) => {
    const done = resolved.get(name);
    if (done) return done;
    const bv = b.get(name);
    const av = a.get(name);
    if (!bv && !av) return undefined;
    let change: FlowChange;
    let size: number;
    if (bv && av) {
      // Identical files are unchanged without a diff.
      const same = bv.text !== undefined && bv.text === av.text;
      const d = same ? undefined : diff(name);
      const status = !d || isEmptyDiff(d) ? 'unchanged' : 'changed';
      const iface = same ? [] : interfaceChanges(bv.doc, av.doc);
      change = {
        name,
        status,
        before: bv.file,
        after: av.file,
        summary: d
          ? countsOf(d)
          : { nodes: { added: 0, removed: 0, changed: 0, renamed: 0 }, edges: { added: 0, removed: 0 } },
        interface: iface,
        callers: iface.length > 0 ? affectedCallers(usesOf(name), iface) : [],
      };
      size = d ? changeSize(d) : 0;
    } else {
      const e = (bv ?? av) as ChangeSetEntry;
      change = {
        name,
        status: bv ? 'removed' : 'added',
        ...(bv ? { before: bv.file } : { after: e.file }),
        elements: e.doc.elements.length,
        interface: [],
        // A removed flow breaks every call to it that the after set still makes.
        callers: bv ? affectedCallers(usesOf(name), [], true) : [],
      };
      size = e.doc.elements.length + 1;
    }
    const note = renameNote(name);
    if (note) change.note = note;
    const r = { change, size };
    resolved.set(name, r);
    return r;
  };

  const all = () => names.map((n) => resolve(n) as { change: FlowChange; size: number });
  return {
    names,
    duplicates,
    pair: (name) => {
      const bv = b.get(name);
      const av = a.get(name);
      return bv || av ? { name, ...(bv ? { before: bv } : {}), ...(av ? { after: av } : {}) } : undefined;
    },
    diff,
    change: (name) => resolve(name)?.change,
    flows: () =>
      all()
        .sort((x, y) => {
          const ux = x.change.status === 'unchanged' ? 1 : 0;
          const uy = y.change.status === 'unchanged' ? 1 : 0;
          return ux - uy || y.size - x.size || byName(x.change.name, y.change.name);
        })
        .map((r) => r.change),
    counts: () => {
      const c: FlowCounts = { added: 0, removed: 0, changed: 0, unchanged: 0 };
      for (const r of all()) c[r.change.status]++;
      return c;
    },
  };
}
