import { RUBRIC_SAFETY_METRICS, threatScore, SCORES_READS } from '../../analysis/scores';
import type { Rule } from '../types';
import { hasText, severityOf, targetsOf, TR_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'TR005',
    alias: 'serious-hazard-without-rubric',
    severity: 'warning',
    category: 'threats',
    description: 'A threat linked to a hazard of serious or worse severity is scored with plain CVSS instead of the MITRE rubric, or a rubric score lacks the answers for Integrity or Availability.',
    rationale:
      'Plain CVSS underrates patient harm: it was built for IT confidentiality. The MITRE "Rubric for Applying CVSS to Medical Devices" (an FDA-qualified Medical Device Development Tool) asks structured questions per metric so that safety impact is scored consistently. Recording the answers (`score.rubric`) lets reviewers audit the choice; the Integrity and Availability answers carry the safety judgement. "Serious" is `severity_scale.serious` in spdf.config.yaml (default 3).',
    source: 'MITRE Rubric for Applying CVSS to Medical Devices (2019; FDA MDDT qualification 2020); FDA premarket cybersecurity guidance V.A.4',
    fixable: false,
    since: '0.1.0',
    reads: [...TR_HELPERS_READS, ...SCORES_READS, 'hazards'],
    examples: {
      valid: [
        `assets:
  - id: AST-DOSE
    name: Dose command
    kind: data
threats:
  - id: THR-001
    title: Forged dose command
    stride: [T]
    targets: [AST-DOSE]
    score:
      method: mitre-cvss-rubric
      vector: "CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H"
      rubric: {AV: "adjacent via BLE", I: "incorrect therapy possible", A: "therapy interrupted"}
      pre: 8.1
      post: 3.1
    hazards: [HAZ-001]
    status: accepted
    acceptance: {by: Risk board, rationale: Residual risk below the RMP threshold.}
hazards:
  - id: HAZ-001
    hazard: Over-infusion
    severity: 3
    rmf_ref: RMF-H-001
`,
      ],
      invalid: [
        `assets:
  - id: AST-DOSE
    name: Dose command
    kind: data
threats:
  - id: THR-001
    title: Forged dose command
    stride: [T]
    targets: [AST-DOSE]
    score:
      method: cvss-3.1
#             ^^^^^^^^ TR005
      vector: "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H"
      pre: 8.1
      post: 3.1
    hazards: [HAZ-001]
    status: accepted
    acceptance: {by: Risk board, rationale: Residual risk below the RMP threshold.}
  - id: THR-002
    title: Replayed dose command
    stride: [T]
    targets: [AST-DOSE]
    score:
      method: mitre-cvss-rubric
      vector: "CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H"
      rubric: {AV: "adjacent via BLE", I: "incorrect therapy possible"}
#     ^^^^^^ TR005
      pre: 8.1
      post: 3.1
    hazards: [HAZ-001]
    status: accepted
    acceptance: {by: Risk board, rationale: Residual risk below the RMP threshold.}
hazards:
  - id: HAZ-001
    hazard: Over-infusion
    severity: 3
    rmf_ref: RMF-H-001
`,
      ],
    },
  },
  check(ctx) {
    const serious = ctx.config.seriousLevel;
    for (const t of ctx.graph.byKind.threat) {
      const s = threatScore(t);
      const rubricMethod = s.method === 'mitre-cvss-rubric';
      if (rubricMethod) {
        const missing = RUBRIC_SAFETY_METRICS.filter((m) => !hasText(s.rubric?.[m]));
        if (missing.length)
          ctx.report({
            file: t.file,
            range: s.rubric ? ctx.keyRangeOf(t, ['score', 'rubric']) : ctx.rangeOf(t, ['score', 'method']),
            message: `threat '${t.id}' is scored with the MITRE rubric but records no rubric answer for ${missing.join(' and ')}; add them to \`score.rubric\` so reviewers can audit the score`,
          });
        continue;
      }
      const plainCvss = (s.method?.startsWith('cvss-') ?? false) || (s.method === undefined && !!(s.vector || s.postVector));
      if (!plainCvss) continue;
      const worst = targetsOf(ctx.graph, t, 'hazards').filter((h) => h.kind === 'hazard' && (severityOf(h) ?? 0) >= serious);
      if (!worst.length) continue;
      const h = worst[0];
      ctx.report({
        file: t.file,
        range: s.method ? ctx.rangeOf(t, ['score', 'method']) : ctx.keyRangeOf(t, ['score']),
        message: `threat '${t.id}' can lead to hazard '${h.id}' (severity ${h.data.severity}, serious or worse) but is scored with plain CVSS; use \`method: mitre-cvss-rubric\` and record the rubric answers`,
      });
    }
  },
};
export default rule;
