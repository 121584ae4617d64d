/**
 * Link state ⇄ link. See index.ts for the grammar.
 *
 *   buildLink(state: LinkState, site: string): Promise<BuiltLink>
 *   decodeLink(hashOrUrl: string): Promise<DecodedLink>   never throws
 *   inlineRef(doc: FlowDoc): FlowRef                      a parsed flow as an inline ref that re-parses to it
 */
import type { FlowDoc } from '../model/types';
import { compress, decompress } from './codec';
import { formatHash, readHash, type HashParams } from './hash';
import { docToMetadata, shareableDoc } from './metadata';
import { decodePayload, encodePayload, type PayloadFlow } from './payload';
import { isHttpUrl, toRawUrl } from './rawUrl';
import { readIgnores, writeIgnores } from './ignore';
import type { FlowRef, LinkState, ShareError } from './types';

/** A GitHub comment holds at most 65,536 characters: a longer link cannot go into a PR comment. */
export const COMMENT_LIMIT = 65_536;
/** Decompressed payloads above this are refused (the largest corpus pair is under 1 MB). */
export const MAX_INFLATED_BYTES = 20 * 1024 * 1024;

export type BuiltLink = { ok: true; url: string; length: number; warning?: string } | ShareError;
export type DecodedLink = { ok: true; state: LinkState; notices: string[] } | ShareError;

export async function buildLink(state: LinkState, site: string): Promise<BuiltLink> {
  const refs = state.route === 'diff' ? [state.a, state.b] : [state.a];
  if (state.route === 'diff' && !state.b)
    return { ok: false, message: 'A diff link needs two flows.', hint: 'Load a second version to compare.' };
  const params: HashParams = {};
  const docs: (FlowDoc | undefined)[] = [];
  for (const [i, ref] of refs.entries()) {
    if (!ref) continue;
    const key = state.route === 'view' ? 'src' : i === 0 ? 'a' : 'b';
    if (ref.kind === 'url') {
      const url = toRawUrl(ref.url);
      if (!isHttpUrl(url))
        return {
          ok: false,
          message: `Links can only point at http(s) URLs, not "${url.slice(0, 60)}".`,
          hint: 'Share the flow inside the link instead.',
        };
      params[key] = url;
      docs.push(undefined);
    } else {
      // Only making a link parses: a page opening one does not load both readers for it (model/parse/onDemand.ts).
      const { parseFlow } = await import('../model/parse/index');
      const parsed = parseFlow(ref.text, ref.name ? { fileName: ref.name } : {});
      if (!parsed.ok) return { ok: false, message: parsed.error.message, hint: parsed.error.hint };
      docs.push(shareableDoc(parsed.doc));
    }
  }
  if (docs.some(Boolean)) params.z = await compress(encodePayload(docs[0], docs[1]));
  if (state.route === 'diff' && state.mode) params.mode = state.mode;
  if (state.layout) params.layout = state.layout;
  const ignore = state.route === 'diff' ? writeIgnores(state.ignore) : undefined;
  if (ignore) params.ignore = ignore;
  if (state.sel !== undefined && state.sel !== '') params.sel = state.sel;
  const url = `${site.split('#')[0] ?? ''}${formatHash({ route: state.route, ...params })}`;
  const length = url.length;
  const warning =
    length > COMMENT_LIMIT
      ? `The link is ${length.toLocaleString('en-US')} characters long: too long for a GitHub comment (65,536); ` +
        'share the flow files by URL instead.'
      : undefined;
  return { ok: true, url, length, ...(warning ? { warning } : {}) };
}

export async function decodeLink(hashOrUrl: string): Promise<DecodedLink> {
  try {
    return await decode(hashOrUrl);
  } catch (e) {
    // The last line of defence: no link may crash the page (a hostile payload nested a million deep…).
    return {
      ok: false,
      message: `Flowscope could not read this link (${e instanceof Error ? e.message : String(e)}).`,
      hint: 'Copy the whole link again; if it still fails, please report it.',
    };
  }
}

