/**
 * Values that only work in one org: literal record ids (`hardcoded-id`) and Salesforce instance addresses
 * (`hardcoded-url`), in any value of the flow: text values, formulas, text templates, filters, screen text.
 */
import type { RuleId } from './types';
import type { RuleCheck } from './scan';
import type { Draft } from './words';
import { eachText, placesOf } from './walk';

const CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3 characters an 18-character id ends in: for each 5-character chunk, which of its letters are capitals. */
export function idChecksum(id15: string): string {
  let out = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    out += CHECKSUM[bits];
  }
  return out;
}

const digits = (s: string) => s.replace(/\D/g, '').length;

/**
 * Whether a 15- or 18-character run of letters and digits is a record id. 18: the last 3 are the checksum of
 * the first 15 and those hold digits. 15 (no checksum to check): a key prefix as real ones look (a digit
 * first, or a letter and a digit: `001`, `00Q`, `a0B`), at least 5 digits and a letter, the 6th character
 * (reserved) `0`. Ordinary words never pass.
 */
export function isRecordId(s: string): boolean {
  if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(s)) return false;
  const id15 = s.slice(0, 15);
  if (s.length === 18) return idChecksum(id15) === s.slice(15) && digits(id15) >= 3 && /[a-zA-Z]/.test(id15);
  return /^(?:\d|[a-zA-Z]\d)/.test(s) && digits(s) >= 5 && /[a-zA-Z]/.test(s) && s[5] === '0';
}

const ID_RUN = /(?<![A-Za-z0-9_])[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?(?![A-Za-z0-9_])/g;

export function recordIdsIn(text: string): string[] {
  return [...text.matchAll(ID_RUN)].map((m) => m[0]).filter(isRecordId);
}

/** Hosts that name one org (My Domain, sites, Visualforce, content) or one instance (`na123.salesforce.com`). */
const HOST = /(?<![A-Za-z0-9.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z-]*force[a-z-]*|site)\.com(?![a-z0-9-])/gi;
const ORG_SUFFIXES = [
  '.my.salesforce.com',
  '.my.salesforce-setup.com',
  '.lightning.force.com',
  '.my.site.com',
  '.visualforce.com',
  '.documentforce.com',
  '.salesforce-sites.com',
  '.salesforce-experience.com',
  '.my.salesforce-scrt.com',
  '.cloudforce.com',
  '.force.com',
];
/** Company-wide `force.com` hosts: documentation and login, not an org. */
const GENERIC = new Set([
  'www',
  'developer',
  'login',
  'test',
  'help',
  'trailhead',
  'appexchange',
  'status',
  'trust',
  'lightning',
]);

export function isInstanceHost(host: string): boolean {
  const h = host.toLowerCase();
  if (/^[a-z]{2,4}\d+(?:-s)?\.salesforce\.com$/.test(h)) return true;
  const suffix = ORG_SUFFIXES.find((s) => h.endsWith(s));
  if (!suffix) return false;
  const sub = h.slice(0, -suffix.length);
  return sub.length > 0 && !GENERIC.has(sub);
}

export function instanceHostsIn(text: string): string[] {
  return [...text.matchAll(HOST)].map((m) => m[0].toLowerCase()).filter(isInstanceHost);
}

function literalRule(rule: RuleId, find: (text: string) => string[], what: string): RuleCheck {
  return (scan) => {
    const drafts: Draft[] = [];
    for (const place of placesOf(scan)) {
      const found = new Map<string, { path: string; count: number }>();
      eachText(place.data, (text, path) => {
        for (const hit of find(text)) {
          const known = found.get(hit);
          if (known) known.count++;
          else found.set(hit, { path, count: 1 });
        }
      });
      for (const [hit, { path, count }] of found)
        drafts.push({
          rule,
          element: place.element,
          ...(place.node !== undefined ? { node: place.node } : {}),
          message:
            `${capital(place.words)} holds the ${what} ${hit} (${path || 'value'}` +
            `${count > 1 ? ` and ${count - 1} more place${count > 2 ? 's' : ''}` : ''}): it will not be the same ` +
            'in another org.',
          detail: hit,
          order: place.order,
        });
    }
    return drafts;
  };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const hardcodedId: RuleCheck = literalRule('hardcoded-id', recordIdsIn, 'literal record id');
export const hardcodedUrl: RuleCheck = literalRule('hardcoded-url', instanceHostsIn, 'Salesforce address');
