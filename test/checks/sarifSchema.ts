import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * The official SARIF 2.1.0 JSON schema (the final "rtm.5" text the schema store serves for
 * sarif-2.1.0.json), as the registry package @microsoft/jest-sarif ships it (lib/schemas/): JSON Schema
 * draft-04, so Ajv's draft-04 class; with the formats (uri, uri-reference, date-time) checked too. One of its
 * patterns is not valid with the `u` flag, hence `unicodeRegExp: false`.
 */
const require = createRequire(import.meta.url);
const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')));

/** The schema's complaints about a log ([] when it is valid SARIF 2.1.0). */
export function sarifErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
