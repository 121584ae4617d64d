import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { galleryMarkdown } from '../../src/cli/gallery';
import { decodeLink, parseFlow } from '../../src/index';
import { CORPUS, corpusFiles, corpusPairs, flowFileName } from '../helpers/corpus';
import { run } from './helpers';

const REPO = 'Flow-Scanner__lightning-flow-scanner__';
const PICKED = ['Trigger_Without_Filter', 'Missing_Null_Handler', 'Copy_API_Name'];
const HOSTILE = '<img src=x onerror=alert(1)> | *bold* [x](y)';
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

let dir: string;
let labels: Map<string, string>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flowscope-gallery-'));
  const flows = join(dir, 'in', 'force-app', 'main', 'default', 'flows');
  mkdirSync(flows, { recursive: true });
  labels = new Map();
  for (const f of corpusFiles('flows').filter((f) => PICKED.some((p) => f === `${REPO}${p}.flow-meta.xml`))) {
    copyFileSync(join(CORPUS, 'flows', f), join(flows, flowFileName(f)));
    const parsed = parseFlow(readFileSync(join(CORPUS, 'flows', f), 'utf8'));
    if (parsed.ok) labels.set(flowFileName(f).replace('.flow-meta.xml', ''), parsed.doc.label);
  }
  // A flow whose label is an attack on the page that shows the gallery.
  const base = readFileSync(join(CORPUS, 'flows', `${REPO}Trigger_Without_Filter.flow-meta.xml`), 'utf8');
  const hostile = base.replace('<label>Trigger Without Filter</label>', `<label>${xmlText(HOSTILE)}</label>`);
  writeFileSync(join(flows, 'Hostile_Flow.flow-meta.xml'), hostile);
  labels.set('Hostile_Flow', HOSTILE);
  writeFileSync(join(dir, 'in', 'README.md'), '# a project\n');
  writeFileSync(join(flows, 'Broken.flow-meta.xml'), '<Flow><label>broken');
  mkdirSync(join(dir, 'in', 'node_modules', 'x'), { recursive: true });
  writeFileSync(join(dir, 'in', 'node_modules', 'x', 'Ignored.flow-meta.xml'), base);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('flowscope render PATH… --out DIR (a gallery)', () => {
  it('draws every flow under a folder as DIR/<ApiName>.svg, and index.md shows each, sorted by label', async () => {
    const out = join(dir, 'out');
    const r = await run('render', join(dir, 'in'), '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(labels.size).toBe(4);
    expect(readdirSync(out).sort()).toEqual([...[...labels.keys()].map((n) => `${n}.svg`), 'index.md'].sort());
    for (const [name, label] of labels) {
      const svg = readFileSync(join(out, `${name}.svg`), 'utf8');
      expect(svg.startsWith('<svg'), name).toBe(true);
      expect(XMLValidator.validate(svg), name).toBe(true);
      expect(svg, name).toContain(`aria-label="${xmlText(label)}"`);
    }
    const md = readFileSync(join(out, 'index.md'), 'utf8');
    expect(md.startsWith('# ')).toBe(true);
    for (const name of labels.keys()) expect(md).toContain(`](${name}.svg)`);
    // Sorted by label: Copy API Name, Missing Null Handler, Trigger Without Filter; the hostile one (`<`) first.
    const order = [...md.matchAll(/\]\((\w+)\.svg\)/g)].map((m) => m[1]);
    expect(order).toEqual(['Hostile_Flow', 'Copy_API_Name', 'Missing_Null_Handler', 'Trigger_Without_Filter']);
    expect(md).toContain('### Trigger Without Filter');
    expect(md).toMatch(/Record-Triggered Flow · triggered on Account, after save, when a record is created or updated/);
    expect(md).toMatch(/Screen Flow · \d+ elements?/);
    // Without a site, no links.
    expect(md).not.toContain('Open in Flowscope');
  });

  it('lists the files that are not flows, or do not parse, under Skipped with the reason; ignores node_modules', async () => {
    const out = join(dir, 'out-skipped');
    expect((await run('render', join(dir, 'in'), '--out', out)).code).toBe(0);
    const md = readFileSync(join(out, 'index.md'), 'utf8');
    const skipped = md.slice(md.indexOf('## Skipped'));
    expect(md.indexOf('## Skipped')).toBeGreaterThan(md.lastIndexOf('### '));
    expect(skipped).toMatch(/README\.md: not a flow file/);
    expect(skipped).toMatch(/Broken\.flow-meta\.xml: The XML is not well-formed/);
    expect(md).not.toContain('Ignored');
  });

  it("escapes a hostile label: no raw HTML, and `|`, `*` and `[` can't format or link", async () => {
    const out = join(dir, 'out-hostile');
    await run('render', join(dir, 'in'), '--out', out);
    const md = readFileSync(join(out, 'index.md'), 'utf8');
    expect(md).not.toContain('<img');
    expect(md).toContain('### &lt;img src=x onerror=alert(1)&gt; \\| \\*bold\\* \\[x\\](y)');
    expect(md).toContain('![&lt;img src=x onerror=alert(1)&gt; \\| \\*bold\\* \\[x\\](y)](Hostile_Flow.svg)');
    const svg = readFileSync(join(out, 'Hostile_Flow.svg'), 'utf8');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('links each flow to Flowscope with --site (or $FLOWSCOPE_SITE): the file itself inside, no token', async () => {
    const out = join(dir, 'out-links');
    const r = await run('render', join(dir, 'in'), '--out', out, '--site', 'https://docs.example/flowscope/');
    expect(r.code, r.err).toBe(0);
    const md = readFileSync(join(out, 'index.md'), 'utf8');
    const links = [...md.matchAll(/\[Open in Flowscope\]\((https:\/\/docs\.example\/flowscope\/#[^)\s]+)\)/g)];
    expect(links.length).toBe(4);
    const decoded = await decodeLink(links[1]?.[1] as string);
    expect(decoded.ok && decoded.state.a.kind).toBe('inline');
    expect(JSON.stringify(decoded)).not.toMatch(/token|sessionId|access/i);
    const env = process.env.FLOWSCOPE_SITE;
    process.env.FLOWSCOPE_SITE = 'https://env.example/';
    try {
      await run('render', join(dir, 'in'), '--out', join(dir, 'out-env'));
    } finally {
      if (env === undefined) delete process.env.FLOWSCOPE_SITE;
      else process.env.FLOWSCOPE_SITE = env;
    }
    expect(readFileSync(join(dir, 'out-env', 'index.md'), 'utf8')).toContain('(https://env.example/#');
  });

  it('takes more than two files, or --gallery, as a gallery; exits 2 without --out and 1 on a missing path', async () => {
    const flows = join(dir, 'in', 'force-app', 'main', 'default', 'flows');
    const files = PICKED.map((p) => join(flows, `${p}.flow-meta.xml`));
    expect((await run('render', ...files, '--out', join(dir, 'three'))).code).toBe(0);
    expect(readdirSync(join(dir, 'three')).length).toBe(4);
    expect((await run('render', files[0] as string, '--gallery', '--out', join(dir, 'one'))).code).toBe(0);
    expect(readdirSync(join(dir, 'one')).sort()).toEqual(['Trigger_Without_Filter.svg', 'index.md']);
    const noOut = await run('render', join(dir, 'in'));
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('--out DIR');
    expect((await run('render', ...files, join(dir, 'missing'), '--out', join(dir, 'x'))).code).toBe(1);
    expect((await run('render', join(dir, 'in'), '--out', join(dir, 'y'), '--layout', 'nope')).code).toBe(2);
    expect(existsSync(join(dir, 'y'))).toBe(false);
  });

  it('keeps `render A B -o x.svg` a diff of two versions', async () => {
    const pair = corpusPairs()[0] as string;
    const out = join(dir, 'diff.svg');
    const r = await run(
      'render',
      join(CORPUS, 'pairs', pair, 'a.flow-meta.xml'),
      join(CORPUS, 'pairs', pair, 'b.flow-meta.xml'),
      '-o',
      out,
    );
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('class="legend"');
  });

  it('galleryMarkdown escapes file names and reasons too', () => {
    const md = galleryMarkdown('T', [], [{ file: 'a_[b].flow', reason: '<script>x</script> *' }]);
    expect(md).not.toContain('<script>');
    expect(md).toContain('a\\_\\[b\\].flow: &lt;script&gt;x&lt;/script&gt; \\*');
  });
});
