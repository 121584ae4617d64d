/**
 * Names may hold a lone UTF-16 surrogate (JSON `"\ud800"` is valid JSON). Where a name leaves the model
 * as text for another grammar — a URL (encodeURIComponent throws URIError), an SVG (XML forbids it), a file
 * name — each lone surrogate becomes U+FFFD, the same everywhere, so a link's `sel=` still names the element
 * its payload carries. (String.prototype.toWellFormed does this from ES2024; the TS lib here is ES2022.)
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

export function wellFormed(text: string): string {
  return ANY_SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
}
