import { threatScore } from '../../analysis/scores';
import type { Rule } from '../types';

const rule: Rule = {
  meta: {
    code: 'TR003',
    alias: 'threat-without-pre-score',
    severity: 'error',
    category: 'threats',
    description: 'A threat has no pre-mitigation score: no `score.pre`, no CVSS `score.vector` and no `score.exploitability`.',
    rationale:
      'The FDA premarket guidance asks for a security risk assessment that scores each threat before and after mitigation, on exploitability rather than probability. Without a pre-mitigation score there is no risk to evaluate, compare with the tolerable risk or reduce.',
    source: 'FDA premarket cybersecurity guidance (2023/2025) V.A.4 security risk assessment (exploitability); IEC 62443-3-2 ZCR 5.5 unmitigated risk',
    fixable: false,
    since: '0.1.0',
    scope: 'file',
    examples: {
      valid: [
        `assets:
  - id: AST-LOG
    name: Usage log
    kind: data
threats:
  - id: THR-001
    title: Usage log read by another app
    stride: [I]
    targets: [AST-LOG]
    score: {method: cvss-3.1, vector: "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N", pre: 3.3, post: 0}
    no_safety_impact_rationale: The log holds no therapy data.
`,
      ],
      invalid: [
        `assets:
  - id: AST-LOG
    name: Usage log
    kind: data
threats:
  - id: THR-001
    title: Usage log read by another app
    stride: [I]
    targets: [AST-LOG]
    score: {post_exploitability: low}
#   ^^^^^ TR003
    no_safety_impact_rationale: The log holds no therapy data.
`,
      ],
    },
  },
  check(ctx) {
    for (const t of ctx.graph.byKind.threat) {
      if (threatScore(t).hasPre) continue;
      const hasScore = t.data.score !== undefined;
      ctx.report({
        file: t.file,
        range: hasScore ? ctx.keyRangeOf(t, ['score']) : ctx.rangeOf(t),
        message: `threat '${t.id}' has no pre-mitigation score; set \`score.exploitability\` (FDA: exploitability, not probability) or a CVSS \`score.vector\` with \`score.pre\``,
      });
    }
  },
};
export default rule;
