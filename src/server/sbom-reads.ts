// @spdf implements SPDF-LSP-SBOM
import type { Host } from '../core/host';
import type { ResolvedConfig } from '../core/model/config-def';
import type { LoadProblem } from '../core/model/graph';
import type { LoadedFile } from '../core/model/load-file';
import { collectRefs, loadSboms, type SbomRef } from '../core/model/load-sboms';
import { readSbomText } from '../core/sbom/read-document';
import type { SbomDocument } from '../core/sbom/types';
import { sha256Hex } from '../node/cache-location';
import { cyclonedxSchemaValidator } from '../node/sbom-schemas';

export interface SbomLoad {
  files: LoadedFile[];
  problems: LoadProblem[];
  /** Every path the model names, read or not (the host watches them). */
  paths: string[];
}

/** What a host answered for one call: a value or the error it threw. */
type Answer<T> = { value: T } | { error: Error };

/** One SBOM/VEX path as read for this load: the answers `loadSboms` gets when it asks the host again. */
interface Snapshot {
  size: Answer<number | undefined>;
  bytes?: Answer<Uint8Array>;
  /** What the answers were: the size or error, and the SHA-256 of the bytes. */
  key: string;
}

/**
 * The server's SBOM and VEX documents: each named path is read once per model load (an open document's unsaved text
 * instead of the disk, as for model files), and the documents are parsed once per content (SHA-256 of their text).
 * When the model names the same documents from the same places and every document's bytes are the same, the previous
 * load is the answer itself (the same objects, so a graph patch can share them); otherwise `loadSboms` runs on the
 * answers just read.
 */
export class SbomReads {
  private last?: { key: string; documentsKey: string; load: SbomLoad; answers: string[] };
  /** Parsed documents by the SHA-256 of their text. */
  private readonly parsed = new Map<string, SbomDocument>();
  private readonly refsOf = new WeakMap<LoadedFile, SbomRef[]>();

  async read(host: Host, overlays: ReadonlyMap<string, string>, loads: Iterable<LoadedFile | { problem: LoadProblem }>, allFiles: readonly string[], config: ResolvedConfig): Promise<SbomLoad> {
    const ok = [...loads].filter((l): l is LoadedFile => !('problem' in l));
    const refs = ok.flatMap((f) => this.refsOfFile(f));
    const paths = [...new Set(refs.map((r) => r.path))].sort();
    const listed = new Set(allFiles);
    const maxBytes = config.maxSbomBytes;
    const snaps = new Map<string, Snapshot>();
    await Promise.all(paths.map(async (p) => snaps.set(p, await snapshot(host, p, overlays.get(p), listed.has(p), maxBytes))));
    const answers = paths.map((p) => snaps.get(p)!.key);
    const documentsKey = JSON.stringify([maxBytes, answers, refs.map(refUse)]);
    const key = JSON.stringify([documentsKey, refs.map(refPlace)]);
    if (this.last?.key === key) return this.last.load;
    const validate = cyclonedxSchemaValidator();
    const replay: Host = {
      listFiles: () => host.listFiles(),
      readFile: (p) => (snaps.get(p)?.bytes ? answered(snaps.get(p)!.bytes!) : host.readFile(p)),
      statSize: (p) => (snaps.has(p) ? answered(snaps.get(p)!.size) : (host.statSize?.(p) ?? Promise.resolve(undefined))),
    };
    const used = new Set<string>();
    const readText = (text: string) => {
      const hash = sha256Hex(text);
      used.add(hash);
      let doc = this.parsed.get(hash);
      if (!doc) this.parsed.set(hash, (doc = readSbomText(text, validate)));
      return doc;
    };
    const read = await loadSboms(replay, ok, allFiles, { maxBytes, validate, readText });
    // The same documents named by the same items: only the references moved (lines typed above them). The documents
    // read before are equal to these (their components' assets and dispositions come from the same uses), and are
    // kept so that the graph can be patched; the problems name the references' new places.
    const files = this.last?.documentsKey === documentsKey ? this.last.load.files : read.files;
    const load = { files, problems: read.problems, paths };
    // Only the documents of this load stay parsed.
    for (const h of [...this.parsed.keys()]) if (!used.has(h)) this.parsed.delete(h);
    this.last = { key, documentsKey, load, answers };
    return load;
  }

  /** What the host answered for each path the last load read (`sbomAnswer`), in path order; undefined before any load. */
  get answers(): readonly string[] | undefined {
    return this.last?.answers;
  }

  private refsOfFile(file: LoadedFile): SbomRef[] {
    let refs = this.refsOf.get(file);
    if (!refs) this.refsOf.set(file, (refs = collectRefs([file])));
    return refs;
  }
}

/** What `loadSboms` takes of a reference for the documents: the document and the naming item. */
function refUse(r: SbomRef): string {
  return JSON.stringify([r.path, r.fragment ?? null, r.item.kind, r.item.id, r.file.file.path]);
}

/** Where a reference is written: the place of the problems `loadSboms` reports at it. */
function refPlace(r: SbomRef): string {
  const range = r.file.file.source.range(r.node.start, r.node.end);
  return `${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}`;
}

/** What the host answers now for one SBOM/VEX path, as `SbomReads.answers` lists it (the same text for the same answers). */
export async function sbomAnswer(host: Host, path: string, overlay: string | undefined, listed: boolean, maxBytes: number): Promise<string> {
  return (await snapshot(host, path, overlay, listed, maxBytes)).key;
}

/** Asks the host what `loadSboms` asks of one path (its size, then its bytes unless the size says not to read). */
async function snapshot(host: Host, path: string, overlay: string | undefined, listed: boolean, maxBytes: number): Promise<Snapshot> {
  let size: Answer<number | undefined>;
  let bytes: Answer<Uint8Array> | undefined;
  if (overlay !== undefined) {
    const b = new TextEncoder().encode(overlay);
    size = { value: b.length };
    bytes = { value: b };
  } else {
    size = await answer(() => host.statSize?.(path) ?? Promise.resolve(undefined));
    const skip = 'error' in size || (size.value === undefined && !listed) || (size.value !== undefined && size.value > maxBytes);
    if (!skip) bytes = await answer(() => host.readFile(path));
  }
  const sizeKey = 'error' in size ? `error ${errorText(size.error)}` : String(size.value);
  const bytesKey = !bytes ? 'not read' : 'error' in bytes ? `error ${errorText(bytes.error)}` : sha256Hex(bytes.value);
  return { size, ...(bytes ? { bytes } : {}), key: JSON.stringify([path, listed, sizeKey, bytesKey]) };
}

async function answer<T>(call: () => Promise<T>): Promise<Answer<T>> {
  try {
    return { value: await call() };
  } catch (e) {
    return { error: e instanceof Error ? e : new Error(errorText(e)) };
  }
}

function answered<T>(a: Answer<T>): Promise<T> {
  return 'error' in a ? Promise.reject(a.error) : Promise.resolve(a.value);
}

const errorText = (e: unknown) => (e as Error)?.message ?? String(e);
