// @spdf implements SPDF-FC-LOAD
import type { YScalarValue } from './ynode';

/** Strings longer than this are kept as read: keys, enumerated values and references to IDs are shorter. */
const MAX_POOLED_LENGTH = 32;

/**
 * One string per text within a file being read: a model repeats its keys and enumerated values in every item, and its
 * tree keeps every scalar's value, so the values read again are the first one's (equal strings: no result changes).
 * Fewer objects survive to be copied by the garbage collector while a large model loads.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  /** `value`, or the equal string taken before. */
  take(value: YScalarValue): YScalarValue {
    if (typeof value !== 'string' || value.length > MAX_POOLED_LENGTH) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }
}
