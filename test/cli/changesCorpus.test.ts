import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusPairs, readCorpus } from '../helpers/corpus';
import { run } from './helpers';

/**
 * An independent check over the real version pairs of the corpus: each repository's pairs become two folders
 * (every pair's a in one, its b in the other, under the flow's API name; a flow with two pairs goes to a second
 * round of folders), `changes --json --all` runs over them, and every flow's status and counts must be what
 * `diff --json` says of that pair on its own.
 */
const root = mkdtempSync(join(tmpdir(), 'flowscope-changes-corpus-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Pair {
  dir: string;
  repo: string;
  flow: string;
}

/** `owner__repo__FlowApiName[__commit7]` (an API name never has two underscores in a row). */
function pairOf(dir: string): Pair {
  const parts = dir.split('__');
  const last = parts[parts.length - 1] as string;
  const named = parts.length > 3 && /^[0-9a-f]{7}$/.test(last) ? parts.slice(2, -1) : parts.slice(2);
  return { dir, repo: parts.slice(0, 2).join('__'), flow: named.join('__') };
}

type Summary = {
  nodes: { added: number; removed: number; changed: number; renamed: number; unchanged: number };
  edges: { added: number; removed: number };
  resources: { added: number; removed: number; changed: number };
  properties: number;
};

describe('changes over the corpus pairs agrees with diff per pair', () => {
  it('gives every flow the status and counts diff --json gives its pair', async () => {
    const groups = new Map<string, Pair[]>();
    const rounds = new Map<string, number>();
    for (const p of corpusPairs().map(pairOf)) {
      const k = `${p.repo}/${p.flow}`;
      const round = rounds.get(k) ?? 0;
      rounds.set(k, round + 1);
      const g = `${p.repo}__${round}`;
      groups.set(g, [...(groups.get(g) ?? []), p]);
    }
    let checked = 0;
    for (const [group, pairs] of groups) {
      for (const side of ['a', 'b'] as const) mkdirSync(join(root, group, side), { recursive: true });
      for (const p of pairs)
        for (const side of ['a', 'b'] as const)
          writeFileSync(
            join(root, group, side, `${p.flow}.flow-meta.xml`),
            readCorpus(`pairs/${p.dir}`, `${side}.flow-meta.xml`),
          );
      const r = await run('changes', join(root, group, 'a'), join(root, group, 'b'), '--json', '--all');
      expect(r.code, group).toBe(0);
      const out = JSON.parse(r.out) as {
        summary: { flows: Record<string, number> };
        flows: { name: string; status: string; summary: { nodes: object; edges: object } }[];
      };
      expect(out.flows.map((f) => f.name).sort(), group).toEqual(pairs.map((p) => p.flow).sort());
      let changed = 0;
      for (const p of pairs) {
        const files = (['a', 'b'] as const).map((s) => join(root, group, s, `${p.flow}.flow-meta.xml`));
        const d = await run('diff', files[0] as string, files[1] as string, '--json');
        const s = (JSON.parse(d.out) as { summary: Summary }).summary;
        const empty =
          s.nodes.added + s.nodes.removed + s.nodes.changed + s.nodes.renamed === 0 &&
          s.edges.added + s.edges.removed === 0 &&
          s.resources.added + s.resources.removed + s.resources.changed === 0 &&
          s.properties === 0;
        const f = out.flows.find((x) => x.name === p.flow);
        expect(f?.status, p.dir).toBe(empty ? 'unchanged' : 'changed');
        if (!empty) changed++;
        const { unchanged: _u, ...nodes } = s.nodes;
        expect(f?.summary, p.dir).toEqual({ nodes, edges: s.edges });
        checked++;
      }
      expect(out.summary.flows, group).toEqual({ added: 0, removed: 0, changed, unchanged: pairs.length - changed });
    }
    expect(checked).toBe(corpusPairs().length);
    expect(checked).toBeGreaterThan(60);
  }, 120_000);
});
