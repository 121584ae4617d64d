/**
 * Hostile inputs end in a picture: thousands of parallel connectors, Decisions nested thousands deep,
 * long chains and flows of 20,000 elements get a finite, non-overlapping layout and a well-formed SVG,
 * with a notice wherever the picture was degraded on purpose. (Time bounds are in the bench.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutGraph } from '../../src/layout/index';
import type { LayoutEdgeInput, LayoutGraphInput, LayoutOptions, LayoutResult } from '../../src/layout/types';
import type { FlowGraph } from '../../src/model/graph';
import { renderSvg } from '../../src/render/svg';
import { toFlowElements } from '../../src/views/canvas/model';
import {
  generateDecisionChain,
  generateFanOut,
  generateFlow,
  generateStepChain,
  type GeneratedFlow,
} from '../support/generate';
import { run } from '../cli/helpers';
import { parseToGraph } from './helpers';
import { checkLayout } from './invariants';

async function picture(gen: GeneratedFlow, options: LayoutOptions = {}): Promise<{ g: FlowGraph; r: LayoutResult }> {
  const g = parseToGraph(gen.xml);
  const r = await layoutGraph(g, { cache: false, ...options });
  expect(checkLayout(g, r)).toEqual([]);
  expect(Number.isFinite(r.width) && Number.isFinite(r.height)).toBe(true);
  const svg = renderSvg(g, r);
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  expect(svg).not.toMatch(/NaN|Infinity/);
  expect(XMLValidator.validate(svg)).toBe(true);
  return { g, r };
}

describe('parallel connectors', () => {
  it('lay out up to 2,000 of them, bundled past 20, every connector kept and routed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2000 }), fc.boolean(), async (n, back) => {
        const { g, r } = await picture(generateFanOut(n, 20, back));
        const fan = g.edges.filter((e) => e.source === 'Fan');
        expect(fan).toHaveLength(n);
        for (const e of g.edges) expect(r.edges[e.id]?.points.length).toBeGreaterThanOrEqual(2);
        if (n > 20) {
          expect(r.notice).toBe(`${n.toLocaleString('en-US')} parallel connectors drawn as 1 bundle`);
          const lead = fan[0]?.id as string;
          expect(r.edges[lead]?.bundle).toBe(n);
          expect(r.edges[lead]?.label?.text).toBe(`Rule 1 + ${(n - 1).toLocaleString('en-US')} more`);
          // The picture says so on the bundle itself, in the SVG and on the canvas.
          const more = `Rule 1 + ${(n - 1).toLocaleString('en-US')} more`;
          expect(renderSvg(g, r)).toContain(more);
          const drawn = toFlowElements(g, r).edges.find((e) => e.id === lead);
          expect(drawn?.data?.label).toBe(more);
          for (const e of fan.slice(1)) {
            expect(r.edges[e.id]?.bundledWith).toBe(lead);
            expect(r.edges[e.id]?.points).toEqual(r.edges[lead]?.points);
          }
        } else {
          expect(r.notice).toBeUndefined();
          for (const e of fan) expect(r.edges[e.id]?.bundledWith).toBeUndefined();
        }
      }),
      {
        numRuns: 12,
        examples: [
          [2000, false],
          [2000, true],
          [21, true],
          [20, false],
        ],
      },
    );
  }, 120_000);
});

describe('deep and long flows', () => {
  it('lay out chains of up to 5,000 nested Decisions (the fast layout past the placement budget)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5000 }), async (n) => {
        const { r } = await picture(generateDecisionChain(n));
        if (r.engine === 'fast') {
          expect(n).toBeGreaterThan(2000);
          expect(r.notice).toMatch(/nested [\d,]+ deep: drawn with the fast layout/);
        } else expect(r.notice).toBeUndefined();
      }),
      { numRuns: 4, examples: [[2000], [5000]] },
    );
  }, 240_000);

  it('keeps 2,000 nested Decisions in the structured picture, and 5,000 plain steps on one spine', async () => {
    const deep = await picture(generateDecisionChain(2000));
    expect(deep.r.engine).toBe('structured');
    const long = await picture(generateStepChain(5000));
    expect(long.r.engine).toBe('structured');
    expect(long.r.notice).toBeUndefined();
    const xs = new Set(long.g.nodes.filter((x) => x.id !== '$start').map((x) => long.r.nodes[x.id]?.x));
    expect(xs.size).toBe(1);
  }, 120_000);
});

describe('big flows', () => {
  it('lay out a 20,000-element flow with the structured engine, and with the fast layout', async () => {
    const gen = generateFlow(20_000, 3);
    const structured = await picture(gen);
    expect(structured.r.engine).toBe('structured');
    expect(structured.r.notice).toBeUndefined();
    const fast = await picture(gen, { engine: 'fast' });
    expect(fast.r.engine).toBe('fast');
    expect(fast.r.notice).toBe('20,001 elements: drawn with the fast layout (rows in flow order, no connector labels)');
  }, 240_000);
});

describe('many Go To connectors', () => {
  /** `n` steps in a row, each but the first with a fault Go To back to the first. */
  const jumpy = (n: number): LayoutGraphInput => {
    const nodes = [{ id: '$start', type: 'start' }];
    const edges: LayoutEdgeInput[] = [{ id: 'start', source: '$start', target: 'S0', kind: 'next' }];
    for (let k = 0; k < n; k++) {
      nodes.push({ id: `S${k}`, type: 'recordUpdates' });
      if (k + 1 < n) edges.push({ id: `next${k}`, source: `S${k}`, target: `S${k + 1}`, kind: 'next' });
      if (k > 0) edges.push({ id: `goTo${k}`, source: `S${k}`, target: 'S0', kind: 'fault', goTo: true });
    }
    return { nodes, edges };
  };

  it('are routed as jumps up to 15,000, past that the fast layout draws the flow', async () => {
    for (const [n, engine] of [
      [3000, 'structured'],
      [16_000, 'fast'],
    ] as const) {
      const g = jumpy(n);
      const r = await layoutGraph(g, { cache: false });
      expect(checkLayout(g, r)).toEqual([]);
      expect(r.engine).toBe(engine);
      if (engine === 'fast') expect(r.notice).toContain('15,999 Go To connectors: drawn with the fast layout');
    }
  }, 120_000);
});

describe('flowscope render', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowscope-hostile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says on stderr how it degraded the picture, and writes the SVG', async () => {
    const file = join(dir, 'fan.flow-meta.xml');
    writeFileSync(file, generateFanOut(1000, 20, true).xml);
    const r = await run('render', file, '-o', join(dir, 'fan.svg'));
    expect(r.code).toBe(0);
    expect(r.err).toContain('flowscope render: 1,000 parallel connectors drawn as 1 bundle\n');
    expect(r.err).toMatch(/wrote .*fan\.svg/);
  });

  it('prints no notice for a normal flow', async () => {
    const file = join(dir, 'normal.flow-meta.xml');
    writeFileSync(file, generateFlow(200, 1).xml);
    const r = await run('render', file, '-o', join(dir, 'normal.svg'));
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('flowscope render:');
  });
});
