import type { Rule } from '../types';
import { hasText } from './helpers';

const rule: Rule = {
  meta: {
    code: 'TR008',
    alias: 'accepted-threat-without-approval',
    severity: 'error',
    category: 'threats',
    description: 'A threat marked `accepted` has no acceptance rationale or no approver.',
    rationale:
      "Accepting a residual risk is a decision somebody owns: ISO 14971 asks for the acceptability of each residual risk to be evaluated against the risk management plan, and Threagile's risk tracking records a justification and who checked it. An accepted threat shows as JUSTIFIED in the matrix only with `acceptance.by` and `acceptance.rationale`. No automatic fix: a placeholder approver would falsify the record.",
    source: 'ISO 14971:2019 clause 7.4/8 (residual risk evaluation); IEC 62443-3-2 ZCR 5.11; Threagile risk_tracking (justification, checked_by)',
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
    score: {exploitability: low, post_exploitability: low}
    no_safety_impact_rationale: The log holds no therapy data.
    status: accepted
    acceptance: {by: Risk board, on: 2026-04-01, rationale: Low exploitability and no patient data in the log.}
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
    score: {exploitability: low, post_exploitability: low}
    no_safety_impact_rationale: The log holds no therapy data.
    status: accepted
#           ^^^^^^^^ TR008
    acceptance: {on: 2026-04-01}
`,
      ],
    },
  },
  check(ctx) {
    for (const t of ctx.graph.byKind.threat) {
      if (t.data.status !== 'accepted') continue;
      const a = t.data.acceptance && typeof t.data.acceptance === 'object' ? t.data.acceptance : {};
      const missing = [!hasText(a.rationale) && 'a rationale (`acceptance.rationale`)', !hasText(a.by) && 'an approver (`acceptance.by`)'].filter(Boolean);
      if (!missing.length) continue;
      ctx.report({
        file: t.file,
        range: ctx.rangeOf(t, ['status']),
        message: `threat '${t.id}' is accepted without ${missing.join(' and ')}`,
      });
    }
  },
};
export default rule;
