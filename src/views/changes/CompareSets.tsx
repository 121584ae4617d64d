import { type FormEvent, useId, useRef, useState } from 'react';
import type { ChangeOpenInput } from '../../state/types';
import { useAppStore } from '../storeContext';
import '../set/set.css';
import './changes.css';

type Local = Extract<ChangeOpenInput, { kind: 'local' }>['base'];
type Way = 'local' | 'refs' | 'pull';

/** `<input webkitdirectory>`: React knows no such attribute, so it goes in as a plain one. */
const DIRECTORY = { webkitdirectory: '', directory: '' } as Record<string, string>;

/** A chosen folder's files with their paths inside it (or one zip). */
function chosen(files: readonly File[], zip: boolean): Local | undefined {
  const first = files[0];
  if (!first) return undefined;
  if (zip) return { kind: 'zip', file: first };
  const path = (f: File) => f.webkitRelativePath || f.name;
  const top = path(first).split('/')[0];
  const name = files.every((f) => path(f).split('/')[0] === top) && top ? top : `${files.length} files`;
  return { kind: 'folder', name, files: files.map((file) => ({ path: path(file), file })) };
}

const nameOf = (l: Local) => (l.kind === 'folder' ? `${l.name} (${l.files.length} files)` : l.file.name);

/**
 * Compare… → Two sets (issue 14): two folders or zips, two repository tree URLs, or a pull / merge request URL
 * (a token, if the repository is private, goes to its host only). The dialog closes as the change set starts
 * opening; its progress and Cancel are on the change set's screen.
 */
export function CompareSets({ onClose }: { onClose: () => void }) {
  const store = useAppStore();
  const [way, setWay] = useState<Way>('local');
  const [base, setBase] = useState<Local>();
  const [head, setHead] = useState<Local>();
  const token = useRef<HTMLInputElement>(null);
  const id = useId();
  const start = (input: ChangeOpenInput) => {
    void store.getState().openChanges(input);
    onClose();
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => String(form.get(k) ?? '').trim();
    const t = token.current?.value.trim() ?? '';
    if (token.current) token.current.value = '';
    const secret = t ? { token: t } : {};
    if (way === 'local' && base && head) start({ kind: 'local', base, head });
    else if (way === 'refs' && text('base') && text('head'))
      start({ kind: 'refs', base: text('base'), head: text('head'), ...secret });
    else if (way === 'pull' && text('pull')) start({ kind: 'pull', url: text('pull'), ...secret });
  };
  const ways: [Way, string][] = [
    ['local', 'Two folders or zips'],
    ['refs', 'Two refs (tree URLs)'],
    ['pull', 'A pull / merge request'],
  ];
  return (
    <form className="compare-box compare-sets" onSubmit={submit} aria-label="Compare two sets">
      <fieldset className="compare-sets-ways">
        <legend>Compare</legend>
        {ways.map(([w, label]) => (
          <label key={w}>
            <input type="radio" name="way" checked={way === w} onChange={() => setWay(w)} /> {label}
          </label>
        ))}
      </fieldset>
      {way === 'local' && (
        <div className="compare-sides">
          <SidePicker title="Base (before)" value={base} onPick={setBase} />
          <SidePicker title="Head (after)" value={head} onPick={setHead} />
        </div>
      )}
      {way === 'refs' && (
        <div className="compare-sets-fields">
          <label>
            Base tree URL
            <input name="base" className="set-input" placeholder="https://github.com/OWNER/REPO/tree/main/force-app" />
          </label>
          <label>
            Head tree URL
            <input
              name="head"
              className="set-input"
              placeholder="https://github.com/OWNER/REPO/tree/feature/force-app"
            />
          </label>
        </div>
      )}
      {way === 'pull' && (
        <div className="compare-sets-fields">
          <label>
            Pull or merge request URL
            <input
              name="pull"
              className="set-input"
              placeholder="https://github.com/OWNER/REPO/pull/12 or https://gitlab.com/GROUP/PROJECT/-/merge_requests/3"
            />
          </label>
        </div>
      )}
      {way !== 'local' && (
        <div className="compare-sets-fields">
          <label htmlFor={`${id}-token`}>Token (optional, for a private repository; sent only to its host)</label>
          <input id={`${id}-token`} ref={token} className="set-input" type="password" autoComplete="off" />
        </div>
      )}
      <div className="compare-actions">
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={way === 'local' && !(base && head)}>
          Compare sets
        </button>
      </div>
    </form>
  );
}

function SidePicker({ title, value, onPick }: { title: string; value: Local | undefined; onPick: (l: Local) => void }) {
  const folder = useRef<HTMLInputElement>(null);
  const zip = useRef<HTMLInputElement>(null);
  const pick = (files: FileList | null, isZip: boolean) => {
    const l = chosen([...(files ?? [])], isZip);
    if (l) onPick(l);
  };
  return (
    <section className="compare-slot" aria-label={title}>
      <strong>{title}</strong>
      <p className="slot-name">{value ? nameOf(value) : <span className="muted">Nothing chosen yet</span>}</p>
      <div>
        <button type="button" onClick={() => folder.current?.click()}>
          Folder…
        </button>{' '}
        <button type="button" onClick={() => zip.current?.click()}>
          Zip…
        </button>
      </div>
      <input
        ref={folder}
        type="file"
        hidden
        multiple
        {...DIRECTORY}
        aria-label={`${title}: folder`}
        onChange={(e) => pick(e.target.files, false)}
      />
      <input
        ref={zip}
        type="file"
        hidden
        accept=".zip"
        aria-label={`${title}: zip`}
        onChange={(e) => pick(e.target.files, true)}
      />
    </section>
  );
}
