/**
 * `npx tsx scripts/picture-report.ts [--pairs] [--list]`: renders every corpus flow (or pair's diff) as
 * `flowscope render` does and counts what a reader sees wrong (test/support/picture.ts): connectors
 * through cards or on unrelated connectors, labels on cards or labels, and crossings. A tuning aid; the
 * picture tests assert the same over the corpus.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderDocs } from '../src/cli/render';
import { parseFlow } from '../src/index';
import { checkPicture } from '../test/support/picture';

const corpus = resolve(import.meta.dirname, '../../shared/corpus/flows');
const list = process.argv.includes('--list');
const pairs = process.argv.includes('--pairs');
const files = pairs
  ? readdirSync(join(corpus, '../pairs'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
  : readdirSync(corpus)
      .filter((f) => /\.(flow-meta\.xml|flow)$/.test(f))
      .sort();
const doc = (path: string) => {
  const parsed = parseFlow(readFileSync(path, 'utf8'));
  return parsed.ok ? parsed.doc : undefined;
};
const totals = { flows: 0, throughCard: 0, onConnector: 0, labelOnCard: 0, labelOnLabel: 0, crossings: 0, bad: 0 };
for (const f of files) {
  const a = doc(pairs ? join(corpus, '../pairs', f, 'a.flow-meta.xml') : join(corpus, f));
  const b = pairs ? doc(join(corpus, '../pairs', f, 'b.flow-meta.xml')) : undefined;
  if (!a || (pairs && !b)) continue;
  const svg = await renderDocs(a, b, {});
  const p = checkPicture(svg);
  totals.flows++;
  totals.throughCard += p.throughCard.length;
  totals.onConnector += p.onConnector.length;
  totals.labelOnCard += p.labelOnCard.length;
  totals.labelOnLabel += p.labelOnLabel.length;
  totals.crossings += p.crossings;
  const faults = p.throughCard.length + p.onConnector.length + p.labelOnCard.length + p.labelOnLabel.length;
  if (faults) totals.bad++;
  if (list && faults)
    console.log(
      `${f}: through ${p.throughCard.length}, on ${p.onConnector.length}, label/card ${p.labelOnCard.length}, ` +
        `label/label ${p.labelOnLabel.length}  ${[...p.throughCard, ...p.onConnector].slice(0, 3).join('; ')}`,
    );
}
console.log(JSON.stringify(totals));
