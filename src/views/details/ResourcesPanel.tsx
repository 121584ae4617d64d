import { useId, useMemo } from 'react';
import type { FlowDoc, FlowResource } from '../../model/types';
import { describeResource, resourceGroupName, resourceSummary, resourceTypeName } from '../../describe/resources';
import { SectionList } from './SectionList';
import './details.css';

export interface ResourcesPanelProps {
  doc: FlowDoc;
  /** Show only resources whose name, type, summary or description contains this text (case-insensitive). */
  filter?: string;
}

/** Builder's order of the resource groups; unknown resource arrays follow in document order. */
const ORDER = ['variables', 'constants', 'formulas', 'textTemplates', 'choices', 'dynamicChoiceSets', 'stages'];

export interface ResourceGroup {
  type: string;
  title: string;
  resources: FlowResource[];
}

function groupResources(resources: FlowResource[], filter = ''): ResourceGroup[] {
  const needle = filter.trim().toLowerCase();
  const matches = (r: FlowResource) =>
    needle === '' ||
    [
      r.name,
      resourceTypeName(r),
      resourceSummary(r),
      typeof r.data.description === 'string' ? r.data.description : '',
    ].some((t) => t.toLowerCase().includes(needle));
  const groups = new Map<string, FlowResource[]>();
  for (const t of ORDER) groups.set(t, []);
  for (const r of resources) {
    if (!matches(r)) continue;
    const list = groups.get(r.type);
    if (list) list.push(r);
    else groups.set(r.type, [r]);
  }
  return [...groups]
    .filter(([, list]) => list.length > 0)
    .map(([type, list]) => ({ type, title: resourceGroupName(type), resources: list }));
}

/** Every resource of the flow, grouped by kind with counts; each one opens to its typed sections. */
export function ResourcesPanel({ doc, filter = '' }: ResourcesPanelProps) {
  const titleId = useId();
  const groups = useMemo(() => groupResources(doc.resources, filter), [doc.resources, filter]);
  const shown = groups.reduce((n, g) => n + g.resources.length, 0);
  return (
    <section className="fsd-panel fsd-resources" aria-labelledby={titleId}>
      <h2 id={titleId} className="fsd-title">
        Resources ({filter.trim() ? `${shown} of ${doc.resources.length}` : doc.resources.length})
      </h2>
      {groups.length === 0 && (
        <p className="fsd-muted">
          {doc.resources.length === 0 ? 'This flow has no resources.' : `No resources match “${filter}”.`}
        </p>
      )}
      {groups.map((g) => (
        <section key={g.type} className="fsd-group" aria-label={g.title}>
          <h3 className="fsd-section-title">
            {g.title} <span className="fsd-count">({g.resources.length})</span>
          </h3>
          <ul className="fsd-resource-list">
            {g.resources.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a repeated resource name is told apart by its place
              <li key={`${r.name}#${i}`}>
                <details className="fsd-resource">
                  <summary>
                    <span className="fsd-mono fsd-resource-name">{r.name}</span>{' '}
                    <span className="fsd-muted">{resourceSummary(r)}</span>
                  </summary>
                  <SectionList sections={describeResource(r)} level={4} />
                </details>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
