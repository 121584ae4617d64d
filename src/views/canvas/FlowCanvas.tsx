import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type NodeMouseHandler } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef } from 'react';
import type { FlowGraph } from '../../model/graph';
import type { FlowDoc } from '../../model/types';
import { processTypeName } from '../details/flow';
import { triggerObject, triggerText } from '../details/start';
import type { LayoutData } from '../../state/store';
import { useApp } from '../storeContext';
import { FlowEdge } from './FlowEdge';
import { FlowNode } from './FlowNode';
import { toFlowElements, type FlowNodeType } from './model';
import './canvas.css';

// Module scope: a new object each render would re-mount every node (React Flow docs, STACK-NOTES).
const nodeTypes = { flow: FlowNode };
const edgeTypes = { flow: FlowEdge };
const FIT = { padding: 0.08, maxZoom: 1.2, duration: 0 };

interface Props {
  doc: FlowDoc;
  graph: FlowGraph;
  layout: LayoutData;
}

function Canvas({ doc, graph, layout }: Props) {
  // Start shows what starts the flow: "Opportunity · A record is created or updated — after save".
  const startDetail = useMemo(() => [triggerObject(doc.start, doc), triggerText(doc.start, doc) ?? processTypeName(doc)].filter(Boolean).join(' · ') || undefined, [doc]);
  const { nodes, edges } = useMemo(() => toFlowElements(graph, layout, startDetail), [graph, layout, startDetail]);
  const select = useApp((s) => s.select);
  const selection = useApp((s) => s.selection);
  const rf = useReactFlow();
  const clicked = useRef<string | undefined>(undefined);

  // The fitView prop can be dropped on big graphs; fit from an effect once the layout is in (STACK-NOTES).
  useEffect(() => {
    const t = requestAnimationFrame(() => void rf.fitView(FIT));
    return () => cancelAnimationFrame(t);
  }, [rf, layout]);

  // Selecting from elsewhere (search, details panel, change list) brings the element into view.
  useEffect(() => {
    // A click selects what is already in view: moving the canvas under the pointer would disorient.
    if (selection === undefined || clicked.current === selection) return;
    const box = layout.nodes[selection];
    if (!box) return;
    const zoom = Math.max(rf.getZoom(), 0.8);
    void rf.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom, duration: 250 });
  }, [rf, selection, layout]);

  // `f` fits the whole flow in view (typing in a field is left alone).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key !== 'f' || e.ctrlKey || e.metaKey || e.altKey || (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable))) return;
      void rf.fitView({ ...FIT, duration: 200 });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rf]);

  const onNodeClick: NodeMouseHandler<FlowNodeType> = (_, node) => {
    clicked.current = node.id;
    select(node.id);
  };
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodeClick={onNodeClick}
      onPaneClick={() => select(undefined)}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      edgesFocusable={false}
      minZoom={0.02}
      maxZoom={2.5}
      onlyRenderVisibleElements={nodes.length > 300}
      proOptions={{ hideAttribution: true }}
      aria-label="Flow canvas"
    >
      <svg className="fs-defs" aria-hidden="true">
        <defs>
          <marker id="fs-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="fs-arrow" />
          </marker>
          <marker id="fs-arrow-fault" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="fs-arrow-fault" />
          </marker>
          <marker id="fs-arrow-goto" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 L3,5 z" className="fs-arrow-goto" />
          </marker>
        </defs>
      </svg>
      <Background gap={24} size={1} />
      <MiniMap pannable zoomable nodeColor={(n) => (n.data as { color?: string }).color ?? '#999'} nodeStrokeWidth={0} ariaLabel="Overview of the flow" />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}

export function FlowCanvas(props: Props) {
  return (
    <div className="fs-canvas" data-testid="flow-canvas">
      <ReactFlowProvider>
        <Canvas {...props} />
      </ReactFlowProvider>
    </div>
  );
}
