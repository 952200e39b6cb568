import type { SourceText } from '../text';
import type { Range } from '../types';
import type { YMap, YNode, YScalar } from '../yaml/ynode';
import type { ItemKind } from './kinds';

/** One model item (zone, asset, threat ...) as written in one file. */
export interface Item {
  kind: ItemKind;
  id: string;
  file: string;
  /** The item's mapping; every key and value keeps its source offsets. */
  node: YMap;
  idNode: YScalar;
  /** Plain values of the item's fields (aliases expanded within the file's budget). */
  data: Record<string, any>;
}

/** A use of an ID inside an item (a field that refers to another item). */
export interface Reference {
  from: Item;
  /** Field path inside the item, e.g. ['controls'] or ['components', '2', 'threat']. */
  field: string;
  id: string;
  kinds: readonly ItemKind[];
  node: YScalar;
  target?: Item;
}

/** A problem found while reading or parsing a file, before any rule runs. */
export interface LoadProblem {
  code: string;
  message: string;
  file: string;
  range: Range;
  /** A TM006 value of a vocabulary spdf.config.yaml may extend (the TM006 rule checks it against the config). */
  open?: { vocab: 'protocol'; value: string };
}

/** An in-place suppression comment: `spdf-disable-next-line CODE[, CODE] -- reason`. */
export interface Suppression {
  file: string;
  /** 0-based line of the comment. */
  line: number;
  /** 0-based line the suppression applies to. */
  targetLine: number;
  codes: string[];
  justification: string;
  range: Range;
}

export interface ModelFile {
  path: string;
  source: SourceText;
  roots: (YNode | null)[];
  suppressions: Suppression[];
  /** Content hash, so hosts can cache per-file work. */
  hash: string;
}

export interface Graph {
  files: ModelFile[];
  fileByPath: Map<string, ModelFile>;
  items: Item[];
  /** First definition of each ID (in file order). */
  byId: Map<string, Item>;
  /** Items grouped by kind. */
  byKind: Record<ItemKind, Item[]>;
  /** Groups of items sharing one ID (each group has 2+ items). */
  duplicates: Item[][];
  refs: Reference[];
  /** References by target ID, including those whose target is undefined. */
  refsTo: Map<string, Reference[]>;
  /** References made by each item. */
  refsOf: Map<Item, Reference[]>;
  /** Zone IDs each asset belongs to (from `asset.zone` and `zone.assets`). */
  zonesOfAsset: Map<string, Set<string>>;
  /** Load and schema problems, with codes of the rules that report them. */
  problems: LoadProblem[];
}

