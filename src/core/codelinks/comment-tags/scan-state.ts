import type { Relation, StrictDocScope, TagSyntax } from '../model';

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

  consume(start: number, end: number): void {
    this.spans.push([start, Math.max(end, start + 1)]);
  }

  problem(p: RawTagProblem): void {
    this.problems.push(p);
    this.consume(p.start, p.end);
  }

  covers(offset: number): boolean {
    return this.spans.some(([s, e]) => offset >= s && offset < e);
  }

  overlaps(start: number, end: number): boolean {
    return this.spans.some(([s, e]) => start < e && end > s);
  }
}
