// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type LayoutData } from '../../../src/state/store';
import { App } from '../../../src/views/App';
import { folderInput, OpenSetDialog } from '../../../src/views/set/OpenSetDialog';
import { StoreContext } from '../../../src/views/storeContext';
import { readySet } from './setFixture';

afterEach(cleanup);

/** A file as a folder input gives it: its path inside the chosen folder. */
const inFolder = (path: string) => {
  const f = new File(['<Flow/>'], path.split('/').pop() as string);
  Object.defineProperty(f, 'webkitRelativePath', { value: path });
  return f;
};

function setup() {
  const store = createAppStore();
  const openSet = vi.fn(async () => true);
  store.setState({ openSet });
  const onClose = vi.fn();
  render(
    <StoreContext.Provider value={store}>
      <OpenSetDialog onClose={onClose} />
    </StoreContext.Provider>,
  );
  return { store, openSet, onClose };
}

const choose = (label: string, files: File[]) => fireEvent.change(screen.getByLabelText(label), { target: { files } });

describe('Open set…', () => {
  it('opens a chosen folder with every file’s path inside it, and closes', () => {
    const { openSet, onClose } = setup();
    expect(screen.getByRole('dialog', { name: 'Open a flow set' })).toBeTruthy();
    const input = screen.getByLabelText('Project folder') as HTMLInputElement;
    expect(input.hasAttribute('webkitdirectory')).toBe(true);
    const files = [inFolder('proj/flows/A.flow-meta.xml'), inFolder('proj/README.md')];
    choose('Project folder', files);
    expect(openSet).toHaveBeenCalledWith({
      kind: 'folder',
      name: 'proj',
      files: [
        { path: 'proj/flows/A.flow-meta.xml', file: files[0] },
        { path: 'proj/README.md', file: files[1] },
      ],
    });
    expect(onClose).toHaveBeenCalled();
  });

  it('names loose files by their count', () => {
    expect(folderInput([new File([''], 'A.flow'), new File([''], 'B.flow')])).toMatchObject({ name: '2 files' });
    expect(folderInput([])).toBeUndefined();
  });

  it('opens a zip', () => {
    const { openSet } = setup();
    fireEvent.click(screen.getByRole('tab', { name: 'Zip' }));
    const zip = new File(['PK'], 'package.zip');
    choose('Zip file', [zip]);
    expect(openSet).toHaveBeenCalledWith({ kind: 'zip', file: zip });
  });

  it('opens a repository tree with an optional token that never reaches the page', async () => {
    const { openSet } = setup();
    const tabs = screen.getByRole('tablist', { name: 'Where the set is' });
    fireEvent.click(within(tabs).getByRole('tab', { name: 'Zip' }));
    fireEvent.keyDown(within(tabs).getByRole('tab', { name: 'Zip' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Repository' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText(/sent only in a header/)).toBeTruthy();
    expect(screen.getByText('https://gitlab.com/GROUP/PROJECT/-/tree/main/force-app/main/default/flows')).toBeTruthy();
    const open = screen.getByRole('button', { name: 'Open repository' }) as HTMLButtonElement;
    expect(open.disabled).toBe(true);
    const url = 'https://github.com/o/r/tree/main/force-app/main/default/flows';
    fireEvent.change(screen.getByLabelText('Tree URL'), { target: { value: ` ${url} ` } });
    const token = screen.getByLabelText('Token (optional)') as HTMLInputElement;
    expect(token.type).toBe('password');
    fireEvent.change(token, { target: { value: 'glpat-secret' } });
    fireEvent.click(open);
    await waitFor(() => expect(openSet).toHaveBeenCalledWith({ kind: 'repo', url, token: 'glpat-secret' }));
    expect(document.body.innerHTML).not.toContain('glpat-secret');
  });

  it('without an org connection says so and offers to connect; connected, opens active or latest versions', async () => {
    const { store, openSet } = setup();
    fireEvent.click(screen.getByRole('tab', { name: 'Org' }));
    expect(await screen.findByText(/No org is connected/)).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Connect to a Salesforce org' })).toBeTruthy();
    store.setState({ org: { status: 'connected', instanceUrl: 'https://acme.my.salesforce.com', apiVersion: '62.0' } });
    expect(await screen.findByText('https://acme.my.salesforce.com')).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/The latest version/));
    fireEvent.click(screen.getByRole('button', { name: "Open the org's flows" }));
    expect(openSet).toHaveBeenCalledWith({ kind: 'org', which: 'latest' });
  });
});

describe('the page with a set', () => {
  const pending = () => new Promise<LayoutData>(() => undefined);

  it('has an Open set… button that opens the dialog (loaded on demand)', async () => {
    const store = createAppStore({ layout: pending });
    render(
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open set…' }));
    expect(await screen.findByRole('dialog', { name: 'Open a flow set' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the set screen instead of the canvas while listing, and the bar over one of its flows', async () => {
    const store = createAppStore({ layout: pending });
    store.setState({ set: readySet() });
    render(
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>,
    );
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('my-project — 5 flows · 1 skipped');
    expect(screen.queryByRole('complementary', { name: 'Details' })).toBeNull();
    store.setState({ set: readySet(undefined, { listing: false, path: ['Intake'] }) });
    expect(await screen.findByRole('navigation', { name: 'Flow set' })).toBeTruthy();
    expect(screen.getByRole('complementary', { name: 'Details' })).toBeTruthy();
  });

  it('says on the drop overlay that a folder or zip opens as a set', () => {
    const store = createAppStore({ layout: pending });
    render(
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>,
    );
    fireEvent.dragOver(window, { dataTransfer: { types: ['Files'] } });
    expect(screen.getByText('Drop a flow file to open it, or a folder or .zip to open it as a set')).toBeTruthy();
  });
});

describe('dropping on the page', () => {
  const pending = () => new Promise<LayoutData>(() => undefined);
  function page() {
    const store = createAppStore({ layout: pending });
    const openSet = vi.fn(async () => true);
    const loadFile = vi.fn(async () => true);
    store.setState({ openSet, loadFile });
    render(
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>,
    );
    return { openSet, loadFile };
  }
  const entry = (name: string, children?: unknown[]) =>
    children
      ? {
          name,
          isFile: false,
          isDirectory: true,
          createReader: () => {
            let batches = [children, []];
            return {
              readEntries: (ok: (e: unknown[]) => void) => {
                const [next = [], ...rest] = batches;
                batches = rest;
                ok(next);
              },
            };
          },
        }
      : { name, isFile: true, isDirectory: false, file: (ok: (f: File) => void) => ok(new File(['<Flow/>'], name)) };
  const drop = (items: unknown[], files: File[]) =>
    fireEvent.drop(window, {
      dataTransfer: { types: ['Files'], files, items: items.map((e) => ({ webkitGetAsEntry: () => e })) },
    });

  it('opens a dropped folder as a set, read to the bottom', async () => {
    const { openSet, loadFile } = page();
    drop([entry('proj', [entry('flows', [entry('A.flow-meta.xml')]), entry('README.md')])], [new File([], 'proj')]);
    await waitFor(() => expect(openSet).toHaveBeenCalled());
    expect(openSet).toHaveBeenCalledWith({
      kind: 'folder',
      name: 'proj',
      files: [
        expect.objectContaining({ path: 'proj/flows/A.flow-meta.xml' }),
        expect.objectContaining({ path: 'proj/README.md' }),
      ],
    });
    expect(loadFile).not.toHaveBeenCalled();
  });

  it('opens a dropped .zip as a set, and a single flow file as a flow (as before)', () => {
    const { openSet, loadFile } = page();
    const zip = new File(['PK'], 'package.ZIP');
    drop([entry('package.ZIP')], [zip]);
    expect(openSet).toHaveBeenCalledWith({ kind: 'zip', file: zip });
    const flow = new File(['<Flow/>'], 'A.flow-meta.xml');
    drop([entry('A.flow-meta.xml')], [flow]);
    expect(loadFile).toHaveBeenCalledWith(flow);
    expect(openSet).toHaveBeenCalledTimes(1);
  });
});
