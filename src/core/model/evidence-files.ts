// @spdf implements SPDF-FC-EMPTY-EVIDENCE
import type { Host } from '../host';
import type { Graph } from './graph';

/** The workspace file a path written in the model names (see workspaceFileExists); '' for a URL or other non-file reference. */
export function workspaceFileOf(files: ReadonlySet<string>, fromFile: string, p: string): string | undefined {
  const paths = filePathsOf(fromFile, p);
  return paths.length ? paths.find((f) => files.has(f)) : '';
}

/** The workspace paths a path written in `fromFile` may name, first from the root, then from the file's folder; none for a URL or other non-file reference. */
export function filePathsOf(fromFile: string, p: string): string[] {
  const clean = p.split('#')[0].trim().replace(/\\/g, '/');
  if (!clean || /^[a-z][a-z0-9+.-]*:/i.test(clean)) return [];
  const dir = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/') + 1) : '';
  return [normalise(clean), normalise(dir + clean)];
}

/**
 * Whether a file of these bytes holds no text: only white space after an optional byte-order mark, in UTF-8 or, after
 * its mark, UTF-16 (what Windows PowerShell 5's `Out-File` and `>` write for empty output).
 */
export function isBlankText(bytes: Uint8Array): boolean {
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (!utf16) return bytes.every((b, i) => isWhiteSpace(b) || (i < 3 && [0xef, 0xbb, 0xbf][i] === b));
  if (bytes.length % 2) return false;
  const high = bytes[0] === 0xfe ? 0 : 1;
  for (let i = 2; i < bytes.length; i += 2) if (bytes[i + high] !== 0 || !isWhiteSpace(bytes[i + 1 - high])) return false;
  return true;
}

function isWhiteSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

/** How much of a larger evidence file is read first: the rest is read only when this much is white space. */
export const BLANK_PROBE_BYTES = 1024;

/** Why an evidence file holds no result (testEvidenceGap words it "evidence file 'p' <why>, so it shows no result"). */
export const EMPTY_EVIDENCE = 'is empty (no text, or white space only)';

/**
 * Why the listed workspace file `path` shows no result: it holds no text (isBlankText), however long, or it could not
 * be read (a file the listing named that is gone, or one the host may not read: it proves nothing, so it fails
 * closed). Undefined for a file that holds text: one whose first `BLANK_PROBE_BYTES` hold text is not read further.
 * Undefined too when the host cannot tell (no `statSize`).
 */
export async function evidenceFileGap(host: Host, path: string): Promise<string | undefined> {
  if (!host.statSize) return undefined;
  try {
    const size = await host.statSize(path);
    if (size === undefined) return 'could not be read (it is gone, or its size could not be read)';
    if (size === 0) return EMPTY_EVIDENCE;
    if (size > BLANK_PROBE_BYTES && host.readPrefix && !isBlankText(await host.readPrefix(path, BLANK_PROBE_BYTES))) return undefined;
    return isBlankText(await host.readFile(path)) ? EMPTY_EVIDENCE : undefined;
  } catch (e) {
    return `could not be read (${readErrorOf(e)})`;
  }
}

/** The error code of a failed read (EACCES, EISDIR...), else its message. */
function readErrorOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return e instanceof Error ? e.message : String(e);
}

/** The workspace files the model's tests name as `evidence`: a host tells which of them show no result (`unusableEvidence`). */
export function testEvidenceFiles(graph: Graph, files: ReadonlySet<string>): string[] {
  return evidenceFilesOf(graph.byKind.test, files);
}

/** The workspace files these tests name as `evidence`, sorted. */
export function evidenceFilesOf(tests: Iterable<{ file: string; data: { evidence?: unknown } }>, files: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const t of tests) {
    const ev = t.data.evidence;
    const file = typeof ev === 'string' && ev.trim() ? workspaceFileOf(files, t.file, ev) : undefined;
    if (file) out.add(file);
  }
  return [...out].sort();
}

function normalise(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}
