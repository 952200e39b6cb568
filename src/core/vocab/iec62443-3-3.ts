import { FRS, SYSTEM_REQUIREMENTS, type FR } from './iec62443';

/**
 * The IEC 62443-3-3 catalogue by security level: every system requirement (SR) and requirement
 * enhancement (RE) with its FR, a short title in our own words (never the standard's text) and the
 * lowest SL-C at which the standard's SL columns (Annex B) select it. Facts only.
 *
 * `confidence` says where the SL figure comes from:
 * - `checked`: read in a public source (SR 1.1 and its REs: TU Wien research data set of 62443-3-3;
 *   SR 3.4 at SL 2: the 2014 corrigendum as summarised publicly; SR 4.1 REs: issue 11's reviewer, who
 *   quotes the standard).
 * - `recalled`: from memory of Table B.1, not checked against a licensed copy. Users with the standard
 *   should confirm these before relying on them in a submission.
 */
export type Confidence = 'checked' | 'recalled';

export interface CatalogueEntry {
  /** `SR 1.1` or `SR 1.1 RE 1`. */
  id: string;
  /** The SR this entry belongs to (itself for an SR). */
  sr: string;
  /** RE number, absent for the SR itself. */
  re?: number;
  fr: FR;
  title: string;
  /** Lowest SL (1..4) at which the entry is required. */
  sl: 1 | 2 | 3 | 4;
  confidence: Confidence;
}

type Sl = 1 | 2 | 3 | 4;
/** SR number within its FR -> [SR's lowest SL, [RE title, RE lowest SL][]]. Titles of SRs come from iec62443.ts. */
type Row = [Sl, [string, Sl][]?];

const TABLE: Record<FR, Row[]> = {
  FR1: [
    [
      1,
      [
        ['Unique identity for every human user', 2],
        ['Multifactor login over untrusted networks', 3],
        ['Multifactor login on every network', 4],
      ],
    ],
    [2, [['Unique identity for every process and device', 3]]],
    [1, [['Accounts managed in one place', 3]]],
    [1],
    [1, [['Process credentials kept in hardware', 3]]],
    [1, [['Unique identity for every wireless user', 2]]],
    [
      1,
      [
        ['Password generation and expiry for people', 3],
        ['Password expiry for every user', 4],
      ],
    ],
    [2],
    [2, [['Public-key material kept in hardware', 3]]],
    [1],
    [1],
    [1],
    [1, [['Each remote access request approved', 2]]],
  ],
  FR2: [
    [
      1,
      [
        ['Authorisation checked for every user, process and device', 2],
        ['Permissions granted through roles', 2],
        ['Supervisor can override', 3],
        ['Two-person approval', 4],
      ],
    ],
    [1, [['Find and report rogue wireless devices', 3]]],
    [1, [['Security state of portable devices enforced', 3]]],
    [1, [['Integrity of mobile code checked', 3]]],
    [1],
    [2],
    [3],
    [1, [['One audit trail for the whole system', 3]]],
    [1, [['Warning before audit storage fills', 3]]],
    [1],
    [
      2,
      [
        ['Clocks synchronised inside the system', 3],
        ['Time source protected against tampering', 4],
      ],
    ],
    [3, [['Non-repudiation for every user', 4]]],
  ],
  FR3: [
    [1, [['Cryptographic protection of message integrity', 3]]],
    [
      1,
      [
        ['Malware checks at entry and exit points', 2],
        ['Malware protection managed and reported centrally', 3],
      ],
    ],
    [
      1,
      [
        ['Security functions tested automatically', 3],
        ['Security functions tested during operation', 4],
      ],
    ],
    [2, [['Integrity violations reported automatically', 3]]],
    [1],
    [1],
    [2],
    [
      2,
      [
        ['Session IDs invalid after logout', 3],
        ['Session IDs unique', 3],
        ['Session IDs random', 4],
      ],
    ],
    [2, [['Audit records on write-once media', 4]]],
  ],
  FR4: [
    [
      1,
      [
        ['Confidentiality at rest and across untrusted networks', 2],
        ['Confidentiality across every zone boundary', 4],
      ],
    ],
    [2, [['Shared memory purged before reuse', 3]]],
    [1],
  ],
  FR5: [
    [
      1,
      [
        ['Networks separated physically', 2],
        ['Control network independent of other networks', 3],
        ['Critical networks isolated logically and physically', 4],
      ],
    ],
    [
      1,
      [
        ['Deny all traffic unless allowed', 2],
        ['Zone can run cut off from outside (island mode)', 3],
        ['Boundary fails closed', 3],
      ],
    ],
    [1, [['No person-to-person messaging at all', 3]]],
    [1],
  ],
  FR6: [[1, [['Audit logs readable by programs', 3]]], [2]],
  FR7: [
    [
      1,
      [
        ['Communication load managed', 2],
        ['Denial-of-service effects kept from other systems', 3],
      ],
    ],
    [1],
    [
      1,
      [
        ['Backups verified', 2],
        ['Backups automated', 3],
      ],
    ],
    [1],
    [1],
    [1, [['Current security settings reported machine-readably', 3]]],
    [1],
    [2],
  ],
};

