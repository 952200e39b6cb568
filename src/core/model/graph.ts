import type { SbomDocument } from '../sbom/types';
import type { SourceText } from '../text';
import type { Range } from '../types';
import type { YMap, YNode, YScalar } from '../yaml/ynode';
import type { ItemKind } from './kinds';
import type { ModelData } from './model-types';

/** One model item of kind K (zone, asset, threat ...) as written in one file. */
export interface ItemOf<K extends ItemKind> {
  kind: K;
  id: string;
  file: string;
  /** The item's mapping; every key and value keeps its source offsets. */
  node: YMap;
  idNode: YScalar;
  /** Plain values of the item's fields (aliases expanded within the file's budget), typed from schema-def.ts. */
  data: KindData<K>;
}

type DataKey = { [K in ItemKind]: keyof ModelData[K] }[ItemKind];
/** A kind's data with the fields of the other kinds marked absent, so `item.data.title` reads on any item and narrows with `kind`. */
export type KindData<K extends ItemKind> = ModelData[K] & { [P in Exclude<DataKey, keyof ModelData[K]>]?: undefined };

/** Any model item, typed: narrow on `kind` (or take it from `Graph.byKind`) to read its fields. */
export type ModelItem = { [K in ItemKind]: ItemOf<K> }[ItemKind];

/** The model graph: its items are typed (narrow on `kind`, or take them from `byKind`). */
export type Graph = GraphOf<ModelItem, { [K in ItemKind]: ItemOf<K>[] }>;

/** A use of an ID inside an item (a field that refers to another item). */
export interface Reference {
  from: ModelItem;
  /** Field path inside the item, e.g. ['controls'] or ['components', '2', 'threat']. */
  field: string;
  id: string;
  kinds: readonly ItemKind[];
  node: YScalar;
  target?: ModelItem;
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
  /** Set when the file parsed without a problem and holds no section: empty, comments only or empty documents (TM015). */
  empty?: true;
}

/** A graph whose items are I, grouped by kind in B. */
export interface GraphOf<out I extends ModelItem, out B extends Record<ItemKind, I[]>> {
  files: ModelFile[];
  fileByPath: Map<string, ModelFile>;
  items: I[];
  /** First definition of each ID (in file order). */
  byId: Map<string, I>;
  /** Items grouped by kind. */
  byKind: B;
  /** Groups of items sharing one ID (each group has 2+ items). */
  duplicates: I[][];
  refs: Reference[];
  /** References by target ID, including those whose target is undefined. */
  refsTo: Map<string, Reference[]>;
  /** References made by each item. */
  refsOf: Map<ModelItem, Reference[]>;
  /** Zone IDs each asset belongs to (from `asset.zone` and `zone.assets`). */
  zonesOfAsset: Map<string, Set<string>>;
  /** Load and schema problems, with codes of the rules that report them. */
  problems: LoadProblem[];
  /** SBOM and VEX documents read (their components are items of kind `component`). */
  sboms: LoadedSbom[];
}

/** One SBOM or VEX document the model names, as read. */
export interface LoadedSbom {
  path: string;
  document: SbomDocument;
}
