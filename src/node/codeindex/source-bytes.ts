// @spdf implements SPDF-IDX-002
import { bytesHoldMarkerAnyCase, bytesHoldNearMissMarker, requiredTexts } from '../../core/codelinks/prefilter';
import { bytesHoldOftItemId } from '../../core/codelinks/comment-tags/syntax-near-miss';
import type { CompiledTagSyntaxes } from '../../core/codelinks/tag-syntaxes';
import { firstTagText } from '../../core/codelinks/unread-languages';
import type { Host } from '../../core/host';
import type { BoundedBytes } from '../bounded-read';
import { wideEncoding } from '../../core/text';
import type { Position } from '../../core/types';
import { errorCode, type IndexNotes } from './index-notes';

/** Bytes this far into a file are searched for a NUL, the sign of a binary file. */
export const BINARY_PROBE_BYTES = 8192;

/** A host that can also read a file's bytes, or learn it is over a size, in one synchronous bounded read. */
export interface BoundedReadHost extends Host {
  /** `boundedReads().readFileUpToSync` of the file (bounded-read.ts), or undefined when this host cannot for this file. */
  readUpToSync?(file: string, maxBytes: number): BoundedBytes | undefined;
  /** `boundedReads().readFilePrefixSync` of the file (its first bytes only), or undefined when this host cannot for this file. */
  readPrefixSync?(file: string, bytes: number): Buffer | undefined;
}

/**
 * `readSourceBytes` in one synchronous bounded read, when the host offers it for this file ('later' when not: then
 * call `readSourceBytes`). The Buffer is valid only until the next read: use it before any `await`.
 */
export function readSourceBytesNow(host: BoundedReadHost, file: string, maxFileSize: number, notes: IndexNotes, syntaxes?: CompiledTagSyntaxes): Buffer | undefined | 'later' {
  if (!host.readUpToSync) return 'later';
  let read: BoundedBytes | undefined;
  try {
    read = host.readUpToSync(file, maxFileSize);
  } catch (error) {
    return unreadable(file, error, notes);
  }
  if (read === undefined) return 'later';
  if (!Buffer.isBuffer(read)) return oversize(file, read.size, maxFileSize, notes);
  return sourceText(file, read, maxFileSize, notes, syntaxes);
}

/**
 * A source file's bytes, or undefined when it is left out (vanished, unreadable, over `maxFileSize`, binary), with
 * the reason noted once. A binary file holding tag text of one of `syntaxes` (or the spdf marker) is unreadable, not binary.
 */
export async function readSourceBytes(host: Host, file: string, maxFileSize: number, notes: IndexNotes, syntaxes?: CompiledTagSyntaxes): Promise<Buffer | undefined> {
  if (host.statSize) {
    const size = await host.statSize(file).catch(() => undefined);
    if (size === undefined) {
      notes.add(file, 'vanished', 'file disappeared during the scan');
      return undefined;
    }
    if (size > maxFileSize) return oversize(file, size, maxFileSize, notes);
  }
  let bytes: Buffer;
  try {
    bytes = asBuffer(await host.readFile(file));
  } catch (error) {
    return unreadable(file, error, notes);
  }
  return sourceText(file, bytes, maxFileSize, notes, syntaxes);
}

function unreadable(file: string, error: unknown, notes: IndexNotes): undefined {
  const code = errorCode(error);
  const vanished = code === 'ENOENT' || /ENOENT/.test(String((error as Error)?.message));
  notes.add(file, vanished ? 'vanished' : 'unreadable', vanished ? 'file disappeared during the scan' : `cannot read: ${(error as Error).message}`);
  return undefined;
}

function oversize(file: string, size: number, maxFileSize: number, notes: IndexNotes): undefined {
  notes.add(file, 'oversize', `file is ${formatSize(size)}, over the ${formatSize(maxFileSize)} limit; not scanned`);
  return undefined;
}

