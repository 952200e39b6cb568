import type { ImportNote, SourcePos } from './types';

/** Model sections a threat-model importer writes, in the order they are written. */
export const MODEL_SECTIONS = ['zones', 'assets', 'flows', 'conduits', 'threats', 'controls', 'requirements'] as const;
export type ModelSection = (typeof MODEL_SECTIONS)[number];

/** A reference by source ID, resolved to a model ID once every item has one. */
export interface ModelRef {
  id: string;
  /** Sections the target may be in, tried in order. */
  sections: readonly ModelSection[];
  pos: SourcePos;
  /** The model item cannot exist without it (a flow's source and destination). */
  required?: boolean;
}

/** One element of a foreign threat model, mapped to one model item. */
export interface ModelItem {
  section: ModelSection;
  /** The ID the source writes; kept unless another item already has it. */
  id: string;
  /** What the source calls the element: `trustZone`, `technical_asset`, `actor`. */
  element: string;
  /** Plain field values in the order they are written (strings, numbers, booleans, lists, maps). */
  fields: Record<string, unknown>;
  /** Reference fields: a single reference, or a list. */
  refs: Record<string, ModelRef | ModelRef[]>;
  /** Fields of this item the model has no place for or keeps changed, one line each (never a relation or an element: those are notes). */
  lost: string[];
  pos: SourcePos;
}

export interface ModelDocument {
  items: ModelItem[];
  notes: ImportNote[];
  /** Further files read into this document (Threagile `includes`), in reading order; their items are written with it. */
  included?: string[];
}

/**
 * Reads a file a source names (Threagile `includes`), by a path in the same space as the source's own name
 * (relative to where the import runs, `/` separators). `found` says the file exists but could not be read.
 */
export type ReadSource = (path: string) => Promise<{ text: string } | { error: string; found: boolean }>;
