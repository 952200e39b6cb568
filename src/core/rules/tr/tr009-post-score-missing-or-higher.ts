import { exploitabilityRank, threatScore } from '../../analysis/scores';
import type { Rule } from '../types';

const rule: Rule = {
  meta: {
    code: 'TR009',
    alias: 'post-score-missing-or-higher',
    severity: 'warning',
    category: 'threats',
    description: 'A scored threat has no post-mitigation score, or its post-mitigation score or exploitability is higher than before mitigation.',
    rationale:
      'The FDA asks for security risk to be assessed before and after mitigation, so the reviewer sees what the controls achieved; SW96 follows the same pattern. A missing post-mitigation score leaves the residual risk unstated, and a post-mitigation score above the pre-mitigation one is almost always a data-entry error. Threats with `status: n/a` are skipped.',
    source: 'FDA premarket cybersecurity guidance V.A.4 (pre- and post-mitigation risk); ANSI/AAMI SW96:2023; IEC 62443-3-2 ZCR 5.10 residual risk',
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
    score: {exploitability: medium, post_exploitability: low}
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
    score: {exploitability: medium}
#   ^^^^^ TR009
    no_safety_impact_rationale: The log holds no therapy data.
  - id: THR-002
    title: Usage log deleted by another app
    stride: [T]
    targets: [AST-LOG]
    score: {pre: 3.3, post: 4.0}
#                           ^^^ TR009
    no_safety_impact_rationale: The log holds no therapy data.
`,
      ],
    },
  },
  check(ctx) {
    for (const t of ctx.graph.byKind.threat) {
      if (t.data.status === 'n/a') continue;
      const s = threatScore(t);
      if (!s.hasPre) continue;
      if (!s.hasPost) {
        ctx.report({
          file: t.file,
          range: ctx.keyRangeOf(t, ['score']),
          message: `threat '${t.id}' has no post-mitigation score; set \`score.post\`, \`score.post_vector\` or \`score.post_exploitability\``,
        });
        continue;
      }
      if (s.pre !== undefined && s.post !== undefined && s.post > s.pre) {
        const explicit = typeof t.data.score?.post === 'number';
        ctx.report({
          file: t.file,
          range: ctx.rangeOf(t, ['score', explicit ? 'post' : 'post_vector']),
          message: `threat '${t.id}': post-mitigation score ${s.post} is higher than the pre-mitigation score ${s.pre}`,
        });
      }
      const pe = exploitabilityRank(s.exploitability);
      const qe = exploitabilityRank(s.postExploitability);
      if (pe !== undefined && qe !== undefined && qe > pe)
        ctx.report({
          file: t.file,
          range: ctx.rangeOf(t, ['score', 'post_exploitability']),
          message: `threat '${t.id}': post-mitigation exploitability '${s.postExploitability}' is higher than before mitigation ('${s.exploitability}')`,
        });
    }
  },
};
export default rule;