/** The bytes read, unless they are over the limit, wide text or binary. */
function sourceText(file: string, bytes: Buffer, maxFileSize: number, notes: IndexNotes, syntaxes: CompiledTagSyntaxes | undefined): Buffer | undefined {
  if (bytes.length > maxFileSize) return oversize(file, bytes.length, maxFileSize, notes);
  const probe = bytes.subarray(0, BINARY_PROBE_BYTES);
  const hasNul = probe.indexOf(0) >= 0;
  // Wide text has NUL bytes or starts with a UTF-16 byte-order mark: other files skip the scan.
  const wide = hasNul || probe[0] >= 0xfe ? wideEncoding(probe) : undefined;
  if (wide) {
    // Text the index cannot decode, not a binary: its tags would be lost unseen, so the gate must fail on it.
    notes.add(file, 'unreadable', `${wide} text (the code index reads UTF-8: save it as UTF-8 to have its tags read); not scanned`);
    return undefined;
  }
  if (hasNul) {
    const marker = markerAt(bytes, syntaxes);
    const wideMarker = marker ? undefined : wideMarkerAt(bytes);
    // A file of a source language with NUL bytes and a tag marker: its tags would be lost unseen.
    if (marker)
      notes.add(file, 'unreadable', `binary file (NUL byte at offset ${probe.indexOf(0)}) holding tag text at ${marker.line + 1}:${marker.character + 1}; not scanned: remove the NUL bytes`, marker);
    // UTF-16 whose first bytes hold too little ASCII to tell (comments in another script): its tag is still UTF-16.
    else if (wideMarker)
      notes.add(
        file,
        'unreadable',
        `${wideMarker.encoding} text holding tag text at ${wideMarker.at.line + 1}:${wideMarker.at.character + 1} (the code index reads UTF-8: save it as UTF-8 to have its tags read); not scanned`,
        wideMarker.at,
      );
    else notes.add(file, 'binary', 'binary file (NUL byte in the first 8 KB); not scanned');
    return undefined;
  }
  return bytes;
}

/**
 * Where the first tag marker (in any letter case) of raw bytes stands (columns in bytes), if any; else where the first
 * tag text of another enabled syntax (`[impl->`, `@relation(`, `lobster-trace:`, a tag pattern) starts.
 */
function markerAt(bytes: Buffer, syntaxes: CompiledTagSyntaxes | undefined): Position | undefined {
  if (!bytesHoldMarkerAnyCase(bytes)) return syntaxes && firstTagText(bytes.toString('latin1'), syntaxes)?.position;
  const at = /@spdf/i.exec(bytes.toString('latin1'))!.index;
  let line = 0;
  let start = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < at; i = bytes.indexOf(0x0a, i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: at - start };
}

/** The spdf tag marker (any letter case) in UTF-16 without a byte-order mark: where it stands and in which byte order. */
function wideMarkerAt(bytes: Buffer): { encoding: string; at: Position } | undefined {
  for (let i = bytes.indexOf(0x40); i !== -1; i = bytes.indexOf(0x40, i + 1)) {
    for (const [encoding, le] of [
      ['UTF-16 (LE)', true],
      ['UTF-16 (BE)', false],
    ] as const) {
      const unit = le ? i : i - 1;
      if (unit < 0 || unit % 2 !== 0 || !isWideMarker(bytes, unit, le)) continue;
      const before = bytes.subarray(0, unit);
      const text = le ? before.toString('utf16le') : Buffer.from(before).swap16().toString('utf16le');
      const line = text.split('\n').length - 1;
      return { encoding, at: { line, character: text.length - text.lastIndexOf('\n') - 1 } };
    }
  }
  return undefined;
}

/** Whether the five UTF-16 units from byte `unit` spell the spdf tag marker in any letter case. */
function isWideMarker(bytes: Buffer, unit: number, le: boolean): boolean {
  for (let k = 0; k < 5; k++) {
    const lo = bytes[unit + 2 * k + (le ? 0 : 1)];
    const hi = bytes[unit + 2 * k + (le ? 1 : 0)];
    if (hi !== 0 || lo === undefined || (k === 0 ? lo !== 0x40 : (lo | 0x20) !== 'spdf'.charCodeAt(k - 1))) return false;
  }
  return true;
}

/** A Buffer over the same memory (no copy), for Node's native byte search. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

const byteGroupsOf = new WeakMap<CompiledTagSyntaxes, readonly Buffer[][] | null>();

/**
 * The prefilter's necessary condition on raw bytes: false means `mightContainTags` would be false for the decoded
 * text too, so the file need not be decoded. An ASCII or valid UTF-8 text in the decoded string comes from exactly
 * its own bytes (the decoder never turns other bytes into them), so a text missing from the bytes is missing from
 * the string. True when the syntaxes have no fixed texts (user regexes): the caller decodes and asks the prefilter.
 */
export function bytesMightContainTags(bytes: Buffer, compiled: CompiledTagSyntaxes): boolean {
  let groups = byteGroupsOf.get(compiled);
  if (groups === undefined) {
    groups = requiredTexts(compiled)?.map((texts) => texts.map((t) => Buffer.from(t, 'utf8'))) ?? null;
    byteGroupsOf.set(compiled, groups);
  }
  return (
    groups === null ||
    groups.some((texts) => texts.every((t) => bytes.indexOf(t) >= 0)) ||
    (compiled.enabled.has('spdf') && (bytesHoldMarkerAnyCase(bytes) || bytesHoldNearMissMarker(bytes))) ||
    (compiled.enabled.has('oft') && bytesHoldOftItemId(bytes))
  );
}
