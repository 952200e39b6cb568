// @spdf implements SPDF-SBOM-READ
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ValidateFunction } from 'ajv';
import type { SbomSchemaValidator } from '../core/sbom/types';
import { sha256Hex } from './cache-location';

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

/** What the validator of `bundleDir` validates against: the SHA-256 of its schema files (for cache keys). */
export function cyclonedxSchemaDigest(bundleDir: string = __dirname): string {
  const dir = schemaDir(bundleDir);
  const parts = CYCLONEDX_SCHEMA_FILES.map((f) => {
    try {
      return `${f} ${sha256Hex(fs.readFileSync(path.join(dir ?? '', f)))}`;
    } catch {
      return `${f} unreadable`;
    }
  });
  return sha256Hex(JSON.stringify([dir ?? null, parts]));
}

/** Where the build finds the files it copies. */
export function cyclonedxSchemaSource(): string | undefined {
  return schemaDir('/nonexistent');
}

const validators = new Map<string, ValidateFunction | null>();

const IRI_TEXT = /^[^\s\u0000-\u001f\u007f]+$/u;

const SCALAR = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * `uniqueItems` over arrays of objects (components, dependencies, services ...) costs ajv a deep comparison of
 * every pair: 10,000 components took 100 s. Those checks are dropped; the reader reports a bom-ref listed twice
 * itself (SB007). Arrays of scalars keep theirs (ajv checks them in linear time).
 */
function withoutObjectUniqueness<T>(schema: T): T {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      const items = o.items as Record<string, unknown> | undefined;
      if (o.uniqueItems === true && !(items && typeof items.type === 'string' && SCALAR.has(items.type))) delete o.uniqueItems;
      Object.values(o).forEach(walk);
    }
  };
  walk(schema);
  return schema;
}

function compile(version: string, bundleDir: string): ValidateFunction | null {
  const dir = schemaDir(bundleDir);
  if (!dir) return null;
  try {
    const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>;
    // Required here, on the first SBOM validated: initialising ajv and its format packages costs every other run of
    // the CLI about 5 ms at start-up (a static import is initialised when the bundle loads).
    const Ajv = (require('ajv') as typeof import('ajv')).default;
    const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
    const draft2019 = require('ajv-formats-draft2019') as typeof import('ajv-formats-draft2019').default;
    const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false, code: { optimize: false } });
    addFormats(ajv);
    draft2019(ajv, { formats: ['idn-email'] });
    // ajv-formats-draft2019 rejects valid IRIs the CycloneDX examples use (`git+https://...`, `urn:cdx:...` BOM-Links):
    // an IRI reference here is any text without white space or control characters.
    for (const f of ['iri', 'iri-reference']) ajv.addFormat(f, IRI_TEXT);
    // The BOM schemas name their neighbours by file name (…SNAPSHOT.schema.json), which their own $id spells without SNAPSHOT.
    for (const f of ['spdx', 'jsf-0.82']) ajv.addSchema({ ...read(`${f}.SNAPSHOT.schema.json`), $id: `http://cyclonedx.org/schema/${f}.SNAPSHOT.schema.json` });
    return ajv.compile(withoutObjectUniqueness(read(`bom-${version}.SNAPSHOT.schema.json`)));
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
