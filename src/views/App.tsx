import { useEffect, useState } from 'react';
import { ElementList } from './components/ElementList';
import { ErrorBanner } from './components/ErrorBanner';
import { FlowHeader } from './components/FlowHeader';
import { LoadBar, loadFile } from './components/LoadBar';
import { useAppStore } from './storeContext';

/** The page: load controls, error banner, flow header, elements. Drop and paste work anywhere. */
export function App() {
  const store = useAppStore();
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.isContentEditable)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      e.preventDefault();
      store.getState().load(text, { kind: 'paste', name: 'pasted text' });
    };
    const onDragOver = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const onDragLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) void loadFile(store, file);
    };
    document.addEventListener('paste', onPaste);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      document.removeEventListener('paste', onPaste);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [store]);

  return (
    <div className="app">
      <header className="app-bar">
        <span className="brand">Flowscope</span>
        <LoadBar />
      </header>
      <ErrorBanner />
      <main className="content">
        <FlowHeader />
        <ElementList />
      </main>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a .flow-meta.xml, .flow or .json file to open it
        </div>
      )}
    </div>
  );
}
