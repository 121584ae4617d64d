/**
 * SOQL text built from user input. Only two things ever reach a query: a filter typed by the user (quoted
 * and LIKE-escaped here) and record ids (checked against the id shape, never quoted blindly).
 */

/** A SOQL string literal's body: backslash first, then quotes and control characters. */
export function soqlString(s: string): string {
  return s.replace(/[\\'"\n\r\t\b\f]/g, (c) => ESCAPES[c] ?? c);
}
const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A LIKE pattern that matches `s` anywhere: `%` and `_` typed by the user are literal, not wildcards. */
export function likeContains(s: string): string {
  return `%${soqlString(s).replace(/[%_]/g, (c) => `\\${c}`)}%`;
}

/** Salesforce record ids: 15 or 18 letters and digits. */
export const isRecordId = (s: string) => /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(s);

const MAX_FILTER_LENGTH = 80;

export function flowDefinitionsQuery(filter: string): string {
  const f = filter.trim().slice(0, MAX_FILTER_LENGTH);
  const where =
    f === '' ? '' : ` WHERE MasterLabel LIKE '${likeContains(f)}' OR DeveloperName LIKE '${likeContains(f)}'`;
  return (
    'SELECT Id, DeveloperName, MasterLabel, ActiveVersionId, LatestVersionId ' +
    `FROM FlowDefinition${where} ORDER BY DeveloperName`
  );
}

export function flowVersionsQuery(definitionId: string): string {
  return (
    'SELECT Id, VersionNumber, Status, LastModifiedDate ' +
    `FROM Flow WHERE DefinitionId = '${definitionId}' ORDER BY VersionNumber DESC`
  );
}
