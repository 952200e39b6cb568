import { nearest } from '../../suggest';
import { canonicalSrReId, CATALOGUE, catalogueEntry, enhancementsOf, lookupSrRe } from '../../vocab/iec62443-3-3';
import { deref, nodeAt } from '../../yaml/ynode';
import type { Rule } from '../types';

/** Where a model maps to IEC 62443-3-3 IDs: kind -> field path. */
const FIELDS = [
  ['requirement', ['standards', 'iec62443_3_3']],
  ['control', ['standards', 'iec62443_3_3']],
  ['asset', ['capabilities']],
] as const;

/** Why `v` is not a catalogue ID, and the ID the user probably meant. */
function diagnose(v: string): { why: string; meant?: string; fix?: string } {
  const bare = /^\s*(\d\.\d{1,2}(?:\s*(?:RE\s*\d{1,2}|\(\d{1,2}\)))?)\s*$/i.exec(v);
  const prefixed = bare ? canonicalSrReId(`SR ${bare[1]}`) : undefined;
  if (prefixed && catalogueEntry(prefixed)) return { why: 'the `SR ` prefix is missing', meant: prefixed, fix: prefixed };
  const id = canonicalSrReId(v);
  if (id && / RE /.test(id)) {
    const sr = id.slice(0, id.indexOf(' RE '));
    if (catalogueEntry(sr)) {
      const res = enhancementsOf(sr);
      return {
        why: res.length ? `${sr} has ${res.length === 1 ? 'only RE 1' : `RE 1 .. RE ${res.length}`}` : `${sr} has no requirement enhancements`,
        meant: res.length ? res[res.length - 1].id : sr,
      };
    }
  }
  // Prefer a neighbour in the same FR: `SR 4.13` is more likely `SR 4.3` than `SR 1.13`.
  const sameFr = id ? CATALOGUE.filter((e) => e.fr === `FR${id[3]}`).map((e) => e.id) : [];
  return {
    why: 'not in SR 1.1 .. SR 7.8 with their REs',
    meant:
      nearest(id ?? v, sameFr) ??
      nearest(
        id ?? v,
        CATALOGUE.map((e) => e.id),
      ),
  };
}

const rule: Rule = {
  meta: {
    code: 'RQ004',
    alias: 'unknown-sr-id',
    severity: 'error',
    category: 'requirements',
    description: 'A requirement, control or asset capability names an IEC 62443-3-3 SR or RE that the standard does not have.',
    rationale:
      'IEC 62443-3-3 defines 51 system requirements, SR 1.1 to SR 7.8, and 49 requirement enhancements; a misspelt or invented ID silently drops the item from the zone compliance view, from RQ005 and from the SL-C check (RQ007). Accepted forms: `SR 1.1`, `SR1.1`, `SR 1.1 RE 2`, `SR 1.1(2)`. The message says what is wrong (missing prefix, an RE the SR does not have) and the closest real ID; the fix only adds the missing `SR ` prefix to a bare `1.1`.',
    source: 'IEC 62443-3-3:2013 clauses 5-11 (SR 1.1 .. SR 7.8 and their REs)',
    fixable: true,
    since: '0.1.0',
    scope: 'file',
    examples: {
      valid: [
        `requirements:
  - id: SEC-REQ-001
    title: Reject unsigned therapy commands
    standards: {iec62443_3_3: ["SR 3.1", "SR 1.2 RE 1"]}
    verification: [test]
    tests: [TC-001]
controls:
  - id: CTL-001
    title: Signed command frames
    standards: {iec62443_3_3: ["SR 3.1 RE 1"]}
tests:
  - id: TC-001
    title: Unsigned command is rejected
`,
      ],
      invalid: [
        `requirements:
  - id: SEC-REQ-001
    title: Reject unsigned therapy commands
    standards: {iec62443_3_3: ["SR 3.10", "3.1"]}
#                              ^^^^^^^^^ RQ004
#                                         ^^^^^ RQ004
    verification: [test]
    tests: [TC-001]
controls:
  - id: CTL-001
    title: Signed command frames
    standards: {iec62443_3_3: ["SR 3.1 RE 2"]}
#                              ^^^^^^^^^^^^^ RQ004
tests:
  - id: TC-001
    title: Unsigned command is rejected
`,
      ],
    },
  },
  check(ctx) {
    for (const [kind, path] of FIELDS)
      for (const r of ctx.graph.byKind[kind]) {
        const values = path.reduce<unknown>((o, k) => (o === null || o === undefined ? undefined : (o as Readonly<Record<string, unknown>>)[k]), r.data);
        if (!Array.isArray(values)) continue;
        const text = ctx.graph.fileByPath.get(r.file)!.source.text;
        values.forEach((value: unknown, i: number) => {
          if (typeof value === 'string' ? lookupSrRe(value) : typeof value !== 'number') return;
          // A bare number (`1.10`) is read from the source text: its value would lose the trailing zero.
          const node = deref(nodeAt(r.node, [...path, i]));
          const v = typeof value === 'number' && node ? text.slice(node.start, node.end) : String(value);
          if (lookupSrRe(v)) return;
          const range = ctx.rangeOf(r, [...path, i]);
          const d = diagnose(v);
          ctx.report({
            file: r.file,
            range,
            message: `'${v}' is not an IEC 62443-3-3 system requirement or enhancement: ${d.why}${d.meant ? `; did you mean '${d.meant}'?` : ''}`,
            fix: d.fix ? { description: `Write '${d.fix}'`, edits: [{ file: r.file, range, newText: JSON.stringify(d.fix) }] } : undefined,
          });
        });
      }
  },
};
export default rule;
