import { EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useApp } from '../storeContext';
import type { Point } from '../../layout/types';
import { roundedPath } from '../../render/path';
import type { FlowEdgeType } from './model';

/**
 * Where a stub's marker sits: centred on the line's end; stacked below when several stubs end at one
 * point; in a comparison, when a removed and an added stub end at one point, the removed one below and
 * the added one above.
 */
function stubShift(status: string | undefined, slot: number, twin: boolean): string {
  if (slot > 0) return `calc(-50% + ${slot * 20}px)`;
  if (!twin) return '-50%';
  return status === 'removed' ? '10%' : status === 'added' ? '-110%' : '-50%';
}

export const FlowEdge = memo(function FlowEdge({ id, data }: EdgeProps<FlowEdgeType>) {
  const related = useApp((s) => s.highlight.edges.has(id));
  const dimmed = useApp((s) => s.selection !== undefined && !s.highlight.edges.has(id));
  if (!data) return null;
  // A Go To is drawn as Builder draws it, a stub marked "Go To <target>", until its element is selected:
  // hundreds of long jump lines make a big flow unreadable (and slow to paint without a GPU).
  const stubbed = !related && data.stub !== undefined && data.stub.length >= 2;
  const points = stubbed ? (data.stub as Point[]) : data.points;
  const cls = [
    'fs-edge',
    `fs-edge-${data.kind}`,
    data.goTo ? 'fs-edge-goto' : '',
    related ? 'is-related' : '',
    dimmed ? 'is-dimmed' : '',
    data.status ? `fs-edge-diff-${data.status}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const marker = data.goTo ? 'url(#fs-arrow-goto)' : data.kind === 'fault' ? 'url(#fs-arrow-fault)' : 'url(#fs-arrow)';
  // The label box was sized for the label's own text (src/layout/structured/sizes.ts): Go To is told by
  // style, not words.
  const text = data.label;
  const end = points[points.length - 1] as Point;
  return (
    <>
      <path className={cls} d={roundedPath(points)} markerEnd={marker} fill="none" data-edge-id={id} />
      {text && data.labelBox && !stubbed && (
        <EdgeLabelRenderer>
          <div
            className={
              `fs-edge-label fs-edge-label-${data.kind}${data.goTo ? ' fs-edge-label-goto' : ''}` +
              `${dimmed ? ' is-dimmed' : ''}${data.status ? ` fs-edge-label-diff-${data.status}` : ''}` +
              `${data.labelWas !== undefined ? ' fs-edge-label-changed' : ''}`
            }
            // Centred on the box the layout reserved; sized by the text itself, so a wider font never cuts it.
            style={{
              transform:
                'translate(-50%, -50%) ' +
                `translate(${data.labelBox.x + data.labelBox.width / 2}px, ` +
                `${data.labelBox.y + data.labelBox.height / 2}px)`,
            }}
            title={
              `${data.goTo ? `Go To · ${text}` : text}` +
              `${data.status && data.status !== 'unchanged' ? ` (${data.status})` : ''}` +
              `${data.labelWas !== undefined ? ` (was: ${data.labelWas || 'no label'})` : ''}`
            }
          >
            {data.status === 'added'
              ? '+ '
              : data.status === 'removed'
                ? '− '
                : data.labelWas !== undefined
                  ? '~ '
                  : ''}
            {text}
          </div>
        </EdgeLabelRenderer>
      )}
      {stubbed && (
        <EdgeLabelRenderer>
          <div
            className={
              `fs-goto-stub${data.goTo ? '' : ' fs-jump-stub'}${dimmed ? ' is-dimmed' : ''}` +
              `${data.status ? ` fs-stub-diff-${data.status}` : ''}`
            }
            // In a comparison a removed and an added connector can leave from the same point: one above, one below.
            style={{
              transform:
                `translate(4px, ${stubShift(data.status, data.stubSlot ?? 0, data.stubTwin === true)}) ` +
                `translate(${end.x}px, ${end.y}px)`,
            }}
            title={
              `${data.label ? `${data.label}: ` : ''}${data.goTo ? 'Go To' : 'to'} ${data.targetLabel ?? ''} ` +
              '(select to see the whole line)'
            }
          >
            {data.status === 'added'
              ? '+ '
              : data.status === 'removed'
                ? '− '
                : data.labelWas !== undefined
                  ? '~ '
                  : ''}
            {data.kind === 'fault' ? 'Fault → ' : data.label && data.kind !== 'next' ? `${data.label} → ` : '↪ '}
            {data.targetLabel}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
