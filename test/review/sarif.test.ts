/**
 * `flowscope check --sarif` as GitHub code scanning reads it: valid SARIF 2.1.0 for every corpus flow and the
 * review's fixtures, and every result's line is its element's or resource's own `<name>` (the flow's findings
 * on its API version or start); paths with spaces and non-ASCII letters as relative URI references; a flow
 * read from a zip points at the zip itself, the entry and its line said in the message.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sarifErrors } from '../checks/sarifSchema';
import { fx, run } from '../cli/helpers';
import { CORPUS } from '../helpers/corpus';

interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
    logicalLocations: { name: string; fullyQualifiedName: string }[];
  }[];
}

const ROOT = join(__dirname, '../..');

async function sarif(...paths: string[]): Promise<SarifResult[]> {
  const r = await run('check', ...paths, '--sarif', '--fail-on', 'never');
  expect(r.code).toBe(0);
  const log = JSON.parse(r.out);
  expect(sarifErrors(log)).toEqual([]);
  return log.runs[0].results as SarifResult[];
}

/** The file a result's URI names: a file URL as it is, else a path from the repository root. */
const fileOf = (uri: string) =>
  uri.startsWith('file://') ? decodeURIComponent(new URL(uri).pathname) : join(ROOT, decodeURIComponent(uri));

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Every result's line names what it is about; returns how many results were looked at. */
function expectLines(results: readonly SarifResult[]): number {
  const texts = new Map<string, string[]>();
  for (const res of results) {
    const where = res.locations[0]?.physicalLocation;
    if (!where) throw new Error(`${res.ruleId}: no physical location`);
    const file = fileOf(where.artifactLocation.uri);
    const lines = texts.get(file) ?? readFileSync(file, 'utf8').split('\n');
    texts.set(file, lines);
    const line = lines[where.region.startLine - 1] ?? '';
    const fq = res.locations[0]?.logicalLocations[0]?.fullyQualifiedName ?? '';
    const at = `${where.artifactLocation.uri}:${where.region.startLine} ${res.ruleId} ${fq}`;
    const element = fq.includes('.') ? fq.slice(fq.indexOf('.') + 1) : '';
    if (element !== '' && res.ruleId !== 'trigger-without-criteria') {
      const xml = `<name>${escapeXml(element)}</name>`;
      const json = `"name": ${JSON.stringify(element)}`;
      expect(line.includes(xml) || line.replace(/"name":\s*/, '"name": ').includes(json), at).toBe(true);
    } else if (where.region.startLine !== 1) expect(line, at).toMatch(/<apiVersion>|"apiVersion"|<start>|"start"/);
    else expect(lines.join('\n'), at).not.toMatch(/<apiVersion>|<start>/);
  }
  return results.length;
}

describe('check --sarif', () => {
  it('over the whole corpus and the review fixtures: valid, and every result on the line naming its element', async () => {
    const results = await sarif(join(CORPUS, 'flows'), join(CORPUS, 'tooling-json'), fx('review'));
    expect(expectLines(results)).toBeGreaterThan(1000);
    // Findings of every kind of place: elements, resources, the flow.
    const rules = new Set(results.map((r) => r.ruleId));
    for (const rule of ['missing-fault-path', 'unused-resource', 'outdated-api-version', 'trigger-without-criteria'])
      expect(rules.has(rule), rule).toBe(true);
  }, 120_000);

  it("a Tooling query result's records point at their own record's lines, not line 1 or the first record's", async () => {
    // Before the fix every result of a query result was at line 1: the reader gives each record a text of its own.
    const file = fx('review/Several_Records.json');
    const lines = readFileSync(file, 'utf8').split('\n');
    const second = lines.findIndex((l) => l.includes('"Query_Two-2"')) + 1;
    const results = await sarif(file);
    expect(expectLines(results)).toBe(6);
    for (const r of results) {
      const where = r.locations[0]?.physicalLocation;
      const fq = r.locations[0]?.logicalLocations[0]?.fullyQualifiedName ?? '';
      const line = where?.region.startLine ?? 0;
      expect(line, fq).toBeGreaterThan(1);
      if (fq.startsWith('Query_Two')) expect(line, fq).toBeGreaterThan(second);
      else expect(line, fq).toBeLessThan(second);
    }
    // A query of one record (what `sf data query --use-tooling-api --json` gives for one version) too.
    const base = join(ROOT, 'node_modules', '.cache');
    mkdirSync(base, { recursive: true });
    const dir = mkdtempSync(join(base, 'review-'));
    try {
      const one = JSON.parse(readFileSync(file, 'utf8'));
      one.result.records = one.result.records.slice(0, 1);
      one.result.totalSize = 1;
      const single = join(dir, 'One.json');
      writeFileSync(single, JSON.stringify(one, null, 2));
      const oneResults = await sarif(single);
      expect(oneResults.length).toBe(3);
      expect(oneResults.every((r) => (r.locations[0]?.physicalLocation.region.startLine ?? 0) > 1)).toBe(true);
      expectLines(oneResults);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('paths with spaces and non-ASCII letters are relative URI references from the repository root', async () => {
    const base = join(ROOT, 'node_modules', '.cache');
    mkdirSync(base, { recursive: true });
    const dir = mkdtempSync(join(base, 'review-'));
    try {
      const folder = join(dir, 'force app', 'flöws #1');
      mkdirSync(folder, { recursive: true });
      const text = readFileSync(fx('review/Loops_Goto.flow-meta.xml'), 'utf8');
      writeFileSync(join(folder, 'Lööps Gotö.flow-meta.xml'), text);
      const results = await sarif(folder);
      const uris = new Set(results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri));
      const expected = relative(ROOT, join(folder, 'Lööps Gotö.flow-meta.xml'))
        .split('/')
        .map(encodeURIComponent)
        .join('/');
      expect([...uris]).toEqual([expected]);
      expect(expected).toContain('force%20app/fl%C3%B6ws%20%231/L%C3%B6%C3%B6ps%20Got%C3%B6.flow-meta.xml');
      expectLines(results);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a flow inside a zip: the zip is the location (line 1), the message names the entry and its line', async () => {
    const base = join(ROOT, 'node_modules', '.cache');
    mkdirSync(base, { recursive: true });
    const dir = mkdtempSync(join(base, 'review-'));
    try {
      const text = readFileSync(fx('review/Loops_Goto.flow-meta.xml'), 'utf8');
      const zip = join(dir, 'retrieved package.zip');
      writeFileSync(zip, zipSync({ 'unpackaged/flows/Loops_Goto.flow-meta.xml': new TextEncoder().encode(text) }));
      const results = await sarif(zip);
      expect(results.map((r) => r.ruleId).sort()).toEqual(['dml-in-loop', 'loop-without-after-last', 'soql-in-loop']);
      const lines = text.split('\n');
      for (const r of results) {
        const where = r.locations[0]?.physicalLocation;
        expect(decodeURIComponent(where?.artifactLocation.uri ?? '')).toBe(relative(ROOT, zip));
        expect(where?.region.startLine).toBe(1);
        const m = /\(in the archive: unpackaged\/flows\/Loops_Goto\.flow-meta\.xml, line (\d+)\)$/.exec(r.message.text);
        expect(m, r.message.text).not.toBeNull();
        const element = r.locations[0]?.logicalLocations[0]?.name ?? '';
        expect(lines[Number(m?.[1]) - 1]).toContain(`<name>${element}</name>`);
      }
      // Read as a file, the same flow's results point into it.
      const plain = await sarif(fx('review/Loops_Goto.flow-meta.xml'));
      expect(plain.every((r) => !r.message.text.includes('archive'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
