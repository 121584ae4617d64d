import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { END_COLOR } from '../../render/elementLook';
import type { EndNodeType } from './model';

/**
 * An End as Auto-Layout draws it under a path that ends: a small pill with a red stop mark and the word
 * End (the same look as the SVG's, render/nodes.ts). The layout added it; it is not an element.
 */
export const EndNode = memo(function EndNode({ data }: NodeProps<EndNodeType>) {
  return (
    <div
      className="fs-end"
      data-testid="end"
      title="End: this path ends here"
      style={{
        boxSizing: 'border-box',
        width: '100%',
        height: '100%',
        display: 'flex',
        alignItems: 'center',
        gap: 6,
        padding: '0 10px 0 6px',
        borderRadius: 999,
        border: `1px solid ${END_COLOR}`,
        background: `color-mix(in srgb, ${END_COLOR} 8%, var(--panel))`,
        color: END_COLOR,
        fontSize: 12,
        fontWeight: 600,
        opacity: data.dimmed ? 0.55 : 1,
      }}
    >
      <Handle type="target" position={Position.Top} className="fs-handle" isConnectable={false} />
      <span
        aria-hidden="true"
        style={{
          width: 20,
          height: 20,
          borderRadius: '50%',
          background: END_COLOR,
          display: 'grid',
          placeItems: 'center',
        }}
      >
        <span style={{ width: 8, height: 8, borderRadius: 1.5, background: '#fff' }} />
      </span>
      End
    </div>
  );
});
