// @spdf implements SPDF-SBOM-READ
/** What the SBOM and VEX readers return: plain data with offsets into the document's text, no model knowledge. */

export type SbomFormat = 'cyclonedx-json' | 'cyclonedx-xml' | 'spdx-2-json' | 'spdx-3-jsonld' | 'openvex' | 'csaf-vex';

/** The dispositions a VEX statement can give (OpenVEX / CISA VEX status names). */
export const VEX_STATUSES = ['not_affected', 'affected', 'fixed', 'under_investigation'] as const;
export type VexStatus = (typeof VEX_STATUSES)[number];

/** A problem inside a document, at offsets of its text. */
export interface SbomProblem {
  message: string;
  start: number;
  end: number;
}

export interface SbomComponent {
  /** bom-ref, else purl, else SPDXID / spdxId, else name@version. */
  id: string;
  name?: string;
  version?: string;
  supplier?: string;
  authors: string[];
  purl?: string;
  cpe?: string;
  /** Other unique identifiers (SWID tag IDs, SPDX external identifiers). */
  otherIds: string[];
  licenses: string[];
  supportLevel?: string;
  endOfSupport?: string;
  /** IDs this component depends on, as the document writes them. */
  dependsOn: string[];
  /** The document states at least one relationship for it (dependency, containment, or "none known"). */
  hasRelationship: boolean;
  start: number;
  end: number;
}

/** A vulnerability named for some products, with its disposition when the document gives one. */
export interface VulnStatement {
  vuln: string;
  /** References to the affected components: bom-refs, BOM-Links, purls, SPDX IDs, CPEs. */
  products: string[];
  status?: VexStatus;
  /** The status as written, when it is not one of VEX_STATUSES' spellings. */
  rawStatus?: string;
  justification?: string;
  start: number;
  end: number;
}

export interface SbomDocument {
  format: SbomFormat;
  specVersion: string;
  /** Who wrote the SBOM data (NTIA "author of SBOM data"). */
  authors: string[];
  timestamp?: string;
  components: SbomComponent[];
  statements: VulnStatement[];
  problems: SbomProblem[];
  /** Where document-level findings point (the metadata or creation info, else the start). */
  metaStart: number;
  metaEnd: number;
}

/** Schema validation the host supplies (the core holds no schema files): messages with JSON pointers. */
export type SbomSchemaValidator = (format: SbomFormat, specVersion: string, data: unknown) => { pointer: string; message: string }[] | undefined;

export function emptyDocument(format: SbomFormat, specVersion = ''): SbomDocument {
  return { format, specVersion, authors: [], components: [], statements: [], problems: [], metaStart: 0, metaEnd: 0 };
}
