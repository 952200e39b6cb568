import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Ajv with the two URI formats the schemas use (ajv-formats is not a dependency). */
export function ajv(): Ajv {
  const a = new Ajv({ allErrors: true, strict: false });
  a.addFormat('uri', (s: string) => {
    try {
      return /^[a-z][a-z0-9+.-]*:/i.test(s) && !!new URL(s);
    } catch {
      return false;
    }
  });
  a.addFormat('uri-reference', (s: string) => !/[\s<>"{}|\\^`]/.test(s));
  return a;
}

export function schema(rel: string): object {
  return JSON.parse(readFileSync(join(ROOT, rel), 'utf8'));
}

export function validator(rel: string) {
  const v = ajv().compile(schema(rel));
  return (data: unknown): string[] => (v(data) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`));
}
