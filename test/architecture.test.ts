import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of DESIGN.md, checked over every source file's imports. (ESLint's typescript parser
 * does not run on TypeScript 7 here, so this test is the gate that `no-restricted-imports` would be.)
 */
const SRC = join(__dirname, '../src');
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : /\.(ts|tsx)$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}
const all = files(SRC).map((f) => {
  const text = readFileSync(f, 'utf8');
  const imports = [
    ...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? m[2] ?? '');
  return { path: relative(SRC, f).replace(/\\/g, '/'), text, imports };
});
const layer = (p: string) => p.split('/')[0] ?? '';
const violations = (rule: (f: (typeof all)[number]) => string[]) =>
  all.flatMap((f) => rule(f).map((v) => `${f.path}: ${v}`));

describe('layer rules', () => {
  it('model/ imports nothing from other folders, and no React, DOM or network', () => {
    expect(
      violations((f) =>
        layer(f.path) !== 'model'
          ? []
          : [
              ...f.imports.filter(
                (i) => i.startsWith('.') && !resolve(SRC, dirname(f.path), i).startsWith(join(SRC, 'model')),
              ),
              ...f.imports.filter((i) => /^(react|react-dom|@xyflow|zustand|elkjs)/.test(i)),
              ...(/\b(fetch|document|window|XMLHttpRequest)\s*[.(]/.test(f.text) ? ['uses fetch/DOM'] : []),
            ],
      ),
    ).toEqual([]);
  });

  it('only layout/ imports elkjs; only state/ and views/ import zustand; only views/ imports React', () => {
    expect(
      violations((f) =>
        f.imports.filter((i) => i.startsWith('elkjs')).length > 0 && layer(f.path) !== 'layout'
          ? ['imports elkjs']
          : [],
      ),
    ).toEqual([]);
    expect(
      violations((f) =>
        f.imports.some((i) => i.startsWith('zustand')) && !['state', 'views'].includes(layer(f.path))
          ? ['imports zustand']
          : [],
      ),
    ).toEqual([]);
    expect(
      violations((f) =>
        f.imports.some((i) => /^(react|react-dom|@xyflow\/react)(\/|$)/.test(i)) &&
        !['views', 'main.tsx'].includes(layer(f.path))
          ? ['imports React']
          : [],
      ),
    ).toEqual([]);
  });

  it('layout/ imports no views, state or render; the rest imports layout/ only through index.ts and types.ts', () => {
    const target = (f: (typeof all)[number], i: string) =>
      relative(SRC, resolve(SRC, dirname(f.path), i)).replace(/\\/g, '/');
    expect(
      violations((f) =>
        layer(f.path) !== 'layout'
          ? []
          : f.imports.filter((i) => i.startsWith('.') && ['views', 'state', 'render'].includes(layer(target(f, i)))),
      ),
    ).toEqual([]);
    expect(
      violations((f) =>
        layer(f.path) === 'layout'
          ? []
          : f.imports.filter(
              (i) =>
                i.startsWith('.') && /^layout\//.test(target(f, i)) && !/^layout\/(index|types)$/.test(target(f, i)),
            ),
      ),
    ).toEqual([]);
  });

  it('only sources/ calls fetch', () => {
    expect(
      violations((f) => (/\bfetch\s*\(/.test(f.text) && layer(f.path) !== 'sources' ? ['calls fetch'] : [])),
    ).toEqual([]);
  });

  it('no raw HTML anywhere', () => {
    expect(
      violations((f) => (/dangerouslySetInnerHTML|\.innerHTML\s*=/.test(f.text) ? ['writes raw HTML'] : [])),
    ).toEqual([]);
  });
});
