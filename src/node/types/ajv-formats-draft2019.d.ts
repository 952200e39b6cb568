// The package ships no types; this is the one call its README documents.
declare module 'ajv-formats-draft2019' {
  import type Ajv from 'ajv';
  export default function draft2019(ajv: Ajv, options?: { formats?: string[] }): Ajv;
}
