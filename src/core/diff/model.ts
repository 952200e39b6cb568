// @spdf implements SPDF-CMD-DIFF
import type { TraceStatus } from '../matrix/decide';
import type { LintResult } from '../rules/engine';
import type { RuleInputs } from '../rules/types';
import type { Finding } from '../types';

/** Version of the diff report's JSON form (media/schemas/spdf.diff.schema.json). */
export const DIFF_FORMAT_VERSION = 1;

/** One loaded revision: what the rules saw and what they found. */
export interface DiffSide {
  /** The revision as the user named it (`main`, `HEAD~2`, `working tree`). */
  label: string;
  commit?: string;
  inputs: RuleInputs;
  lint: LintResult;
  /** Problems with inputs other than the model (lock, code index, JUnit files), as messages. */
  problems: string[];
}

export interface ItemRef {
  id: string;
  kind: string;
  /** Where the item is written (in the head revision, or the base for a removed item); line 1-based. */
  file: string;
  line: number;
}

export interface ItemChange extends ItemRef {
  /** Normative fields whose value changed: the ones that make code links suspect. */
  normative: string[];
  /** Other fields that changed (editorial: status, notes ...). */
  other: string[];
}

export interface LinkRef {
  id: string;
  relation: string;
  file: string;
  /** Qualified symbol name; null for a file-level link. */
  symbol: string | null;
  /** 1-based line of the symbol (or the tag) in the revision it is reported from. */
  line: number;
}

export interface StatusChange {
  id: string;
  kind: string;
  /** undefined when the item does not exist (or is not traced) on that side. */
  before?: TraceStatus;
  after?: TraceStatus;
}

export interface CoverageSide {
  total: number;
  okOrJustified: number;
  /** 0..100; undefined when no requirement is in scope. */
  percent?: number;
}

/** What a changed item or symbol reaches through the trace relations, and the tests to run again. */
export interface Impact {
  /** An item ID, or `file#symbol` for a symbol. */
  subject: string;
  type: 'item' | 'symbol';
  /** Why it is listed: added, removed, changed, normative, symbol changed, link added ... */
  reason: string;
  hazards: string[];
  threats: string[];
  controls: string[];
  requirements: string[];
  /** Tests (IDs) and verifying code (file:line symbol) of the items reached. */
  tests: string[];
}

export interface EvidenceDiff {
  version: typeof DIFF_FORMAT_VERSION;
  base: { label: string; commit?: string };
  head: { label: string; commit?: string };
  items: { added: ItemRef[]; removed: ItemRef[]; changed: ItemChange[] };
  links: { added: LinkRef[]; removed: LinkRef[]; becameSuspect: LinkRef[]; symbolsChanged: LinkRef[] };
  statuses: StatusChange[];
  coverage: { before: CoverageSide; after: CoverageSide; delta?: number };
  /** Findings of the head that the base did not have, and the reverse; matched on code, file and message, never lines. */
  findings: { new: Finding[]; resolved: Finding[] };
  impact: Impact[];
  /** Input problems of either side, prefixed with its label. */
  problems: string[];
}
