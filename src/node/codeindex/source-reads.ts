// @spdf implements SPDF-FC-RESULT-REINDEX
import { derivedReadSink, type IndexContext, type IndexedRead } from '../derived-reads';
import { IndexNotes } from './index-notes';
import type { CompiledTagSyntaxes } from '../../core/codelinks/tag-syntaxes';
import { type BoundedReadHost, readSourceBytes, readSourceBytesNow } from './source-bytes';

/**
 * The code index's reads of source files, each made once: `readSourceBytesNow`, with the file named to the
 * whole-result cache while it records (derived-reads.ts), and the bytes a sample read early kept for the read that
 * counts (a second read of the same file would count as an input of its own, by its bytes).
 */
export class SourceReads {
  private readonly kept = new Map<string, { bytes: Buffer; read: IndexedRead | undefined }>();
  private readonly sink = derivedReadSink();
  private readonly context: IndexContext | undefined;

  constructor(
    private readonly host: BoundedReadHost,
    private readonly maxFileSize: number,
    /** The options an index is a function of with the index's cache folder and key; undefined without a cache (then no read is derived). */
    context: IndexContext | undefined,
    /** The enabled tag syntaxes: a binary file holding their tag text is unreadable, not binary (source-bytes.ts). */
    private readonly syntaxes?: CompiledTagSyntaxes,
  ) {
    this.context = this.sink && context;
  }

  /**
   * The read of `file` that counts (as readSourceBytesNow, notes in `notes`) and, while the result cache records,
   * what to tell it the index made of the file (set its `kind`).
   */
  now(file: string, notes: IndexNotes): { now: Buffer | undefined | 'later'; read: IndexedRead | undefined } {
    const kept = this.kept.get(file);
    if (kept) {
      this.kept.delete(file);
      return { now: kept.bytes, read: kept.read };
    }
    const read: IndexedRead | undefined = this.context && { file, context: this.context };
    if (this.sink) this.sink.reading = read;
    try {
      return { now: readSourceBytesNow(this.host, file, this.maxFileSize, notes, this.syntaxes), read };
    } finally {
      if (this.sink) this.sink.reading = undefined;
    }
  }

  /** A sample read before the reads that count (notes dropped); the bytes read are kept for `now`. */
  async sample(file: string): Promise<Buffer | undefined> {
    const { now, read } = this.now(file, new IndexNotes());
    if (now === 'later') return readSourceBytes(this.host, file, this.maxFileSize, new IndexNotes()).catch(() => undefined);
    if (now === undefined) return undefined;
    const bytes = Buffer.from(now);
    this.kept.set(file, { bytes, read });
    return bytes;
  }
}