async function decode(hashOrUrl: string): Promise<DecodedLink> {
  const h = readHash(hashOrUrl);
  if (!h.ok) return h;
  if (h.route === 'set')
    return {
      ok: false,
      message: 'This is a flow set link (#/set?…), not a link to one flow or a pair.',
      hint: 'Open it in Flowscope, which reads the set (readSetLink).',
    };
  const notices = [...h.notices];
  let flows: { a?: PayloadFlow; b?: PayloadFlow } = {};
  if (h.z !== undefined) {
    const inflated = await decompress(h.z, MAX_INFLATED_BYTES);
    if (!inflated.ok) return payloadError(inflated.reason);
    const payload = decodePayload(inflated.text);
    if (!payload.ok)
      return {
        ok: false,
        message: `The link's flow data ${payload.problem}.`,
        hint: 'The link is damaged or was not made by Flowscope; copy the whole link again.',
      };
    flows = payload;
  }
  const ref = (
    url: string | undefined,
    inline: PayloadFlow | undefined,
    which: string,
  ): FlowRef | ShareError | undefined => {
    if (url !== undefined && inline)
      return {
        ok: false,
        message: `The link gives the ${which} twice (as a URL and inside the link).`,
        hint: 'Make the link again with "Copy link".',
      };
    if (inline) return { kind: 'inline', text: flowText(inline), name: inline.name };
    if (url === undefined) return undefined;
    const raw = toRawUrl(url);
    if (!isHttpUrl(raw))
      return {
        ok: false,
        message: `The link points at "${url.slice(0, 80)}", which is not an http(s) URL.`,
        hint: 'Flow URLs in links must start with https://.',
      };
    return { kind: 'url', url: raw };
  };
  const sel = {
    ...(h.layout ? { layout: h.layout } : {}),
    ...(h.sel !== undefined && h.sel !== '' ? { sel: h.sel } : {}),
  };
  if (h.route === 'view') {
    const a = ref(h.src ?? h.a, flows.a, 'flow');
    if (!a)
      return {
        ok: false,
        message: 'The link has no flow in it (no src= URL and no inline flow).',
        hint: 'A view link looks like #/view?src=https://… or is made with "Copy link".',
      };
    if ('ok' in a) return a;
    return { ok: true, state: { v: 1, route: 'view', a, ...sel }, notices };
  }
  const a = ref(h.a, flows.a, 'first version');
  const b = ref(h.b, flows.b, 'second version');
  if (a && 'ok' in a) return a;
  if (b && 'ok' in b) return b;
  if (!a || !b)
    return {
      ok: false,
      message:
        'The diff link is missing its ' +
        `${!a && !b ? 'two flow versions' : !a ? 'first version (a)' : 'second version (b)'}.`,
      hint: 'A diff link carries both versions: #/diff?a=URL&b=URL, or inline from "Copy link".',
    };
  const ignore = readIgnores(h.ignore, notices);
  const shown = { ...(h.mode ? { mode: h.mode } : {}), ...(ignore ? { ignore } : {}) };
  return { ok: true, state: { v: 1, route: 'diff', a, b, ...shown, ...sel }, notices };
}

/** A flow from a payload as text parseFlow reads: a Tooling record, whose FullName carries the API name. */
function flowText(f: PayloadFlow): string {
  return JSON.stringify({ FullName: f.name, Metadata: f.metadata });
}

export function inlineRef(doc: FlowDoc): FlowRef {
  return { kind: 'inline', text: JSON.stringify({ FullName: doc.name, Metadata: docToMetadata(doc) }), name: doc.name };
}

function payloadError(reason: 'base64' | 'truncated' | 'corrupt' | 'too-big' | 'encoding'): ShareError {
  const again =
    'Copy the whole link again: chat apps and e-mail sometimes cut or change long links. ' +
    'For big flows, share the files by URL.';
  switch (reason) {
    case 'truncated':
      return { ok: false, message: 'The link is cut short: its flow data ends too early.', hint: again };
    case 'base64':
      return {
        ok: false,
        message: "The link's flow data is damaged: it has characters a Flowscope link never contains.",
        hint: again,
      };
    case 'corrupt':
    case 'encoding':
      return { ok: false, message: "The link's flow data is damaged and cannot be unpacked.", hint: again };
    case 'too-big':
      return {
        ok: false,
        message:
          `The link's flow data unpacks to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB; ` +
          'Flowscope stops there.',
        hint: 'This is not a link Flowscope made. Share the flow files by URL instead.',
      };
  }
}
