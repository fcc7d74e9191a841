import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';

/**
 * The official OCDS 1.1.5 JSON schemas (backend/src/modules/open-data/schema, draft-04) loaded into one Ajv
 * validator, for every test that checks what the open-data API publishes (the HTTP suite and the Playwright journey).
 * Ajv 8 has no formats of its own (ajv-formats is not installed): `date-time` (RFC 3339) and `uri` (absolute, with a
 * scheme) are registered here, so that a malformed date or a relative URL fails as the schema means.
 */
const DIR = join(__dirname, '..', '..', 'src', 'modules', 'open-data', 'schema');
const BASE = 'https://standard.open-contracting.org/schema/1__1__5/';

const DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;

function isDateTime(s: string): boolean {
  return DATE_TIME.test(s) && !Number.isNaN(Date.parse(s));
}

function isUri(s: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(s)) return false;
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}

function load(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, unknown>;
}

export interface OcdsValidator {
  /** The schema errors of a release, a release package or a record package (empty when valid). */
  release(value: unknown): string[];
  releasePackage(value: unknown): string[];
  recordPackage(value: unknown): string[];
}

let cached: OcdsValidator | null = null;

export function ocdsValidator(): OcdsValidator {
  if (cached) return cached;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
  ajv.addFormat('uri', { type: 'string', validate: isUri });
  for (const file of ['release-schema.json', 'versioned-release-validation-schema.json']) ajv.addSchema(load(file));
  ajv.addSchema(load('release-package-schema.json'));
  ajv.addSchema(load('record-package-schema.json'));
  const check = (id: string) => {
    const validate = ajv.getSchema(`${BASE}${id}`);
    if (!validate) throw new Error(`schema ${id} not loaded`);
    return (value: unknown): string[] =>
      validate(value)
        ? []
        : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  };
  cached = {
    release: check('release-schema.json'),
    releasePackage: check('release-package-schema.json'),
    recordPackage: check('record-package-schema.json'),
  };
  return cached;
}
