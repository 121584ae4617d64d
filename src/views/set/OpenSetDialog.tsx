import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { selectOrg } from '../../state/store';
import type { SetOpenInput } from '../../state/types';
import { ConnectForm } from '../sources/ConnectForm';
import { Dialog } from '../sources/Dialog';
import { useApp, useAppStore } from '../storeContext';
import { Tabs } from './Tabs';
import { SetScreenPart } from '../lazyParts';
import './set.css';

type Way = 'folder' | 'zip' | 'repo' | 'org';
const WAYS: readonly [Way, string][] = [
  ['folder', 'Folder'],
  ['zip', 'Zip'],
  ['repo', 'Repository'],
  ['org', 'Org'],
];

const GITHUB_TREE = 'https://github.com/OWNER/REPO/tree/main/force-app/main/default/flows';
const GITLAB_TREE = 'https://gitlab.com/GROUP/PROJECT/-/tree/main/force-app/main/default/flows';

/** `<input webkitdirectory>`: React knows no such attribute, so it goes in as a plain one. */
const DIRECTORY = { webkitdirectory: '', directory: '' } as Record<string, string>;

/** A chosen folder's files with their paths inside it, and the folder's name. */
export function folderInput(files: readonly File[]): SetOpenInput | undefined {
  if (files.length === 0) return undefined;
  const path = (f: File) => f.webkitRelativePath || f.name;
  const top = path(files[0] as File).split('/')[0];
  const name = files.every((f) => path(f).split('/')[0] === top) && top ? top : `${files.length} files`;
  return { kind: 'folder', name, files: files.map((file) => ({ path: path(file), file })) };
}

/**
 * "Open set…": a folder, a zip, a repository tree or an org, read as a flow set. The dialog closes as the
 * set starts opening; its progress (and Cancel) are on the set's screen.
 */
export function OpenSetDialog({ onClose }: { onClose: () => void }) {
  const store = useAppStore();
  const [way, setWay] = useState<Way>('folder');
  // The set code (the store's actions, the worker's client, the repository reader) loads while the user picks,
  // not after: fetched on the open, it held the first progress back by ~0.4 s.
  useEffect(() => {
    void import('../../state/setActions').then((m) => m.loadSets()).catch(() => undefined);
    void SetScreenPart.preload();
  }, []);
  const open = (input: SetOpenInput | undefined) => {
    if (!input) return;
    onClose();
    void store
      .getState()
      .openSet(input)
      .catch((e: unknown) =>
        store.getState().reportError({
          message: e instanceof Error ? e.message : String(e),
          hint: 'Try again; if it keeps failing, reload the page.',
          source: { kind: 'file', name: 'the set' },
        }),
      );
  };
  return (
    <Dialog title="Open a flow set" onClose={onClose} className="set-dialog">
      <p className="src-help">
        Every flow of a project at once: a list to sort and filter, search across all of them, triggers per object, and
        subflows you can follow into the flow they call.
      </p>
      <Tabs label="Where the set is" tabs={WAYS} current={way} onChange={setWay}>
        {way === 'folder' && <FileWay kind="folder" onOpen={open} />}
        {way === 'zip' && <FileWay kind="zip" onOpen={open} />}
        {way === 'repo' && <RepoWay onOpen={open} />}
        {way === 'org' && <OrgWay onOpen={open} />}
      </Tabs>
    </Dialog>
  );
}

