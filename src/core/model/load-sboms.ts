// @spdf implements SPDF-SBOM-READ
import type { Host } from '../host';
import { readSbomText } from '../sbom/read-document';
import type { SbomComponent, SbomDocument, SbomSchemaValidator, VexStatus } from '../sbom/types';
import { decodeUtf8, SourceText } from '../text';
import { deref, nodeAt, type YMap, type YNode, type YScalar } from '../yaml/ynode';
import type { ItemOf, LoadProblem, ModelItem } from './graph';
import type { LoadedFile } from './load-file';
import type { ComponentData } from './model-types';

/** The code of the rule that reports SBOM and VEX files that cannot be read or understood. */
export const SBOM_UNREADABLE = 'SB007';

export interface SbomRef {
  path: string;
  /** `file#purl` on an asset: the one component that is the asset. */
  fragment?: string;
  item: ModelItem;
  file: LoadedFile;
  node: YScalar;
}

export interface SbomLoadOptions {
  maxBytes: number;
  validate?: SbomSchemaValidator;
  /** Reads a document's text (default `readSbomText` with `validate`): a host may answer for a text it read before. */
  readText?: (text: string) => SbomDocument;
}

/**
 * Reads every SBOM and VEX document the loaded model names (`system.sbom`, `system.vex`, `assets[].sbom`)
 * through the host. Each becomes a loaded file whose items are its components (kind `component`); every
 * problem is an SB007 finding in the document and at the reference that names it, so a document that was not
 * read can never look like an SBOM without findings.
 */