const CHECKED = new Set(['SR 1.1', 'SR 1.1 RE 1', 'SR 1.1 RE 2', 'SR 1.1 RE 3', 'SR 3.4', 'SR 4.1 RE 1', 'SR 4.1 RE 2']);

function build(): CatalogueEntry[] {
  const out: CatalogueEntry[] = [];
  for (const fr of FRS) {
    const srs = SYSTEM_REQUIREMENTS.filter((s) => s.fr === fr);
    TABLE[fr].forEach(([sl, res], i) => {
      const sr = srs[i];
      out.push({ id: sr.id, sr: sr.id, fr, title: sr.title, sl, confidence: CHECKED.has(sr.id) ? 'checked' : 'recalled' });
      (res ?? []).forEach(([title, reSl], j) => {
        const id = `${sr.id} RE ${j + 1}`;
        out.push({ id, sr: sr.id, re: j + 1, fr, title, sl: reSl, confidence: CHECKED.has(id) ? 'checked' : 'recalled' });
      });
    });
  }
  return out;
}

/** Every SR and RE, in catalogue order (FR, SR, RE). */
export const CATALOGUE: readonly CatalogueEntry[] = build();

const BY_ID = new Map(CATALOGUE.map((e) => [e.id, e]));

/** The entry of a canonical ID (`SR 1.1`, `SR 1.1 RE 2`). */
export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return BY_ID.get(id);
}

/** Canonical ID of `SR 1.1`, `SR1.1`, `SR 1.1 RE 2`, `SR 1.1(2)`, `SR 1.1 (2)`; undefined when not that shape. */
export function canonicalSrReId(text: string): string | undefined {
  const m = /^SR\s*(\d)\.(\d{1,2})(?:\s*(?:RE\s*|\()(\d{1,2})\)?)?$/i.exec(text.trim());
  if (!m) return undefined;
  return `SR ${m[1]}.${Number(m[2])}${m[3] ? ` RE ${Number(m[3])}` : ''}`;
}

/** Answers of `lookupSrRe` by text: a model repeats a few dozen SR IDs on thousands of items. Bounded against a model of distinct strings. */
const LOOKED_UP = new Map<string, CatalogueEntry | undefined>();

/** The catalogue entry named by a user-written ID, or undefined (unknown SR or RE, or not an SR ID). */
export function lookupSrRe(text: string): CatalogueEntry | undefined {
  if (LOOKED_UP.has(text)) return LOOKED_UP.get(text);
  const id = canonicalSrReId(text);
  const entry = id ? BY_ID.get(id) : undefined;
  if (LOOKED_UP.size >= 4096) LOOKED_UP.clear();
  LOOKED_UP.set(text, entry);
  return entry;
}

/** Entries a security level `k` on `fr` requires: every SR and RE of the FR whose lowest SL is at most k. */
export function requiredAt(fr: FR, k: number): CatalogueEntry[] {
  return CATALOGUE.filter((e) => e.fr === fr && e.sl <= k);
}

/** The REs an SR has (empty for an unknown SR). */
export function enhancementsOf(sr: string): CatalogueEntry[] {
  return CATALOGUE.filter((e) => e.sr === sr && e.re !== undefined);
}
