/** The item kinds of the model, in the order of the sections of a `*.spdf.yaml` file. */
export const ITEM_KINDS = ['system', 'zone', 'asset', 'flow', 'conduit', 'threat', 'hazard', 'control', 'requirement', 'test', 'component'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Section key in YAML for each kind (`system` is a single mapping, the others are lists). */
export const SECTION_OF: Record<ItemKind, string> = {
  system: 'system',
  zone: 'zones',
  asset: 'assets',
  flow: 'flows',
  conduit: 'conduits',
  threat: 'threats',
  hazard: 'hazards',
  control: 'controls',
  requirement: 'requirements',
  test: 'tests',
  component: 'components',
};

export const KIND_OF_SECTION: Record<string, ItemKind> = Object.fromEntries(Object.entries(SECTION_OF).map(([k, s]) => [s, k as ItemKind]));

/** Default ID pattern per kind (configurable in spdf.config.yaml `id_patterns`). */
export const DEFAULT_ID_PATTERNS: Record<ItemKind, string> = {
  system: '^SYS-[A-Z0-9][A-Z0-9-]*$',
  zone: '^Z-[A-Z0-9][A-Z0-9-]*$',
  asset: '^(AST|AP)-[A-Z0-9][A-Z0-9-]*$',
  flow: '^F-[A-Z0-9][A-Z0-9-]*$',
  conduit: '^C-[A-Z0-9][A-Z0-9-]*$',
  threat: '^THR-[A-Z0-9][A-Z0-9-]*$',
  hazard: '^HAZ-[A-Z0-9][A-Z0-9-]*$',
  control: '^CTRL-[A-Z0-9][A-Z0-9-]*$',
  requirement: '^SEC-REQ-[A-Z0-9][A-Z0-9-]*$',
  test: '^TC-[A-Z0-9][A-Z0-9-]*$',
  // Components are named by their SBOM (bom-ref, purl, SPDX ID): any ID without white space.
  component: '^\\S+$',
};
