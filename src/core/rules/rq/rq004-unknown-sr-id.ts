import { parseSrId } from '../../vocab/iec62443';
import { deref, nodeAt } from '../../yaml/ynode';
import type { Rule } from '../types';

const rule: Rule<'typed'> = {
  meta: {
    code: 'RQ004',
    alias: 'unknown-sr-id',
    severity: 'error',
    category: 'requirements',
    description: 'A requirement maps to an IEC 62443-3-3 identifier that is not SR 1.1 .. SR 7.8 (optionally with an RE number).',
    rationale:
      'IEC 62443-3-3 defines 51 system requirements, SR 1.1 to SR 7.8, grouped under FR1..FR7; a misspelt or invented ID silently drops the requirement from the FR coverage (RQ005) and from any 62443 compliance table. Accepted forms: `SR 1.1`, `SR1.1`, `SR 1.1 RE 2`, `SR 1.1(2)`. The fix only adds the missing `SR ` prefix to a bare `1.1`.',
    source: 'IEC 62443-3-3:2013 clauses 5-11 (SR 1.1 .. SR 7.8)',
    fixable: true,
    since: '0.1.0',
    examples: {
      valid: [
        `requirements:
  - id: SEC-REQ-001
    title: Reject unsigned therapy commands
    standards: {iec62443_3_3: ["SR 3.1", "SR 1.2 RE 1"]}
    verification: [test]
    tests: [TC-001]
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
tests:
  - id: TC-001
    title: Unsigned command is rejected
`,
      ],
    },
  },
  check(ctx) {
    for (const r of ctx.graph.byKind.requirement) {
      const list = r.data.standards?.iec62443_3_3;
      if (!Array.isArray(list)) continue;
      const text = ctx.graph.fileByPath.get(r.file)!.source.text;
      list.forEach((value: unknown, i: number) => {
        if (typeof value === 'string' ? parseSrId(value) : typeof value !== 'number') return;
        // A bare number (`1.10`) is read from the source text: its value would lose the trailing zero.
        const node = deref(nodeAt(r.node, ['standards', 'iec62443_3_3', i]));
        const v = typeof value === 'number' && node ? text.slice(node.start, node.end) : String(value);
        if (parseSrId(v)) return;
        const range = ctx.rangeOf(r, ['standards', 'iec62443_3_3', i]);
        const bare = /^\s*(\d\.\d{1,2}(?:\s*(?:RE\s*\d{1,2}|\(\d{1,2}\)))?)\s*$/i.exec(v);
        const fixed = bare && parseSrId(`SR ${bare[1]}`) ? `SR ${bare[1]}` : undefined;
        ctx.report({
          file: r.file,
          range,
          message: `'${v}' is not an IEC 62443-3-3 system requirement (SR 1.1 .. SR 7.8)${fixed ? `; did you mean '${fixed}'?` : ''}`,
          fix: fixed ? { description: `Write '${fixed}'`, edits: [{ file: r.file, range, newText: JSON.stringify(fixed) }] } : undefined,
        });
      });
    }
  },
};
export default rule;
