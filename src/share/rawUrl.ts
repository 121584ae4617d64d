/**
 * toRawUrl(url: string): string — a git host's page URL of a file → the URL of its raw text, so
 * `#/view?src=https://github.com/o/r/blob/main/flows/X.flow-meta.xml` works as pasted. Pure string
 * work; URLs it does not recognise come back unchanged.
 *   github.com/o/r/blob/REF/path  and  github.com/o/r/raw/REF/path → raw.githubusercontent.com/o/r/REF/path
 *   gitlab host/…/-/blob/REF/path → …/-/raw/REF/path
 *   bitbucket.org/o/r/src/REF/path → bitbucket.org/o/r/raw/REF/path
 * The line anchor (#L10) and view flags (?plain=1) are dropped; other query strings (tokens of private
 * raw links) are kept.
 */
export function toRawUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return url;
  const parts = u.pathname.split('/');
  if (u.hostname === 'github.com' || u.hostname === 'www.github.com') {
    // ['', owner, repo, 'blob'|'raw', ref, ...path]
    if (parts.length >= 6 && (parts[3] === 'blob' || parts[3] === 'raw')) {
      const rest = [parts[1], parts[2], ...parts.slice(4)].join('/');
      return `https://raw.githubusercontent.com/${rest}${keptQuery(u)}`;
    }
    return url;
  }
  if (u.hostname === 'bitbucket.org' && parts.length >= 6 && parts[3] === 'src') {
    parts[3] = 'raw';
    return `${u.origin}${parts.join('/')}${keptQuery(u)}`;
  }
  const blob = u.pathname.indexOf('/-/blob/');
  if (blob > 0) return `${u.origin}${u.pathname.slice(0, blob)}/-/raw/${u.pathname.slice(blob + 8)}${keptQuery(u)}`;
  return url;
}

/** The query minus GitHub's and GitLab's view flags. */
function keptQuery(u: URL): string {
  const q = new URLSearchParams(u.search);
  for (const flag of ['plain', 'raw', 'ref_type']) q.delete(flag);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** True for the only URLs a link may point the page at: http(s). */
export function isHttpUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}
