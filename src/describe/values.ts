import { asList, str, type Obj, type Value } from '../model/types';

/** "1000000" → "1,000,000"; "1000000.0" → "1,000,000"; "-1234.50" → "-1,234.5". Not locale-dependent. */
export function formatNumber(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return text;
  const [, sign = '', whole = '', frac = ''] = m;
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = frac.replace(/0+$/, '');
  return `${sign}${grouped}${decimals ? `.${decimals}` : ''}`;
}

/**
 * A text field, or undefined when absent or blank. XML `xsi:nil="true"` elements (real files have them,
 * e.g. a picklist choice set's `<object xsi:nil="true"/>`) arrive as "", which means unset.
 */
export function txt(v: Value | undefined): string | undefined {
  const s = str(v);
  return s === undefined || s.trim() === '' ? undefined : s;
}

function formatBoolean(text: string): string {
  return text === 'true' ? 'True' : text === 'false' ? 'False' : text;
}

export function yesNo(v: Value | undefined): string | undefined {
  const s = str(v);
  return s === 'true' ? 'Yes' : s === 'false' ? 'No' : s;
}

/** `camelCase`/`PascalCase`/`snake_case` → "Camel Case": the fallback for enum values we do not know. */
export function humanise(text: string): string {
  const words = text
    .replace(/_/g, ' ')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A table's entry for a flow-supplied key. Own entries only: a value or name such as "constructor" or
 * "__proto__" is an unknown key, never a member of Object.prototype.
 */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A known enum value in Builder's words, else a humanised fallback; absent stays absent. */
export function words(table: Record<string, string>, v: Value | undefined): string | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  return lookup(table, s) ?? humanise(s);
}

// $GlobalConstant references read as the constant they name.
const GLOBAL_CONSTANTS: Record<string, string> = {
  '$GlobalConstant.True': 'True',
  '$GlobalConstant.False': 'False',
  '$GlobalConstant.EmptyString': 'Empty String',
  '$GlobalConstant.Null': 'Null',
};

export function formatReference(ref: string): string {
  return lookup(GLOBAL_CONSTANTS, ref) ?? `{!${ref}}`;
}

/**
 * A FlowElementReferenceOrValue in Builder's words: text quoted, numbers grouped, booleans True/False,
 * references as {!name}. Tooling JSON's null slots were dropped by the parser, so the one set slot wins.
 */
export function formatValue(v: Value | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (Array.isArray(v))
    return v
      .map((x) => formatValue(x) ?? '')
      .filter(Boolean)
      .join(', ');
  const o: Obj = v;
  const s = (k: string) => str(o[k]);
  if (s('elementReference') !== undefined) return formatReference(s('elementReference') as string);
  if (s('stringValue') !== undefined) return `"${s('stringValue') as string}"`;
  if (s('numberValue') !== undefined) return formatNumber(s('numberValue') as string);
  if (s('booleanValue') !== undefined) return formatBoolean(s('booleanValue') as string);
  if (s('dateValue') !== undefined) return s('dateValue');
  if (s('dateTimeValue') !== undefined) return s('dateTimeValue');
  if (s('formulaExpression') !== undefined) return `Formula: ${s('formulaExpression') as string}`;
  if (s('setupReference') !== undefined) {
    const type = s('setupReferenceType');
    return `${s('setupReference') as string}${type ? ` (${type})` : ''}`;
  }
  if (s('apexValue') !== undefined) return s('apexValue');
  if (s('transformValueReference') !== undefined) return formatReference(s('transformValueReference') as string);
  // Anything else (sobjectValue, a future slot): "slot: value" pairs, never JSON.
  return (
    Object.entries(o)
      .filter(([k]) => k !== 'processMetadataValues')
      .map(([k, x]) => `${humanise(k)}: ${formatValue(x) ?? ''}`)
      .join('; ') || undefined
  );
}

/** Turn rich text (screen Display Text, help text) into readable plain text: tags out, entities decoded. */
export function richToPlain(html: string): string {
  if (!/[<&]/.test(html)) return html;
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The first line of a text, shortened: for row labels made from free text. */
export function short(text: string, max = 80): string {
  const line =
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Strings of a list field (queriedFields, choiceReferences). */
export function strings(v: Value | undefined): string[] {
  return asList(v).filter((x): x is string => typeof x === 'string');
}
