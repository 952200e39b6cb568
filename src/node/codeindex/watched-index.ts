// @spdf implements SPDF-FC-RESULT-REINDEX
import type { CodeFileIndex } from '../../core/codelinks/model';
import { derivedReadSink } from '../derived-reads';
import { type CompactIndex, packIndex, unpackIndex } from './compact-index';

/**
 * While the whole-result cache records, an index made in this thread as one whose positions note their first read
 * (packed and read back: an equal index, key order included); else, or when it does not pack, the index itself
 * (its positions then count as read).
 */
export function withWatchedPositions(index: CodeFileIndex): CodeFileIndex {
  return watchedPositions(index).index;
}

/**
 * `withWatchedPositions`, with the packed form made on the way (when the run records and the index packs): the
 * code-index cache stores that as it is instead of the larger JSON of the index, as it stores a worker's.
 */
export function watchedPositions(index: CodeFileIndex): { index: CodeFileIndex; packed?: CompactIndex } {
  if (!derivedReadSink()?.positions) return { index };
  const packed = packIndex(index);
  return Array.isArray(packed) ? { index: unpackIndex(packed), packed } : { index };
}
