/**
 * Is this hash a Flowscope link (`#/view?…`, `#/diff?…`, `#/set?…`, `#/changes?…`)? Cheap and synchronous:
 * decides whether to open the default sample. Opening one is the store's `openLink`.
 */
export const isLinkHash = (hash: string) => /^#\/(view|diff|set|changes)(\?|$)/.test(hash);

/** Embed mode (`?embed=1`): canvas only, fitted, read-only, for an <iframe> in docs. */
export const isEmbed = (search: string) => new URLSearchParams(search).get('embed') === '1';
