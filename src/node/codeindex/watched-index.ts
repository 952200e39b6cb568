// @spdf implements SPDF-FC-RESULT-REINDEX
import type { CodeFileIndex } from '../../core/codelinks/model';
import { derivedReadSink } from '../derived-reads';
import { packIndex, unpackIndex } from './compact-index';

/**
 * While the whole-result cache records, an index made in this thread as one whose positions note their first read
 * (packed and read back: an equal index, key order included); else, or when it does not pack, the index itself
 * (its positions then count as read).
 */
export function withWatchedPositions(index: CodeFileIndex): CodeFileIndex {
  if (!derivedReadSink()?.positions) return index;
  const packed = packIndex(index);
  return Array.isArray(packed) ? unpackIndex(packed) : index;
}
