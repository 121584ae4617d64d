import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared corpus beside the repo (CI always has it). Missing corpus fails loudly, never skips. */
export const CORPUS = resolve(__dirname, '../../../shared/corpus');

function requireCorpus(): string {
  if (!existsSync(join(CORPUS, 'flows'))) {
    throw new Error(
      `The flow corpus is missing at ${CORPUS}. Clone the repo beside ../shared (CI=${process.env.CI ?? 'unset'}).`,
    );
  }
  return CORPUS;
}

export function corpusFiles(dir: 'flows' | 'tooling-json'): string[] {
  return readdirSync(join(requireCorpus(), dir))
    .filter((f) => /\.(flow-meta\.xml|flow|json)$/.test(f))
    .sort();
}

export function readCorpus(dir: string, file: string): string {
  return readFileSync(join(requireCorpus(), dir, file), 'utf8');
}

/** Corpus file names are owner__repo__ApiName.ext: the flow's own file name is the part after the second `__`. */
export function flowFileName(file: string): string {
  return file.split('__').slice(2).join('__');
}

export function corpusPairs(): string[] {
  return readdirSync(join(requireCorpus(), 'pairs'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}
