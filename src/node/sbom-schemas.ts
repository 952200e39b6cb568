// @spdf implements SPDF-SBOM-READ
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { SbomSchemaValidator } from '../core/sbom/types';

/** The official CycloneDX JSON schemas shipped in @cyclonedx/cyclonedx-library; the build copies them into dist/cyclonedx-schemas/. */
export const CYCLONEDX_SCHEMA_PKG = '@cyclonedx/cyclonedx-library';
export const CYCLONEDX_SCHEMA_FILES = ['bom-1.4', 'bom-1.5', 'bom-1.6', 'spdx', 'jsf-0.82'].map((n) => `${n}.SNAPSHOT.schema.json`);
export const CYCLONEDX_SCHEMA_DIR = 'cyclonedx-schemas';

/** Folder holding the schema files: beside the bundle (dist/), else the package's res/schema (running from source). */
function schemaDir(bundleDir: string): string | undefined {
  const beside = path.join(bundleDir, CYCLONEDX_SCHEMA_DIR);
  if (fs.existsSync(path.join(beside, CYCLONEDX_SCHEMA_FILES[0]))) return beside;
  try {
    return path.join(path.dirname(require.resolve(`${CYCLONEDX_SCHEMA_PKG}/package.json`)), 'res', 'schema');
  } catch {
    return undefined;
  }
}

/** Where the build finds the files it copies. */
export function cyclonedxSchemaSource(): string | undefined {
  return schemaDir('/nonexistent');
}

const validators = new Map<string, ValidateFunction | null>();

function compile(version: string, bundleDir: string): ValidateFunction | null {
  const dir = schemaDir(bundleDir);
  if (!dir) return null;
  try {
    const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>;
    const draft2019 = require('ajv-formats-draft2019') as (ajv: Ajv, o?: { formats?: string[] }) => Ajv;
    const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false, code: { optimize: false } });
    addFormats(ajv);
    draft2019(ajv, { formats: ['idn-email', 'iri', 'iri-reference'] });
    // The BOM schemas name their neighbours by file name (…SNAPSHOT.schema.json), which their own $id spells without SNAPSHOT.
    for (const f of ['spdx', 'jsf-0.82']) ajv.addSchema({ ...read(`${f}.SNAPSHOT.schema.json`), $id: `http://cyclonedx.org/schema/${f}.SNAPSHOT.schema.json` });
    return ajv.compile(read(`bom-${version}.SNAPSHOT.schema.json`));
  } catch {
    return null;
  }
}

/**
 * Validates CycloneDX JSON against the official schema of its specVersion (compiled once per version and
 * process). Undefined (a problem for the reader: "not validated") when the schema cannot be found or compiled.
 */
export function cyclonedxSchemaValidator(bundleDir: string = __dirname): SbomSchemaValidator {
  return (format, specVersion, data) => {
    if (format !== 'cyclonedx-json') return [];
    let v = validators.get(specVersion);
    if (v === undefined) validators.set(specVersion, (v = compile(specVersion, bundleDir)));
    if (!v) return undefined;
    if (v(data)) return [];
    return (v.errors ?? []).map((e) => ({
      pointer: e.instancePath,
      message: `${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`,
    }));
  };
}
