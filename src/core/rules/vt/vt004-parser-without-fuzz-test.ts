import type { Rule } from '../types';
import { strList } from '../tr/helpers';

const rule: Rule = {
  meta: {
    code: 'VT004',
    alias: 'parser-without-fuzz-test',
    severity: 'warning',
    category: 'tests',
    description: 'An asset that parses protocol input (`parses`: HL7, DICOM, Modbus, BLE GATT ...) has no `fuzz` test targeting it.',
    rationale:
      'Parsers of external input are where memory-safety and logic flaws hide; the FDA lists fuzz testing among the vulnerability tests it expects, and IEC 81001-5-1 asks for vulnerability testing including malformed input. A `fuzz` test covers an asset when its `targets` name the asset.',
    source: 'FDA premarket cybersecurity guidance V.C (vulnerability testing: fuzz testing); IEC 81001-5-1:2021 5.7.3',
    fixable: false,
    since: '0.1.0',
    reads: ['in_scope', 'kind', 'parses', 'targets'],
    examples: {
      valid: [
        `assets:
  - id: AST-HL7
    name: HL7 message parser
    kind: data
    parses: [hl7v2-mllp]
tests:
  - id: TC-FUZZ-01
    title: HL7 v2 grammar fuzzing
    kind: fuzz
    targets: [AST-HL7]
`,
      ],
      invalid: [
        `assets:
  - id: AST-HL7
    name: HL7 message parser
    kind: data
    parses: [hl7v2-mllp]
#   ^^^^^^ VT004
tests:
  - id: TC-UNIT-01
    title: HL7 v2 happy path
    kind: unit
    targets: [AST-HL7]
`,
      ],
    },
  },
  check(ctx) {
    const { graph } = ctx;
    let fuzzed: Set<string> | undefined;
    for (const a of graph.byKind.asset) {
      const parses = strList(a.data.parses);
      if (!parses.length || a.data.in_scope === false) continue;
      fuzzed ??= new Set(graph.byKind.test.filter((t) => t.data.kind === 'fuzz').flatMap((t) => (graph.refsOf.get(t) ?? []).filter((r) => r.field === 'targets').map((r) => r.id)));
      if (fuzzed.has(a.id)) continue;
      ctx.report({
        file: a.file,
        range: ctx.keyRangeOf(a, ['parses']),
        message: `asset '${a.id}' parses ${parses.join(', ')} input but no fuzz test targets it`,
      });
    }
  },
};
export default rule;
