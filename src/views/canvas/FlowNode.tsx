import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useContext } from 'react';
import { BeforeSide } from './side';
import { useApp } from '../storeContext';
import { ElementIcon } from './icons';
import { statusMark, statusWord } from '../../render/status';
import type { ChangeStatus } from '../../model/diff/changes';
import type { ElementNodeType, FoldNodeType } from './model';

/** One element as Flow Builder draws it: a coloured tile with its icon, the label, the Builder type. */
/** "Renamed, was Old_Name": the status word and the rename note, for the card's tooltip. */
const statusNote = (status: ChangeStatus, renameNote: string | undefined) =>
  `${statusWord(status)}${renameNote ? `, ${renameNote}` : ''}`;
/** The first `max` names, then "…". */
const listSome = (names: readonly string[], max: number) =>
  `${names.slice(0, max).join(', ')}${names.length > max ? ', …' : ''}`;

export const FlowNode = memo(function FlowNode({ id, data }: NodeProps<ElementNodeType>) {
  const selected = useApp((s) => s.selection === id);
  const related = useApp((s) => s.highlight.nodes.has(id));
  const dimmed = useApp((s) => s.selection !== undefined && !s.highlight.nodes.has(id));
  // Review checks' findings and interviews at this element (issues 15, 16): a mark and words each.
  const before = useContext(BeforeSide);
  const checkNotes = useApp((s) => (before ? s.checkNotesBefore : s.checkNotes).get(id));
  const runtimeNotes = useApp((s) => s.runtimeNotes.get(id));
  const notes = checkNotes && runtimeNotes ? [...checkNotes, ...runtimeNotes] : (checkNotes ?? runtimeNotes);
  const { node } = data;
  const shape =
    node.type === 'decisions' ? 'diamond' : node.type === 'start' || node.type === 'ends' ? 'circle' : 'square';
  const cls = [
    'fs-node',
    `fs-node-${node.type}`,
    selected ? 'is-selected' : '',
    related && !selected ? 'is-related' : '',
    dimmed ? 'is-dimmed' : '',
    node.type === 'missing' ? 'is-missing' : '',
    data.status ? `is-diff-${data.status}` : '',
    data.hasFault || data.goToTarget || node.unreachable || node.type === 'missing' || notes?.length
      ? 'has-badges'
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const status = data.status && data.status !== 'unchanged' ? data.status : undefined;
  return (
    <div
      className={cls}
      data-testid={`node-${id}`}
      data-node-id={id}
      title={`${node.label} (${data.builderName})${status ? ` — ${statusNote(status, data.renameNote)}` : ''}`}
      data-status={data.status}
    >
      <Handle type="target" position={Position.Top} className="fs-handle" isConnectable={false} />
      <span className={`fs-tile fs-tile-${shape}`} style={{ background: data.color }}>
        <span className="fs-tile-icon">
          <ElementIcon name={data.icon} />
        </span>
      </span>
      <span className="fs-node-text">
        <span className="fs-node-label">{node.label}</span>
        <span className="fs-node-type">{data.detail ?? data.builderName}</span>
      </span>
      {/* One row along the card's top: the status on the left, the badges on the right, each shrinking (with an
          ellipsis; the tooltip has it all) before they could overlap. */}
      <span className="fs-badges">
        {status && (
          // Every status is told by a mark and a word, not colour alone.
          <span className={`fs-diff-badge fs-diff-${status}`}>
            <span className="fs-diff-word">
              <span aria-hidden="true">{statusMark(status)}</span> {statusWord(status)}
            </span>
            {data.renameNote ? <span className="fs-diff-was">{`\u00a0· ${data.renameNote}`}</span> : null}
          </span>
        )}
        {data.hasFault && (
          <span className="fs-badge fs-badge-fault" title="Has a fault path">
            Fault
          </span>
        )}
        {data.goToTarget && (
          <span className="fs-badge fs-badge-goto" title="Target of a Go To connector">
            Go To
          </span>
        )}
        {node.unreachable && (
          <span className="fs-badge fs-badge-warn" title="Not reachable from Start">
            Unreachable
          </span>
        )}
        {node.type === 'missing' && (
          <span className="fs-badge fs-badge-warn" title="A connector points here but no element has this name">
            Missing
          </span>
        )}
        {notes?.map((n) => (
          <span key={n.key} className={`fs-badge fs-note fs-note-${n.tone}`} title={n.title} data-note={n.key}>
            <span aria-hidden="true">{n.mark}</span> {n.text}
          </span>
        ))}
      </span>
      <Handle type="source" position={Position.Bottom} className="fs-handle" isConnectable={false} />
    </div>
  );
});

/** "… 12 unchanged": unchanged elements folded away in the Changes-only mode; a click shows them. */
export const FoldNode = memo(function FoldNode({ id, data }: NodeProps<FoldNodeType>) {
  const expand = useApp((s) => s.expandFold);
  const names = data.labels ?? data.members;
  const what = `${data.count} unchanged element${data.count === 1 ? '' : 's'}`;
  return (
    <div className="fs-fold" data-testid="fold" data-fold-id={id} title={`${what}: ${listSome(names, 12)}`}>
      <Handle type="target" position={Position.Top} className="fs-handle" isConnectable={false} />
      <button type="button" className="fs-fold-button" onClick={() => expand(id)} aria-label={`Show the ${what}`}>
        <span className="fs-fold-count">… {data.count} unchanged</span>
        <span className="fs-fold-names">{listSome(names, 3)}</span>
      </button>
      <Handle type="source" position={Position.Bottom} className="fs-handle" isConnectable={false} />
    </div>
  );
});
