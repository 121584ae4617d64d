import type { FlowDiff, PropertyChange } from '../../../src/model/diff/types';

/** Canonical lines of a diff as read from the before side (`flip` reads a reversed diff back). */
export function readDiff(d: FlowDiff, flip: boolean): string[] {
  const sw = <T>(x: T, y: T): [T, T] => (flip ? [y, x] : [x, y]);
  const status = (s: string) => (flip ? (s === 'added' ? 'removed' : s === 'removed' ? 'added' : s) : s);
  const changes = (cs: PropertyChange[]) =>
    cs
      .map((c) => {
        const [before, after] = sw(c.before, c.after);
        return JSON.stringify([c.path, before, after]);
      })
      .sort()
      .join(';');
  const lines: string[] = [];
  const beforeName = new Map<string, string>();
  for (const n of d.nodes) {
    const [b, a] = n.status === 'renamed' ? sw(n.renamedFrom as string, n.id) : [n.id, n.id];
    if (n.status === 'renamed') beforeName.set(n.id, flip ? n.id : (n.renamedFrom as string));
    lines.push(`node ${status(n.status)} ${n.type} ${b}>${a} ${changes(n.changes)}`);
  }
  // An unchanged connector may have changed owner (an outcome renamed, two swapping targets): it carries
  // the newer version's key, so the key is read only on added and removed ones.
  for (const e of d.edges)
    lines.push(
      `edge ${status(e.status)} ${e.source}>${e.target} ${e.kind} ${e.status === 'unchanged' ? '' : (e.key ?? '')} ${sw(e.wasGoTo ?? e.goTo, e.goTo).join('>')}`,
    );
  for (const r of d.rewired) {
    // A rewire's source is named in the newer version; read it in the older one for comparison.
    const src = flip ? r.source : (beforeName.get(r.source) ?? r.source);
    const [before, after] = sw(r.before, r.after);
    lines.push(`rewire ${src} ${r.kind} ${r.key ?? ''} ${before}>${after}`);
  }
  for (const r of d.resources) {
    const [b, a] = r.renamedFrom !== undefined ? sw(r.renamedFrom, r.id) : [r.id, r.id];
    lines.push(`resource ${status(r.status)} ${r.type} ${b}>${a} ${changes(r.changes)}`);
  }
  lines.push(`properties ${changes(d.properties)}`);
  return lines.sort();
}
