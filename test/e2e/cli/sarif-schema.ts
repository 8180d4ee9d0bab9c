import { readFileSync } from 'node:fs';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Validates against the SARIF 2.1.0 JSON schema as shipped by @microsoft/jest-sarif (sarif-2.1.0-rtm.5, the
 * schema of the OASIS standard). It is a draft-04 schema; Ajv 8 reads it as draft-07 once `$schema` and the
 * draft-04 `id` are dropped, which changes nothing here: it uses no `exclusiveMinimum`/`exclusiveMaximum` (the
 * keywords whose meaning changed) and only local `#/definitions/…` references. Its language-tag pattern has a
 * bare `]` that is an error under the `u` flag, hence `unicodeRegExp: false` (draft-04 regexes are ECMA 262).
 */
export function sarifValidator(): (log: unknown) => ErrorObject[] {
  const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? [] : [...(validate.errors ?? [])]);
}
