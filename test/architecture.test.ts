import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of `layers.json` (docs/architecture.md), checked over every import of every file under
 * src/: relative imports against each part's `may` list, packages against `packages`, and the calls that
 * only one part may make. (typescript-eslint does not run on TypeScript 7: this test is that gate.)
 */
interface Rules {
  parts: Record<string, { may: string[]; why: string }>;
  entries: Record<string, string[]>;
  packages: Record<string, string[]>;
  calls: Record<string, string[]>;
  dom: { none: string[] };
}
const ROOT = join(__dirname, '..');
const SRC = join(ROOT, 'src');
const rules = JSON.parse(readFileSync(join(ROOT, 'layers.json'), 'utf8')) as Rules;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : /\.(ts|tsx)$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}
/** Comments and strings' contents out, so a comment that says "fetch(" or names a folder is no call or import. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
const IMPORT =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
const all = files(SRC).map((f) => {
  const text = code(readFileSync(f, 'utf8'));
  const imports = [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  return { file: f, path: relative(SRC, f).replace(/\\/g, '/'), text, imports };
});
/** The part of src/ a path is in: its first folder, or the file itself at the top. */
const partOf = (pathInSrc: string) => pathInSrc.split('/')[0] ?? '';
const target = (fromFile: string, spec: string) => {
  const abs = resolve(dirname(fromFile), spec);
  if (!abs.startsWith(SRC)) return `outside src/ (${spec})`;
  const part = partOf(relative(SRC, abs).replace(/\\/g, '/'));
  // `../index` is the file index.ts at the top of src/, not a folder.
  const file = ['.ts', '.tsx'].map((ext) => part + ext).find((f) => existsSync(join(SRC, f)));
  return existsSync(join(SRC, part)) ? part : (file ?? part);
};
const partOfImport = (spec: string) => {
  const [a = '', b = ''] = spec.split('/');
  return spec.startsWith('@') ? `${a}/${b}` : a;
};

describe('layer rules (layers.json)', () => {
  it('names every part of src/, and every part it allows exists', () => {
    const parts = new Set(all.map((f) => partOf(f.path)));
    expect([...parts].filter((p) => !(p in rules.parts))).toEqual([]);
    for (const [part, r] of Object.entries(rules.parts)) {
      expect(existsSync(join(SRC, part)), part).toBe(true);
      for (const m of r.may) expect(m in rules.parts, `${part} may import ${m}`).toBe(true);
    }
  });

  it('each part imports only itself and the parts its rule allows', () => {
    const bad = all.flatMap((f) => {
      const from = partOf(f.path);
      const allowed = new Set([from, ...(rules.parts[from]?.may ?? [])]);
      return f.imports
        .filter((i) => i.startsWith('.'))
        .map((i) => target(f.file, i))
        .filter((t) => !allowed.has(t))
        .map((t) => `${f.path} imports ${t} (${from} may import: ${[...allowed].join(', ')})`);
    });
    expect(bad).toEqual([]);
  });

  it('a part with entries is imported from elsewhere only through them (layout/: index.ts, types.ts)', () => {
    const bad = all.flatMap((f) =>
      f.imports
        .filter((i) => i.startsWith('.'))
        .map((i) => relative(SRC, resolve(dirname(f.file), i)).replace(/\\/g, '/'))
        .filter((t) => {
          const part = partOf(t);
          const entries = part === partOf(f.path) || part === '$comment' ? undefined : rules.entries[part];
          return entries !== undefined && !entries.some((e) => `${part}/${e}` === t || `${part}/${e}` === `${t}.ts`);
        })
        .map((t) => `${f.path} imports ${t}`),
    );
    expect(bad).toEqual([]);
  });

  it('each listed package is imported only where its rule allows', () => {
    const bad = all.flatMap((f) =>
      f.imports
        .filter((i) => !i.startsWith('.'))
        .map(partOfImport)
        .filter((pkg) => pkg in rules.packages && !(rules.packages[pkg] ?? []).includes(partOf(f.path)))
        .map((pkg) => `${f.path} imports ${pkg}`),
    );
    expect(bad).toEqual([]);
  });

  it('fetch only in sources/, raw HTML nowhere, no DOM or CSS in the parts that run in Node or the worker', () => {
    const bad = all.flatMap((f) => {
      const part = partOf(f.path);
      const calls = Object.entries(rules.calls)
        .filter(([call, where]) => f.text.includes(call) && !where.includes(part))
        .map(([call]) => `${f.path} uses ${call}`);
      const dom =
        rules.dom.none.includes(part) && /\b(document|window|XMLHttpRequest)\s*[.(]/.test(f.text)
          ? [`${f.path} uses the DOM`]
          : [];
      const css =
        rules.dom.none.includes(part) && f.imports.some((i) => i.endsWith('.css')) ? [`${f.path} imports CSS`] : [];
      return [...calls, ...dom, ...css];
    });
    expect(bad).toEqual([]);
  });

  it('the checks can fail: a made-up view importing sources/ and a model file importing React are caught', () => {
    const allowed = (from: string, to: string) => from === to || (rules.parts[from]?.may ?? []).includes(to);
    expect(allowed('views', 'sources')).toBe(false);
    expect(allowed('cli', 'views')).toBe(false);
    expect(allowed('cli', 'state')).toBe(false);
    for (const p of ['describe', 'layout', 'render']) {
      expect(allowed(p, 'views')).toBe(false);
      expect(allowed(p, 'state')).toBe(false);
    }
    expect(Object.keys(rules.parts).filter((p) => p !== 'model' && allowed('model', p))).toEqual([]);
    expect(rules.packages.react).not.toContain('model');
  });
});
