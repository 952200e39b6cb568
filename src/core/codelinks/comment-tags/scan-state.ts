import type { Relation, StrictDocScope, TagSyntax } from '../model';
import { countBelow } from '../../sorted';

/** Offsets are relative to the scanned comment text. */
export interface RawTag {
  syntax: TagSyntax;
  id: string;
  idStart: number;
  idEnd: number;
  relation: Relation;
  tagStart: number;
  tagEnd: number;
  revision?: number;
  artifactType?: string;
  scope?: StrictDocScope;
  /** The ID as written, when normalisation or a full OFT ID made `id` differ from it. */
  written?: string;
}

export interface RawExclusion {
  reason: string;
  start: number;
  end: number;
}

/** A tag-like text that could not be read; `start` is where the tag-like text starts. */
export interface RawTagProblem {
  kind: 'malformed-tag' | 'unknown-relation' | 'marker-case' | 'marker-near-miss';
  message: string;
  start: number;
  end: number;
  /** What the user probably meant there; offered, never applied (a wrong guess would create evidence). */
  suggestion?: { start: number; end: number; text: string };
}

export interface CommentScan {
  tags: RawTag[];
  exclusions: RawExclusion[];
  problems: RawTagProblem[];
}

/** What one comment's scan has read so far: every tag-like text must end inside one of these spans. */
export class ScanState implements CommentScan {
  tags: RawTag[] = [];
  exclusions: RawExclusion[] = [];
  problems: RawTagProblem[] = [];
  readonly spans: [number, number][] = [];
  /** The spans by start, with the largest end up to each, so that a query is a binary search: a comment holding thousands of tags made a scan over every span per query quadratic. */
  private index: { starts: number[]; maxEnds: number[] } | undefined;

  consume(start: number, end: number): void {
    const span: [number, number] = [start, Math.max(end, start + 1)];
    this.spans.push(span);
    const index = this.index;
    if (!index) return;
    const n = index.starts.length;
    // Scans and the checks after them consume in order of start: such a span extends the index as it stands.
    if (n && start < index.starts[n - 1]) {
      this.index = undefined;
      return;
    }
    index.starts.push(start);
    index.maxEnds.push(Math.max(span[1], n ? index.maxEnds[n - 1] : 0));
  }

  problem(p: RawTagProblem): void {
    this.problems.push(p);
    this.consume(p.start, p.end);
  }

  covers(offset: number): boolean {
    const { starts, maxEnds } = this.sorted();
    const i = lastBefore(starts, offset + 1);
    return i >= 0 && maxEnds[i] > offset;
  }

  overlaps(start: number, end: number): boolean {
    const { starts, maxEnds } = this.sorted();
    const i = lastBefore(starts, end);
    return i >= 0 && maxEnds[i] > start;
  }

  private sorted(): { starts: number[]; maxEnds: number[] } {
    if (this.index) return this.index;
    const spans = [...this.spans].sort((a, b) => a[0] - b[0]);
    const maxEnds: number[] = [];
    for (const [, e] of spans) maxEnds.push(Math.max(e, maxEnds.length ? maxEnds[maxEnds.length - 1] : 0));
    return (this.index = { starts: spans.map(([s]) => s), maxEnds });
  }
}

/** The index of the last value below `limit` in ascending `values`; -1 when there is none. */
const lastBefore = (values: readonly number[], limit: number): number => countBelow(values.length, (i) => values[i] < limit) - 1;
