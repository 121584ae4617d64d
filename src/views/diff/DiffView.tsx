import { useEffect } from 'react';
import { useAppStore } from '../storeContext';
import { DiffBar } from './DiffBar';
import { DiffCanvasArea } from './DiffCanvasArea';
import { DiffSide } from './DiffSide';
import './diff.css';

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.tagName === 'TEXTAREA' || t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.isContentEditable);

/** `n` / `p`: next and previous change. */
function useChangeKeys() {
  const store = useAppStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'n') store.getState().stepChange(1);
      else if (e.key === 'p') store.getState().stepChange(-1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

/** The comparison's parts, loaded together on first use (none of it is on the first screen). */
export function DiffBarSlot() {
  useChangeKeys();
  return <DiffBar />;
}
export { DiffCanvasArea, DiffSide };
