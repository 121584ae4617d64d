import { useMemo } from 'react';
import { elementColor, elementKind } from '../../model/elements';
import type { GraphNode } from '../../model/graph';
import { selectFlow } from '../../state/store';
import { useApp } from '../storeContext';

/** Every node of the flow, grouped by Builder type, with its connector counts. */
export function ElementList() {
  const flow = useApp(selectFlow);
  const groups = useMemo(() => {
    if (!flow) return [];
    const out = new Map<string, number>();
    const inc = new Map<string, number>();
    for (const e of flow.graph.edges) {
      out.set(e.source, (out.get(e.source) ?? 0) + 1);
      inc.set(e.target, (inc.get(e.target) ?? 0) + 1);
    }
    const byType = new Map<string, GraphNode[]>();
    for (const n of flow.graph.nodes) byType.set(n.type, [...(byType.get(n.type) ?? []), n]);
    return [...byType].map(([type, nodes]) => ({ type, nodes, out, inc }));
  }, [flow]);
  if (!flow) return <p className="empty">Drop a flow file anywhere, paste one (Ctrl/Cmd+V), or open a sample.</p>;
  return (
    <section aria-label="Elements" className="element-list">
      <h2>
        {flow.graph.nodes.length} elements, {flow.graph.edges.length} connectors
      </h2>
      {groups.map(({ type, nodes, out, inc }) => (
        <div key={type} className="element-group">
          <h3>
            <span className="swatch" style={{ background: elementColor(type) }} />
            {elementKind(type).builderName} <span className="muted">({nodes.length})</span>
          </h3>
          <ul>
            {nodes.map((n) => (
              <li key={n.id} data-node-id={n.id}>
                <span className="element-label">{n.label}</span> <code>{n.id}</code>
                <span className="muted">
                  {' '}
                  {inc.get(n.id) ?? 0} in · {out.get(n.id) ?? 0} out
                </span>
                {n.unreachable && <span className="badge warn">unreachable</span>}
                {n.type === 'missing' && <span className="badge error">missing</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
