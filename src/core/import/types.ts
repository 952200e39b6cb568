// @spdf implements SPDF-FC-IMPORT-EVIDENCE
/** A place in a source document: 1-based line and column (UTF-16 code units). */
export interface SourcePos {
  file: string;
  line: number;
  col: number;
}

/** A cell of a table (CSV, a spreadsheet) as text, with where it is. */
export interface TableCell {
  value: string;
  pos: SourcePos;
}

export interface TableRow {
  cells: TableCell[];
  pos: SourcePos;
}

/** One requirement read from a foreign document, before IDs are checked across files. */
export interface ImportedItem {
  /** The ID as the source writes it (`dsn~x~1`, `SDOC-SSS-3`, `pkg.Name`); relations name these. */
  id: string;
  /** The shorter ID code tags link to (an OpenFastTrace name), used when no other item claims it. */
  shortId?: string;
  /** Among items claiming the same short ID, the lowest keeps it (OFT: design before requirement before feature). */
  rank?: number;
  /** What the source calls the element: `dsn`, `REQUIREMENT`, `req.Software_Requirement`. */
  element: string;
  title?: string;
  text?: string;
  status?: 'draft' | 'approved' | 'obsolete';
  /** IDs (in this import's ID space) the item derives from; resolved across files later. */
  derivedFrom: Relation[];
  /** IDs of items that derive from this one (StrictDoc `Child` relations). */
  children: Relation[];
  /** Further model fields the source carries verbatim (ReqIF `SPDF.Model` from `spdf trace --format reqif`); `derived_from` here replaces the relations. */
  fields?: Record<string, unknown>;
  /** Fields of this item the model has no place for or keeps changed, one line each (never a relation: that is a note). */
  lost: string[];
  pos: SourcePos;
}

export interface Relation {
  id: string;
  pos: SourcePos;
  /** How the source writes it, for the report: `Covers`, `Parent`, `derived_from`. */
  via: string;
}

/**
 * What a skipped or lost note is about. Whether the import fails follows from it alone (DROPS_EVIDENCE),
 * never from the importer that wrote the note.
 */
export type NoteSubject =
  /** A requirement, threat, hazard, control, asset, zone, conduit, flow or test of the source that is not in the model. */
  | 'element'
  /** A relation between such elements (trace link, derived_from, mitigation, threat target, flow end, zone membership) that is not in the model. */
  | 'relation'
  /** Diagram layout, styles, representations, annotations. */
  | 'layout'
  /** Document sections and element fields the model has no field for (authors, tags, ratings, free-text notes). */
  | 'metadata'
  /** A chapter heading without text. */
  | 'heading'
  /** Kept, but not as written: a value mapped onto the model's scale, an ID renamed, a nesting flattened, a field of a kept element the model has no place for. */
  | 'changed'
  /** Left out by the user's own choice (a worksheet other than `--sheet`). */
  | 'excluded';

/** Dropped evidence: the import exits 1 and names each such note as an error; the others are listed in the report. */
export const DROPS_EVIDENCE: Readonly<Record<NoteSubject, boolean>> = {
  element: true,
  relation: true,
  layout: false,
  metadata: false,
  heading: false,
  changed: false,
  excluded: false,
};

/** A source element that was not imported, or a part of one that was lost, with where it is written. */
export type ImportNote = { pos: SourcePos; message: string } & ({ kind: 'error' } | { kind: 'skipped' | 'lost'; subject: NoteSubject });

/** The note names evidence of the source that is not in the model (not a source error: the source was read). */
export const dropsEvidence = (n: ImportNote): boolean => n.kind !== 'error' && DROPS_EVIDENCE[n.subject];

/** What one importer reads from one file: every source element ends up as an item or a note. */
export interface ParsedDocument {
  items: ImportedItem[];
  notes: ImportNote[];
}

export interface ImportOptions {
  /** OpenFastTrace: link IDs as the name only (what `[impl->dsn~x~1]` links today) or as full `type~name~revision`. */
  oftIds?: 'name' | 'full';
  /** CSV, XLSX: header names of the columns, by role (`id`, `title`, `text`, `status`, `derived_from`). */
  /** XLSX: the worksheet to read (default: the first). */
  sheet?: string;
  columns?: Partial<Record<'id' | 'title' | 'text' | 'status' | 'derived_from', string>>;
}

interface ImporterBase {
  name: string;
  summary: string;
  /** File name endings this importer reads when given a directory. */
  extensions: readonly string[];
  /** Tag syntax of code that links to what this importer produces (`code.tag_syntaxes`). */
  tagSyntax: string;
  /** Further `code:` settings the imported IDs need to link (`oft_ids: full`), one YAML line each. */
  codeSettings?(options: ImportOptions): string[];
}

export interface TextImporter extends ImporterBase {
  parse(file: string, text: string, options: ImportOptions): ParsedDocument;
}

/** A binary spreadsheet: the host reads its cells (src/node) and hands the rows over. */
export interface TableImporter extends ImporterBase {
  table: 'xlsx';
  parseTable(file: string, rows: TableRow[], options: ImportOptions): ParsedDocument;
}

export type Importer = TextImporter | TableImporter;
