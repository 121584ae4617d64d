/**
 * Stands in for `d3-drag` in the browser build (vite.config.ts aliases it): 0.7 KiB gzip of the first screen.
 *
 * React Flow makes a d3 drag behaviour only to drag nodes (XYDrag, for a draggable node or a box of selected
 * ones) and to resize them (XYResizer, NodeResizer). Flowscope's canvas drags nothing — `nodesDraggable`,
 * `elementsSelectable` and every node's `draggable` are false (views/canvas) — so `drag()` is never called,
 * and says so loudly if it ever is. What d3-zoom takes from d3-drag is kept, the same: while the canvas is
 * panned with the mouse, the browser's native drag and text selection are off, and the click that ends a pan
 * that moved is swallowed.
 */
const CAPTURE = { capture: true, passive: false };

function noevent(event: Event) {
  event.preventDefault();
  event.stopImmediatePropagation();
}

interface NoSelectRoot extends HTMLElement {
  __noselect?: string;
}
type MozStyle = CSSStyleDeclaration & { MozUserSelect?: string };

/** d3-drag's `dragDisable` (its nodrag.js): no native drag or text selection until `dragEnable`. */
export function dragDisable(view: Window): void {
  const root = view.document.documentElement as NoSelectRoot;
  view.addEventListener('dragstart', noevent, CAPTURE);
  if ('onselectstart' in (root as object)) view.addEventListener('selectstart', noevent, CAPTURE);
  else {
    root.__noselect = (root.style as MozStyle).MozUserSelect;
    (root.style as MozStyle).MozUserSelect = 'none';
  }
}

/** d3-drag's `dragEnable`: undoes `dragDisable`; `noclick` swallows the click the same gesture ends with. */
export function dragEnable(view: Window, noclick?: boolean): void {
  const root = view.document.documentElement as NoSelectRoot;
  view.removeEventListener('dragstart', noevent, true);
  if (noclick) {
    view.addEventListener('click', noevent, CAPTURE);
    setTimeout(() => view.removeEventListener('click', noevent, true), 0);
  }
  if ('onselectstart' in (root as object)) view.removeEventListener('selectstart', noevent, true);
  else {
    (root.style as MozStyle).MozUserSelect = root.__noselect;
    delete root.__noselect;
  }
}

export function drag(): never {
  throw new Error('d3-drag is not bundled (vite.config.ts): Flowscope drags no nodes');
}
