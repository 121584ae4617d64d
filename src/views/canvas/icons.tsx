import { memo } from 'react';

import { ICON_PATHS } from '../../render/icons';

// One table of glyphs (render/icons.ts) for the canvas and the SVG export. Shapes echo Flow Builder's
// icons (the real ones are SLDS artwork we do not ship): what matters is that each kind is recognisable.
export const ElementIcon = memo(function ElementIcon({ name, size = 20 }: { name: string; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={ICON_PATHS[name] ?? ICON_PATHS.unknown} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
});