export async function loadSboms(host: Host, loaded: LoadedFile[], allFiles: readonly string[], opts: SbomLoadOptions): Promise<{ files: LoadedFile[]; problems: LoadProblem[] }> {
  const refs = collectRefs(loaded);
  const problems: LoadProblem[] = [];
  const listed = new Set(allFiles);
  const byPath = new Map<string, SbomRef[]>();
  for (const r of refs) byPath.set(r.path, [...(byPath.get(r.path) ?? []), r]);
  const files: LoadedFile[] = [];
  for (const [path, uses] of [...byPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const read = await readOne(host, path, listed, opts);
    if ('problem' in read) {
      for (const u of uses) problems.push(atRef(u, `SBOM/VEX file '${path}' ${read.problem}`));
      continue;
    }
    const { file, doc } = read;
    if (doc.problems.length) {
      const first = doc.problems[0].message;
      for (const u of uses) problems.push(atRef(u, `SBOM/VEX file '${path}' was not read completely (${doc.problems.length} problem${doc.problems.length === 1 ? '' : 's'}; first: ${first})`));
    }
    files.push(file);
  }
  problems.push(...attachComponents(files, byPath));
  return { files, problems };
}

async function readOne(host: Host, path: string, listed: Set<string>, opts: SbomLoadOptions): Promise<{ problem: string } | { file: LoadedFile; doc: SbomDocument }> {
  let bytes: Uint8Array;
  try {
    const size = await host.statSize?.(path);
    if (size === undefined && !listed.has(path)) return { problem: 'does not exist in the workspace' };
    if (size !== undefined && size > opts.maxBytes) return { problem: `is ${size} bytes, over the limit of ${opts.maxBytes} (limits.max_sbom_bytes); it was not read` };
    bytes = await host.readFile(path);
  } catch (e) {
    return { problem: `cannot be read: ${(e as Error)?.message ?? String(e)}` };
  }
  if (bytes.length > opts.maxBytes) return { problem: `is ${bytes.length} bytes, over the limit of ${opts.maxBytes} (limits.max_sbom_bytes); it was not read` };
  const decoded = decodeUtf8(bytes);
  if ('error' in decoded) return { problem: `is not UTF-8 text (${decoded.error}); it was not read` };
  const text = decoded.text.replace(/^\uFEFF/, ' ');
  const doc = opts.readText ? opts.readText(text) : readSbomText(text, opts.validate);
  const source = new SourceText(path, text);
  const problems: LoadProblem[] = doc.problems.map((p) => ({ code: SBOM_UNREADABLE, message: p.message, file: path, range: source.range(p.start, p.end) }));
  for (const s of doc.statements)
    if (s.rawStatus)
      problems.push({
        code: SBOM_UNREADABLE,
        message: `'${s.rawStatus}' (vulnerability ${s.vuln}) is not a disposition this reader knows; it was not applied`,
        file: path,
        range: source.range(s.start, s.end),
      });
  const seen = new Set<string>();
  const items: ModelItem[] = [];
  for (const c of doc.components) {
    if (seen.has(c.id)) {
      problems.push({ code: SBOM_UNREADABLE, message: `component ID '${c.id}' is listed twice in this document; the second one was not read`, file: path, range: source.range(c.start, c.end) });
      continue;
    }
    seen.add(c.id);
    items.push(componentItem(path, c));
  }
  return { file: { file: { path, source, roots: [], suppressions: [] }, items, problems, sbom: doc }, doc };
}

function componentItem(path: string, c: SbomComponent): ItemOf<'component'> {
  const idNode: YScalar = { kind: 'scalar', value: c.id, start: c.start, end: c.end };
  const node: YMap = { kind: 'map', start: c.start, end: c.end, pairs: [{ key: { kind: 'scalar', value: 'id', start: c.start, end: c.start }, value: idNode }] };
  const data: ComponentData = {
    id: c.id,
    ...(c.name !== undefined ? { name: c.name } : {}),
    ...(c.version !== undefined ? { version: c.version } : {}),
    ...(c.supplier !== undefined ? { supplier: c.supplier } : {}),
    ...(c.authors.length ? { authors: c.authors } : {}),
    ...(c.purl !== undefined ? { purl: c.purl } : {}),
    ...(c.cpe !== undefined ? { cpe: c.cpe } : {}),
    ...(c.otherIds.length ? { other_ids: c.otherIds } : {}),
    ...(c.licenses.length ? { licenses: c.licenses } : {}),
    ...(c.supportLevel !== undefined ? { support_level: c.supportLevel } : {}),
    ...(c.endOfSupport !== undefined ? { end_of_support: c.endOfSupport } : {}),
    ...(c.dependsOn.length ? { depends_on: c.dependsOn } : {}),
    dependencies_known: c.hasRelationship,
    sbom: path,
    assets: [],
    vulnerabilities: [],
  };
  return { kind: 'component', id: c.id, file: path, node, idNode, data };
}

/** The workspace paths of the SBOM and VEX documents the loaded model names (a host watches them). */
export function sbomPathsOf(loaded: LoadedFile[]): string[] {
  return [...new Set(collectRefs(loaded).map((r) => r.path))].sort();
}

/** The SBOM and VEX references of the loaded files, in file and item order (what `loadSboms` reads and attaches). */
export function collectRefs(loaded: readonly LoadedFile[]): SbomRef[] {
  const out: SbomRef[] = [];
  const add = (file: LoadedFile, item: ModelItem, n: YNode | null | undefined) => {
    const s = deref(n);
    if (s?.kind !== 'scalar' || typeof s.value !== 'string' || !s.value.trim()) return;
    const [p, ...frag] = s.value.trim().split('#');
    out.push({ path: p.replace(/^\.\//, ''), ...(frag.length ? { fragment: frag.join('#') } : {}), item, file, node: s });
  };
  for (const f of loaded)
    for (const item of f.items) {
      if (item.kind !== 'system' && item.kind !== 'asset') continue;
      add(f, item, nodeAt(item.node, ['sbom']));
      const vex = deref(nodeAt(item.node, ['vex']));
      if (item.kind === 'system' && vex?.kind === 'seq') for (const el of vex.items) add(f, item, el);
    }
  return out;
}

function atRef(r: SbomRef, message: string): LoadProblem {
  return { code: SBOM_UNREADABLE, message, file: r.file.file.path, range: r.file.file.source.range(r.node.start, r.node.end) };
}

/** Keys a VEX product or an SBOM `affects` reference may use for a component. */
function keysOf(c: ComponentData): string[] {
  const keys = [c.id, c.purl, c.cpe, ...(c.other_ids ?? [])].filter((k): k is string => !!k);
  return [...keys, ...keys.map(stripPurlQualifiers)];
}
const stripPurlQualifiers = (k: string) => (k.startsWith('pkg:') ? k.replace(/[?#].*$/, '') : k);
/** A CycloneDX BOM-Link (`urn:cdx:serial/version#bom-ref`) names the bom-ref after the `#`. */
const productKey = (p: string) => (p.startsWith('urn:cdx:') && p.includes('#') ? decodeURIComponent(p.slice(p.indexOf('#') + 1)) : stripPurlQualifiers(p));

/** Assets and vulnerability dispositions: SBOM statements first, then VEX documents (a later status wins). */
function attachComponents(files: LoadedFile[], byPath: Map<string, SbomRef[]>): LoadProblem[] {
  const unmatched: LoadProblem[] = [];
  const comps = new Map<string, ComponentData>();
  const first = new Map<string, ComponentData>();
  for (const f of files)
    // The same component (ID) in several documents (a system SBOM and a part's own) is one item: the first.
    f.items = f.items.filter((it) => {
      if (it.kind !== 'component') return true;
      const own = it.data as ComponentData;
      const data = first.get(it.id) ?? own;
      for (const u of byPath.get(f.file.path) ?? []) {
        if (u.item.kind !== 'asset' || (u.fragment && !keysOf(own).includes(u.fragment))) continue;
        if (!data.assets!.includes(u.item.id)) data.assets!.push(u.item.id);
      }
      if (data !== own) return false;
      first.set(it.id, own);
      for (const k of keysOf(own)) if (!comps.has(k)) comps.set(k, own);
      return true;
    });
  const ordered = [...files.filter((f) => f.items.length), ...files.filter((f) => !f.items.length)];
  for (const f of ordered)
    for (const s of f.sbom?.statements ?? []) {
      // A vulnerability listed without a disposition for no known component would escape TR012 unseen.
      if (!s.status && !s.rawStatus && !s.products.some((p) => comps.has(productKey(p)) || comps.has(p)))
        unmatched.push({
          code: SBOM_UNREADABLE,
          message: `vulnerability ${s.vuln} names no component of the SBOMs read (${s.products.length ? `affects ${s.products.join(', ')}` : 'no affected component'}); it cannot be checked`,
          file: f.file.path,
          range: f.file.source.range(s.start, s.end),
        });
      for (const p of s.products) {
        const data = comps.get(productKey(p)) ?? comps.get(p);
        if (!data) continue;
        const list = data.vulnerabilities!;
        let v = list.find((x) => x?.id === s.vuln);
        if (!v) list.push((v = { id: s.vuln }));
        if (s.status) {
          v.status = s.status satisfies VexStatus;
          v.source = f.file.path;
          if (s.justification) v.justification = s.justification;
          else delete v.justification;
        } else if (!v.source) v.source = f.file.path;
      }
    }
  return unmatched;
}
