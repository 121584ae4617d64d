import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  type NodeMouseHandler,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { statusColor } from '../../render/status';
import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import type { FlowGraph } from '../../model/graph';
import type { FlowDoc } from '../../model/types';
import { startLine } from '../../describe/startLine';
import type { LayoutData } from '../../state/store';
import { isEmbed } from '../links';
import { useApp, useAppStore } from '../storeContext';
import { FAR_ZOOM, nodeAt } from './far';
import { EndNode } from './EndNode';
import { FlowEdge } from './FlowEdge';
import { FlowNode, FoldNode } from './FlowNode';
import { toFlowElements, type CanvasFilter, type FlowNodeType } from './model';
import type { ViewportSync } from './sync';
import { flowOrder } from './order';
import { useMinimap } from './minimap';
import { fitViewport, initialViewport } from './viewport';

// The far view (boxes and lines on one <canvas>) loads when a canvas is first zoomed out that far.
const FarView = lazy(() => import('./FarView').then((m) => ({ default: m.FarView })));
import type { LabelOverrides } from '../diff/sideLabels';
import './canvas.css';

// Module scope: a new object each render would re-mount every node (React Flow docs, STACK-NOTES).
const nodeTypes = { flow: FlowNode, fold: FoldNode, end: EndNode };
const edgeTypes = { flow: FlowEdge };

/** React Flow's own "fit view" icon (four corners). */
const FIT_ICON =
  'M3.7 11.2V4.1c0-.6.4-1 1-1h7.1V0H4.7C2.4 0 .6 1.8.6 4.1v7.1h3.1zM27.3 0h-7.1v3.1h7.1c.6 0 1 .4 1 1v7.1h3.1' +
  'V4.1c0-2.3-1.8-4.1-4.1-4.1zM28.3 25.9c0 .6-.4 1-1 1h-7.1V30h7.1c2.3 0 4.1-1.8 4.1-4.1v-7.1h-3.1v7.1z' +
  'M4.7 26.9c-.6 0-1-.4-1-1v-7.1H.6v7.1C.6 28.2 2.4 30 4.7 30h7.1v-3.1H4.7z';
/** The least zoom an element selected from elsewhere (search, a change, a link) is shown at. */
const SELECTED_ZOOM = 0.8;
/** A small map: a frame with a smaller frame in its corner. */
const MINI_ICON = 'M1 2h14v12H1zM2.5 3.5v9h11v-9zM8 8h4.5v3.5H8z';
/** The minimap shows element colours, or in a comparison what changed (unchanged grey). */
const MINI_UNCHANGED = '#c4c8cd';
const miniColor = (n: { data: unknown }) => {
  const d = n.data as { color?: string; status?: string };
  return statusColor(d.status) ?? (d.status === 'unchanged' ? MINI_UNCHANGED : d.color) ?? MINI_UNCHANGED;
};
const NONE: never[] = [];

interface Props {
  doc: FlowDoc;
  graph: FlowGraph;
  layout: LayoutData;
  /** A comparison mode's view of the union graph (all of it when absent). */
  filter?: CanvasFilter;
  /** Union id → before name, for renamed elements' "was …" badge. */
  renamedFrom?: ReadonlyMap<string, string>;
  /** Side by side: pans and zooms replayed on the other canvas. */
  sync?: ViewportSync;
  /** The canvas's accessible name ("Before", "After"); "Flow canvas" by default. */
  label?: string;
  /** Labels to draw instead of the graph's (a comparison's Before side). */
  labels?: LabelOverrides;
  /** Connector labels that changed, with their before text (a comparison's Overlay and After sides). */
  labelsWas?: ReadonlyMap<string, string | undefined>;
  /** Where a new layout opens, whatever is selected (Changes only: fitted to what it shows). */
  initialView?: (layout: LayoutData, width: number, height: number) => Viewport;
}