function FileWay({ kind, onOpen }: { kind: 'folder' | 'zip'; onOpen: (input: SetOpenInput | undefined) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const chosen = (files: FileList | null) => {
    const list = [...(files ?? [])];
    if (kind === 'folder') onOpen(folderInput(list));
    else if (list[0]) onOpen({ kind: 'zip', file: list[0] });
  };
  return (
    <div className="set-way">
      <p className="src-help">
        {kind === 'folder' ? (
          <>
            A project folder (or its <code>force-app/main/default/flows</code>): flows are found at any depth (
            <code>.flow-meta.xml</code>, <code>.flow</code>, Tooling JSON); other files are skipped and listed. Nothing
            leaves this computer.
          </>
        ) : (
          <>
            A retrieved <code>package.zip</code> or a repository download (up to 50 MB). It is unzipped here; nothing
            leaves this computer.
          </>
        )}{' '}
        You can also drop a {kind === 'folder' ? 'folder' : '.zip'} anywhere on the page.
      </p>
      <div className="src-actions set-way-actions">
        <button type="button" className="src-primary" onClick={() => input.current?.click()}>
          {kind === 'folder' ? 'Choose a folder…' : 'Choose a .zip…'}
        </button>
      </div>
      <input
        ref={input}
        type="file"
        hidden
        multiple={kind === 'folder'}
        accept={kind === 'zip' ? '.zip,application/zip' : undefined}
        aria-label={kind === 'folder' ? 'Project folder' : 'Zip file'}
        {...(kind === 'folder' ? DIRECTORY : {})}
        onChange={(e) => chosen(e.target.files)}
      />
    </div>
  );
}

function RepoWay({ onOpen }: { onOpen: (input: SetOpenInput) => void }) {
  const id = useId();
  const [url, setUrl] = useState('');
  // Uncontrolled (as in the URL dialog): the token is never mirrored into a DOM attribute.
  const token = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = token.current?.value.trim() ?? '';
    if (token.current) token.current.value = '';
    onOpen({ kind: 'repo', url: url.trim(), ...(value ? { token: value } : {}) });
  };
  return (
    <form onSubmit={submit} aria-label="Open a repository folder" className="set-way">
      <p className="src-help">
        A folder of a GitHub or GitLab repository at a branch, tag or commit — the page's address when you browse it:
      </p>
      <ul className="set-examples src-help">
        <li>
          <code>{GITHUB_TREE}</code>
        </li>
        <li>
          <code>{GITLAB_TREE}</code>
        </li>
      </ul>
      <div className="src-form">
        <label htmlFor={`${id}-url`}>Tree URL</label>
        <input
          id={`${id}-url`}
          type="text"
          inputMode="url"
          spellCheck={false}
          placeholder={GITHUB_TREE}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <label htmlFor={`${id}-token`}>Token (optional)</label>
        <input id={`${id}-token`} ref={token} type="password" autoComplete="off" spellCheck={false} />
      </div>
      <p className="src-help">
        A public repository needs no token. For a private one: GitHub (Contents: read) or GitLab (read_api). The token
        is sent only in a header, never in a URL or a link.
      </p>
      <div className="src-actions">
        <button type="submit" className="src-primary" disabled={url.trim() === ''}>
          Open repository
        </button>
      </div>
    </form>
  );
}

function OrgWay({ onOpen }: { onOpen: (input: SetOpenInput) => void }) {
  const store = useAppStore();
  const org = useApp(selectOrg);
  const [which, setWhich] = useState<'active' | 'latest'>('active');
  const name = useId();
  useEffect(() => {
    void store.getState().prepareOrg();
  }, [store]);
  if (org.status === 'idle') return <p className="src-help">Looking for an org connection…</p>;
  if (org.status === 'disconnected')
    return (
      <div className="set-way">
        <p className="set-note">No org is connected. Connect one here (or with Org…) to read its flows as a set.</p>
        <ConnectForm initial={org} />
      </div>
    );
  return (
    <form
      className="set-way"
      aria-label="Open the org's flows"
      onSubmit={(e) => {
        e.preventDefault();
        onOpen({ kind: 'org', which });
      }}
    >
      <p className="src-help">
        Every flow of <strong>{org.instanceUrl}</strong>, read through the Tooling API in batches.
      </p>
      <fieldset className="set-choice">
        <legend>Which version of each flow</legend>
        <label>
          <input type="radio" name={name} checked={which === 'active'} onChange={() => setWhich('active')} /> The active
          version
        </label>
        <label>
          <input type="radio" name={name} checked={which === 'latest'} onChange={() => setWhich('latest')} /> The latest
          version, active or not
        </label>
      </fieldset>
      <div className="src-actions">
        <button type="submit" className="src-primary">
          Open the org's flows
        </button>
      </div>
    </form>
  );
}
