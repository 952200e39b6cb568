// @spdf implements SPDF-FC-LOAD
import type { SbomDocument } from '../sbom/types';
import { decodeUtf8, SourceText } from '../text';
import { parseYaml } from '../yaml/parse';
import { asMap, asSeq, deref, pairOf, toData, AliasBudgetExceeded, type YMap, type YNode } from '../yaml/ynode';
import type { ResolvedConfig } from './config-def';
import type { LoadProblem, ModelFile, ModelItem } from './graph';
import { KIND_OF_SECTION, type ItemKind } from './kinds';
import { KIND_SPECS } from './schema-def';
import { scanSuppressions } from './suppressions';
import { validateFields, type SchemaIssue } from './validate';

export interface LoadedFile {
  file: ModelFile;
  items: ModelItem[];
  problems: LoadProblem[];
  /** Set when the file is an SBOM or VEX document (src/core/model/load-sboms.ts). */
  sbom?: SbomDocument;
}

const TOP_LEVEL_KEYS = ['spdf', ...Object.keys(KIND_OF_SECTION)];

/** Problem codes used by the loader (each is also a rule, so it has docs and can be configured). */
export const YAML_SYNTAX = 'TM000';
export const SCHEMA = 'TM008';
export const UNREADABLE = 'TM009';

/** Reads one model file from bytes; never throws. */
export function loadModelBytes(path: string, bytes: Uint8Array, limits: ResolvedConfig['limits']): LoadedFile {
  if (bytes.length > limits.maxFileBytes) return oversizeFile(path, bytes.length, limits.maxFileBytes);
  const decoded = decodeUtf8(bytes);
  if ('error' in decoded) {
    const head = new TextDecoder('utf-8').decode(bytes.subarray(0, decoded.offset));
    return unreadable(new SourceText(path, head), decoded.error, head.length);
  }
  return loadModelText(path, decoded.text, limits);
}

export function oversizeFile(path: string, size: number, limit: number): LoadedFile {
  return unreadable(new SourceText(path, ''), `file is ${size} bytes, over the limit of ${limit} (limits.max_file_bytes); it was not read`);
}

function unreadable(source: SourceText, message: string, at = 0): LoadedFile {
  const pos = source.positionAt(at);
  return {
    file: { path: source.path, source, roots: [], suppressions: [] },
    items: [],
    problems: [{ code: UNREADABLE, message, file: source.path, range: { start: pos, end: pos } }],
  };
}

export function loadModelText(path: string, text: string, limits: ResolvedConfig['limits']): LoadedFile {
  const source = new SourceText(path, text);
  const parsed = parseYaml(text, { maxAliases: limits.maxAliases, maxDepth: limits.maxDepth });
  const problems: LoadProblem[] = parsed.problems.map((p) => ({ code: YAML_SYNTAX, message: p.message, file: path, range: source.range(p.start, p.end) }));
  const issues: SchemaIssue[] = [];
  const items: ModelItem[] = [];
  const budget = { left: Math.max(100_000, text.length) };
  for (const root of parsed.roots) {
    const doc = deref(root);
    // A document with nothing in it (a bare `---`) holds no value, as an empty file does: TM015, not a non-mapping.
    if (!doc || isEmptyDocument(doc)) continue;
    if (doc.kind !== 'map') {
      problems.push({ code: YAML_SYNTAX, message: 'a model document must be a mapping of sections (system, zones, assets, ...)', file: path, range: source.range(doc.start, doc.end) });
      continue;
    }
    for (const pair of doc.pairs) {
      const key = String(pair.key.value);
      if (key === 'spdf') continue;
      const kind = Object.hasOwn(KIND_OF_SECTION, key) ? KIND_OF_SECTION[key] : undefined;
      if (!kind) {
        issues.push({ code: 'TM008', message: `unknown section '${key}'; expected one of: ${TOP_LEVEL_KEYS.join(', ')}`, start: pair.key.start, end: pair.key.end });
        continue;
      }
      const spec = KIND_SPECS[kind];
      const entries = kind === 'system' ? [pair.value] : asSeq(pair.value)?.items;
      if (!entries) {
        if (deref(pair.value)) issues.push({ code: 'TM008', message: `section '${key}' must be a list of ${kind} items`, start: pair.key.start, end: pair.key.end });
        continue;
      }
      for (const entry of entries) {
        const map = asMap(entry);
        if (!map) {
          const n = deref(entry);
          if (n) issues.push({ code: 'TM008', message: `each entry of '${key}' must be a mapping with an id`, start: n.start, end: n.end });
          continue;
        }
        validateFields(map, spec.fields, spec.required, kind, issues);
        const item = makeItem(kind, path, map, budget, problems, source);
        if (item) items.push(item);
      }
    }
  }
  for (const i of issues) problems.push({ code: i.code, message: i.message, file: path, range: source.range(i.start, i.end), ...(i.open ? { open: i.open } : {}) });
  const empty = problems.length === 0 && !parsed.roots.some((r) => deref(r)?.kind === 'map' && (deref(r) as YMap).pairs.length > 0);
  return { file: { path, source, roots: parsed.roots, suppressions: scanSuppressions(source), ...(empty ? { empty: true as const } : {}) }, items, problems };
}

/** The null a document marker alone stands for (`---` and nothing after it): no text, unlike a written `~` or `null`. */
function isEmptyDocument(doc: YNode): boolean {
  return doc.kind === 'scalar' && doc.value === null && doc.start === doc.end;
}

function makeItem(kind: ItemKind, file: string, node: YMap, budget: { left: number }, problems: LoadProblem[], source: SourceText): ModelItem | undefined {
  const idPair = pairOf(node, 'id');
  const idNode = deref(idPair?.value);
  if (!idNode || idNode.kind !== 'scalar' || idNode.value === null || idNode.value === '') return undefined;
  let data: unknown;
  try {
    data = toData(node, budget);
  } catch (e) {
    if (!(e instanceof AliasBudgetExceeded)) throw e;
    problems.push({ code: YAML_SYNTAX, message: 'alias expansion exceeds the size or depth limit (alias bomb?); the item is ignored', file, range: source.range(node.start, node.start) });
    return undefined;
  }
  // The boundary where YAML data meets the generated types (model-types.ts says what they promise).
  return { kind, id: String(idNode.value), file, node, idNode, data } as ModelItem;
}