function Canvas({ doc, graph, layout, filter, renamedFrom, sync, label, labels, labelsWas, initialView }: Props) {
  // Start shows what starts the flow: "Opportunity · A record is created or updated — after save".
  const startDetail = useMemo(() => startLine(doc), [doc]);
  const { nodes, edges } = useMemo(() => {
    const drawn = toFlowElements(graph, layout, startDetail, filter, renamedFrom, labels, labelsWas);
    // React Flow's Tab order is the nodes' order: the flow's order, not the file's.
    const rank = flowOrder(graph, layout);
    const at = (id: string) => rank.get(id) ?? Number.MAX_SAFE_INTEGER;
    drawn.nodes.sort((a, b) => at(a.id) - at(b.id));
    return drawn;
  }, [graph, layout, startDetail, filter, renamedFrom, labels, labelsWas]);
  const [mini, toggleMini] = useMinimap();
  const select = useApp((s) => s.select);
  const store = useAppStore();
  const selection = useApp((s) => s.selection);
  const rf = useReactFlow();
  const clicked = useRef<string | undefined>(undefined);

  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  // Open like Builder: the whole flow when it fits readably, else Start at the top at a readable zoom
  // (`f` still fits everything). From an effect: the fitView prop can be dropped on big graphs (STACK-NOTES).
  const sized = width > 0 && height > 0;
  // Until the user (or a step to a change) moves the view, the first-open rule follows the canvas's size:
  // a toolbar that loads a moment later must not leave one page fitted to another size than the next.
  const moved = useRef<LayoutData | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: on a new layout or a resize before the view was moved
  useEffect(() => {
    if (!sized || moved.current === layout) return;
    // Embedded in docs, the reader sees the whole flow first. Otherwise the first-open rule, and an element
    // already selected (a link's) centred at that zoom or 0.8, as selecting it from elsewhere does: a reopened
    // link shows the zoom its author saw, not one of its own.
    const selected = store.getState().selection;
    const box = selected === undefined || isEmbed(location.search) ? undefined : layout.nodes[selected];
    const first = isEmbed(location.search)
      ? fitViewport(layout, width, height)
      : initialViewport(layout, width, height, mini);
    if (box) clicked.current = selected; // placed here: the selection effect below leaves it
    const t = requestAnimationFrame(() => {
      if (initialView) return void rf.setViewport(initialView(layout, width, height));
      if (!box) return void rf.setViewport(first);
      const zoom = Math.max(first.zoom, SELECTED_ZOOM);
      void rf.setViewport({
        zoom,
        x: width / 2 - (box.x + box.width / 2) * zoom,
        y: height / 2 - (box.y + box.height / 2) * zoom,
      });
    });
    return () => cancelAnimationFrame(t);
    // On a new layout, and on a resize before the view was moved.
  }, [rf, layout, sized, width, height]);

  // Selecting from elsewhere (search, details panel, change list) brings the element into view.
  useEffect(() => {
    // A click selects what is already in view: moving the canvas under the pointer would disorient.
    if (!sized || selection === undefined || clicked.current === selection) return;
    const box = layout.nodes[selection];
    if (!box) return;
    const zoom = Math.max(rf.getZoom(), SELECTED_ZOOM);
    moved.current = layout;
    void rf.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom, duration: 250 });
  }, [rf, selection, layout, sized]);

  // `f` fits the whole flow in view (typing in a field is left alone).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (
        e.key !== 'f' ||
        e.ctrlKey ||
        e.metaKey ||
        e.altKey ||
        (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable))
      )
        return;
      fitAll();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const fitAll = () => void rf.setViewport(fitViewport(layout, width, height, mini), { duration: 200 });
  const far = useStore((s) => s.transform[2] < FAR_ZOOM);

  // Side by side: replay the other canvas's pans and zooms here; publish ours (user moves only).
  const me = useRef({});
  useEffect(() => sync?.subscribe(me.current, (v) => void rf.setViewport(v)), [sync, rf]);
  const onMove = sync
    ? (event: MouseEvent | TouchEvent | null, v: Viewport) => event && sync.publish(me.current, v)
    : undefined;

  // Enter or Space on a node reached with Tab selects it, as a click does.
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const el = e.target as HTMLElement;
    const id = el.classList?.contains('react-flow__node') ? el.getAttribute('data-id') : null;
    if (!id || !nodes.some((n) => n.id === id && n.type === 'flow')) return;
    e.preventDefault();
    clicked.current = id;
    select(id);
  };
  const onNodeClick: NodeMouseHandler<FlowNodeType> = (_, node) => {
    if (node.type === 'fold') return;
    clicked.current = node.id;
    select(node.id);
  };
  // In the far view a click on a box selects it and zooms in to read it.
  const onPaneClick = (e: React.MouseEvent) => {
    if (!far) return select(undefined);
    const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    const id = nodeAt(layout, p.x, p.y);
    select(id);
    const box = id ? layout.nodes[id] : undefined;
    if (box) void rf.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: 0.9, duration: 250 });
  };
  return (
    <ReactFlow
      nodes={far ? NONE : nodes}
      edges={far ? NONE : edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodeClick={onNodeClick}
      onPaneClick={onPaneClick}
      onMove={onMove}
      onMoveStart={(event) => {
        if (event) moved.current = layout;
      }}
      onKeyDown={onKeyDown}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      edgesFocusable={false}
      minZoom={0.02}
      maxZoom={2.5}
      onlyRenderVisibleElements={nodes.length > 300}
      proOptions={{ hideAttribution: true }}
      aria-label={label ?? 'Flow canvas'}
    >
      <svg className="fs-defs" aria-hidden="true">
        <defs>
          <marker
            id="fs-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="fs-arrow" />
          </marker>
          <marker
            id="fs-arrow-fault"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="fs-arrow-fault" />
          </marker>
          <marker
            id="fs-arrow-goto"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="8"
            markerHeight="8"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 L3,5 z" className="fs-arrow-goto" />
          </marker>
        </defs>
      </svg>
      <Background gap={24} size={1} />
      {far && (
        <Suspense fallback={null}>
          <FarView graph={graph} layout={layout} filter={filter} />
        </Suspense>
      )}
      {/* Embedded in docs the reader has little room: no minimap over the flow. */}
      {!far && !isEmbed(location.search) && mini && (
        <MiniMap pannable zoomable nodeColor={miniColor} nodeStrokeWidth={0} ariaLabel="Overview of the flow" />
      )}
      <Controls showInteractive={false} showFitView={false}>
        <ControlButton
          onClick={fitAll}
          aria-label="Fit the whole flow in view (f)"
          title="Fit the whole flow in view (f)"
        >
          <svg viewBox="0 0 32 30" aria-hidden="true">
            <path d={FIT_ICON} />
          </svg>
        </ControlButton>
        {!isEmbed(location.search) && (
          <ControlButton
            onClick={toggleMini}
            aria-pressed={mini}
            aria-label={mini ? 'Hide the overview map' : 'Show the overview map'}
            title={mini ? 'Hide the overview map' : 'Show the overview map'}
            className="fs-mini-toggle"
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d={MINI_ICON} />
            </svg>
          </ControlButton>
        )}
      </Controls>
    </ReactFlow>
  );
}

export function FlowCanvas(props: Props) {
  return (
    <div className="fs-canvas" data-testid="flow-canvas" data-canvas={props.label}>
      <ReactFlowProvider>
        <Canvas {...props} />
      </ReactFlowProvider>
    </div>
  );
}
