import type { Suppression } from '../model/graph';
import type { Range } from '../types';
import type { CodeLanguage } from './languages';

/** What a tag says the code does for its target. */
export const RELATIONS = ['implements', 'verifies', 'mitigates', 'hazard'] as const;
export type Relation = (typeof RELATIONS)[number];

export function isRelation(value: string): value is Relation {
  return (RELATIONS as readonly string[]).includes(value);
}

export const TAG_SYNTAXES = ['spdf', 'oft', 'strictdoc', 'lobster', 'bare'] as const;
/** Syntaxes selectable in `code.tag_syntaxes`, plus `pattern` (code.tag_patterns) and `call` (code.call_tags). */
export type TagSyntax = (typeof TAG_SYNTAXES)[number] | 'pattern' | 'call';

/** StrictDoc `@relation(..., scope=...)`; a range links the symbols between its start and end markers. */
export type StrictDocScope = 'function' | 'method' | 'class' | 'file' | 'line' | 'range_start' | 'range_end';

export const SYMBOL_KINDS = ['function', 'method', 'constructor', 'class', 'struct', 'enum', 'interface', 'trait', 'impl', 'macro', 'module', 'constant', 'variable', 'type', 'enum_member'] as const;
export type SymbolKind = (typeof SYMBOL_KINDS)[number];

export const FUNCTION_LIKE_KINDS: ReadonlySet<SymbolKind> = new Set(['function', 'method', 'constructor']);

export interface CodeSymbol {
  name: string;
  /** Language-style qualified name: `pump::DoseController::setRate`, `pump.dose.set_rate`, `Pump.SetRate`. */
  qualifiedName: string;
  kind: SymbolKind;
  /** From the outermost wrapper (decorator, attribute, export, template) to the end of the definition. */
  range: Range;
  nameRange: Range;
  /** A prototype or signature without a body (C/C++ header declaration, Rust trait method signature). */
  declarationOnly?: boolean;
  /** The comment run directly above the symbol (across wrappers) and its docstring, in document order. */
  docRanges: Range[];
  /** Fingerprint of the normalized definition (see fingerprint.ts); set for symbols that carry links. */
  codeHash?: string;
}

/** A link target as written in a comment. `exclude` marks a LOBSTER exclusion (no target). */
export interface CodeTag {
  syntax: TagSyntax;
  id: string;
  idRange: Range;
  relation: Relation;
  /** Range of the whole tag text (e.g. `@spdf implements A, B`), shared by every ID of the tag. */
  tagRange: Range;
  /** OpenFastTrace revision (`~2`). */
  revision?: number;
  /** OpenFastTrace covering artifact type (`impl`, `utest`) or StrictDoc role. */
  artifactType?: string;
  /** StrictDoc scope. */
  scope?: StrictDocScope;
  /** The ID as written, when `code.id_normalize` rewrote it into `id`. */
  written?: string;
  /** For an orphan: the kind of code directly below it, which is no linkable symbol (`expression statement`). */
  above?: string;
  /** Qualified name of the symbol the tag attached to; `null` for the file, `undefined` for an orphan. */
  symbol?: string | null;
}

/** A `lobster-exclude: reason` marker: the symbol is deliberately untraced. Without `symbol`: a StrictDoc skip marker or a tag inside its region, not read. */
export interface CodeExclusion {
  reason: string;
  range: Range;
  symbol?: string | null;
}

export interface CodeLink {
  id: string;
  relation: Relation;
  file: string;
  /** Qualified symbol name, or null when the tag attached to the whole file. */
  symbol: string | null;
  symbolKind?: SymbolKind;
  /** Where the ID is written. */
  range: Range;
  /** Range of the linked symbol (or of the file's first line for file links). */
  symbolRange: Range;
  syntax: TagSyntax;
  revision?: number;
  /** StrictDoc `scope=line` (the marker's line) and `range_start`/`range_end` (marker to marker): 0-based lines, inclusive. */
  lines?: { start: number; end: number };
  /** Hash of the symbol's normalized code; combine with the target's hash for the review fingerprint. */
  codeHash: string;
}

/**
 * `malformed-tag`, `unknown-relation` and `unparsed-tag` are tag-like texts that became no link (CL008);
 * `tag-near-syntax-error` is a tag read next to code the parser could not understand (CL009);
 * `tag-in-disabled-code` is a tag in code the preprocessor leaves out in every build (CL013);
 * `verifies-skipped-test` is a `verifies` tag on a test its framework skips in every run (CL014);
 * `marker-case` is the spdf tag marker written in capitals, which reads no tag (CL011);
 * `marker-near-miss` is the spdf marker misspelt by one edit before a relation (`@spfd implements`), no tag (CL012);
 * `syntax-error` (the file's first error) and `internal` (the file could not be indexed) describe the file.
 */
export type CodeProblemKind =
  'malformed-tag' | 'unknown-relation' | 'unparsed-tag' | 'marker-case' | 'marker-near-miss' | 'tag-near-syntax-error' | 'tag-in-disabled-code' | 'verifies-skipped-test' | 'syntax-error' | 'internal';

/** Problems that stand for a tag-like text which became no link and no exclusion. */
export const UNREAD_TAG_KINDS: ReadonlySet<CodeProblemKind> = new Set(['malformed-tag', 'unknown-relation', 'unparsed-tag']);

export interface CodeProblem {
  kind: CodeProblemKind;
  message: string;
  /** For tag problems: starts where the tag-like text starts. */
  range: Range;
  /** A replacement the user probably meant (offered as a suggestion, never applied by --fix). */
  suggestion?: { range: Range; newText: string };
}

/** Everything the index knows about one source file. Plain data: crosses worker threads, goes into the cache. */
export interface CodeFileIndex {
  file: string;
  language: CodeLanguage;
  symbols: CodeSymbol[];
  tags: CodeTag[];
  links: CodeLink[];
  orphanTags: CodeTag[];
  exclusions: CodeExclusion[];
  problems: CodeProblem[];
  /**
   * The file's `spdf-disable-next-line` comments (suppressions.ts), found by the code index's parse (parse-tasks.ts) in
   * the very text it indexed, so a check applies them without reading the file again. Unset in an index made otherwise
   * (then the file is read for them).
   */
  suppressions?: Suppression[];
}
