/**
 * share/ — what a link carries, encoded and decoded. Pure TypeScript (no React, no fetch); import it
 * lazily (`await import('../share')`): the compression and payload code stays out of the first screen.
 *
 * Link grammar (hash routing, so any static host works and the server never sees the payload):
 *   #/view?v=1[&layout=L][&sel=ID]&src=URL                a flow at a URL (raw file URL; blob URLs are converted)
 *   #/view?v=1[&layout=L][&sel=ID]&z=PAYLOAD              a flow inside the link
 *   #/diff?v=1[&mode=M][&layout=L][&ignore=K,…][&sel=ID]&a=URL&b=URL   two versions by URL
 *   #/diff?v=1[&mode=M][&layout=L][&ignore=K,…][&sel=ID]&z=PAYLOAD   both inside the link (b: a delta on a)
 *   (a URL for one version and the other inline: a=URL&z=… or b=URL&z=…)
 *   #/set?v=1&src=TREE[&flow=NAME][&via=A,B][&select=ID]  a flow set: a repository tree URL, the flow on screen,
 *                                                          the breadcrumb before it, the selected element
 * M is overlay | before | after | side | changes; L is saved | auto | elk (the Layout choice, only when it is
 * not the default: saved positions for a free-form flow — a diff's after version — else auto; an unknown L
 * is a notice and the default); ID a node id (for a diff, of the union graph).
 * PAYLOAD = base64url(deflate-raw(JSON)), see payload.ts; the flows are normalised, and Auto-Layout flows
 * stripped of their coordinates, while free-form flows keep theirs for the Saved positions layout
 * (metadata.ts; links made before kept none, and open in Auto-Layout). A missing v reads as 1 (hand-written
 * URL links); any other v is refused.
 *
 * API
 *   buildLink(state: LinkState, site: string): Promise<BuiltLink>
 *     → {ok:true, url, length, warning?}: `url` = site (its own hash dropped) + hash. URL refs become
 *       src/a/b (pass {kind:'url'} when the flows came from URLs — the short form); inline refs are
 *       parsed and go into the payload. `warning` when longer than COMMENT_LIMIT (65,536, a GitHub
 *       comment). → {ok:false, message, hint} when an inline flow does not parse.
 *   decodeLink(hashOrUrl: string): Promise<DecodedLink>
 *     → {ok:true, state, notices} | {ok:false, message, hint}; never throws. Inline refs come back as
 *       {kind:'inline', text, name}: `text` is Tooling JSON that parseFlow(text, {fileName: name}) reads.
 *       Caps: MAX_HASH_CHARS (2 MB) before decompression, MAX_INFLATED_BYTES (20 MB) during it.
 *   inlineRef(doc: FlowDoc): FlowRef           an already parsed flow as an inline ref (keeps the record
 *                                              a multi-record query result was opened at)
 *   readSetLink(hashOrUrl) / setLinkUrl(state, site)   a flow set link read (never throws) and made
 *   readHash / formatHash / withView           sync hash handling (hash.ts): is this a link, which route,
 *                                              rewrite mode/selection without re-encoding the payload
 *   toRawUrl(url): string                      github/gitlab/bitbucket page URL → raw file URL
 *   docToMetadata(doc) / shareableDoc(doc)     FlowDoc → bare Metadata object / minus an Auto-Layout flow's
 *                                              coordinates
 */
export type {
  DiffMode,
  FlowRef,
  HashRoute,
  LinkIgnore,
  LinkLayout,
  LinkState,
  Route,
  SetLinkState,
  ShareError,
} from './types';
export { DIFF_MODES, LINK_IGNORES, LINK_LAYOUTS } from './types';
export {
  buildLink,
  decodeLink,
  inlineRef,
  COMMENT_LIMIT,
  MAX_INFLATED_BYTES,
  type BuiltLink,
  type DecodedLink,
} from './link';
export { readHash, formatHash, withView, MAX_HASH_CHARS, LINK_VERSION, type HashParams, type HashRead } from './hash';
export { toRawUrl, isHttpUrl } from './rawUrl';
export { readSetLink, setLinkUrl, type DecodedSetLink } from './setLink';
export { docToMetadata, shareableDoc } from './metadata';
