import { pathMatcher } from '../../path-glob';
import { FUNCTION_LIKE_KINDS } from '../../codelinks/model';
import type { Rule } from '../types';
import { code } from './code-facts';

const rule: Rule = {
  meta: {
    code: 'CL005',
    alias: 'untraced-safety-code',
    severity: 'warning',
    category: 'code-links',
    description: 'A function in code that a safety-critical asset claims (its `code` globs) carries no tag and no exclusion.',
    rationale:
      'Code of a safety-critical asset should exist because a requirement, control or hazard control asks for it; untraced functions there are either missing evidence or unreviewed functionality. Tag the function, or mark it deliberately untraced with `lobster-exclude: reason`. The severity is configurable.',
    source: 'IEC 62304 5.1.1 / 7.3 (traceability of software to risk control measures) [mem]; ISO 14971 risk control verification',
    fixable: false,
    since: '0.1.0',
    codeScope: 'file',
    reads: ['code', 'safety_critical'],
    needs: ['code'],
    examples: {
      valid: [
        {
          'model.spdf.yaml':
            'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\nassets:\n  - id: AST-PUMP-FW\n    name: Pump firmware\n    kind: component\n    safety_critical: true\n    code: ["fw/**"]\n',
          'fw/dose.c': '// @spdf implements SEC-REQ-014\nint dose_set_rate(int rate) { return rate; }\n',
        },
      ],
      invalid: [
        {
          'model.spdf.yaml':
            'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\nassets:\n  - id: AST-PUMP-FW\n    name: Pump firmware\n    kind: component\n    safety_critical: true\n    code: ["fw/**"]\n',
          'fw/dose.c': '// @spdf implements SEC-REQ-014\nint dose_set_rate(int rate) { return rate; }\n\nint dose_reset(void) { return 0; }\n//  ^^^^^^^^^^ CL005\n',
        },
      ],
    },
  },
  check(ctx) {
    const globs = ctx.graph.byKind.asset
      .filter((a) => a.data.safety_critical === true && Array.isArray(a.data.code))
      .flatMap((a) => (a.data.code as unknown[]).filter((g): g is string => typeof g === 'string' && !g.startsWith('symbol:')));
    if (globs.length === 0) return;
    const claimed = pathMatcher(globs);
    for (const file of code(ctx)?.files ?? []) {
      if (!claimed(file.file)) continue;
      const traced = new Set(file.links.map((l) => l.symbol));
      const excluded = new Set(file.exclusions.map((e) => e.symbol));
      for (const symbol of file.symbols) {
        if (!FUNCTION_LIKE_KINDS.has(symbol.kind) || symbol.declarationOnly) continue;
        if (traced.has(symbol.qualifiedName) || excluded.has(symbol.qualifiedName)) continue;
        ctx.report({
          file: file.file,
          range: symbol.nameRange,
          message: `'${symbol.qualifiedName}' is safety-critical code with no trace tag; link it or add 'lobster-exclude: reason'`,
        });
      }
    }
  },
};
export default rule;
