import { describe, expect, it, vi } from 'vitest';
import { type DropEntry, dropInput, openDropped } from '../../../src/views/set/dropFolder';

const file = (name: string) => ({
  name,
  isFile: true,
  isDirectory: false,
  file: (ok: (f: File) => void) => ok(new File([`<Flow>${name}</Flow>`], name)),
});

/** A directory whose reader answers in batches of `batch` entries, then an empty one (as Chromium does). */
const dir = (name: string, children: DropEntry[], batch = 2) => ({
  name,
  isFile: false,
  isDirectory: true,
  createReader: () => {
    let at = 0;
    return {
      readEntries: (ok: (e: DropEntry[]) => void) => {
        const next = children.slice(at, at + batch);
        at += batch;
        setTimeout(() => ok(next));
      },
    };
  },
});

describe('a dropped folder', () => {
  it('reads every batch of every directory, at any depth, with paths from the dropped folder', async () => {
    const many = Array.from({ length: 5 }, (_, i) => file(`F${i}.flow-meta.xml`));
    const tree = dir('proj', [file('README.md'), dir('flows', many), dir('empty', [])]);
    const input = await dropInput([tree]);
    expect(input.kind).toBe('folder');
    if (input.kind !== 'folder') return;
    expect(input.name).toBe('proj');
    expect(input.files.map((f) => f.path)).toEqual(['proj/README.md', ...many.map((f) => `proj/flows/${f.name}`)]);
    expect(await input.files[1]?.file.text()).toBe('<Flow>F0.flow-meta.xml</Flow>');
  });

  it('names several dropped items by their count, and uses the bare files without entries', async () => {
    const input = await dropInput([file('A.flow'), file('B.flow')]);
    expect(input.kind === 'folder' && input.name).toBe('2 dropped items');
    const bare = await dropInput([], [new File(['x'], 'A.flow'), new File(['y'], 'B.flow')]);
    expect(bare.kind === 'folder' && bare.files.map((f) => f.path)).toEqual(['A.flow', 'B.flow']);
  });

  it('a folder that cannot be read becomes the page error; a readable one is opened as a set', async () => {
    const broken = { ...file('x'), file: (_ok: unknown, fail?: (e: unknown) => void) => fail?.(new Error('gone')) };
    const app = { openSet: vi.fn(async () => true), reportError: vi.fn() };
    expect(await openDropped(app, [dir('p', [broken])], [])).toBe(false);
    expect(app.reportError).toHaveBeenCalledWith(expect.objectContaining({ message: 'gone' }));
    expect(await openDropped(app, [dir('p', [file('A.flow')])], [])).toBe(true);
    expect(app.openSet).toHaveBeenCalledWith(expect.objectContaining({ kind: 'folder', name: 'p' }));
  });
});
